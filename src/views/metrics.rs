//! Metrics as CSV: one figure per row, in long form, so that new figures add rows, never
//! columns, and a spreadsheet or script can read every export the same way.
//!
//! Columns (RFC 4180, UTF-8, header row): `section`, `key`, `measure`, `value`.
//! - `section` names a group of figures (`cases`, `by_status`, `time_to_closure`,
//!   `deadlines_by_kind`, ...), `key` the row within it (a status, a reason, a clock kind;
//!   empty for single figures), `measure` what is counted (`count`, `median`, `p90`,
//!   `met_on_time`, ...), and `value` the number (empty when there is none).
use crate::models::oversight::{
    disparities::{Disparities, Figures},
    metrics::{Compliance, Durations, MediatorFigures, Metrics, Month},
    parity::{Line as ParityLine, Parity},
};

/// One CSV row.
pub type Row = [String; 4];

fn row(section: &str, key: &str, measure: &str, value: impl ToString) -> Row {
    [
        section.to_string(),
        key.to_string(),
        measure.to_string(),
        value.to_string(),
    ]
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn durations(out: &mut Vec<Row>, section: &str, d: &Durations) {
    out.push(row(section, "", "count", d.count));
    out.push(row(section, "", "median_working_days", opt(d.median)));
    out.push(row(section, "", "p90_working_days", opt(d.p90)));
    out.push(row(section, "", "max_working_days", opt(d.max)));
}

fn compliance(out: &mut Vec<Row>, section: &str, key: &str, c: &Compliance) {
    for (measure, value) in [
        ("met_on_time", c.met_on_time),
        ("met_late", c.met_late),
        ("overdue", c.overdue),
        ("running", c.running),
        ("cancelled", c.cancelled),
    ] {
        out.push(row(section, key, measure, value));
    }
    out.push(row(
        section,
        key,
        "share_met_on_time_percent",
        opt(c.share_met_on_time),
    ));
}

/// Every figure of `m` as rows.
#[must_use]
pub fn rows(m: &Metrics) -> Vec<Row> {
    let mut out = vec![
        row("period", "", "from", m.from.to_rfc3339()),
        row("period", "", "to", m.to.to_rfc3339()),
    ];
    for (key, value) in [
        ("filed", m.filed),
        ("registered", m.registered),
        ("dismissed", m.dismissed),
        ("closed", m.closed),
        ("overdue", m.overdue_cases),
        ("appealed", m.appealed),
        ("holds", m.holds),
        ("notices_failed", m.notices_failed),
    ] {
        out.push(row("cases", key, "count", value));
    }
    for (section, map) in [
        ("dismissed_by_reason", &m.dismissed_by_reason),
        ("by_status", &m.by_status),
        ("open_by_status", &m.open_by_status),
        ("closed_by_outcome", &m.closed_by_outcome),
    ] {
        for (key, n) in map {
            out.push(row(section, key, "count", n));
        }
    }
    durations(&mut out, "time_to_acknowledge", &m.time_to_acknowledge);
    durations(&mut out, "time_to_eligibility", &m.time_to_eligibility);
    durations(&mut out, "time_to_closure", &m.time_to_closure);
    for (key, c) in &m.deadlines_by_kind {
        compliance(&mut out, "deadlines_by_kind", key, c);
    }
    for (key, c) in &m.deadlines_by_party {
        compliance(&mut out, "deadlines_by_party", key, c);
    }
    for (measure, value) in [
        ("requested", m.extensions.requested),
        ("granted", m.extensions.granted),
        ("refused", m.extensions.refused),
        ("pending", m.extensions.pending),
    ] {
        out.push(row("extensions", "", measure, value));
    }
    out
}

/// Writes rows under a header as RFC 4180 CSV.
///
/// # Errors
/// When the writer fails (it writes to memory, so only on a bug).
pub fn to_csv<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    let bytes = csv_rows(w, rows)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Rows as RFC 4180 CSV lines, without a header (a streamed export's later chunks).
///
/// # Errors
/// When the writer fails (it writes to memory, so only on a bug).
pub fn csv_lines<R: AsRef<[String]>>(rows: &[R]) -> Result<Vec<u8>, csv::Error> {
    csv_rows(
        csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new()),
        rows,
    )
}

fn csv_rows<R: AsRef<[String]>>(
    mut w: csv::Writer<Vec<u8>>,
    rows: &[R],
) -> Result<Vec<u8>, csv::Error> {
    for r in rows {
        w.write_record(
            r.as_ref()
                .iter()
                .map(|cell| spreadsheet_safe(cell).into_owned()),
        )?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A cell a spreadsheet shows as the text it is. Text that would start a formula (`=`, `+`,
/// `-`, `@`, a tab or a carriage return first) is opened with an apostrophe, which
/// spreadsheets read as "this is text" (OWASP's advice on CSV injection); numbers, negative
/// ones included, are left as they are.
#[must_use]
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    // A cell is one line: a control character (a line break in a title) never reaches it.
    let cell = crate::models::text::one_line(cell);
    // Spreadsheets skip the white space a control character became.
    let starts_a_formula = cell
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@'));
    if starts_a_formula && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// The header of [`rows`].
pub const HEADER: &[&str] = &["section", "key", "measure", "value"];

/// The header of [`disparity_rows`].
pub const DISPARITY_HEADER: &[&str] = &["dimension", "group", "side", "measure", "value"];

fn figures(out: &mut Vec<Vec<String>>, dimension: &str, group: &str, side: &str, f: &Figures) {
    let mut put = |measure: &str, value: String| {
        out.push(vec![
            dimension.to_string(),
            group.to_string(),
            side.to_string(),
            measure.to_string(),
            value,
        ]);
    };
    put("cases", f.cases.to_string());
    put("registered", f.registered.to_string());
    put("eligibility_decided", f.eligibility_decided.to_string());
    put("dismissed", f.dismissed.to_string());
    put("dismissal_rate_percent", opt(f.dismissal_rate));
    put("closed", f.closed.to_string());
    put("closed_with_outputs", f.closed_with_outputs.to_string());
    for (name, d) in [
        ("time_to_acknowledge", &f.time_to_acknowledge),
        ("time_to_eligibility", &f.time_to_eligibility),
        ("time_to_closure", &f.time_to_closure),
    ] {
        put(&format!("{name}_median_working_days"), opt(d.median));
        put(&format!("{name}_p90_working_days"), opt(d.p90));
    }
    put(
        "translations_requested",
        f.translations_requested.to_string(),
    );
    put("translations_missed", f.translations_missed.to_string());
    put(
        "time_to_translation_median_working_days",
        opt(f.time_to_translation.median),
    );
    put(
        "time_to_translation_p90_working_days",
        opt(f.time_to_translation.p90),
    );
}

/// The header of [`parity_rows`].
pub const PARITY_HEADER: &[&str] = &[
    "dimension",
    "key",
    "requested",
    "provided",
    "pending",
    "lapsed",
    "missed",
    "missed_percent",
    "median_working_days",
    "p90_working_days",
    "max_working_days",
];

/// The language-parity ledger, one row per language translated into (`dimension` =
/// `language`) and per forum (`body`), after the row of all translations.
#[must_use]
pub fn parity_rows(p: &Parity) -> Vec<Vec<String>> {
    let row = |dimension: &str, l: &ParityLine| {
        vec![
            dimension.to_string(),
            l.key.clone(),
            l.requested.to_string(),
            l.provided.to_string(),
            l.pending.to_string(),
            l.lapsed.to_string(),
            l.missed.to_string(),
            opt(l.missed_rate),
            opt(l.time_to_provide.median),
            opt(l.time_to_provide.p90),
            opt(l.time_to_provide.max),
        ]
    };
    std::iter::once(row("all", &p.all))
        .chain(p.by_language.iter().map(|l| row("language", l)))
        .chain(p.by_body.iter().map(|l| row("body", l)))
        .collect()
}

/// Disparities in long form: for each dimension (`complainant_group`, `language`) and group,
/// the group's and the rest's figures (`side` = `group` or `rest`), then one `side` = `flag`
/// row per flag, whose `measure` names the flagged figure and `value` the difference.
#[must_use]
pub fn disparity_rows(d: &Disparities) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    figures(&mut out, "all", "all", "group", &d.all);
    for (dimension, list) in [
        ("complainant_group", &d.by_complainant_group),
        ("language", &d.by_language),
    ] {
        for c in list {
            figures(&mut out, dimension, &c.group.group, "group", &c.group);
            figures(&mut out, dimension, &c.group.group, "rest", &c.rest);
            for f in &c.flags {
                out.push(vec![
                    dimension.to_string(),
                    c.group.group.clone(),
                    "flag".to_string(),
                    f.measure.clone(),
                    f.difference.to_string(),
                ]);
            }
        }
    }
    out
}

/// The header of [`trend_rows`].
pub const TREND_HEADER: &[&str] = &[
    "month",
    "filed",
    "closed",
    "deadlines_due",
    "deadlines_met_on_time",
    "share_met_on_time_percent",
];

#[must_use]
pub fn trend_rows(months: &[Month]) -> Vec<Vec<String>> {
    months
        .iter()
        .map(|m| {
            vec![
                m.month.clone(),
                m.filed.to_string(),
                m.closed.to_string(),
                m.deadlines_due.to_string(),
                m.deadlines_met_on_time.to_string(),
                opt(m.share_met_on_time),
            ]
        })
        .collect()
}

/// The header of [`mediator_rows`].
pub const MEDIATOR_HEADER: &[&str] = &[
    "mediator",
    "name",
    "regional_group",
    "cases",
    "open",
    "closed",
    "closure_median_working_days",
    "closure_p90_working_days",
    "deadlines_met_on_time",
    "deadlines_met_late",
    "deadlines_overdue",
    "share_met_on_time_percent",
];

#[must_use]
pub fn mediator_rows(list: &[MediatorFigures]) -> Vec<Vec<String>> {
    list.iter()
        .map(|m| {
            vec![
                m.pid.clone(),
                m.name.clone(),
                m.regional_group.clone().unwrap_or_default(),
                m.cases.to_string(),
                m.open.to_string(),
                m.closed.to_string(),
                opt(m.time_to_closure.median),
                opt(m.time_to_closure.p90),
                m.deadlines.met_on_time.to_string(),
                m.deadlines.met_late.to_string(),
                m.deadlines.overdue.to_string(),
                opt(m.deadlines.share_met_on_time),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_start_a_formula_reads_as_text_and_numbers_stay_numbers() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"] {
            assert_eq!(spreadsheet_safe(formula), format!("'{formula}"));
        }
        // A cell never carries a control character; a formula behind one is still text.
        assert_eq!(spreadsheet_safe("\tx"), " x");
        assert_eq!(spreadsheet_safe("\r\n=1+1"), "'  =1+1");
        assert_eq!(spreadsheet_safe("Slot\ncut"), "Slot cut");
        for plain in ["-3", "-0.25", "+7", "Kiribati", "", "GR-2026-000001"] {
            assert_eq!(spreadsheet_safe(plain), plain);
        }
        let csv = to_csv(&["name"], &[vec!["=1+1".to_string()]]).expect("csv");
        assert_eq!(csv, "name\n'=1+1\n");
    }
}
