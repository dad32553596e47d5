//! The greedy left-to-right walk over a document's sentences, shared by tagging and training:
//! one place keeps the previous tags and the labels given so far, and chooses no tag itself.
//!
//! The caller's `choose` decides each tag (by the model's scores, or the gold tag in training);
//! the walk never reads weights.

use std::sync::LazyLock;

use super::features::{History, NonLocal, Step};
use super::hashing::HashMapU64;
use super::prepare::DocFeats;
use super::tags::{allowed, tag_pos, NT, O};

/// Walks the sentences of `doc` token by token; `choose` gives each token's tag, which the next
/// steps see as the previous tag and in the document's history. Returns the tags (O outside
/// every sentence).
#[inline]
pub fn walk(doc: &DocFeats, choose: impl FnMut(&Step) -> u8) -> Vec<u8> {
    walk_skipping(doc, |_, _| false, choose)
}

/// [`walk`], with the tokens that `outside(i, previous tag)` says are outside every entity
/// tagged O without asking `choose` (the tagger's [`DocFeats::surely_outside`]: most tokens).
#[inline]
pub fn walk_skipping(
    doc: &DocFeats,
    outside: impl Fn(usize, u8) -> bool,
    mut choose: impl FnMut(&Step) -> u8,
) -> Vec<u8> {
    let mut tags = vec![O; doc.toks.len()];
    let mut hist = History::new(doc);
    for sent in &doc.sents {
        let (mut p1, mut p2) = (O, O);
        for i in sent.clone() {
            let t = if outside(i, p1) {
                O
            } else {
                choose(&Step {
                    doc,
                    sent,
                    i,
                    p1,
                    p2,
                    hist: &hist,
                })
            };
            tags[i] = t;
            doc.record(i, t, &mut hist);
            p2 = p1;
            p1 = t;
        }
    }
    tags
}

impl Step<'_> {
    /// The best allowed tag here by `scores` (see [`best_tag`]).
    #[inline]
    pub fn best(&self, scores: &[f32; NT]) -> u8 {
        best_tag(scores, self.p1, self.i + 1 == self.sent.end)
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

/// The tags allowed after each previous tag (bit `t` for tag `t`), not at and at the sentence
/// end, where only closing tags are allowed: [`allowed`] once per pair rather than per token.
static ALLOWED: LazyLock<[[u32; 2]; NT]> = LazyLock::new(|| {
    std::array::from_fn(|prev| {
        std::array::from_fn(|last| {
            (0..NT as u8)
                .filter(|&t| allowed(prev as u8, t) && !(last == 1 && t != O && tag_pos(t) < 2))
                .fold(0, |m, t| m | 1 << t)
        })
    })
});

/// Best allowed tag after `prev`; at the sentence end only closing tags are allowed. Ties go
/// to the lowest tag.
#[inline]
pub fn best_tag(scores: &[f32; NT], prev: u8, last: bool) -> u8 {
    let mut m = ALLOWED[prev as usize][last as usize];
    if m == 0 {
        return u8::MAX;
    }
    // the first allowed tag, then any higher score after it
    let mut best = m.trailing_zeros() as usize;
    let mut bs = scores[best];
    m &= m - 1;
    while m != 0 {
        let t = m.trailing_zeros() as usize;
        m &= m - 1;
        if scores[t] > bs {
            bs = scores[t];
            best = t;
        }
    }
    best as u8
}

/// Greedy tagging of a prepared document with training-time weights (`index` maps a feature
/// to its row of `NT` weights).
pub fn decode(
    index: &HashMapU64<u32>,
    weights: &[f32],
    doc: &DocFeats,
    nl: Option<&NonLocal>,
) -> Vec<u8> {
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0.0; NT];
    walk(doc, |st| {
        st.features(nl, &mut feats);
        score(index, weights, &feats, &mut scores);
        st.best(&scores)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_tag_is_the_first_highest_allowed_tag() {
        // scores with ties, negatives and equal values, against a plain scan of `allowed`
        let rows: Vec<[f32; NT]> = (0..40u32)
            .map(|k| std::array::from_fn(|t| ((t as u32 * 7 + k * 13) % 5) as f32 - 2.0))
            .collect();
        for prev in 0..NT as u8 {
            for last in [false, true] {
                for s in &rows {
                    let ok = |t: u8| allowed(prev, t) && !(last && t != O && tag_pos(t) < 2);
                    let top = (0..NT as u8)
                        .filter(|&t| ok(t))
                        .map(|t| s[t as usize])
                        .fold(f32::NEG_INFINITY, f32::max);
                    let want = (0..NT as u8).find(|&t| ok(t) && s[t as usize] == top);
                    assert_eq!(Some(best_tag(s, prev, last)), want, "{prev} {last}");
                }
            }
        }
    }
}
