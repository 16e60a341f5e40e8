//! Oversight's charts as SVG, drawn on the server with plotters, so that pages embed them and
//! people download them without any script. Each takes figures the models computed.
use plotters::prelude::*;

use crate::models::{
    oversight::{
        disparities::Disparities,
        metrics::{Metrics, Month},
    },
    vocabulary::Locale,
};

const SIZE: (u32, u32) = (900, 420);
const FILED: RGBColor = RGBColor(31, 119, 180);
const CLOSED: RGBColor = RGBColor(44, 160, 44);
const FLAGGED: RGBColor = RGBColor(214, 39, 40);
const PLAIN: RGBColor = RGBColor(120, 120, 120);

type Drawn = Result<String, String>;

fn fail<E: std::fmt::Debug>(e: E) -> String {
    format!("chart: {e:?}")
}

fn word(locale: Locale, key: &str) -> String {
    super::i18n::text(locale, key, &[])
}

fn empty(title: &str, locale: Locale) -> Drawn {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        root.titled(title, ("sans-serif", 22)).map_err(fail)?;
        root.draw_text(
            &word(locale, "chart-empty"),
            &("sans-serif", 16).into_text_style(&root),
            (350, 200),
        )
        .map_err(fail)?;
        root.present().map_err(fail)?;
    }
    Ok(out)
}

/// Filings and closures per month, as two lines.
///
/// # Errors
/// When drawing fails (a bug: it draws into memory).
pub fn trends(months: &[Month], locale: Locale) -> Drawn {
    let title = word(locale, "chart-trends");
    if months.is_empty() {
        return empty(&title, locale);
    }
    let top = months
        .iter()
        .map(|m| m.filed.max(m.closed))
        .max()
        .unwrap_or(1)
        .max(1);
    let n = months.len();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(&title, ("sans-serif", 22))
            .margin(16)
            .x_label_area_size(48)
            .y_label_area_size(56)
            .build_cartesian_2d(0..n.saturating_sub(1).max(1), 0..top + top / 10 + 1)
            .map_err(fail)?;
        let label = |i: &usize| months.get(*i).map(|m| m.month.clone()).unwrap_or_default();
        chart
            .configure_mesh()
            .x_labels(n.min(12))
            .x_label_formatter(&label)
            .y_desc(word(locale, "chart-cases"))
            .draw()
            .map_err(fail)?;
        for (name, colour, value) in [
            (
                word(locale, "m-filed"),
                FILED,
                (|m: &Month| m.filed) as fn(&Month) -> u64,
            ),
            (word(locale, "m-closed"), CLOSED, |m: &Month| m.closed),
        ] {
            chart
                .draw_series(LineSeries::new(
                    months.iter().enumerate().map(|(i, m)| (i, value(m))),
                    colour.stroke_width(3),
                ))
                .map_err(fail)?
                .label(name)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour));
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(fail)?;
        root.present().map_err(fail)?;
    }
    Ok(out)
}

/// Vertical bars with a label under each, scaled to `top`.
fn bars(
    title: &str,
    y_desc: &str,
    items: &[(String, f64, RGBColor)],
    top: f64,
    locale: Locale,
) -> Drawn {
    if items.is_empty() {
        return empty(title, locale);
    }
    let n = items.len();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(16)
            .x_label_area_size(64)
            .y_label_area_size(56)
            .build_cartesian_2d((0..n).into_segmented(), 0.0..top)
            .map_err(fail)?;
        let label = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) => items.get(*i).map(|x| x.0.clone()).unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&label)
            .y_desc(y_desc)
            .draw()
            .map_err(fail)?;
        chart
            .draw_series(items.iter().enumerate().map(|(i, (_, v, colour))| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), *v),
                    ],
                    colour.filled(),
                );
                bar.set_margin(0, 0, 6, 6);
                bar
            }))
            .map_err(fail)?;
        root.present().map_err(fail)?;
    }
    Ok(out)
}

/// How the measured cases that closed ended.
///
/// # Errors
/// When drawing fails.
pub fn outcomes(m: &Metrics, locale: Locale) -> Drawn {
    // Counts of cases stay far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let items: Vec<(String, f64, RGBColor)> = m
        .closed_by_outcome
        .iter()
        .map(|(k, v)| (word(locale, &format!("outcome-{k}")), *v as f64, CLOSED))
        .collect();
    let top = items.iter().map(|i| i.1).fold(1.0, f64::max) * 1.1;
    bars(
        &word(locale, "chart-outcomes"),
        &word(locale, "chart-cases"),
        &items,
        top,
        locale,
    )
}

/// Dismissal rate by complainant group; flagged groups in red.
///
/// # Errors
/// When drawing fails.
pub fn disparities(d: &Disparities, locale: Locale) -> Drawn {
    let items: Vec<(String, f64, RGBColor)> = d
        .by_complainant_group
        .iter()
        .filter_map(|c| {
            let rate = c.group.dismissal_rate?;
            let flagged = c.flags.iter().any(|f| f.measure == "dismissal_rate");
            Some((
                // Short names, so a dozen bars keep legible labels.
                word(locale, &format!("group-short-{}", c.group.group)),
                rate,
                if flagged { FLAGGED } else { PLAIN },
            ))
        })
        .collect();
    bars(
        &format!(
            "{} ({})",
            word(locale, "chart-disparities"),
            word(locale, "chart-flagged-red")
        ),
        &word(locale, "chart-share-decisions"),
        &items,
        100.0,
        locale,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str, filed: u64, closed: u64) -> Month {
        Month {
            month: m.into(),
            filed,
            closed,
            ..Month::default()
        }
    }

    #[test]
    fn the_trend_chart_is_an_svg_with_every_month_and_both_series() {
        let svg = trends(
            &[
                month("2026-01", 5, 1),
                month("2026-02", 7, 4),
                month("2026-03", 2, 6),
            ],
            Locale::En,
        )
        .expect("drawn");
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
        for label in [
            "2026-01", "2026-02", "2026-03", "filed", "closed", "by month",
        ] {
            assert!(svg.contains(label), "{label} missing");
        }
        assert!(svg.contains("<polyline"));
    }

    #[test]
    fn an_empty_period_draws_a_chart_that_says_so() {
        let svg = trends(&[], Locale::En).expect("drawn");
        assert!(svg.contains("No cases in this period."));
        let svg = trends(&[], Locale::Fr).expect("drawn");
        assert!(svg.contains("Aucune affaire sur cette période."), "{svg}");
    }
}
