//! Personal titles swallowed into a mention ("House Majority Leader Kevin McCarthy" as one ORG,
//! "Army Capt." as ORG): the CoNLL guidelines leave the title outside, so the name after it is
//! a person and the words before it name the body or place the title belongs to ("House" ORG,
//! "Ohio" LOC).

use std::ops::Range;

use super::hashing::hash_lower;
use super::knowledge::{gaz_key, Knowledge};
use super::tags::{index_label, label_index};
use crate::types::Label;

/// Words of a personal title; a run of them between a capitalised head and a name is split off.
/// Sorted, for [`is_title_word`].
const TITLE_WORDS: &[&str] = &[
    "Acting",
    "Adm.",
    "Admiral",
    "Ambassador",
    "Assistant",
    "Attorney",
    "Capt.",
    "Captain",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Col.",
    "Commissioner",
    "Deputy",
    "Director",
    "First",
    "Former",
    "Gen.",
    "General",
    "Gov.",
    "Governor",
    "Inspector",
    "Judge",
    "Lady",
    "Leader",
    "Lt.",
    "Majority",
    "Mayor",
    "Minister",
    "Minority",
    "President",
    "Press",
    "Prime",
    "Rep.",
    "Representative",
    "Secretary",
    "Sen.",
    "Senator",
    "Sgt.",
    "Speaker",
    "Spokesman",
    "Spokeswoman",
    "Vice",
    "Whip",
];

/// Is `w` a word of a personal title?
fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.binary_search(&w).is_ok()
}

/// Abbreviated titles, which never end an organisation's name ("Army Capt." is "Army").
fn abbreviated(w: &str) -> bool {
    w.ends_with('.') && is_title_word(w)
}

/// A word of a name: capitalised, not a title, made of letters (and inner ' - .).
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !is_title_word(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// Places the gazetteer knows (country, city, region, continent) label the head LOC.
fn is_place(k: &Knowledge, words: &[&str]) -> bool {
    k.gazetteer
        .get(&gaz_key(words.iter().map(|w| hash_lower(w))))
        .is_some_and(|&m| m & 0b1111 != 0)
}

/// How the mention `s..e` (word indices) splits around a title: `(head, name)` as word ranges,
/// each possibly empty, with the head's label index (1 ORG, 2 LOC); None to keep it whole.
/// `label` is the mention's label index (0 PER).
pub fn split(
    k: &Knowledge,
    words: &[&str],
    s: usize,
    e: usize,
    label: usize,
) -> Option<(Range<usize>, usize, Range<usize>)> {
    if e < s + 2 {
        return None; // a title and a name or a head: two words at least
    }
    // the last run of title words inside the mention
    let t_end = (s..e).rev().find(|&i| is_title_word(words[i]))? + 1;
    let mut t_start = t_end - 1;
    while t_start > s && is_title_word(words[t_start - 1]) {
        t_start -= 1;
    }
    let name = t_end..e;
    let head = s..t_start;
    let head_ok = head.clone().all(|i| name_word(words[i]));
    if name.is_empty() {
        // a trailing title: only an abbreviation, after a head ("Army Capt.")
        if head.is_empty() || !head_ok || !(t_start..t_end).all(|i| abbreviated(words[i])) {
            return None;
        }
    } else {
        if name.len() > 3 || !name.clone().all(|i| name_word(words[i])) || !head_ok {
            return None;
        }
        // a title opening an organisation's name ("General Motors") stays: a title at the
        // start is taken off a person only
        if head.is_empty() && label != 0 {
            return None;
        }
    }
    let head_label = if is_place(k, &words[head.clone()]) {
        2
    } else if head.len() == 1 && (words[s].ends_with("an") || words[s].ends_with("ic")) {
        3 // "Republican Sen. John McCain", "Democratic Gov. ..."
    } else if label != 0 {
        label
    } else {
        1
    };
    Some((head, head_label, name))
}

/// A tagged mention in word indices: first word, end (exclusive), label, evidence.
pub type WordMention = (usize, usize, Label, [f32; 4]);

/// The evidence of a name after a title: a person, surely (the tagger's scores were for the
/// whole mention, under another label).
const NAME_EVIDENCE: [f32; 4] = [0.85, 0.05, 0.05, 0.05];

/// Splits every mention that holds a title (see [`split`]); the head keeps the evidence of
/// the mention, the name is a person. Order is not kept (the caller sorts).
pub fn apply(k: &Knowledge, words: &[&str], spans: &mut Vec<WordMention>) {
    let mut out = Vec::with_capacity(spans.len());
    for &(s, e, l, ev) in spans.iter() {
        let Some((head, hl, name)) = split(k, words, s, e, label_index(l)) else {
            out.push((s, e, l, ev));
            continue;
        };
        if !head.is_empty() {
            out.push((head.start, head.end, index_label(hl), ev));
        }
        if !name.is_empty() {
            out.push((name.start, name.end, Label::Per, NAME_EVIDENCE));
        }
    }
    *spans = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_of(text: &str, label: usize) -> Option<(Vec<&str>, usize, Vec<&str>)> {
        let words: Vec<&str> = text.split(' ').collect();
        let k = Knowledge::default();
        split(&k, &words, 0, words.len(), label)
            .map(|(h, l, n)| (words[h].to_vec(), l, words[n].to_vec()))
    }

    #[test]
    fn a_title_between_a_body_and_a_name_splits_the_mention() {
        assert_eq!(
            split_of("House Majority Leader Kevin McCarthy", 1),
            Some((vec!["House"], 1, vec!["Kevin", "McCarthy"]))
        );
        assert_eq!(
            split_of("Republican Sen. John McCain", 0),
            Some((vec!["Republican"], 3, vec!["John", "McCain"]))
        );
        assert_eq!(
            split_of("Vice President Joe Biden", 0),
            Some((vec![], 1, vec!["Joe", "Biden"]))
        );
        assert_eq!(split_of("Army Capt.", 1), Some((vec!["Army"], 1, vec![])));
    }

    #[test]
    fn title_words_are_sorted_for_their_search() {
        assert!(TITLE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_title_word("Sen.") && is_title_word("Whip") && !is_title_word("Senate"));
    }

    #[test]
    fn organisations_with_title_words_stay_whole() {
        assert_eq!(split_of("General Motors", 1), None);
        assert_eq!(split_of("Office of the Inspector General", 1), None);
        assert_eq!(split_of("Secretary of State John Kerry", 0), None);
        assert_eq!(split_of("Joint Chiefs of Staff", 1), None);
    }
}
