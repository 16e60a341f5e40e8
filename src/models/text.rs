//! Text people type, as the edge accepts it and as headers, calendar lines and CSV cells
//! write it (DESIGN §8). Control characters never enter: a NUL cannot be stored by
//! PostgreSQL, and a line break in a name or a title becomes a header or a calendar line of
//! its own once written out. Lengths count what a reader sees, so ten zero-width spaces are
//! no reason.
use std::borrow::Cow;

use unicode_general_category::{get_general_category, GeneralCategory as G};

/// Whether `c` may stand in a text: line breaks and tabs only where the text has lines
/// (facts, reasons), never in one-line text (names, titles, codes).
#[must_use]
pub fn allowed(c: char, multiline: bool) -> bool {
    match c {
        '\n' | '\t' => multiline,
        // Forms send line breaks as CR LF; the pair is checked by `problem`.
        '\r' => multiline,
        _ => !is_control(c),
    }
}

/// Controls of every kind: C0, DEL, C1, and the Unicode line and paragraph separators,
/// which some readers break lines at.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// What is wrong with `value` as a text of that kind, if anything: a character the edge
/// refuses (named by its code point, so the sender can find it).
#[must_use]
pub fn problem(value: &str, multiline: bool) -> Option<String> {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && multiline && chars.peek() != Some(&'\n') {
            return Some("contains a carriage return (U+000D) that does not end a line".into());
        }
        if !allowed(c, multiline) {
            let what = if c == '\0' {
                "a NUL byte".to_string()
            } else if c == '\n' || c == '\r' {
                "a line break".to_string()
            } else {
                "a control character".to_string()
            };
            return Some(format!(
                "contains {what} (U+{:04X}){}",
                u32::from(c),
                if multiline {
                    ""
                } else {
                    "; it must be one line"
                }
            ));
        }
    }
    None
}

/// `value` as one line for a header, a calendar line or a CSV cell: every control
/// character becomes a space.
#[must_use]
pub fn one_line(value: &str) -> Cow<'_, str> {
    if value.chars().any(is_control) {
        Cow::Owned(
            value
                .chars()
                .map(|c| if is_control(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(value)
    }
}

/// The characters of `value` a reader sees: not white space, controls, format characters
/// (zero-width spaces and joiners, direction marks, the byte-order mark) nor marks standing
/// for nothing on their own.
#[must_use]
pub fn visible_len(value: &str) -> usize {
    value
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    get_general_category(*c),
                    G::Control
                        | G::Format
                        | G::SpaceSeparator
                        | G::LineSeparator
                        | G::ParagraphSeparator
                        | G::NonspacingMark
                        | G::EnclosingMark
                        | G::Unassigned
                        | G::Surrogate
                )
        })
        .count()
}

/// Words as a person means them whatever the letter case, accents or apostrophe they
/// typed: `Côte d’Ivoire`, `cote d'ivoire` and `COTE D'IVOIRE` fold alike. Lists sort by it
/// and searches for a name compare by it.
#[must_use]
pub fn folded(words: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    words
        .trim()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{2018}' | '`') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn one_line_text_refuses_every_control_and_line_break() {
        for bad in [
            "a\nb",
            "a\rb",
            "a\r\nb",
            "a\0b",
            "a\u{7}b",
            "a\u{85}b",
            "a\u{2028}b",
            "a\tb",
        ] {
            assert!(problem(bad, false).is_some(), "{bad:?}");
        }
        assert!(problem("Délégation de Tuvalu — 代表团", false).is_none());
    }

    #[test]
    fn text_with_lines_keeps_its_line_breaks_and_tabs_but_not_nul_or_a_bare_cr() {
        assert!(problem("line one\nline two\r\n\tindented", true).is_none());
        assert!(problem("a\0b", true).expect("nul").contains("NUL"));
        assert!(problem("a\rb", true).is_some());
        assert!(problem("a\u{1b}[31m", true).is_some());
    }

    #[test]
    fn visible_length_counts_what_a_reader_sees() {
        assert_eq!(visible_len(&"\u{200b}".repeat(10)), 0);
        assert_eq!(visible_len("\u{feff}\u{200d}\u{2060} \u{a0}\u{3000}"), 0);
        assert_eq!(visible_len("ab c"), 3);
        assert_eq!(visible_len("नमस्ते"), 4);
        assert_eq!(visible_len("سلام"), 4);
    }

    proptest! {
        #[test]
        fn a_line_made_one_line_is_accepted_as_one_line(s in any::<String>()) {
            let line = one_line(&s);
            prop_assert_eq!(problem(&line, false), None);
            prop_assert_eq!(line.chars().count(), s.chars().count());
        }
    }
}
