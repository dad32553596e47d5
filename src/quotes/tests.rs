//! The quote layer's work stays linear in the document (issue 9): counted, not timed.
//! Must never assert a wall time; each test counts candidates inspected and tokens stepped over.

use super::index::work;
use super::QuoteExtractor;
use crate::pipeline::prepare;
use crate::types::{Document, Entity, Label, QuoteKind, Span};

/// Each occurrence of each name as an entity mention.
fn mentions(doc: &Document, names: &[(&str, Label, usize)]) -> Vec<Entity> {
    let mut out: Vec<Entity> = names
        .iter()
        .flat_map(|&(name, label, group)| {
            doc.text.match_indices(name).map(move |(start, _)| Entity {
                span: Span::new(start, start + name.len()),
                label,
                group,
                canonical: name.to_owned(),
            })
        })
        .collect();
    out.sort_by_key(|e| e.span.start);
    out
}

/// The quotations of `text` and the work counted finding them.
fn run(text: &str, names: &[(&str, Label, usize)]) -> (Document, u64) {
    let mut doc = prepare(text, None);
    doc.entities = mentions(&doc, names);
    work::take();
    doc.quotes = QuoteExtractor::default().find(&doc);
    (doc, work::take())
}

#[test]
fn pronoun_attribution_work_is_bounded_per_quote() {
    // The case of issue 9: 10,000 quotations attributed to "he", resolved through the entities.
    // The old code compared every pronoun with every earlier mention and every mention with
    // every quotation: about 10^8 inspections per quotation here.
    let n = 10_000;
    let text = "Smith met Jones in Paris. \u{201C}We won,\u{201D} he said. ".repeat(n);
    let names = [
        ("Smith", Label::Per, 0),
        ("Jones", Label::Per, 1),
        ("Paris", Label::Loc, 2),
    ];
    let (doc, work) = run(&text, &names);
    assert_eq!(doc.quotes.len(), n);
    for q in &doc.quotes {
        assert_eq!(doc.slice(q.span), "We won,");
        assert_eq!(
            q.speaker.as_deref(),
            Some("Smith"),
            "the subject, not Jones"
        );
        assert_eq!(q.speaker_span.map(|s| doc.slice(s)), Some("he"));
    }
    assert!(work <= 20 * n as u64, "{work} units for {n} quotations");
}

/// A test text of a given size.
type TextOfSize = fn(usize) -> String;

/// Runs `text(n)` and `text(4 * n)` and returns the larger document. The work per token must
/// not grow with the size (a quadratic step would quadruple it) and stays under a constant.
fn assert_linear(
    text: impl Fn(usize) -> String,
    names: &[(&str, Label, usize)],
    n: usize,
) -> Document {
    let (small, small_work) = run(&text(n), names);
    let (big, big_work) = run(&text(4 * n), names);
    let per_token = |work: u64, doc: &Document| work as f64 / doc.tokens.len() as f64;
    let (a, b) = (per_token(small_work, &small), per_token(big_work, &big));
    assert!(
        b <= 1.25 * a && b <= 200.0,
        "{a:.1} then {b:.1} units per token"
    );
    big
}

#[test]
fn quotes_without_a_speaker_in_one_paragraph_do_not_rescan_each_other() {
    let doc = assert_linear(|n| "\u{201C}We won.\u{201D} ".repeat(n), &[], 1_000);
    assert_eq!(doc.quotes.len(), 4_000);
    assert!(doc.quotes.iter().all(|q| q.speaker.is_none()));
}

#[test]
fn many_quotations_in_one_long_sentence_scan_it_once() {
    // Every quotation looks back over the whole sentence for its cue.
    let texts: [(TextOfSize, &str); 3] = [
        (
            |n| {
                format!(
                    "Smith said {}end.",
                    "\u{201C}a b c d\u{201D} and ".repeat(n)
                )
            },
            "said",
        ),
        (
            |n| {
                format!(
                    "Smith said {}end.",
                    "\u{2018}a b c d\u{2019} and ".repeat(n)
                )
            },
            "said",
        ),
        (
            |n| format!("Smith found {}.", "the \u{201C}x\u{201D} and ".repeat(n)),
            "found",
        ),
    ];
    for (text, cue) in texts {
        let doc = assert_linear(text, &[("Smith", Label::Per, 0)], 1_000);
        assert_eq!(doc.quotes.len(), 4_000, "{}", &doc.text[..40]);
        for q in &doc.quotes {
            assert_eq!(q.kind, QuoteKind::Partial);
            assert_eq!(q.speaker.as_deref(), Some("Smith"));
            assert_eq!(q.cue.as_deref(), Some(cue));
        }
    }
}

#[test]
fn a_chain_of_participle_cues_is_scanned_once() {
    // Each "adding" takes the attribution before it; looked up afresh, the chain costs 2^n.
    let doc = assert_linear(
        |n| format!("and {}\u{201C}b c d e\u{201D} ok.", "x adding ".repeat(n)),
        &[],
        1_000,
    );
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].speaker, None);
    // With a subject at the start, every participle passes it on.
    let doc = assert_linear(
        |n| {
            format!(
                "Smith spoke, {}\u{201C}b c d e\u{201D} ok.",
                "x adding ".repeat(n)
            )
        },
        &[("Smith", Label::Per, 0)],
        1_000,
    );
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Smith"));
    assert_eq!(doc.quotes[0].cue.as_deref(), Some("adding"));
}

#[test]
fn unclosed_single_marks_do_not_slow_down_pairing() {
    let doc = assert_linear(
        |n| format!("{}{}", "\u{2018}a ".repeat(n), "b\u{201D} ".repeat(n)),
        &[],
        5_000,
    );
    assert!(doc.quotes.is_empty());
}
