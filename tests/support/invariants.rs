//! What every analysis must satisfy, whatever the input: shared by the property tests
//! (`tests/invariants_pipeline.rs`) and the cargo-fuzz targets (`fuzz/`).
//! It only checks a finished document; it never changes or analyses anything itself.

use tidings::{Document, Span};

/// Checks one document against its text. Returns the first broken rule, if any.
pub fn check(text: &str, doc: &Document) -> Result<(), String> {
    if doc.text != text {
        return Err("the document's text is not the input".into());
    }
    if let Some(e) = &doc.error {
        return Err(format!("analysis failed: {e}"));
    }
    let span_ok = |what: &str, s: Span| -> Result<(), String> {
        if s.start > s.end || s.end > text.len() {
            return Err(format!(
                "{what} {s:?} is outside the text ({} bytes)",
                text.len()
            ));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what} {s:?} is not on char boundaries"));
        }
        Ok(())
    };
    let ordered = |what: &str, spans: &[Span], strict: bool| -> Result<(), String> {
        for w in spans.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.start, a.end) > (b.start, b.end) {
                return Err(format!("{what} not sorted: {a:?} before {b:?}"));
            }
            if strict && a.end > b.start {
                return Err(format!("{what} overlap: {a:?} and {b:?}"));
            }
        }
        Ok(())
    };
    for s in &doc.sentences {
        span_ok("sentence", s.span)?;
        if s.span.is_empty() {
            return Err(format!("empty sentence {:?}", s.span));
        }
    }
    for p in &doc.paragraphs {
        span_ok("paragraph", *p)?;
    }
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    ordered("sentences", &sentences, true)?;
    ordered("paragraphs", &doc.paragraphs, true)?;
    let entities: Vec<Span> = doc.entities.iter().map(|e| e.span).collect();
    for &s in &entities {
        span_ok("entity", s)?;
        if s.is_empty() {
            return Err(format!("empty entity {s:?}"));
        }
    }
    ordered("entities", &entities, true)?;
    let dates: Vec<Span> = doc.dates.iter().map(|t| t.span).collect();
    for (t, &s) in doc.dates.iter().zip(&dates) {
        span_ok("date", s)?;
        if s.is_empty() || t.value.is_empty() {
            return Err(format!("empty date {s:?} value {:?}", t.value));
        }
        if let Some((a, b)) = t.interval {
            use chrono::Datelike;
            if a > b || a.year() < 1 || b.year() > 9999 {
                return Err(format!("date {s:?} {:?} has interval {a}..{b}", t.value));
            }
        }
    }
    ordered("dates", &dates, true)?;
    let quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
    for q in &doc.quotes {
        span_ok("quote", q.span)?;
        if let Some(s) = q.speaker_span {
            span_ok("quote speaker", s)?;
        }
        if let Some(s) = q.cue_span {
            span_ok("quote cue", s)?;
        }
    }
    ordered("quotes", &quotes, true)?;
    Ok(())
}

/// How a fuzz input becomes a document: the first two bytes pick a document date in years
/// 1-9999 (what Python can pass), 0xFFFF none; the rest is the text; None when it is not UTF-8.
/// Shared by the fuzz target and the corpus replay.
#[allow(dead_code)] // each test crate that includes this module uses part of it
pub fn decode(data: &[u8]) -> Option<(&str, Option<chrono::NaiveDate>)> {
    let (head, body) = data.split_at(data.len().min(2));
    let date = match head {
        [a, b] if (*a, *b) != (0xFF, 0xFF) => {
            let n = i32::from(u16::from_le_bytes([*a, *b]));
            chrono::NaiveDate::from_num_days_from_ce_opt(1 + n * 55)
        }
        _ => None,
    };
    std::str::from_utf8(body).ok().map(|text| (text, date))
}
