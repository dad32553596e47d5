//! Document-level label consistency, applied after tagging and before grouping.
//!
//! The tagger labels each mention from its context, so one person can come out as PER in
//! "Donald Trump Jr. said" and as ORG or MISC in "the Trump Jr. emails". Within one document:
//! 1. an ORG or MISC mention whose words all belong to a PER mention of two or more words is a
//!    short form of that person and becomes PER ("Comey" after "James Comey"). LOC mentions
//!    are left alone ("Washington" may be the city even after "George Washington");
//! 2. mentions with the same text then take the label most of them have (ties keep their own).

use std::collections::{HashMap, HashSet};

use super::groups::words;
use crate::types::{Label, Span};

pub fn relabel(text: &str, mentions: &mut [(Span, Label, usize)]) {
    let person_words: HashSet<String> = mentions
        .iter()
        .filter(|m| m.1 == Label::Per)
        .map(|m| words(&text[m.0.start..m.0.end]))
        .filter(|w| w.len() >= 2)
        .flatten()
        .collect();
    if !person_words.is_empty() {
        for m in mentions.iter_mut() {
            if matches!(m.1, Label::Org | Label::Misc) {
                let w = words(&text[m.0.start..m.0.end]);
                if !w.is_empty() && w.iter().all(|x| person_words.contains(x)) {
                    m.1 = Label::Per;
                }
            }
        }
    }
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for m in mentions.iter() {
        votes.entry(&text[m.0.start..m.0.end]).or_default()[m.1 as usize] += 1;
    }
    for m in mentions.iter_mut() {
        let v = votes[&text[m.0.start..m.0.end]];
        let best = (0..4).max_by_key(|&k| (v[k], k == m.1 as usize)).unwrap();
        if v[best] > v[m.1 as usize] {
            m.1 = Label::ALL[best];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, marks: &[(&str, Label)]) -> Vec<(String, Label)> {
        let mut from = 0;
        let mut ms: Vec<(Span, Label, usize)> = marks
            .iter()
            .map(|(w, l)| {
                let s = from + text[from..].find(w).unwrap();
                from = s + w.len();
                (Span::new(s, s + w.len()), *l, 0)
            })
            .collect();
        relabel(text, &mut ms);
        ms.iter()
            .map(|(s, l, _)| (text[s.start..s.end].to_string(), *l))
            .collect()
    }

    #[test]
    fn short_forms_of_a_person_become_per_but_places_stay() {
        let text =
            "James Comey spoke. Comey left. The Comey memo. Washington met George Washington.";
        let got = run(
            text,
            &[
                ("James Comey", Label::Per),
                ("Comey", Label::Org),
                ("Comey", Label::Misc),
                ("Washington", Label::Loc),
                ("George Washington", Label::Per),
            ],
        );
        assert_eq!(got[1].1, Label::Per);
        assert_eq!(got[2].1, Label::Per);
        assert_eq!(got[3].1, Label::Loc);
    }

    #[test]
    fn the_same_string_takes_the_majority_label() {
        let text = "WikiLeaks said. WikiLeaks wrote. WikiLeaks added. Apple pie and Apple Inc.";
        let got = run(
            text,
            &[
                ("WikiLeaks", Label::Org),
                ("WikiLeaks", Label::Per),
                ("WikiLeaks", Label::Org),
                ("Apple", Label::Misc),
                ("Apple", Label::Org),
            ],
        );
        assert_eq!(got[1].1, Label::Org);
        // a tie keeps each label
        assert_eq!((got[3].1, got[4].1), (Label::Misc, Label::Org));
    }
}
