//! The date cases of `tests/cases/dates*.jsonl`, one line a case, run through the text and
//! temporal layers. A line holds `text`, the document `date` (or null) and what must hold:
//!
//! - `dates`: every date found, in order, as `[text, type, value]`;
//! - `values`: every value found, in order;
//! - `nth`: `[index, text, type, value]` of single dates (index -1 is the last; null skips a part);
//! - `modifier`: `[index, mod]`; `interval`: `[index, start, end]`; `interval_start`:
//!   `[index, start]`; `no_interval`: index;
//! - `doc_date`, `date_source`: the document date afterwards and where it came from;
//! - `not_values` / `not_containing`: values that must not be found.
//!
//! `group` and `why` say what the case is about. Every date of every case must also have the
//! interval its TIMEX3 value denotes when read back with `temporal::interval`.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value as Json;
use tidings::pipeline::{prepare, Extractor};
use tidings::temporal::{interval, TemporalExtractor};
use tidings::{Document, TimexType};

const CHECKS: [&str; 11] = [
    "dates",
    "values",
    "nth",
    "modifier",
    "interval",
    "interval_start",
    "no_interval",
    "doc_date",
    "date_source",
    "not_values",
    "not_containing",
];

fn run(text: &str, date: Option<NaiveDate>) -> Document {
    let mut doc = prepare(text, date);
    TemporalExtractor::default().extract(&mut doc).unwrap();
    doc
}

fn opt_str(j: &Json) -> Option<String> {
    j.as_str().map(str::to_owned)
}

/// The date at `index` (negative counts from the end).
fn index(doc: &Document, i: &Json) -> Option<usize> {
    let i = i.as_i64()?;
    let n = doc.dates.len() as i64;
    let k = if i < 0 { n + i } else { i };
    (0..n).contains(&k).then_some(k as usize)
}

/// Each date found as its text, type and value.
type Found = Vec<(String, String, String)>;

/// What is wrong with the case, if anything.
fn check(case: &Json) -> Vec<String> {
    let text = case["text"].as_str().expect("every case has a text");
    let date = case["date"]
        .as_str()
        .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date is YYYY-MM-DD"));
    let doc = run(text, date);
    let found: Found = doc
        .dates
        .iter()
        .map(|t| {
            (
                doc.slice(t.span).to_string(),
                t.ttype.as_str().to_string(),
                t.value.clone(),
            )
        })
        .collect();
    let mut bad = Vec::new();
    let mut fail = |what: String| bad.push(format!("{what}; found {found:?}"));
    check_dates(case, &doc, &found, &mut fail);
    check_intervals(case, &doc, &mut fail);
    if let Some(want) = case.get("doc_date") {
        let got = doc.date.map(|d| d.to_string());
        if got != opt_str(want) {
            fail(format!("document date should be {want}, not {got:?}"));
        }
    }
    if let Some(want) = case.get("date_source") {
        let got = doc.date_source.map(|s| format!("{s:?}"));
        if got != opt_str(want) {
            fail(format!("date source should be {want}, not {got:?}"));
        }
    }
    let banned: Vec<String> = case
        .get("not_values")
        .map(|v| serde_json::from_value(v.clone()).expect("not_values are strings"))
        .unwrap_or_default();
    let banned_part = case.get("not_containing").and_then(Json::as_str);
    for (_, _, v) in &found {
        if banned.contains(v) || banned_part.is_some_and(|p| v.contains(p)) {
            fail(format!("{v:?} should not be found"));
        }
    }
    bad
}

/// The checks of the dates found: `dates`, `values`, `nth` and `modifier`.
fn check_dates(case: &Json, doc: &Document, found: &Found, fail: &mut impl FnMut(String)) {
    if let Some(want) = case.get("dates") {
        let want: Vec<(String, String, String)> =
            serde_json::from_value(want.clone()).expect("dates are [text, type, value]");
        if *found != want {
            fail(format!("dates should be {want:?}"));
        }
    }
    if let Some(want) = case.get("values") {
        let want: Vec<String> = serde_json::from_value(want.clone()).expect("values are strings");
        let got: Vec<&String> = found.iter().map(|f| &f.2).collect();
        if got
            .iter()
            .map(|s| s.as_str())
            .ne(want.iter().map(String::as_str))
        {
            fail(format!("values should be {want:?}"));
        }
    }
    for n in case
        .get("nth")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let Some(k) = index(doc, &n[0]) else {
            fail(format!("no date at {}", n[0]));
            continue;
        };
        let (s, t, v) = &found[k];
        for (want, got) in [(&n[1], s), (&n[2], t), (&n[3], v)] {
            if let Some(w) = want.as_str() {
                if w != got {
                    fail(format!("date {} should have {w:?}, not {got:?}", n[0]));
                }
            }
        }
    }
    if let Some(m) = case.get("modifier") {
        match index(doc, &m[0]) {
            Some(k) if doc.dates[k].modifier.as_deref() == m[1].as_str() => {}
            _ => fail(format!("date {} should have mod {}", m[0], m[1])),
        }
    }
}

/// The checks of intervals: `interval`, `interval_start`, `no_interval`, and that every date's
/// interval is the one its value denotes.
fn check_intervals(case: &Json, doc: &Document, fail: &mut impl FnMut(String)) {
    let iv = |k: usize| {
        doc.dates[k]
            .interval
            .map(|(a, b)| (a.to_string(), b.to_string()))
    };
    if let Some(want) = case.get("interval") {
        let got = index(doc, &want[0]).and_then(iv);
        if got
            != Some((
                want[1].as_str().unwrap().into(),
                want[2].as_str().unwrap().into(),
            ))
        {
            fail(format!("interval should be {want}, not {got:?}"));
        }
    }
    if let Some(want) = case.get("interval_start") {
        let got = index(doc, &want[0]).and_then(iv).map(|i| i.0);
        if got.as_deref() != want[1].as_str() {
            fail(format!("interval should start at {want}, not {got:?}"));
        }
    }
    if let Some(want) = case.get("no_interval") {
        match index(doc, want) {
            Some(k) if doc.dates[k].interval.is_none() => {}
            _ => fail(format!("date {want} should have no interval")),
        }
    }
    // The interval the tagger gives is the one its value denotes.
    for t in &doc.dates {
        let want = match t.ttype {
            TimexType::Date | TimexType::Time => interval(&t.value),
            _ => None,
        };
        if t.interval != want {
            fail(format!("{:?} has interval {:?}", t.value, t.interval));
        }
    }
}

#[test]
fn date_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("dates") && name.ends_with(".jsonl")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no tests/cases/dates*.jsonl");
    let (mut n, mut failures) = (0, Vec::new());
    for path in files {
        let data = std::fs::read_to_string(&path).unwrap();
        for (k, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{}:{}", path.display(), k + 1);
            let case: Json =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: not JSON: {e}"));
            assert!(
                CHECKS.iter().any(|c| case.get(c).is_some()),
                "{at}: the case checks nothing"
            );
            n += 1;
            for why in check(&case) {
                failures.push(format!("{at} ({}): {why}", case["text"]));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn never_panics_on_odd_text() {
    let text = "“Sept. 20th,” he said — at 9:29 am on 2016-09-20; ’90s… 10-month, mid-1990s, \
                the 20th century, 24:61, 99:99 p.m., Feb. 30, 2016, 31 June 2017, nineteen \
                ninety-nine, €2015 and 1,000,000 years. Ünïcödé: 五月 3 May 5.";
    let d2016 = NaiveDate::from_ymd_opt(2016, 9, 22);
    for (s, _) in text.char_indices() {
        let part = &text[s..];
        let doc = run(part, d2016);
        for t in &doc.dates {
            assert!(t.span.end <= part.len() && t.span.start < t.span.end);
        }
        let _ = run(&text[..s], None);
    }
    assert!(run("", None).dates.is_empty());
    assert!(run("   \n\n  ", d2016).dates.is_empty());
}
