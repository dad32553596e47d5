//! Title-case lines ("Bernie Sanders Is Fundraising For State Legislative Candidates"): the
//! words that news writes in lowercase are shown to the tagger in lowercase.
//!
//! Never changes the text or the offsets, and never touches a word that is not a common
//! lowercase word: only the words the tagger sees change.
//!
//! In a headline or a title written in title case every word is capitalised, so capitals stop
//! being evidence of a name and the tagger runs names into the words after them ("[Bernie
//! Sanders Is Fundraising For State Legislative Candidates]"). A line is in title case when at
//! least three of its words after the first are capitalised although news writes them in
//! lowercase almost always (the capitalisation statistics of the model's knowledge: at most
//! [`COMMON`] tenths of their mid-sentence uses are capitalised), and such words outnumber the
//! lowercase words of the line. Those words are then lowercased; names keep their capitals.

use std::ops::Range;

use super::knowledge::{Knowledge, NAME_PARTICLES};

/// A word capitalised mid-sentence at most this often (in tenths) is a common word.
const COMMON: u8 = 1;

/// A line needs this many capitalised common words to be in title case.
const MIN_COMMON: usize = 3;

/// Is `w` a title-shaped word ("Fundraising": a capital, then only lowercase letters) that is
/// not a particle of personal names ("De Wilde", "La Russa" keep their capitals)?
fn title_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.len() > 1
        && cs.all(char::is_lowercase)
        && !(w.len() <= PARTICLE_MAX_LEN
            && NAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

/// The length of the longest name particle, so that longer words skip the list.
const PARTICLE_MAX_LEN: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < NAME_PARTICLES.len() {
        if NAME_PARTICLES[i].len() > n {
            n = NAME_PARTICLES[i].len();
        }
        i += 1;
    }
    n
};

/// Lowercase forms for the common words of title-case lines, by word index (None = unchanged).
pub fn truecase(k: &Knowledge, words: &[&str], sentences: &[Range<usize>]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; words.len()];
    let mut titled = Vec::new();
    for s in sentences {
        if s.len() < 3 || s.end > words.len() {
            continue;
        }
        let rest = s.start + 1..s.end;
        // the common words are among the title-shaped ones: most lines of running text have
        // too few of those to need the lowercase words counted, or the lexicon
        titled.clear();
        titled.extend(rest.clone().filter(|&i| title_shaped(words[i])));
        if titled.len() < MIN_COMMON {
            continue;
        }
        // counted until they are as many as the title-shaped words, which rules the line out
        let mut lower = 0;
        for w in &words[rest] {
            if w.len() > 1 && w.chars().all(char::is_lowercase) {
                lower += 1;
                if lower >= titled.len() {
                    break;
                }
            }
        }
        if titled.len() <= lower {
            continue;
        }
        titled.retain(|&i| k.cap_rate(words[i]).is_some_and(|c| c <= COMMON));
        if titled.len() >= MIN_COMMON && titled.len() > lower {
            for &i in &titled {
                out[i] = Some(words[i].to_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::hashing::hash_lower;
    use super::super::knowledge::LexEntry;
    use super::*;

    fn knowledge(caps: &[(&str, u8)]) -> Knowledge {
        let mut k = Knowledge::default();
        for &(w, cap) in caps {
            let e = LexEntry {
                cap,
                ..LexEntry::default()
            };
            k.lexicon.insert(hash_lower(w), e);
        }
        k
    }

    fn seen(k: &Knowledge, line: &str) -> String {
        let words: Vec<&str> = line.split(' ').collect();
        let whole = std::iter::once(0..words.len()).collect::<Vec<_>>();
        let c = truecase(k, &words, &whole);
        words
            .iter()
            .zip(&c)
            .map(|(w, c)| c.as_deref().unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn title_case_lines_show_common_words_in_lowercase() {
        let k = knowledge(&[
            ("is", 0),
            ("fundraising", 0),
            ("for", 0),
            ("candidates", 1),
            ("sanders", 9),
            ("state", 4),
            ("the", 0),
        ]);
        assert_eq!(
            seen(&k, "Bernie Sanders Is Fundraising For State Candidates"),
            "Bernie Sanders is fundraising for State candidates"
        );
        // an ordinary sentence keeps its capitals, even with a capitalised title in it
        let line = "She said on The Late Show For Candidates that he is fundraising for the state";
        assert_eq!(seen(&k, line), line);
        // name particles and unknown words are never changed
        let k2 = knowledge(&[("is", 0), ("for", 0), ("de", 0)]);
        assert_eq!(
            seen(&k2, "Is De Wilde For Is For"),
            "Is De Wilde for is for"
        );
        assert_eq!(
            seen(&k2, "Is De Wilde For Unknown"),
            "Is De Wilde For Unknown"
        );
        let empty = std::iter::once(0..0).collect::<Vec<_>>();
        assert!(truecase(&k, &[], &empty).is_empty());
    }
}
