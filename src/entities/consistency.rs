//! Document-level label consistency, applied after tagging and before grouping.
//!
//! The tagger labels each mention from its context, so one person can come out as PER in
//! "Donald Trump Jr. said" and as ORG or MISC in "the Trump Jr. emails". Within one document,
//! with each mention's own evidence (the tagger's probabilities of the four labels for its span):
//! 1. an ORG or MISC mention whose words all belong to a PER mention of two or more words is a
//!    short form of that person and becomes PER ("Comey" after "James Comey"). A LOC mention
//!    does so only when the tagger itself gave PER a fair chance: "Washington" stays the city
//!    after "George Washington", while a doubtful "Trump" LOC becomes PER;
//! 2. mentions with the same text then vote with their evidence (the sum of their label
//!    probabilities, not a count of labels): a mention takes the label that wins the vote unless
//!    it is itself confident of its own. One confident misreading therefore never spreads, and a
//!    doubtful one is outvoted by several sure readings.
//!
//! It never creates or removes mentions and never changes a span.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::groups::words;
use crate::types::{Label, Span};

/// A LOC mention that is a short form of a person becomes PER when the tagger gave PER at
/// least this probability.
const LOC_TO_PER: f32 = 0.05;
/// A mention keeps its own label against the document vote when it is at least this sure of it.
const KEEP_OWN: f32 = 0.9;

/// Relabels `mentions` (span, label, sentence) in place; `evidence[i]` is mention i's
/// probability of PER, ORG, LOC and MISC (in [`Label::ALL`] order).
pub fn relabel(text: &str, mentions: &mut [(Span, Label, usize)], evidence: &[[f32; 4]]) {
    debug_assert_eq!(mentions.len(), evidence.len());
    let per = Label::Per as usize;
    // each distinct text split into words once
    let n = mentions.len();
    let mut persons: HashSet<&str> = HashSet::with_capacity_and_hasher(n, Default::default());
    let person_words: HashSet<String> = mentions
        .iter()
        .filter(|m| m.1 == Label::Per && persons.insert(&text[m.0.start..m.0.end]))
        .map(|m| words(&text[m.0.start..m.0.end]))
        .filter(|w| w.len() >= 2)
        .flatten()
        .collect();
    let mut moved = vec![false; mentions.len()];
    if !person_words.is_empty() {
        // whether all the words of a text are person words, by text
        let mut short_form: HashMap<&str, bool> = HashMap::default();
        for ((m, ev), moved) in mentions.iter_mut().zip(evidence).zip(&mut moved) {
            let doubtful_place = m.1 == Label::Loc && ev[per] >= LOC_TO_PER;
            if matches!(m.1, Label::Org | Label::Misc) || doubtful_place {
                let t = &text[m.0.start..m.0.end];
                let is_short = *short_form.entry(t).or_insert_with(|| {
                    let w = words(t);
                    !w.is_empty() && w.iter().all(|x| person_words.contains(x))
                });
                if is_short {
                    m.1 = Label::Per;
                    *moved = true;
                }
            }
        }
    }
    let mut votes: HashMap<&str, [f32; 4]> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    for (k, (m, ev)) in mentions.iter().zip(evidence).enumerate() {
        let v = votes.entry(&text[m.0.start..m.0.end]).or_default();
        if moved[k] {
            // relabelled above: a vote for the person, with full weight
            v[m.1 as usize] += 1.0;
        } else {
            for (x, p) in v.iter_mut().zip(ev) {
                *x += p;
            }
        }
    }
    for (k, (m, ev)) in mentions.iter_mut().zip(evidence).enumerate() {
        let own = m.1 as usize;
        if moved[k] || ev[own] >= KEEP_OWN {
            continue;
        }
        let v = votes[&text[m.0.start..m.0.end]];
        let best = (0..4)
            .max_by(|&a, &b| v[a].total_cmp(&v[b]).then((a == own).cmp(&(b == own))))
            .unwrap();
        if v[best] > v[own] {
            m.1 = Label::ALL[best];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `relabel` on the marked mentions, each with its label and its own evidence for
    /// that label (the rest spread evenly over the other labels).
    fn run(text: &str, marks: &[(&str, Label, f32)]) -> Vec<(String, Label)> {
        let mut from = 0;
        let mut ev = Vec::new();
        let mut ms: Vec<(Span, Label, usize)> = marks
            .iter()
            .map(|(w, l, p)| {
                let s = from + text[from..].find(w).unwrap();
                from = s + w.len();
                let mut e = [(1.0 - p) / 3.0; 4];
                e[*l as usize] = *p;
                ev.push(e);
                (Span::new(s, s + w.len()), *l, 0)
            })
            .collect();
        relabel(text, &mut ms, &ev);
        ms.iter()
            .map(|(s, l, _)| (text[s.start..s.end].to_string(), *l))
            .collect()
    }

    #[test]
    fn short_forms_of_a_person_become_per_but_sure_places_stay() {
        let text = "James Comey spoke. Comey left. The Comey memo. Washington met George \
                    Washington. Trump Tower. Donald Trump.";
        let got = run(
            text,
            &[
                ("James Comey", Label::Per, 0.9),
                ("Comey", Label::Org, 0.6),
                ("Comey", Label::Misc, 0.6),
                ("Washington", Label::Loc, 0.999),
                ("George Washington", Label::Per, 0.9),
                ("Trump", Label::Loc, 0.6),
                ("Donald Trump", Label::Per, 0.9),
            ],
        );
        assert_eq!(got[1].1, Label::Per);
        assert_eq!(got[2].1, Label::Per);
        assert_eq!(got[3].1, Label::Loc);
        // a doubtful place reading of a person's surname becomes the person
        assert_eq!(got[5].1, Label::Per);
    }

    #[test]
    fn the_same_string_votes_with_evidence() {
        let text = "WikiLeaks said. WikiLeaks wrote. WikiLeaks added. Apple pie and Apple Inc.";
        let got = run(
            text,
            &[
                ("WikiLeaks", Label::Org, 0.8),
                ("WikiLeaks", Label::Per, 0.5),
                ("WikiLeaks", Label::Org, 0.7),
                ("Apple", Label::Misc, 0.6),
                ("Apple", Label::Org, 0.6),
            ],
        );
        assert_eq!(got[1].1, Label::Org);
        // a tie keeps each label
        assert_eq!((got[3].1, got[4].1), (Label::Misc, Label::Org));
    }

    #[test]
    fn one_confident_misreading_does_not_spread() {
        // the count of labels favours LOC two to one, the evidence favours PER
        let text = "Obama said. Obama met. Obama left.";
        let got = run(
            text,
            &[
                ("Obama", Label::Loc, 0.4),
                ("Obama", Label::Per, 0.95),
                ("Obama", Label::Loc, 0.4),
            ],
        );
        assert!(got.iter().all(|g| g.1 == Label::Per), "{got:?}");
        // and a mention sure of its own label keeps it against a doubtful majority
        let got = run(
            text,
            &[
                ("Obama", Label::Loc, 0.95),
                ("Obama", Label::Per, 0.7),
                ("Obama", Label::Per, 0.7),
            ],
        );
        assert_eq!(got[0].1, Label::Loc);
        assert_eq!(got[1].1, Label::Per);
    }
}
