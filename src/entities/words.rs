//! The words the tagger is shown: the document's tokens grouped into words, and its sentences as
//! word ranges. The extractor tags these, and training on news text (`tagger_view`, from Python
//! `tidings.train_news`) writes the same words, so the two never disagree.

use std::ops::Range;

use crate::types::{Document, Span};

/// A currency prefix of the dollar sign: one to three capital letters ("C", "A", "NZ", "US").
fn is_currency_prefix(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The tagger's words as token ranges (`groups`) and the sentences as word ranges: tokens,
/// except that a currency prefix written against the dollar sign ("C$", "A$", "US$") is one
/// word, as in CoNLL (the tokenizer splits it). Sentences out of range are clipped.
pub(crate) fn tagger_words(doc: &Document) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let text = &doc.text;
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(doc.tokens.len());
    let mut word_of = vec![0usize; doc.tokens.len()];
    let mut starts = vec![false; doc.tokens.len() + 1];
    for s in &doc.sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    // most texts have no dollar sign, and so nothing to merge
    let dollars = memchr::memchr(b'$', text.as_bytes()).is_some();
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        let merge = dollars
            && i + 1 < doc.tokens.len()
            && doc.tokens[i + 1].start == t.end
            && !starts[i + 1]
            && doc.tokens[i + 1].text(text) == "$"
            && is_currency_prefix(t.text(text));
        let j = if merge { i + 2 } else { i + 1 };
        for w in &mut word_of[i..j] {
            *w = groups.len();
        }
        groups.push(i..j);
        i = j;
    }
    let n_tok = doc.tokens.len();
    let n_words = groups.len();
    let sents = doc
        .sentences
        .iter()
        .map(|s| {
            let (a, b) = (s.tokens.start.min(n_tok), s.tokens.end.min(n_tok));
            if a >= b {
                let w = if a < n_tok { word_of[a] } else { n_words };
                w..w
            } else {
                word_of[a]..word_of[b - 1] + 1
            }
        })
        .collect();
    (groups, sents)
}

/// The byte span of each word.
pub(crate) fn word_spans(doc: &Document, groups: &[Range<usize>]) -> Vec<Span> {
    groups
        .iter()
        .map(|g| Span::new(doc.tokens[g.start].start, doc.tokens[g.end - 1].end))
        .collect()
}

/// What the tagger is shown of an analysed document (its text layer is enough): each word's
/// byte span and the sentences as word ranges. Title-case lines are shown with their common
/// words in lowercase (`headlines.rs`); the words here are the text's own.
pub fn tagger_view(doc: &Document) -> (Vec<Span>, Vec<Range<usize>>) {
    let (groups, sents) = tagger_words(doc);
    (word_spans(doc, &groups), sents)
}
