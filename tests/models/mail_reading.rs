//! Arriving mail as Redress reads it, over a corpus of real-shaped messages
//! (`tests/fixtures/mail`): who wrote it, what it answers, the sender's own words, its
//! files, and whether a person wrote it at all.
use redress::models::inbound::reading::{read, Nature, Unreadable};

const HOST: &str = "redress.example";

use crate::support::mail_fixture as fixture;

#[test]
fn a_filing_by_mail_gives_its_subject_words_sender_arrival_address_and_attached_record() {
    let r = read(&fixture("filing-with-attachment.eml"), HOST).expect("readable");
    assert_eq!(
        r.message_id.as_deref(),
        Some("CAFe1234@mail.delegation-tv.example")
    );
    assert_eq!(r.from.as_deref(), Some("ana.lima@delegation-tv.example"));
    assert_eq!(r.from_name.as_deref(), Some("Ana Lima"));
    assert!(r
        .recipients
        .contains(&"registry@redress.example".to_string()));
    assert_eq!(r.subject, "Speaking time denied at the resumed session");
    assert!(
        r.text
            .contains("list early. We ask for redress — the summary"),
        "{}",
        r.text
    );
    assert_eq!(r.language.as_deref(), Some("en"));
    assert_eq!(r.nature, Nature::Personal);
    assert_eq!(r.attachments.len(), 1);
    assert_eq!(r.attachments[0].name, "summary-record.pdf");
    assert_eq!(r.attachments[0].content_type, "application/pdf");
    assert!(r.attachments[0].bytes.starts_with(b"%PDF-1.4"));
}

#[test]
fn an_html_only_message_in_chinese_is_read_as_text_with_its_encoded_subject_and_name() {
    let r = read(&fixture("html-only-chinese.eml"), HOST).expect("readable");
    assert_eq!(r.subject, "投诉：文件未翻译");
    assert_eq!(r.from_name.as_deref(), Some("王小明"));
    assert!(r.text.contains("文件未翻译成中文。"), "{}", r.text);
    assert!(!r.text.contains("<p>"), "markup is not words: {}", r.text);
}

#[test]
fn subjects_in_each_of_the_six_languages_are_decoded_whatever_their_encoding() {
    let expected = [
        ("en", "Our agenda item was dropped"),
        ("fr", "Notre point de l’ordre du jour a été retiré"),
        ("es", "Se retiró nuestro tema del programa"),
        ("ar", "تم حذف بندنا من جدول الأعمال"),
        ("zh", "我们的议程项目被删除"),
        ("ru", "Наш пункт повестки дня был исключён"),
    ];
    for (lang, subject) in expected {
        let r = read(&fixture(&format!("subject-{lang}.eml")), HOST).expect("readable");
        assert_eq!(r.subject, subject, "{lang}");
        assert_eq!(r.text, format!("— {subject}"), "{lang}");
        assert_eq!(r.language.as_deref(), Some(lang));
    }
}

#[test]
fn an_outlook_reply_answers_our_notice_and_keeps_only_the_words_above_the_history() {
    let r = read(&fixture("outlook-reply.eml"), HOST).expect("readable");
    assert_eq!(r.nature, Nature::Personal);
    assert_eq!(
        r.recipients,
        ["registry+n42-00112233445566778899@redress.example"]
    );
    assert_eq!(
        r.answers,
        ["notice-42@redress.example", "notice-40@redress.example"]
    );
    assert_eq!(
        r.text,
        "The minutes you asked for are in the annex of our note of 2 December.\r\n\r\nRegards,\r\nChidi"
    );
}

#[test]
fn a_forwarded_message_travels_as_an_attached_message_with_the_senders_note_as_words() {
    let r = read(&fixture("forwarded.eml"), HOST).expect("readable");
    assert_eq!(
        r.text,
        "Forwarding the secretariat message that dropped our item."
    );
    assert_eq!(r.attachments.len(), 1);
    assert_eq!(r.attachments[0].content_type, "message/rfc822");
    assert!(String::from_utf8_lossy(&r.attachments[0].bytes).contains("Item 7 has been removed"));
}

#[test]
fn auto_replies_bounces_and_our_own_mail_are_told_from_a_person_writing() {
    let auto = read(&fixture("auto-reply.eml"), HOST).expect("readable");
    assert!(
        matches!(&auto.nature, Nature::Automatic { why } if why.contains("auto-replied")),
        "{:?}",
        auto.nature
    );
    let bounce = read(&fixture("bounce.eml"), HOST).expect("readable");
    assert_eq!(
        bounce.nature,
        Nature::Bounce {
            original: Some("notice-4242@redress.example".into()),
            recipient: Some("gone@delegation.example".into()),
            reason: "smtp; 550 5.1.1 <gone@delegation.example>: Recipient address rejected: User unknown".into(),
        }
    );
    let ours = read(&fixture("our-own.eml"), HOST).expect("readable");
    assert_eq!(ours.nature, Nature::Ours);
    let elsewhere = read(&fixture("our-own.eml"), "other.example").expect("readable");
    assert_eq!(
        elsewhere.nature,
        Nature::Personal,
        "another deployment's notice is mail"
    );
}

#[test]
fn bytes_that_are_not_mail_are_refused_with_a_reason_and_never_panic() {
    assert_eq!(read(b"", HOST), Err(Unreadable::Empty));
    assert_eq!(read(b" \r\n\r\n", HOST), Err(Unreadable::Empty));
    for junk in [
        &b"\x00\x01\x02binary"[..],
        b"just a line of words",
        &[0xff; 64],
    ] {
        let _ = read(junk, HOST);
    }
}
