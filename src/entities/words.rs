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
    let n_tok = doc.tokens.len();
    // most texts have no dollar sign, and so nothing to merge: the words are the tokens
    if memchr::memchr(b'$', text.as_bytes()).is_none() {
        let sents = doc
            .sentences
            .iter()
            .map(|s| {
                let a = s.tokens.start.min(n_tok);
                a..s.tokens.end.min(n_tok).max(a)
            })
            .collect();
        return ((0..n_tok).map(|i| i..i + 1).collect(), sents);
    }
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(doc.tokens.len());
    let mut word_of = vec![0usize; doc.tokens.len()];
    let mut starts = vec![false; doc.tokens.len() + 1];
    for s in &doc.sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        let merge = i + 1 < doc.tokens.len()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    /// The words and sentences as the tagger sees them, as text.
    fn view(text: &str) -> (Vec<String>, Vec<Range<usize>>) {
        let doc = Pipeline::new(vec![]).analyze(text, None);
        let (spans, sents) = tagger_view(&doc);
        (
            spans.iter().map(|s| doc.slice(*s).to_string()).collect(),
            sents,
        )
    }

    #[test]
    fn words_are_tokens_but_currency_prefixes_join_the_dollar_sign() {
        let (words, sents) = view("It cost C$5. Then US $6 more.");
        assert!(words.contains(&"C$".to_string()), "{words:?}");
        assert!(words.contains(&"US".to_string()) && words.contains(&"$".to_string()));
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[1].start, sents[0].end);
        // without a dollar sign, one word per token and the sentences as token ranges
        let doc = Pipeline::new(vec![]).analyze("Trump met Putin. They spoke.", None);
        let (spans, sents) = tagger_view(&doc);
        assert_eq!(spans.len(), doc.tokens.len());
        let token_ranges: Vec<Range<usize>> =
            doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        assert_eq!(sents, token_ranges);
    }
}
