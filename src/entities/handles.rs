//! Handles and hashtags are names, tagged without their sign: "@[realDonaldTrump]" PER,
//! "#[Brexit]" MISC (news annotation rule 11).
//!
//! Never changes or removes a mention the tagger found, and adds none that overlaps one.
//!
//! The tagger, trained on 1996 newswire, has never seen a handle. Split at its capitals
//! ("realDonaldTrump" → real, donald, trump), a handle takes the label of the document's longest
//! mention whose words all appear in it, and a hashtag the label of a mention with exactly its
//! words ("#DonaldTrump" PER, but "#RechercheParis" is not Paris); otherwise a hashtag is MISC
//! and a handle, whose owner may be a person or an organisation, is left out.

use rustc_hash::FxHashMap as HashMap;

use super::groups::words;
use crate::types::{Label, Span};

/// Lowercase words of a handle's name, split where a capital follows a lowercase letter or a
/// digit, and at underscores ("realDonaldTrump" → real, donald, trump).
fn name_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' {
            out.extend((!cur.is_empty()).then(|| std::mem::take(&mut cur)));
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_numeric();
        cur.extend(c.to_lowercase());
    }
    out.extend((!cur.is_empty()).then_some(cur));
    out
}

/// Adds a mention for each handle or hashtag token (`tokens` with their sentence index) that no
/// mention covers; `mentions` stay sorted by position.
pub fn add(text: &str, tokens: &[(Span, usize)], mentions: &mut Vec<(Span, Label, usize)>) {
    let mut added = Vec::new();
    // the words of each distinct mention text, and which of them each mention has, computed
    // at the first handle or hashtag
    let mut mention_words: Option<(Vec<Vec<String>>, Vec<usize>)> = None;
    for &(t, sent) in tokens {
        let s = &text[t.start..t.end];
        let Some(sign) = s.chars().next().filter(|c| *c == '#' || *c == '@') else {
            continue;
        };
        let name = &s[1..];
        if !name.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if mentions
            .iter()
            .any(|m| m.0.start < t.end && t.start < m.0.end)
        {
            continue;
        }
        let parts = name_words(name);
        let mut best: Option<(usize, Label)> = None;
        let (distinct, of_mention) = mention_words.get_or_insert_with(|| {
            let mut seen: HashMap<&str, usize> = HashMap::default();
            let mut distinct = Vec::new();
            let of_mention = mentions
                .iter()
                .map(|m| {
                    let t = &text[m.0.start..m.0.end];
                    *seen.entry(t).or_insert_with(|| {
                        distinct.push(words(t));
                        distinct.len() - 1
                    })
                })
                .collect();
            (distinct, of_mention)
        });
        for (m, &k) in mentions.iter().zip(of_mention.iter()) {
            let w = &distinct[k];
            // a hashtag is the name itself ("#DonaldTrump", not "#RechercheParis"); a handle
            // may add to it ("@realDonaldTrump")
            let fits = if sign == '#' {
                *w == parts
            } else {
                w.iter().all(|x| parts.contains(x))
            };
            if !w.is_empty() && fits && best.is_none_or(|b| w.len() > b.0) {
                best = Some((w.len(), m.1));
            }
        }
        let label = match (best, sign) {
            (Some((_, l)), _) => l,
            (None, '#') => Label::Misc,
            _ => continue,
        };
        added.push((Span::new(t.start + 1, t.end), label, sent));
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.0.start, m.0.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_split_at_capitals() {
        assert_eq!(name_words("realDonaldTrump"), ["real", "donald", "trump"]);
        assert_eq!(name_words("prayforparis"), ["prayforparis"]);
        assert_eq!(name_words("Jim_Acosta"), ["jim", "acosta"]);
    }

    #[test]
    fn handles_take_the_label_of_the_name_they_contain() {
        let text = "Donald Trump wrote as @realDonaldTrump on #Brexit and @somebody. #DonaldTrump \
                    #TrumpTower";
        let toks: Vec<(Span, usize)> = [
            "@realDonaldTrump",
            "#Brexit",
            "@somebody",
            "#DonaldTrump",
            "#TrumpTower",
        ]
        .iter()
        .map(|w| {
            let s = text.find(w).unwrap();
            (Span::new(s, s + w.len()), 0)
        })
        .collect();
        let mut ms = vec![(Span::new(0, 12), Label::Per, 0)];
        add(text, &toks, &mut ms);
        let got: Vec<(&str, Label)> = ms
            .iter()
            .map(|m| (&text[m.0.start..m.0.end], m.1))
            .collect();
        assert_eq!(
            got,
            [
                ("Donald Trump", Label::Per),
                ("realDonaldTrump", Label::Per),
                ("Brexit", Label::Misc),
                ("DonaldTrump", Label::Per),
                ("TrumpTower", Label::Misc),
            ]
        );
    }
}
