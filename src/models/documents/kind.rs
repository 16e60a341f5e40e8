//! What a file is, judged by its content and never by its name: the kinds a case file takes
//! (PDF, images, office documents, plain text, e-mail messages) and nothing else. Markup a
//! browser would run (HTML, SVG, XML), programs, archives and anything unrecognised are
//! refused, so nothing a user uploaded can come back as a page.
use serde::Serialize;

/// How many leading bytes the judgement reads: enough for an office document's first
/// entries, whose names tell a Word file from a spreadsheet.
pub const HEAD: usize = 64 * 1024;

/// A kind of file a case file keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub enum MediaType {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Tiff,
    Word,
    WordOpenXml,
    Excel,
    ExcelOpenXml,
    PowerPoint,
    PowerPointOpenXml,
    OpenDocumentText,
    OpenDocumentSpreadsheet,
    OpenDocumentPresentation,
    Rtf,
    PlainText,
    Email,
}

impl MediaType {
    /// Every kind, each once.
    pub const ALL: [Self; 18] = [
        Self::Pdf,
        Self::Png,
        Self::Jpeg,
        Self::Gif,
        Self::Webp,
        Self::Tiff,
        Self::Word,
        Self::WordOpenXml,
        Self::Excel,
        Self::ExcelOpenXml,
        Self::PowerPoint,
        Self::PowerPointOpenXml,
        Self::OpenDocumentText,
        Self::OpenDocumentSpreadsheet,
        Self::OpenDocumentPresentation,
        Self::Rtf,
        Self::PlainText,
        Self::Email,
    ];

    /// The MIME type a download is served with.
    #[must_use]
    pub const fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Gif => "image/gif",
            Self::Webp => "image/webp",
            Self::Tiff => "image/tiff",
            Self::Word => "application/msword",
            Self::WordOpenXml => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Self::Excel => "application/vnd.ms-excel",
            Self::ExcelOpenXml => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            Self::PowerPoint => "application/vnd.ms-powerpoint",
            Self::PowerPointOpenXml => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            Self::OpenDocumentText => "application/vnd.oasis.opendocument.text",
            Self::OpenDocumentSpreadsheet => "application/vnd.oasis.opendocument.spreadsheet",
            Self::OpenDocumentPresentation => "application/vnd.oasis.opendocument.presentation",
            Self::Rtf => "application/rtf",
            Self::PlainText => "text/plain; charset=utf-8",
            Self::Email => "message/rfc822",
        }
    }

    /// The extension a downloaded copy is named with, whatever name it was uploaded under.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Gif => "gif",
            Self::Webp => "webp",
            Self::Tiff => "tif",
            Self::Word => "doc",
            Self::WordOpenXml => "docx",
            Self::Excel => "xls",
            Self::ExcelOpenXml => "xlsx",
            Self::PowerPoint => "ppt",
            Self::PowerPointOpenXml => "pptx",
            Self::OpenDocumentText => "odt",
            Self::OpenDocumentSpreadsheet => "ods",
            Self::OpenDocumentPresentation => "odp",
            Self::Rtf => "rtf",
            Self::PlainText => "txt",
            Self::Email => "eml",
        }
    }

    /// The kind stored under `mime`, if any.
    #[must_use]
    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.mime() == mime)
    }

    /// Judges a file by its first bytes (at most [`HEAD`]); `complete` when they are the
    /// whole file. `None`: not a kind a case file keeps.
    #[must_use]
    pub fn judge(head: &[u8], complete: bool) -> Option<Self> {
        if head.is_empty() {
            return None;
        }
        if let Some(found) = infer::get(head) {
            return Self::from_infer(found.mime_type());
        }
        let text = text_of(head, complete)?;
        if looks_like_markup(text) {
            return None;
        }
        Some(if looks_like_email(text) {
            Self::Email
        } else {
            Self::PlainText
        })
    }

    fn from_infer(mime: &str) -> Option<Self> {
        Some(match mime {
            "application/pdf" => Self::Pdf,
            "image/png" => Self::Png,
            "image/jpeg" => Self::Jpeg,
            "image/gif" => Self::Gif,
            "image/webp" => Self::Webp,
            "image/tiff" => Self::Tiff,
            "application/msword" => Self::Word,
            "application/vnd.ms-excel" => Self::Excel,
            "application/vnd.ms-powerpoint" => Self::PowerPoint,
            "application/rtf" => Self::Rtf,
            other => Self::from_mime(other)?,
        })
    }
}

/// The bytes as UTF-8 text without control characters other than tab, line feed, carriage
/// return and form feed; a multi-byte character cut at the end of an incomplete head is not
/// held against it.
fn text_of(head: &[u8], complete: bool) -> Option<&str> {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if !complete && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .then_some(text)
}

/// Text a browser would take for a page or a picture it runs (HTML, SVG, XML).
fn looks_like_markup(text: &str) -> bool {
    let start = text.trim_start().get(..256.min(text.trim_start().len()));
    let start = start.unwrap_or_default().to_ascii_lowercase();
    [
        "<?xml",
        "<!doctype",
        "<html",
        "<svg",
        "<head",
        "<body",
        "<script",
        "<!--",
    ]
    .iter()
    .any(|m| start.starts_with(m))
}

/// An RFC 5322 message: a block of header fields, among them `From:` and one of `Date:`,
/// `Subject:`, `Message-ID:` or `Received:`, then a blank line.
fn looks_like_email(text: &str) -> bool {
    let mut names = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) && !names.is_empty() {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        names.push(name.to_ascii_lowercase());
    }
    names.iter().any(|n| n == "from")
        && names
            .iter()
            .any(|n| ["date", "subject", "message-id", "received"].contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_pdf_is_a_pdf_whatever_it_is_called() {
        assert_eq!(
            MediaType::judge(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", false),
            Some(MediaType::Pdf)
        );
    }

    #[test]
    fn pictures_are_known_by_their_signatures() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
        assert_eq!(MediaType::judge(png, true), Some(MediaType::Png));
        assert_eq!(
            MediaType::judge(b"\xff\xd8\xff\xe0\0\x10JFIF\0", true),
            Some(MediaType::Jpeg)
        );
        assert_eq!(
            MediaType::judge(b"GIF89a\x01\0\x01\0", true),
            Some(MediaType::Gif)
        );
    }

    #[test]
    fn plain_text_in_any_script_is_text() {
        let text = "Ordre du jour — point 4 supprimé.\nالبند ٤ حُذف\n议程项目4被删除\n";
        assert_eq!(
            MediaType::judge(text.as_bytes(), true),
            Some(MediaType::PlainText)
        );
    }

    #[test]
    fn a_mail_message_is_an_email() {
        let eml = "Received: from mx.example\r\nFrom: Chair <chair@un.example>\r\n\
                   Subject: Speakers list\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\n\r\nBody";
        assert_eq!(
            MediaType::judge(eml.as_bytes(), true),
            Some(MediaType::Email)
        );
        // A note that merely mentions headers is text.
        let note = "From: the minutes\nThe chair said no.\n";
        assert_eq!(
            MediaType::judge(note.as_bytes(), true),
            Some(MediaType::PlainText)
        );
    }

    #[test]
    fn markup_a_browser_would_run_is_refused_whatever_it_is_called() {
        for page in [
            "<!DOCTYPE html><html><script>alert(1)</script>",
            "  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "<?xml version=\"1.0\"?><svg/>",
            "<HTML><BODY>hi</BODY></HTML>",
        ] {
            assert_eq!(MediaType::judge(page.as_bytes(), true), None, "{page}");
        }
    }

    #[test]
    fn programs_archives_and_unknown_bytes_are_refused() {
        assert_eq!(MediaType::judge(b"\x7fELF\x02\x01\x01\0", true), None);
        assert_eq!(MediaType::judge(b"MZ\x90\0\x03\0\0\0", true), None);
        assert_eq!(MediaType::judge(b"PK\x03\x04\x14\0\0\0\x08\0", true), None);
        assert_eq!(MediaType::judge(b"\0\x01\x02\x03binary", true), None);
        assert_eq!(MediaType::judge(b"", true), None);
    }

    #[test]
    fn a_character_cut_by_the_end_of_the_head_is_not_held_against_the_text() {
        let text = "é".repeat(10);
        let cut = &text.as_bytes()[..text.len() - 1];
        assert_eq!(MediaType::judge(cut, false), Some(MediaType::PlainText));
        assert_eq!(MediaType::judge(cut, true), None);
    }

    #[test]
    fn every_kind_has_its_own_mime_type_and_is_found_again_by_it() {
        for k in MediaType::ALL {
            assert_eq!(MediaType::from_mime(k.mime()), Some(k));
        }
    }

    proptest! {
        #[test]
        fn any_bytes_are_judged_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048), complete: bool) {
            let _ = MediaType::judge(&bytes, complete);
        }
    }
}
