//! The quote layer on short texts of our own, one construction each: the cases are data, one per
//! line of `tests/cases/quotes.jsonl`, and this runner checks them all.
//!
//! A case: `name`, `text`, optional `date` (YYYY-MM-DD) and `entities` (`text`, `nth` occurrence,
//! `label`, `group`, `canonical`: mentions given to the layer as if the entity layer had found
//! them), and what to expect, each optional:
//! - `count`: the number of quotations;
//! - `direct`: the contents of the direct quotations, in order;
//! - `quotes`: for the quotation at `index` (negative: from the end), its `text`, `kind`,
//!   `speaker` (null: none), `mention` (the text of the speaker span; null: none), `cue`, and
//!   when it was said: `date`, `date_start`, `date_end` (YYYY-MM-DD or null), `date_source`
//!   (said, section, story, document or null);
//! - `same`: pairs of quotations (`a`, `b`) that share `fields` (`group`, `speaker`,
//!   `speaker_span`, `cue`).
//!
//! The dates layer runs first (quotations are dated from its values). Every case also checks that
//! each quotation's span lies inside the text and that its dates agree (`date_start <=
//! date_end`, `date` only for a single day, a `date_source` exactly when dated).

use serde_json::Value;
use tidings::pipeline::{prepare, Extractor};
use tidings::quotes::QuoteExtractor;
use tidings::temporal::TemporalExtractor;
use tidings::{Document, Entity, Label, Quote, Span};

const CASES: &str = include_str!("cases/quotes.jsonl");

fn entity(doc: &Document, spec: &Value) -> Entity {
    let needle = spec["text"].as_str().expect("entity text");
    let nth = spec["nth"].as_u64().unwrap_or(0) as usize;
    let start = doc
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("no occurrence {nth} of {needle:?}"))
        .0;
    let label = Label::ALL
        .into_iter()
        .find(|l| serde_json::to_value(l).ok() == Some(spec["label"].clone()))
        .unwrap_or_else(|| panic!("unknown label {}", spec["label"]));
    Entity {
        span: Span::new(start, start + needle.len()),
        label,
        group: spec["group"].as_u64().expect("entity group") as usize,
        canonical: spec["canonical"].as_str().expect("canonical").to_owned(),
    }
}

fn run(case: &Value) -> Document {
    let text = case["text"].as_str().expect("a case has a text");
    let date = case["date"]
        .as_str()
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date is YYYY-MM-DD"));
    let mut doc = prepare(text, date);
    if let Some(specs) = case["entities"].as_array() {
        doc.entities = specs.iter().map(|s| entity(&doc, s)).collect();
    }
    TemporalExtractor::default().extract(&mut doc).unwrap();
    QuoteExtractor::default().extract(&mut doc).unwrap();
    doc
}

/// The value of one field of a quotation, as the cases write it.
fn field(doc: &Document, q: &Quote, name: &str) -> Value {
    let opt = |s: Option<&str>| s.map_or(Value::Null, Value::from);
    let day = |d: Option<chrono::NaiveDate>| d.map_or(Value::Null, |d| Value::from(d.to_string()));
    match name {
        "text" => Value::from(doc.slice(q.span)),
        "kind" => Value::from(q.kind.as_str()),
        "speaker" => opt(q.speaker.as_deref()),
        "mention" => opt(q.speaker_span.map(|s| doc.slice(s))),
        "cue" => opt(q.cue.as_deref()),
        "group" => Value::from(q.group),
        "date" => day(q.date),
        "date_start" => day(q.date_start),
        "date_end" => day(q.date_end),
        "date_source" => opt(q.date_source.map(|s| s.as_str())),
        "speaker_span" => q
            .speaker_span
            .map_or(Value::Null, |s| Value::from(vec![s.start, s.end])),
        _ => panic!("unknown field {name:?}"),
    }
}

/// The quotation at `index` (negative: from the end).
fn at<'d>(doc: &'d Document, index: &Value) -> Option<&'d Quote> {
    let i = index.as_i64().expect("index is an integer");
    let k = if i < 0 {
        doc.quotes.len().checked_sub(i.unsigned_abs() as usize)?
    } else {
        i as usize
    };
    doc.quotes.get(k)
}

/// What is wrong with the layer's answer on one case.
fn check(case: &Value) -> Vec<String> {
    let doc = run(case);
    let mut errors = Vec::new();
    for q in &doc.quotes {
        if q.span.start > q.span.end || q.span.end > doc.text.len() {
            errors.push(format!("span {:?} outside the text", q.span));
        }
        // A quotation's days: an interval in order, a day only when it is one day, and a
        // source exactly when there is a date.
        let ordered = match (q.date_start, q.date_end) {
            (Some(a), Some(b)) => a <= b && q.date == (a == b).then_some(a),
            (None, None) => q.date.is_none(),
            _ => false,
        };
        if !ordered || q.date_source.is_some() != q.date_start.is_some() {
            errors.push(format!(
                "dates {:?} {:?} {:?} {:?} do not agree",
                q.date, q.date_start, q.date_end, q.date_source
            ));
        }
    }
    if let Some(n) = case["count"].as_u64() {
        if doc.quotes.len() as u64 != n {
            errors.push(format!("{} quotations, expected {n}", doc.quotes.len()));
        }
    }
    if let Some(direct) = case.get("direct") {
        let found: Vec<&str> = doc
            .quotes
            .iter()
            .filter(|q| q.kind == tidings::QuoteKind::Direct)
            .map(|q| doc.slice(q.span))
            .collect();
        if serde_json::to_value(&found).unwrap() != *direct {
            errors.push(format!("direct quotations {found:?}, expected {direct}"));
        }
    }
    for expect in case["quotes"].as_array().into_iter().flatten() {
        let Some(q) = at(&doc, &expect["index"]) else {
            errors.push(format!("no quotation {}", expect["index"]));
            continue;
        };
        for (name, want) in expect.as_object().unwrap() {
            if name != "index" && field(&doc, q, name) != *want {
                let got = field(&doc, q, name);
                errors.push(format!(
                    "quotation {}: {name} {got}, expected {want}",
                    expect["index"]
                ));
            }
        }
    }
    for pair in case["same"].as_array().into_iter().flatten() {
        let (Some(a), Some(b)) = (at(&doc, &pair["a"]), at(&doc, &pair["b"])) else {
            errors.push(format!("no quotations {} and {}", pair["a"], pair["b"]));
            continue;
        };
        for name in pair["fields"].as_array().expect("fields") {
            let name = name.as_str().expect("a field name");
            if field(&doc, a, name) != field(&doc, b, name) {
                errors.push(format!(
                    "quotations {} and {} differ in {name}",
                    pair["a"], pair["b"]
                ));
            }
        }
    }
    if !errors.is_empty() {
        errors.push(format!("found {:?}", doc.quotes));
    }
    errors
}

#[test]
fn quote_cases() {
    let mut failed = Vec::new();
    let mut n = 0;
    for (line, raw) in CASES.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let case: Value = serde_json::from_str(raw)
            .unwrap_or_else(|e| panic!("cases/quotes.jsonl line {}: {e}", line + 1));
        n += 1;
        let errors = check(&case);
        if !errors.is_empty() {
            failed.push(format!(
                "line {} ({}): {}",
                line + 1,
                case["name"],
                errors.join("; ")
            ));
        }
    }
    assert!(n >= 30, "only {n} cases read");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
