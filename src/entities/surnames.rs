//! A lone surname opening a sentence before a reporting verb ("Sessions said so."): a person
//! when the modern name lists know the word as one.
//!
//! Sentence-initial capitals carry no evidence of a name, and surnames that are also common
//! nouns ("Sessions", "Price") lose to the word's own features there. Reporting
//! verbs take people (and organisations) as subjects; the known-person list (members of
//! Congress, presidents, names written after a personal title in 2016 news) says which.

use std::ops::Range;

use super::hashing::hash_lower;
use super::knowledge::{gaz_key, Knowledge, KNOWN_SEED};

/// Is `w` a verb of saying that follows a subject directly ("Sessions said", "Manafort told")?
/// (A `match`, which compiles to a test of the length and a few comparisons: it runs once a
/// sentence.)
fn is_reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "tweeted"
            | "tweets"
            | "argued"
            | "argues"
            | "noted"
            | "notes"
            | "testified"
            | "testifies"
            | "replied"
            | "replies"
            | "insisted"
            | "insists"
            | "acknowledged"
            | "acknowledges"
            | "explained"
            | "explains"
            | "claimed"
            | "claims"
            | "answered"
            | "answers"
            | "responded"
            | "responds"
            | "stated"
            | "states"
            | "declared"
            | "declares"
            | "denied"
            | "denies"
            | "recalled"
            | "recalls"
            | "warned"
            | "warns"
    )
}

/// Opening quotation marks and brackets that may stand before a sentence's first word.
const OPENERS: &[&str] = &["\"", "“", "‘", "'", "(", "["];

impl Knowledge {
    /// The label index (0 = PER) of a one-word entity known from the modern lists.
    fn known_word(&self, w: &str) -> Option<u8> {
        self.gazetteer
            .get(&(gaz_key([hash_lower(w)]) ^ KNOWN_SEED))
            .map(|&l| l & 3)
    }
}

/// Word indices of sentence-opening known surnames followed by a reporting verb that no
/// mention covers (`tagged`: the mentions' word ranges, any order).
pub fn find(
    knowledge: &Knowledge,
    words: &[&str],
    sentences: &[Range<usize>],
    tagged: &[Range<usize>],
) -> Vec<usize> {
    let mut found = Vec::new();
    for s in sentences {
        let mut i = s.start;
        while i < s.end && OPENERS.contains(&words[i]) {
            i += 1;
        }
        if i + 1 >= s.end || !is_reporting_verb(words[i + 1]) {
            continue;
        }
        let w = words[i];
        let mut chars = w.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.clone().next().is_some()
            && chars.all(char::is_lowercase);
        if capitalised
            && !tagged.iter().any(|r| r.contains(&i))
            && knowledge.known_word(w) == Some(0)
        {
            found.push(i);
        }
    }
    found
}
