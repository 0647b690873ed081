//! The month of the book as one page ([`report_html`]): what `autogiro book report` writes. A
//! self-contained HTML document: its style inline, its bars inline SVG, no script, and a
//! Content-Security-Policy that lets it load nothing from anywhere; it prints as A4. Every
//! figure is the book's ([`autogiro_book::MonthReport`]); the totals carry their values as data
//! attributes (`data-status`, `data-claims`, `data-sum`), so a test can hold them to `book
//! status`. Its words are the catalogue's ([`autogiro_i18n`]), in the language asked for.

use std::fmt::Write as _;

use autogiro_book::{ClaimStatus, MonthReport};
use autogiro_i18n::{Lang, render, text};
use autogiro_model::Amount;

/// The colour of each status's bars and legend.
const COLOURS: [(ClaimStatus, &str); 5] = [
    (ClaimStatus::Settled, "#2f9e44"),
    (ClaimStatus::Rejected, "#e03131"),
    (ClaimStatus::Retry, "#f08c00"),
    (ClaimStatus::Sent, "#868e96"),
    (ClaimStatus::Handled, "#7048e8"),
];

/// The style: A4 pages, tables that read as figures.
const STYLE: &str = "@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #212529; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
.made { color: #666; margin: 0 0 10pt; }
h2 { font-size: 11.5pt; margin: 14pt 0 5pt; padding-bottom: 2pt; border-bottom: 1px solid #ced4da; break-after: avoid; }
section { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 2pt 5pt; border-bottom: 1px solid #eee; vertical-align: top; }
th { font-weight: 600; background: #f8f9fa; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend { margin: 3pt 0 6pt; }
.legend span { display: inline-block; margin-right: 10pt; }
.legend i { display: inline-block; width: 8pt; height: 8pt; margin-right: 3pt; vertical-align: baseline; }
.none { color: #666; }
svg { width: 100%; height: auto; display: block; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }";

/// The status's words in `lang`.
fn status_name(lang: Lang, s: ClaimStatus) -> &'static str {
    text(
        lang,
        match s {
            ClaimStatus::Sent => "report.status.sent",
            ClaimStatus::Retry => "report.status.retry",
            ClaimStatus::Settled => "report.status.settled",
            ClaimStatus::Rejected => "report.status.rejected",
            ClaimStatus::Handled => "report.status.handled",
        },
    )
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Prose for HTML: escaped, and a command written between backticks as code.
fn prose(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// An amount as people of `lang` write it: `1 234,50` in bokmål, `1,234.50` in English.
fn money(lang: Lang, amount: Amount) -> String {
    let plain = amount.to_string();
    let (kroner, ore) = plain.split_once('.').unwrap_or((&plain, "00"));
    let (group, point) = match lang {
        Lang::Nb => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    format!("{grouped}{point}{ore}")
}

/// The page of `report` in `lang`; `book` names the book (its path, or its URL without a
/// password).
pub fn report_html(report: &MonthReport, lang: Lang, book: &str) -> String {
    let mut out = String::new();
    let title = format!("{} {}", text(lang, "report.title"), report.month);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"made\">{}</p>\n",
        lang.tag(),
        esc(&title),
        esc(&title),
        esc(&render(
            lang,
            "report.made",
            &[("book", &book), ("today", &report.today)]
        )),
    );
    months(&mut out, report, lang);
    totals(&mut out, report, lang);
    rejections(&mut out, report, lang);
    limits(&mut out, report, lang);
    mandates(&mut out, report, lang);
    outstanding(&mut out, report, lang);
    unmatched(&mut out, report, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// A section's start: its heading.
fn section(out: &mut String, heading: &str) {
    let _ = write!(out, "<section>\n<h2>{}</h2>\n", esc(heading));
}

/// A table's header row of column keys; `numeric` marks the right-aligned ones.
fn header(out: &mut String, lang: Lang, columns: &[(&'static str, bool)]) {
    out.push_str("<table>\n<tr>");
    for (key, numeric) in columns {
        let class = if *numeric { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", esc(text(lang, key)));
    }
    out.push_str("</tr>\n");
}

/// "None." when a list is empty.
fn none(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "<p class=\"none\">{}</p>",
        esc(text(lang, "report.none"))
    );
}

/// The claims of the twelve months as stacked bars, with a legend and the month's own figures.
fn months(out: &mut String, report: &MonthReport, lang: Lang) {
    section(out, text(lang, "report.months"));
    let most = report
        .months
        .iter()
        .map(|m| m.counts.iter().map(|(_, n, _)| n).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let (width, height, top, bottom) = (720u64, 200u64, 16u64, 22u64);
    let slot = width / 12;
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(text(lang, "report.months"))
    );
    let plot = height - top - bottom;
    let _ = writeln!(
        out,
        "<line x1=\"0\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"#adb5bd\"/>\
         <text x=\"2\" y=\"{t}\" font-size=\"11\" fill=\"#666\">{most}</text>",
        y = height - bottom,
        t = top - 4,
    );
    for (i, m) in (0u64..).zip(&report.months) {
        let mut y = height - bottom;
        for (status, colour) in COLOURS {
            let n = m
                .counts
                .iter()
                .find(|(s, _, _)| *s == status)
                .map_or(0, |(_, n, _)| *n);
            if n == 0 {
                continue;
            }
            let h = (n * plot).div_ceil(most).max(1);
            y -= h;
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{h}\" fill=\"{colour}\"><title>{} {}: {n}</title></rect>",
                i * slot + 6,
                slot - 12,
                m.month,
                esc(status_name(lang, status)),
            );
        }
        let month = m.month.to_string();
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#495057\">{}</text>",
            i * slot + slot / 2,
            height - 6,
            esc(month.get(2..).unwrap_or(&month)),
        );
    }
    out.push_str("</svg>\n<p class=\"legend\">");
    for (status, colour) in COLOURS {
        let _ = write!(
            out,
            "<span><i style=\"background:{colour}\"></i>{}</span>",
            esc(status_name(lang, status))
        );
    }
    out.push_str("</p>\n");
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        esc(&render(
            lang,
            "report.claims-of-month",
            &[("month", &report.month)]
        ))
    );
    let this = report.months.last();
    header(
        out,
        lang,
        &[
            ("report.col.status", false),
            ("report.col.claims", true),
            ("report.col.amount", true),
        ],
    );
    for (status, _) in COLOURS {
        let (n, sum) = this
            .and_then(|m| m.counts.iter().find(|(s, _, _)| *s == status))
            .map_or((0, Amount::ZERO), |(_, n, sum)| (*n, *sum));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{}</td></tr>",
            esc(status_name(lang, status)),
            money(lang, sum)
        );
    }
    out.push_str("</table>\n</section>\n");
}

/// The book's totals, each row with its figures as data attributes.
fn totals(out: &mut String, report: &MonthReport, lang: Lang) {
    section(out, text(lang, "report.totals"));
    header(
        out,
        lang,
        &[
            ("report.col.status", false),
            ("report.col.claims", true),
            ("report.col.amount", true),
        ],
    );
    let mut row = |key: &str, name: &str, n: u64, sum: Amount| {
        let _ = writeln!(
            out,
            "<tr data-status=\"{key}\" data-claims=\"{n}\" data-sum=\"{sum}\"><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{}</td></tr>",
            esc(name),
            money(lang, sum)
        );
    };
    for (status, _) in COLOURS {
        let n = report.status.count(status);
        let sum = report
            .status
            .counts
            .iter()
            .find(|(s, _, _)| *s == status)
            .map_or(Amount::ZERO, |(_, _, sum)| *sum);
        row(status.as_str(), status_name(lang, status), n, sum);
    }
    let (n, sum) = report.status.outstanding;
    row("outstanding", text(lang, "report.outstanding"), n, sum);
    let (n, sum) = report.status.unmatched;
    row("unmatched", text(lang, "report.unmatched"), n, sum);
    out.push_str("</table>\n</section>\n");
}

/// The month's rejections by code: what each means and what to do.
fn rejections(out: &mut String, report: &MonthReport, lang: Lang) {
    section(
        out,
        &render(lang, "report.rejections", &[("month", &report.month)]),
    );
    if report.rejections.is_empty() {
        none(out, lang);
    } else {
        header(
            out,
            lang,
            &[
                ("report.col.code", false),
                ("report.col.meaning", false),
                ("report.col.claims", true),
                ("report.col.amount", true),
                ("report.col.todo", false),
            ],
        );
        for r in &report.rejections {
            let (meaning, todo) = autogiro_model::error_code_keys(r.code);
            let _ = writeln!(
                out,
                "<tr><td>{:03}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                r.code,
                esc(text(lang, meaning)),
                r.claims,
                money(lang, r.sum),
                prose(text(lang, todo)),
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// The mandates near their amount limits.
fn limits(out: &mut String, report: &MonthReport, lang: Lang) {
    section(out, text(lang, "report.limits"));
    let day = report.month.last_day().min(report.today);
    let _ = writeln!(
        out,
        "<p>{}</p>",
        esc(&render(lang, "report.limits-lead", &[("day", &day)]))
    );
    if report.limits.is_empty() {
        none(out, lang);
    } else {
        header(
            out,
            lang,
            &[
                ("report.col.agreement", false),
                ("report.col.payer", false),
                ("report.col.period", false),
                ("report.col.limit", true),
                ("report.col.used", true),
            ],
        );
        for l in &report.limits {
            let period = match l.period {
                "daily" => "period.daily",
                "weekly" => "period.weekly",
                "monthly" => "period.monthly",
                "quarterly" => "period.quarterly",
                "half-yearly" => "period.half-yearly",
                _ => "period.yearly",
            };
            let _ = writeln!(
                out,
                "<tr><td>{:09}</td><td>{}</td><td>{} {} – {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                l.agreement_id,
                esc(&l.payer),
                esc(text(lang, period)),
                l.window.0,
                l.window.1,
                money(lang, l.limit),
                money(lang, l.used),
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// The mandates registered and deleted in the month.
fn mandates(out: &mut String, report: &MonthReport, lang: Lang) {
    section(
        out,
        &render(lang, "report.mandates", &[("month", &report.month)]),
    );
    for (key, list) in [
        ("report.mandates-added", &report.mandates_added),
        ("report.mandates-removed", &report.mandates_removed),
    ] {
        let _ = write!(out, "<p><b>{}: {}</b>", esc(text(lang, key)), list.len());
        let shown: Vec<String> = list
            .iter()
            .take(autogiro_book::REPORT_LISTED)
            .map(|m| format!("{:09}/{} ({})", m.agreement_id, esc(&m.payer), m.on))
            .collect();
        if !shown.is_empty() {
            let _ = write!(out, " — {}", shown.join(", "));
        }
        if list.len() > shown.len() {
            let more = list.len() - shown.len();
            let _ = write!(
                out,
                ", {}",
                esc(&render(lang, "report.more", &[("n", &more)]))
            );
        }
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
}

/// A section that lists the first rows of something counted in full: its heading, "None."
/// or the table of `rows` (each its cells, already made HTML; the last right-aligned), and
/// "and N more" when `total` is more than the rows.
fn listing(
    out: &mut String,
    lang: Lang,
    heading: &'static str,
    columns: &[&'static str],
    rows: &[Vec<String>],
    total: u64,
) {
    section(out, text(lang, heading));
    if rows.is_empty() {
        none(out, lang);
    } else {
        let last = columns.len().saturating_sub(1);
        let numeric: Vec<(&'static str, bool)> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i == last))
            .collect();
        header(out, lang, &numeric);
        for row in rows {
            out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let class = if i == last { " class=\"n\"" } else { "" };
                let _ = write!(out, "<td{class}>{cell}</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
        let rest = total.saturating_sub(rows.len() as u64);
        if rest > 0 {
            let _ = writeln!(
                out,
                "<p class=\"none\">{}</p>",
                esc(&render(lang, "report.more", &[("n", &rest)]))
            );
        }
    }
    out.push_str("</section>\n");
}

/// The claims outstanding past their answer date (the first of them).
fn outstanding(out: &mut String, report: &MonthReport, lang: Lang) {
    let rows: Vec<Vec<String>> = report
        .outstanding
        .iter()
        .map(|c| {
            vec![
                format!("{:09}", c.agreement_id),
                esc(c.payer.trim()),
                esc(c.short_name.trim()),
                c.due_date.to_string(),
                money(lang, c.amount),
            ]
        })
        .collect();
    let columns = [
        "report.col.agreement",
        "report.col.payer",
        "report.col.name",
        "report.col.due",
        "report.col.amount",
    ];
    let total = report.status.outstanding.0;
    listing(out, lang, "report.outstanding", &columns, &rows, total);
}

/// The answers kept unmatched (the first of them).
fn unmatched(out: &mut String, report: &MonthReport, lang: Lang) {
    let rows: Vec<Vec<String>> = report
        .unmatched
        .iter()
        .map(|u| {
            vec![
                esc(&u.file),
                format!("{:09}", u.agreement_id),
                esc(u.payer.trim()),
                u.processing_date.to_string(),
                u.code.map(|c| format!("{c:03}")).unwrap_or_default(),
                money(lang, u.amount),
            ]
        })
        .collect();
    let columns = [
        "report.col.file",
        "report.col.agreement",
        "report.col.payer",
        "report.col.processing",
        "report.col.code",
        "report.col.amount",
    ];
    let total = report.status.unmatched.0;
    listing(out, lang, "report.unmatched", &columns, &rows, total);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_each_language_writes_them() {
        let a = Amount::from_ore(123_456_789).unwrap();
        assert_eq!(money(Lang::Nb, a), "1\u{a0}234\u{a0}567,89");
        assert_eq!(money(Lang::En, a), "1,234,567.89");
        assert_eq!(money(Lang::En, Amount::ZERO), "0.00");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
        assert_eq!(prose("run `a <b>` now"), "run <code>a &lt;b&gt;</code> now");
    }
}
