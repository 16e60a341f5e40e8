//! The registry's page of mail received: the review queue first, each message downloadable
//! as it arrived, in the registrar's language; nobody else has the page.
use redress::{
    app::App,
    models::inbound::{self, Via},
    settings::Settings,
};
use serial_test::serial;

use super::Browser;
use crate::support::*;

#[tokio::test]
#[serial]
async fn the_registry_sees_the_review_queue_on_its_page_and_downloads_a_message_as_it_arrived() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let settings = Settings::of(&ctx).expect("settings");
        let now = redress::clock::now(&ctx);
        let raw = mail_fixture("subject-ar.eml");
        let taken = inbound::receive(&ctx.db, &settings, &raw, Via::Imap, now)
            .await
            .expect("kept");
        let inbound::Taken::Kept { pid, .. } = taken else {
            panic!("{taken:?}")
        };
        inbound::receive(
            &ctx.db,
            &settings,
            &mail_fixture("auto-reply.eml"),
            Via::Imap,
            now,
        )
        .await
        .expect("kept");

        let mut registrar = Browser::sign_in(&server, &w.registrar).await;
        let page = registrar.get(&server, "/desk/mail").await;
        assert_eq!(page.status_code(), 200);
        let html = page.text();
        assert!(html.contains(&format!("/desk/mail/{pid}/raw")), "{html}");
        assert!(
            html.contains("not addressed to the intake address"),
            "{html}"
        );
        assert!(
            !html.contains("Automatic reply"),
            "an auto-reply is not in the review queue"
        );
        let aside = registrar
            .get(&server, "/desk/mail?outcome=set_aside")
            .await
            .text();
        assert!(aside.contains("aria-current=\"page\""), "{aside}");
        assert!(!aside.contains(&format!("/desk/mail/{pid}/raw")));

        // One message as read, for a registrar who cannot open the raw message (on a phone).
        let one = registrar.get(&server, &format!("/desk/mail/{pid}")).await;
        assert_eq!(one.status_code(), 200);
        let one = one.text();
        let read = inbound::reading::read(&raw, settings.public_host()).expect("readable");
        assert!(one.contains(&read.subject), "the subject, decoded: {one}");
        assert!(
            one.contains(read.text.lines().next().expect("words")),
            "its words: {one}"
        );
        assert!(one.contains(&format!("/desk/mail/{pid}/raw")));
        let with_file = inbound::receive(
            &ctx.db,
            &settings,
            &mail_fixture("filing-with-attachment.eml"),
            Via::Pipe,
            now,
        )
        .await
        .expect("kept");
        let inbound::Taken::Kept { pid: filed, .. } = with_file else {
            panic!("{with_file:?}")
        };
        let filed = registrar
            .get(&server, &format!("/desk/mail/{filed}"))
            .await
            .text();
        assert!(
            filed.contains("summary-record.pdf") && filed.contains("application/pdf"),
            "the files it carries, listed: {filed}"
        );

        let download = registrar
            .get(&server, &format!("/desk/mail/{pid}/raw"))
            .await;
        assert_eq!(download.status_code(), 200);
        assert_eq!(download.as_bytes().as_ref(), raw.as_slice());

        let bad = registrar
            .get(&server, "/desk/mail?outcome=everything")
            .await;
        assert_eq!(bad.status_code(), 422);
        for who in [&w.mediator, &w.oversight, &w.complainant] {
            let mut b = Browser::sign_in(&server, who).await;
            for path in [
                "/desk/mail".to_string(),
                format!("/desk/mail/{pid}"),
                format!("/desk/mail/{pid}/raw"),
            ] {
                assert_eq!(b.get(&server, &path).await.status_code(), 404, "{path}");
            }
        }
    })
    .await;
}
