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
// The pages' own colours (redress.css: --accent, --good, --bad, --muted), so a chart reads
// as part of the page it sits in.
const FILED: RGBColor = RGBColor(11, 79, 138);
const CLOSED: RGBColor = RGBColor(30, 107, 48);
const FLAGGED: RGBColor = RGBColor(164, 22, 26);
const PLAIN: RGBColor = RGBColor(74, 74, 74);

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
            .caption(&title, TITLE)
            .margin(16)
            .x_label_area_size(56)
            .y_label_area_size(72)
            .build_cartesian_2d(0..n.saturating_sub(1).max(1), 0..top + top / 10 + 1)
            .map_err(fail)?;
        // A month counted in part says so under its name: its fall is not a collapse.
        let part = word(locale, "chart-part-month");
        let label = |i: &usize| {
            months
                .get(*i)
                .map(|m| {
                    if m.partial {
                        format!("{} ({part})", m.month)
                    } else {
                        m.month.clone()
                    }
                })
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(n.min(12))
            .x_label_formatter(&label)
            .label_style(LABEL)
            .axis_desc_style(LABEL)
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
            let points: Vec<(usize, u64)> = months
                .iter()
                .enumerate()
                .map(|(i, m)| (i, value(m)))
                .collect();
            // A line to or from a part month is dashed: its figure is not a whole month's,
            // and a solid line would draw its shortfall as a fall.
            let whole = |i: usize| months.get(i).is_some_and(|m| !m.partial);
            let solid: Vec<Vec<(usize, u64)>> = points
                .windows(2)
                .filter(|w| whole(w[0].0) && whole(w[1].0))
                .map(<[_]>::to_vec)
                .collect();
            for segment in solid {
                chart
                    .draw_series(LineSeries::new(segment, colour.stroke_width(3)))
                    .map_err(fail)?;
            }
            for w in points
                .windows(2)
                .filter(|w| !(whole(w[0].0) && whole(w[1].0)))
            {
                chart
                    .draw_series(DashedLineSeries::new(
                        w.to_vec(),
                        8,
                        6,
                        colour.stroke_width(3),
                    ))
                    .map_err(fail)?;
            }
            chart
                .draw_series(points.iter().map(|p| Circle::new(*p, 4, colour.filled())))
                .map_err(fail)?
                .label(name)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour));
        }
        chart
            .configure_series_labels()
            .label_font(LABEL)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(fail)?;
        root.present().map_err(fail)?;
    }
    Ok(out)
}

/// The text of labels and axis names: large enough to read on a phone once the chart is
/// scaled down to the screen.
const LABEL: (&str, u32) = ("sans-serif", 18);
const TITLE: (&str, u32) = ("sans-serif", 24);

/// What a bar chart's values count: whole cases (integer ticks) or a share in per cent.
#[derive(Clone, Copy)]
enum Scale {
    Cases,
    Percent,
}

/// Vertical bars, one a row and in the rows' order, with the row's label under each.
fn bars(
    title: &str,
    y_desc: &str,
    items: &[(String, f64, RGBColor)],
    scale: Scale,
    locale: Locale,
) -> Drawn {
    if items.is_empty() {
        return empty(title, locale);
    }
    let n = items.len();
    let top = match scale {
        Scale::Percent => 100.0,
        // Whole cases, with a little headroom above the tallest bar.
        Scale::Cases => (items.iter().map(|i| i.1).fold(1.0, f64::max) * 1.1).ceil(),
    };
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, TITLE)
            .margin(16)
            .x_label_area_size(72)
            .y_label_area_size(72)
            // One slot a row: the last row's slot ends the axis, so no slot stands empty
            // (a lone row keeps a second slot: an axis of one value has no width).
            .build_cartesian_2d((0..n.max(2) - 1).into_segmented(), 0.0..top)
            .map_err(fail)?;
        let label = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) => items.get(*i).map(|x| x.0.clone()).unwrap_or_default(),
            _ => String::new(),
        };
        // A count of cases is never halved: its ticks are whole numbers, at most ten.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let y_ticks = match scale {
            Scale::Cases => (top as usize).clamp(1, 10),
            Scale::Percent => 10,
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&label)
            .y_labels(y_ticks + 1)
            .y_label_formatter(&|v: &f64| format!("{v:.0}"))
            .label_style(LABEL)
            .axis_desc_style(LABEL)
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

/// The rows of "how the closed cases ended", in the words of `locale`: the table beside the
/// chart and the chart itself both show exactly these.
#[must_use]
pub fn outcome_rows(m: &Metrics, locale: Locale) -> Vec<(String, u64)> {
    m.closed_by_outcome
        .iter()
        .map(|(k, v)| (word(locale, &format!("outcome-{k}")), *v))
        .collect()
}

/// How the measured cases that closed ended: the bars of [`outcome_rows`].
///
/// # Errors
/// When drawing fails.
pub fn outcomes(m: &Metrics, locale: Locale) -> Drawn {
    // Counts of cases stay far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let items: Vec<(String, f64, RGBColor)> = outcome_rows(m, locale)
        .into_iter()
        .map(|(label, n)| (label, n as f64, CLOSED))
        .collect();
    bars(
        &word(locale, "chart-outcomes"),
        &word(locale, "chart-cases"),
        &items,
        Scale::Cases,
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
        Scale::Percent,
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
    fn a_part_month_is_named_so_and_joined_by_a_dashed_line() {
        let mut last = month("2026-03", 1, 0);
        last.partial = true;
        let svg = trends(
            &[month("2026-01", 5, 1), month("2026-02", 7, 4), last],
            Locale::En,
        )
        .expect("drawn");
        assert!(svg.contains("2026-03 (so far)"), "{svg}");
        assert!(
            svg.contains("stroke-dasharray") || svg.matches("<polyline").count() > 2,
            "{svg}"
        );
    }

    fn metrics(outcomes: &[(&str, u64)]) -> Metrics {
        Metrics {
            closed_by_outcome: outcomes
                .iter()
                .map(|(k, v)| ((*k).to_string(), *v))
                .collect(),
            ..Metrics::default()
        }
    }

    #[test]
    fn the_outcome_chart_draws_one_bar_for_each_row_of_its_table_even_a_lone_one() {
        let m = metrics(&[("settled", 3), ("dismissed", 1), ("upheld", 2)]);
        let rows = outcome_rows(&m, Locale::Fr);
        let svg = outcomes(&m, Locale::Fr).expect("drawn");
        for (label, _) in &rows {
            let drawn = label.replace('\'', "&apos;");
            assert!(
                svg.contains(&drawn),
                "{label} missing from the chart: {svg}"
            );
        }
        // The background, then one rectangle a row and no empty slot.
        let bars = svg.matches("<rect").count();
        assert_eq!(bars, rows.len() + 1, "{svg}");
        let last = svg.rsplit("<rect").next().unwrap_or_default();
        let attr = |name: &str| -> f64 {
            let from = last.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            last[from..]
                .split('"')
                .next()
                .unwrap_or("0")
                .parse()
                .expect("number")
        };
        let right_edge = attr("x") + attr("width");
        assert!(
            right_edge > 860.0,
            "an empty slot after the last bar: {right_edge}"
        );
        // A lone row still draws a bar of some width.
        let one = outcomes(&metrics(&[("settled", 2)]), Locale::En).expect("drawn");
        let bar = one.rsplit("<rect").next().unwrap_or_default();
        let width: f64 = bar
            .split("width=\"")
            .nth(1)
            .and_then(|w| w.split('"').next())
            .and_then(|w| w.parse().ok())
            .unwrap_or(0.0);
        assert!(width > 50.0, "{one}");
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
