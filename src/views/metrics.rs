//! Metrics as CSV: one figure per row, in long form, so that new figures add rows, never
//! columns, and a spreadsheet or script can read every export the same way.
//!
//! Columns (RFC 4180, UTF-8, header row): `section`, `key`, `measure`, `value`.
//! - `section` names a group of figures (`cases`, `by_status`, `time_to_closure`,
//!   `deadlines_by_kind`, ...), `key` the row within it (a status, a reason, a clock kind;
//!   empty for single figures), `measure` what is counted (`count`, `median`, `p90`,
//!   `met_on_time`, ...), and `value` the number (empty when there is none).
use crate::models::metrics::{Compliance, Durations, Metrics};

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
pub fn to_csv(header: &[&str], rows: &[Row]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The header of [`rows`].
pub const HEADER: &[&str] = &["section", "key", "measure", "value"];
