//! Feature extraction and greedy decoding, shared by training and tagging.
//!
//! Every feature is a 64-bit hash of (template id, values); values are themselves hashes computed
//! once per token (word, lowercase, shape, affixes...), so extracting a feature is a couple of
//! multiplications and never allocates. A hash map from feature hash to a weight row (one weight
//! per tag) holds the model.

use std::ops::Range;

use super::hashing::{fmix, mix, HashMapU64};
use super::prepare::{DocFeats, F_ALLCAPS, F_ALPHA, F_CAP, F_FIRST, F_HEADLINE};
use super::tags::{allowed, tag_label, tag_pos, NT, O};

/// Feature value for "no tag" (no neighbour, no earlier label).
const NONE_TAG: u64 = 99;

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    fmix(mix(mix(0x51ed_270b_2756_1f05, t), a))
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    fmix(mix(mix(mix(0x51ed_270b_2756_1f05, t), a), b))
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(mix(mix(mix(mix(0x51ed_270b_2756_1f05, t), a), b), c))
}

// ---------------------------------------------------------------- features

/// Labels given earlier in the document to a capitalised word (by lowercase form): counts of
/// O, PER, ORG, LOC, MISC.
pub type History = HashMapU64<[u16; 5]>;

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

impl DocFeats {
    /// The features of token `i` of sentence `s`, given the two previous tags and the history.
    #[allow(clippy::too_many_arguments)]
    pub fn features(
        &self,
        s: &Range<usize>,
        i: usize,
        p1: u8,
        p2: u8,
        hist: &History,
        nl: Option<&NonLocal>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        self.static_features(s, i, out);
        self.dynamic_features(s, i, p1, p2, hist, nl, out);
    }

    /// Features that depend on earlier decisions: previous tags, labels given earlier in the
    /// document, and (second pass) the first pass's labels.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn dynamic_features(
        &self,
        s: &Range<usize>,
        i: usize,
        p1: u8,
        p2: u8,
        hist: &History,
        nl: Option<&NonLocal>,
        out: &mut Vec<u64>,
    ) {
        let t = &self.toks[i];
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        out.push(f1(16, p1 as u64));
        out.push(f2(17, p2 as u64, p1 as u64));
        out.push(f2(18, p1 as u64, t.word));
        out.push(f2(19, p1 as u64, t.short));
        // labels given earlier in the document to the same word
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = hist.get(&t.lower) {
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                let frac = (n as u32 * 4 / total.max(1)) as u64;
                out.push(f1(70, best as u64));
                out.push(f2(71, best as u64, frac));
                out.push(f3(72, best as u64, ctx, p1 as u64));
                for (l, &n) in c.iter().enumerate().skip(1) {
                    if n > 0 {
                        out.push(f1(73, l as u64));
                    }
                }
            } else {
                out.push(f2(74, NONE_TAG, ctx));
            }
        }
        if let Some(nl) = nl {
            self.nonlocal_features(s, i, nl, out);
        }
    }

    /// Features of the text alone (appended to `out`).
    #[inline]
    pub fn static_features(&self, s: &Range<usize>, i: usize, out: &mut Vec<u64>) {
        let ii = i as isize;
        let t = &self.toks[i];
        let (m2, m1, n1, n2) = (
            self.at(s, ii - 2),
            self.at(s, ii - 1),
            self.at(s, ii + 1),
            self.at(s, ii + 2),
        );
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        out.push(f1(0, 0));
        out.push(f1(1, t.word));
        out.push(f1(2, t.lower));
        out.push(f1(3, m1.lower));
        out.push(f1(4, n1.lower));
        out.push(f1(5, m2.lower));
        out.push(f1(6, n2.lower));
        out.push(f1(7, t.shape));
        out.push(f2(8, t.short, ctx));
        out.push(f2(9, m1.short, t.short));
        out.push(f2(10, t.short, n1.short));
        out.push(f3(11, m1.short, t.short, n1.short));
        for k in 0..4 {
            if t.pre[k] != 0 && (k as u8) < t.len {
                out.push(f2(12, k as u64, t.pre[k]));
                out.push(f2(13, k as u64, t.suf[k]));
            }
        }
        out.push(f2(14, m1.lower, t.lower));
        out.push(f2(15, t.lower, n1.lower));
        out.push(f2(20, m1.word, t.word));
        out.push(f2(21, t.word, n1.word));
        out.push(f2(22, m1.lower, n1.lower));
        // clusters
        if t.cluster != 0 {
            for b in [4, 6, 10, 14, 20] {
                out.push(f1(30, cl(t.cluster, b)));
            }
            out.push(f2(31, cl(t.cluster, 10), ctx));
        }
        for b in [4, 8, 12] {
            out.push(f1(32, cl(m1.cluster, b)));
            out.push(f1(33, cl(n1.cluster, b)));
        }
        out.push(f2(34, cl(m1.cluster, 8), cl(t.cluster, 8)));
        out.push(f2(35, cl(t.cluster, 8), cl(n1.cluster, 8)));
        // probabilities and capitalisation knowledge
        out.push(f3(40, t.prob as u64, t.short, ctx));
        out.push(f2(41, t.lprob as u64, t.short));
        out.push(f3(42, t.cap as u64, t.short, ctx));
        out.push(f3(43, t.tdiff as u64, t.short, ctx));
        // gazetteers
        if t.gaz != 0 {
            for b in 0..24u64 {
                if t.gaz & (1 << b) != 0 {
                    out.push(f1(50, b));
                    out.push(f2(51, b, t.short));
                }
            }
        }
        out.push(f3(
            52,
            (m1.gaz != 0) as u64 | ((n1.gaz != 0) as u64) << 1,
            0,
            0,
        ));
        out.push(f2(53, t.gaz as u64, ctx));
        // document-level capitalisation
        if t.flags & F_ALPHA != 0 {
            let dl = self.doc_lower.contains(&t.lower) as u64;
            let dc = self.doc_cap.contains(&t.lower) as u64;
            out.push(f3(60, dl | dc << 1, t.short, ctx));
        }
        // the same word elsewhere in the document: runs and contexts
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            let runs = self.doc_runs.get(&t.lower).copied().unwrap_or(0);
            out.push(f3(90, runs as u64, self.run_pos[i] as u64, ctx));
            if let Some(v) = self.doc_ctx.get(&t.lower) {
                for &(p, n, k) in v {
                    if k as usize != i {
                        out.push(f1(91, p));
                        out.push(f1(92, n));
                    }
                }
            }
            // the story's topic (sports results name teams after their towns)
            if self.topic != 0 {
                let place = (t.gaz & 0xFFFF != 0) as u64;
                out.push(f3(115, self.topic, place, ctx));
                out.push(f2(116, self.topic, t.short));
                if t.ent != 0 {
                    out.push(f2(117, self.topic, ((t.ent - 1) >> 2 & 3) as u64));
                }
            }
        }
        out.push(f1(93, m1.word));
        out.push(f1(94, n1.word));
        out.push(f1(95, cl(m2.cluster, 8)));
        out.push(f3(97, t.sent_kind as u64, t.short, ctx));
        if t.ent != 0 {
            let e = (t.ent - 1) as u64;
            out.push(f1(110, e));
            out.push(f2(111, e & 0b11_0011, ctx));
            out.push(f2(112, e, t.short));
        }
        out.push(f2(113, m1.ent as u64, n1.ent as u64));
        // names known from external lists (none in models trained without them)
        if t.known != 0 {
            let k = (t.known - 1) as u64;
            out.push(f1(120, k));
            out.push(f2(121, k, t.short));
            out.push(f2(122, k, ctx));
            out.push(f2(123, k, (t.gaz & 0xFFFF != 0) as u64));
        }

        out.push(f3(98, t.sent_kind as u64, n1.short, t.short));
        if t.cluster != 0 {
            out.push(f2(99, t.sent_kind as u64, cl(t.cluster, 6)));
        }
        if t.len > 4 {
            out.push(f1(100, t.suf[3] ^ 0x5555));
        }
        out.push(f1(96, cl(n2.cluster, 8)));
    }

    /// Second pass: what the first pass said about this token and its word elsewhere.
    #[inline]
    fn nonlocal_features(&self, s: &Range<usize>, i: usize, nl: &NonLocal, out: &mut Vec<u64>) {
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
        out.push(f1(80, own));
        out.push(f3(81, before, own, after));
        out.push(f2(87, own, t.short));
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = nl.counts.get(&t.lower) {
                let mut c = *c;
                let own_l = tag_label(nl.tags[i]).map_or(0, |l| l + 1);
                c[own_l] = c[own_l].saturating_sub(1);
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                if let Some(frac) = (n as u32 * 4).checked_div(total) {
                    let frac = frac as u64;
                    out.push(f1(82, best as u64));
                    out.push(f2(83, best as u64, frac));
                    out.push(f3(84, best as u64, own_l as u64, ctx));
                    for (l, &n) in c.iter().enumerate().skip(1) {
                        if n > 0 {
                            out.push(f1(85, l as u64));
                        }
                    }
                } else {
                    out.push(f2(86, ctx, own_l as u64));
                }
            }
        }
    }

    /// First-pass results of this document for the second pass.
    pub fn nonlocal(&self, tags: Vec<u8>) -> NonLocal {
        let mut counts = History::default();
        for (i, &t) in tags.iter().enumerate() {
            self.record(i, t, &mut counts);
        }
        NonLocal { tags, counts }
    }

    /// Records the label given to token `i`.
    #[inline]
    pub fn record(&self, i: usize, t: u8, hist: &mut History) {
        let tok = &self.toks[i];
        if tok.flags & (F_CAP | F_ALLCAPS) != 0 {
            let l = tag_label(t).map_or(0, |l| l + 1);
            hist.entry(tok.lower).or_insert([0; 5])[l] += 1;
        }
    }
}

/// Adds the weight rows of `feats` into `scores`.
#[inline]
pub fn score(index: &HashMapU64<u32>, weights: &[f32], feats: &[u64], scores: &mut [f32; NT]) {
    *scores = [0.0; NT];
    for f in feats {
        if let Some(&r) = index.get(f) {
            let row = &weights[r as usize * NT..r as usize * NT + NT];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

/// Best allowed tag after `prev`; at the sentence end only closing tags are allowed.
#[inline]
pub fn best_tag(scores: &[f32; NT], prev: u8, last: bool) -> u8 {
    let mut best = u8::MAX;
    let mut bs = f32::NEG_INFINITY;
    for t in 0..NT as u8 {
        if !allowed(prev, t) {
            continue;
        }
        if last && t != O && tag_pos(t) < 2 {
            continue;
        }
        if scores[t as usize] > bs || best == u8::MAX {
            bs = scores[t as usize];
            best = t;
        }
    }
    best
}

/// Greedy left-to-right tagging of a prepared document.
pub fn decode(
    index: &HashMapU64<u32>,
    weights: &[f32],
    doc: &DocFeats,
    nl: Option<&NonLocal>,
) -> Vec<u8> {
    let mut tags = vec![O; doc.toks.len()];
    let mut hist = History::default();
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0.0; NT];
    for s in &doc.sents {
        let (mut p1, mut p2) = (O, O);
        for i in s.clone() {
            doc.features(s, i, p1, p2, &hist, nl, &mut feats);
            score(index, weights, &feats, &mut scores);
            let t = best_tag(&scores, p1, i + 1 == s.end);
            tags[i] = t;
            doc.record(i, t, &mut hist);
            p2 = p1;
            p1 = t;
        }
    }
    tags
}
