//! Feature templates and feature extraction: what the tagger sees of a token, as 64-bit hashes.
//!
//! Every feature is a hash of (template number, values); values are themselves hashes computed
//! once per document (`prepare.rs`), so extracting a feature is a couple of multiplications and
//! never allocates. Never looks up weights or chooses a tag (see `decode.rs`).

use std::ops::Range;

use super::hashing::{fmix, mix};
use super::prepare::{DocFeats, Tok, F_ALLCAPS, F_ALPHA, F_CAP, F_FIRST, F_HEADLINE, F_LOWER};
use super::tags::tag_label;

/// Feature value for "no tag" (no neighbour, no earlier label).
const NONE_TAG: u64 = 99;

/// Feature templates. A feature is the hash of its template's number and its values, so the
/// numbers are part of the trained model: never renumber one (add new templates at new numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Template {
    /// Always on
    Bias = 0,
    /// The word
    Word = 1,
    /// Its lowercase
    Lower = 2,
    /// Lowercase of the previous word
    PrevLower = 3,
    /// Lowercase of the next word
    NextLower = 4,
    /// Lowercase of the word two back
    Prev2Lower = 5,
    /// Lowercase of the word two ahead
    Next2Lower = 6,
    /// Shape (`Xxxx`, `dd`, runs cut at 3)
    Shape = 7,
    /// Short shape (runs of one) and sentence context
    ShortInContext = 8,
    /// Short shapes of the previous word and this one
    PrevShortShort = 9,
    /// Short shapes of this word and the next
    ShortNextShort = 10,
    /// Short shapes of the previous, this and the next word
    ShortTrigram = 11,
    /// Prefix of each length up to 4
    Prefix = 12,
    /// Suffix of each length up to 4
    Suffix = 13,
    /// Lowercase bigram with the previous word
    PrevLowerLower = 14,
    /// Lowercase bigram with the next word
    LowerNextLower = 15,
    /// Previous tag
    PrevTag = 16,
    /// The two previous tags
    PrevTwoTags = 17,
    /// Previous tag and the word
    PrevTagWord = 18,
    /// Previous tag and the short shape
    PrevTagShort = 19,
    /// Word bigram with the previous word
    PrevWordWord = 20,
    /// Word bigram with the next word
    WordNextWord = 21,
    /// Lowercase of the words on both sides
    PrevNextLower = 22,
    /// Cluster path prefixes of the word
    Cluster = 30,
    /// Cluster prefix and sentence context
    ClusterInContext = 31,
    /// Cluster prefixes of the previous word
    PrevCluster = 32,
    /// Cluster prefixes of the next word
    NextCluster = 33,
    /// Cluster bigram with the previous word
    PrevClusterCluster = 34,
    /// Cluster bigram with the next word
    ClusterNextCluster = 35,
    /// Word probability, short shape and context
    ProbShortContext = 40,
    /// Lowercase probability and short shape
    LowerProbShort = 41,
    /// Capitalisation rate in news, short shape and context
    CapRateShortContext = 42,
    /// Title-case against lowercase probability, short shape, context
    TitleLowerShortContext = 43,
    /// A gazetteer type and position
    Gazetteer = 50,
    /// A gazetteer type and position, and the short shape
    GazetteerShort = 51,
    /// Whether the previous and the next word are in a gazetteer
    NeighbourGazetteer = 52,
    /// All gazetteer types and positions, and context
    GazetteerMaskContext = 53,
    /// Written lowercase / capitalised elsewhere in the document
    DocCase = 60,
    /// Label given most often earlier in the document
    HistoryBest = 70,
    /// That label and its share
    HistoryBestShare = 71,
    /// That label, context and the previous tag
    HistoryBestContextPrevTag = 72,
    /// Each label given earlier
    HistorySeen = 73,
    /// Capitalised word not labelled earlier
    HistoryNone = 74,
    /// First pass's tag of this token
    FirstPassTag = 80,
    /// First pass's tags of the previous, this and the next token
    FirstPassTrigram = 81,
    /// First pass's most frequent label of the word elsewhere
    FirstPassBest = 82,
    /// That label and its share
    FirstPassBestShare = 83,
    /// That label, this token's label and context
    FirstPassBestOwn = 84,
    /// Each label the first pass gave the word elsewhere
    FirstPassSeen = 85,
    /// Context and own label of a word the first pass saw only here
    FirstPassOnlyHere = 86,
    /// First pass's tag and the short shape
    FirstPassTagShort = 87,
    /// Positions in capitalised runs across the document, here, context
    CapRun = 90,
    /// Word before another occurrence of the word
    ElsewherePrevLower = 91,
    /// Word after another occurrence of the word
    ElsewhereNextLower = 92,
    /// The previous word
    PrevWord = 93,
    /// The next word
    NextWord = 94,
    /// Cluster prefix of the word two back
    Prev2Cluster = 95,
    /// Cluster prefix of the word two ahead
    Next2Cluster = 96,
    /// Kind of sentence, short shape and context
    SentKindShortContext = 97,
    /// Kind of sentence and the short shapes of the next word and this
    SentKindNextShortShort = 98,
    /// Kind of sentence and cluster prefix
    SentKindCluster = 99,
    /// Four-letter suffix of a word longer than four letters
    LongSuffix = 100,
    /// Match in the lexicon of training entities
    TrainEntity = 110,
    /// Its label and position, and context
    TrainEntityContext = 111,
    /// The match and the short shape
    TrainEntityShort = 112,
    /// Matches of the previous and the next word
    NeighbourTrainEntities = 113,
    /// The story's topic, a place name or not, context
    TopicPlace = 115,
    /// The story's topic and the short shape
    TopicShort = 116,
    /// The story's topic and the training entity's label
    TopicTrainEntity = 117,
    /// Match among entities known from external lists
    Known = 120,
    /// The match and the short shape
    KnownShort = 121,
    /// The match and context
    KnownContext = 122,
    /// The match and whether a place gazetteer matches too
    KnownPlace = 123,
}
use Template as T;

const FEATURE_SEED: u64 = 0x51ed_270b_2756_1f05;

/// A feature of template `t` with one value.
#[inline]
fn f1(t: Template, a: u64) -> u64 {
    fmix(mix(mix(FEATURE_SEED, t as u64), a))
}
/// A feature of template `t` with two values.
#[inline]
fn f2(t: Template, a: u64, b: u64) -> u64 {
    fmix(mix(mix(mix(FEATURE_SEED, t as u64), a), b))
}
/// A feature of template `t` with three values.
#[inline]
fn f3(t: Template, a: u64, b: u64, c: u64) -> u64 {
    fmix(mix(mix(mix(mix(FEATURE_SEED, t as u64), a), b), c))
}

// ---------------------------------------------------------------- features

/// Labels given earlier in the document to each capitalised word (by its number in the
/// document, see [`DocFeats::record`]): counts of O, PER, ORG, LOC, MISC.
pub struct History(Vec<[u16; 5]>);

impl History {
    /// No labels yet, for the words of `doc`.
    pub fn new(doc: &DocFeats) -> Self {
        History(vec![[0; 5]; doc.doc_words.len()])
    }

    /// The counts of word number `k`, if it was labelled.
    #[inline]
    fn get(&self, k: usize) -> Option<&[u16; 5]> {
        let c = &self.0[k];
        (*c != [0; 5]).then_some(c)
    }

    /// The counts of the word of token `i` of `doc`, if it was labelled.
    #[inline]
    fn of_token(&self, doc: &DocFeats, i: usize) -> Option<&[u16; 5]> {
        doc.doc_words.number(i).and_then(|k| self.get(k))
    }
}

/// The first pass over a document: its tags, and the labels each capitalised word got anywhere
/// in the document (the second pass reads them: a two-pass, "non-local" scheme).
pub struct NonLocal {
    tags: Vec<u8>,
    counts: History,
}

#[inline]
fn cl(c: u32, bits: u32) -> u64 {
    if c == 0 {
        0
    } else {
        (c & ((1u32 << bits) - 1)) as u64 | ((bits as u64) << 40)
    }
}

/// What [`Step::dynamic_features`] reads of a step besides its token: the previous two tags
/// and the counts of labels its word was given so far (zeros for none, or when the token is
/// not capitalised, whose features read none).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DynamicInputs {
    p1: u8,
    p2: u8,
    counts: [u16; 5],
}

/// Where the greedy walk stands: token `i` of sentence `sent`, after the tags `p1` (previous)
/// and `p2` (the one before), with the labels given so far in the document.
pub struct Step<'a> {
    pub doc: &'a DocFeats,
    pub sent: &'a Range<usize>,
    pub i: usize,
    pub p1: u8,
    pub p2: u8,
    pub hist: &'a History,
}

impl Step<'_> {
    /// All features of this token (`out` is cleared first); `nl` in the second pass.
    pub fn features(&self, nl: Option<&NonLocal>, out: &mut Vec<u64>) {
        out.clear();
        self.doc.static_features(self.sent, self.i, out);
        self.dynamic_features(nl, out);
    }

    /// Features that depend on earlier decisions: previous tags, labels given earlier in the
    /// document, and (second pass) the first pass's labels.
    #[inline]
    pub fn dynamic_features(&self, nl: Option<&NonLocal>, out: &mut Vec<u64>) {
        let t = &self.doc.toks[self.i];
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        out.push(f1(T::PrevTag, self.p1 as u64));
        out.push(f2(T::PrevTwoTags, self.p2 as u64, self.p1 as u64));
        out.push(f2(T::PrevTagWord, self.p1 as u64, t.word));
        out.push(f2(T::PrevTagShort, self.p1 as u64, t.short));
        // labels given earlier in the document to the same word
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = self.hist.of_token(self.doc, self.i) {
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                let frac = (n as u32 * 4 / total.max(1)) as u64;
                out.push(f1(T::HistoryBest, best as u64));
                out.push(f2(T::HistoryBestShare, best as u64, frac));
                out.push(f3(
                    T::HistoryBestContextPrevTag,
                    best as u64,
                    ctx,
                    self.p1 as u64,
                ));
                for (l, &n) in c.iter().enumerate().skip(1) {
                    if n > 0 {
                        out.push(f1(T::HistorySeen, l as u64));
                    }
                }
            } else {
                out.push(f2(T::HistoryNone, NONE_TAG, ctx));
            }
        }
        if let Some(nl) = nl {
            self.nonlocal_features(nl, out);
        }
    }

    /// Everything [`Step::dynamic_features`] reads besides the token itself: at one token,
    /// equal inputs give equal features.
    #[inline]
    pub fn dynamic_inputs(&self) -> DynamicInputs {
        let t = &self.doc.toks[self.i];
        let counts = if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            self.hist.of_token(self.doc, self.i).copied()
        } else {
            None
        };
        DynamicInputs {
            p1: self.p1,
            p2: self.p2,
            counts: counts.unwrap_or([0; 5]),
        }
    }

    /// The second pass's features of what the first pass said (the features that
    /// [`Step::dynamic_features`] adds with `nl`), appended to `out`.
    #[inline]
    pub fn nonlocal_features(&self, nl: &NonLocal, out: &mut Vec<u64>) {
        self.doc.nonlocal_features(self.sent, self.i, nl, out);
    }
}

impl DocFeats {
    /// Features of the text alone (appended to `out`).
    #[inline]
    pub fn static_features(&self, s: &Range<usize>, i: usize, out: &mut impl Sink) {
        let ii = i as isize;
        let t = &self.toks[i];
        let w = Window {
            t,
            m2: self.at(s, ii - 2),
            m1: self.at(s, ii - 1),
            n1: self.at(s, ii + 1),
            n2: self.at(s, ii + 2),
            ctx: (t.flags & (F_FIRST | F_HEADLINE)) as u64,
        };
        word_features(&w, out);
        knowledge_features(&w, out);
        self.document_features(i, &w, out);
        entity_features(&w, out);
    }

    /// The same word elsewhere in the document: how it is written, the runs of capitalised
    /// words it stands in, the words around it, and the story's topic.
    #[inline]
    fn document_features(&self, i: usize, w: &Window, out: &mut impl Sink) {
        let Window { t, ctx, .. } = *w;
        // document-level capitalisation
        let word = self.doc_words.of_token(i);
        if t.flags & F_ALPHA != 0 {
            // a lowercase word is written so here; others are looked up
            let case = word.map_or(0, |w| w.case) | (t.flags & F_LOWER != 0) as u8;
            out.near(f3(T::DocCase, case as u64, t.short, ctx));
        }
        // the same word elsewhere in the document: runs and contexts
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            let runs = word.map_or(0, |w| w.runs);
            out.near(f3(T::CapRun, runs as u64, self.run_pos[i] as u64, ctx));
            let v = word.map_or(&[][..], |w| w.contexts());
            if v.iter().any(|e| e.2 as usize != i) {
                let feats = v.iter().flat_map(|&(p, n, k)| {
                    [
                        (k, f1(T::ElsewherePrevLower, p)),
                        (k, f1(T::ElsewhereNextLower, n)),
                    ]
                });
                out.elsewhere(t.lower, i, feats);
            }
            // the story's topic (sports results name teams after their towns)
            if self.topic != 0 {
                let place = (t.gaz & 0xFFFF != 0) as u64;
                out.near(f3(T::TopicPlace, self.topic, place, ctx));
                out.near(f2(T::TopicShort, self.topic, t.short));
                if t.ent != 0 {
                    out.near(f2(
                        T::TopicTrainEntity,
                        self.topic,
                        ((t.ent - 1) >> 2 & 3) as u64,
                    ));
                }
            }
        }
    }

    /// Second pass: what the first pass said about this token and its word elsewhere.
    #[inline]
    fn nonlocal_features(&self, s: &Range<usize>, i: usize, nl: &NonLocal, out: &mut impl Sink) {
        let t = &self.toks[i];
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        let own = nl.tags[i] as u64;
        let before = if i > s.start {
            nl.tags[i - 1] as u64
        } else {
            NONE_TAG
        };
        let after = if i + 1 < s.end {
            nl.tags[i + 1] as u64
        } else {
            NONE_TAG
        };
        out.near(f1(T::FirstPassTag, own));
        out.near(f3(T::FirstPassTrigram, before, own, after));
        out.near(f2(T::FirstPassTagShort, own, t.short));
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = nl.counts.of_token(self, i) {
                let mut c = *c;
                let own_l = tag_label(nl.tags[i]).map_or(0, |l| l + 1);
                c[own_l] = c[own_l].saturating_sub(1);
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                if let Some(frac) = (n as u32 * 4).checked_div(total) {
                    let frac = frac as u64;
                    out.near(f1(T::FirstPassBest, best as u64));
                    out.near(f2(T::FirstPassBestShare, best as u64, frac));
                    out.near(f3(T::FirstPassBestOwn, best as u64, own_l as u64, ctx));
                    for (l, &n) in c.iter().enumerate().skip(1) {
                        if n > 0 {
                            out.near(f1(T::FirstPassSeen, l as u64));
                        }
                    }
                } else {
                    out.near(f2(T::FirstPassOnlyHere, ctx, own_l as u64));
                }
            }
        }
    }

    /// First-pass results of this document for the second pass.
    pub fn nonlocal(&self, tags: Vec<u8>) -> NonLocal {
        let mut counts = History::new(self);
        for (i, &t) in tags.iter().enumerate() {
            self.record(i, t, &mut counts);
        }
        NonLocal { tags, counts }
    }

    /// Records the label given to token `i` (only capitalised words have a history).
    #[inline]
    pub fn record(&self, i: usize, t: u8, hist: &mut History) {
        if self.toks[i].flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(k) = self.doc_words.number(i) {
                let l = tag_label(t).map_or(0, |l| l + 1);
                hist.0[k][l] += 1;
            }
        }
    }
}

/// Where text features go. Training keeps them in one list, in template order (`Vec<u64>`);
/// tagging keeps the features of the token alone apart from those of its neighbours and its
/// document, and caches their weight sums by [`Tok::own_key`].
pub trait Sink {
    /// A feature that depends only on the token's word and [`Tok::own_key`]. Given as a
    /// closure, so that a sink that knows these features' weight sums need not compute them.
    fn own(&mut self, f: impl FnOnce() -> u64);
    /// Whether [`Sink::own`] keeps what it is given (false when the sink knows the own
    /// features' weight sums): loops that give only own features are skipped then.
    fn wants_own(&self) -> bool {
        true
    }
    /// A feature of the token's neighbours or document.
    fn near(&mut self, f: u64);
    /// A feature of one neighbour's word alone, the neighbour `at` [`BESIDE`] (a closure, as
    /// for [`Sink::own`]).
    fn beside(&mut self, at: usize, f: impl FnOnce() -> u64);
    /// A feature of the token's word and one next to it alone, the word [`PAIRS`]`[side]`
    /// (a closure, as for [`Sink::own`]).
    fn pair(&mut self, side: usize, f: impl FnOnce() -> u64);
    /// Features of the other occurrences of token `i`'s word in the document, each with the
    /// token index of the occurrence it describes; those of token `i` itself are left out.
    /// `word` names the list within the document (one word, one list), so that its weight
    /// sums can be kept per document.
    fn elsewhere(&mut self, word: u64, i: usize, feats: impl Iterator<Item = (u32, u64)>);
}

/// The neighbours whose own word makes some features alone: two before, before, after, two
/// after (in a sentence's window, `BOS`/`EOS` beyond its ends).
pub const BESIDE: [isize; 4] = [-2, -1, 1, 2];

/// The neighbours whose word makes some features with the token's word alone: the word
/// before and the word after (`BOS`/`EOS` beyond the sentence's ends).
pub const PAIRS: [isize; 2] = [-1, 1];

impl Sink for Vec<u64> {
    #[inline]
    fn own(&mut self, f: impl FnOnce() -> u64) {
        self.push(f());
    }
    #[inline]
    fn near(&mut self, f: u64) {
        self.push(f);
    }
    #[inline]
    fn beside(&mut self, _: usize, f: impl FnOnce() -> u64) {
        self.push(f());
    }
    #[inline]
    fn pair(&mut self, _: usize, f: impl FnOnce() -> u64) {
        self.push(f());
    }
    #[inline]
    fn elsewhere(&mut self, _: u64, i: usize, feats: impl Iterator<Item = (u32, u64)>) {
        self.extend(feats.filter(|&(k, _)| k as usize != i).map(|(_, f)| f));
    }
}

/// A token and its neighbours in the sentence (`BOS`/`EOS` beyond its ends), with the token's
/// sentence context (first token, headline).
struct Window<'a> {
    t: &'a Tok,
    m2: &'a Tok,
    m1: &'a Tok,
    n1: &'a Tok,
    n2: &'a Tok,
    ctx: u64,
}

/// The words, their shapes, affixes and clusters in a window of two on each side.
#[inline]
fn word_features(w: &Window, out: &mut impl Sink) {
    let (t, m2, m1, n1, n2, ctx) = (w.t, w.m2, w.m1, w.n1, w.n2, w.ctx);
    out.own(|| f1(T::Bias, 0));
    out.own(|| f1(T::Word, t.word));
    out.own(|| f1(T::Lower, t.lower));
    out.beside(1, || f1(T::PrevLower, m1.lower));
    out.beside(2, || f1(T::NextLower, n1.lower));
    out.beside(0, || f1(T::Prev2Lower, m2.lower));
    out.beside(3, || f1(T::Next2Lower, n2.lower));
    out.own(|| f1(T::Shape, t.shape));
    out.own(|| f2(T::ShortInContext, t.short, ctx));
    out.pair(0, || f2(T::PrevShortShort, m1.short, t.short));
    out.pair(1, || f2(T::ShortNextShort, t.short, n1.short));
    out.near(f3(T::ShortTrigram, m1.short, t.short, n1.short));
    if out.wants_own() {
        for k in 0..4 {
            if t.pre[k] != 0 && (k as u8) < t.len {
                out.own(|| f2(T::Prefix, k as u64, t.pre[k]));
                out.own(|| f2(T::Suffix, k as u64, t.suf[k]));
            }
        }
    }
    out.pair(0, || f2(T::PrevLowerLower, m1.lower, t.lower));
    out.pair(1, || f2(T::LowerNextLower, t.lower, n1.lower));
    out.pair(0, || f2(T::PrevWordWord, m1.word, t.word));
    out.pair(1, || f2(T::WordNextWord, t.word, n1.word));
    out.near(f2(T::PrevNextLower, m1.lower, n1.lower));
    // clusters
    if t.cluster != 0 && out.wants_own() {
        for b in [4, 6, 10, 14, 20] {
            out.own(|| f1(T::Cluster, cl(t.cluster, b)));
        }
        out.own(|| f2(T::ClusterInContext, cl(t.cluster, 10), ctx));
    }
    for b in [4, 8, 12] {
        out.beside(1, || f1(T::PrevCluster, cl(m1.cluster, b)));
        out.beside(2, || f1(T::NextCluster, cl(n1.cluster, b)));
    }
    out.pair(0, || {
        f2(T::PrevClusterCluster, cl(m1.cluster, 8), cl(t.cluster, 8))
    });
    out.pair(1, || {
        f2(T::ClusterNextCluster, cl(t.cluster, 8), cl(n1.cluster, 8))
    });
}

/// What the lexicon and the gazetteers say: probabilities, capitalisation rates, place and
/// name lists.
#[inline]
fn knowledge_features(w: &Window, out: &mut impl Sink) {
    let Window { t, m1, n1, ctx, .. } = *w;
    // probabilities and capitalisation knowledge
    out.own(|| f3(T::ProbShortContext, t.prob as u64, t.short, ctx));
    out.own(|| f2(T::LowerProbShort, t.lprob as u64, t.short));
    out.own(|| f3(T::CapRateShortContext, t.cap as u64, t.short, ctx));
    out.own(|| f3(T::TitleLowerShortContext, t.tdiff as u64, t.short, ctx));
    // gazetteers
    if t.gaz != 0 && out.wants_own() {
        for b in 0..24u64 {
            if t.gaz & (1 << b) != 0 {
                out.own(|| f1(T::Gazetteer, b));
                out.own(|| f2(T::GazetteerShort, b, t.short));
            }
        }
    }
    out.near(f3(
        T::NeighbourGazetteer,
        (m1.gaz != 0) as u64 | ((n1.gaz != 0) as u64) << 1,
        0,
        0,
    ));
    out.own(|| f2(T::GazetteerMaskContext, t.gaz as u64, ctx));
}

/// The neighbouring words and clusters, the kind of sentence, and matches among training
/// entities and known entities.
#[inline]
fn entity_features(w: &Window, out: &mut impl Sink) {
    let (t, m2, m1, n1, n2, ctx) = (w.t, w.m2, w.m1, w.n1, w.n2, w.ctx);
    out.beside(1, || f1(T::PrevWord, m1.word));
    out.beside(2, || f1(T::NextWord, n1.word));
    out.beside(0, || f1(T::Prev2Cluster, cl(m2.cluster, 8)));
    out.own(|| f3(T::SentKindShortContext, t.sent_kind as u64, t.short, ctx));
    if t.ent != 0 {
        let e = (t.ent - 1) as u64;
        out.own(|| f1(T::TrainEntity, e));
        out.own(|| f2(T::TrainEntityContext, e & 0b11_0011, ctx));
        out.own(|| f2(T::TrainEntityShort, e, t.short));
    }
    out.near(f2(T::NeighbourTrainEntities, m1.ent as u64, n1.ent as u64));
    // names known from external lists (none in models trained without them)
    if t.known != 0 {
        let k = (t.known - 1) as u64;
        out.own(|| f1(T::Known, k));
        out.own(|| f2(T::KnownShort, k, t.short));
        out.own(|| f2(T::KnownContext, k, ctx));
        out.own(|| f2(T::KnownPlace, k, (t.gaz & 0xFFFF != 0) as u64));
    }

    out.near(f3(
        T::SentKindNextShortShort,
        t.sent_kind as u64,
        n1.short,
        t.short,
    ));
    if t.cluster != 0 {
        out.own(|| f2(T::SentKindCluster, t.sent_kind as u64, cl(t.cluster, 6)));
    }
    if t.len > 4 {
        out.own(|| f1(T::LongSuffix, t.suf[3] ^ 0x5555));
    }
    out.beside(3, || f1(T::Next2Cluster, cl(n2.cluster, 8)));
}
