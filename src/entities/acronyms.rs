//! An acronym introduced in parentheses after a name, "Judicial Watch (JW)", names the same
//! entity: it gets the name's label when its letters are the name's initials.
//!
//! The tagger sees "(JW)" as a short capitalised word between brackets, with no context to tell
//! its type; the name before it has one.

use super::groups::{acronym_form, initials};
use crate::types::{Label, Span};

/// The span of "ABBR" when `text[end..]` opens with " (ABBR)" and ABBR is an acronym.
fn parenthesised(text: &str, end: usize) -> Option<Span> {
    let rest = &text[end..];
    let after_space = rest.trim_start_matches(' ');
    let inner = after_space.strip_prefix('(')?;
    let close = inner.find(')')?;
    let a = &inner[..close];
    if a.is_empty() || a.len() > 8 || a.contains(char::is_whitespace) {
        return None;
    }
    let start = end + (rest.len() - inner.len());
    Some(Span::new(start, start + a.len()))
}

/// Labels (or relabels) each acronym written in parentheses after a mention whose initials it
/// spells; `mentions` stay sorted by position.
pub fn apply(text: &str, mentions: &mut Vec<(Span, Label, usize)>) {
    let mut added = Vec::new();
    for k in 0..mentions.len() {
        let (m, label, sent) = mentions[k];
        let Some(a) = parenthesised(text, m.end) else {
            continue;
        };
        let long = &text[m.start..m.end];
        let spelled = acronym_form(&text[a.start..a.end]);
        if long.split_whitespace().count() < 2 || spelled.is_none_or(|s| s != initials(long)) {
            continue;
        }
        match mentions
            .iter()
            .position(|x| x.0.start < a.end && a.start < x.0.end)
        {
            Some(j) if mentions[j].0 == a => mentions[j].1 = label,
            Some(_) => {}
            None => added.push((a, label, sent)),
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.0.start, m.0.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, long: &str, label: Label, rest: &[(&str, Label)]) -> Vec<(String, Label)> {
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let mut ms = vec![(at(long), label, 0)];
        ms.extend(rest.iter().map(|&(w, l)| (at(w), l, 0)));
        ms.sort_by_key(|m| m.0.start);
        apply(text, &mut ms);
        ms.iter()
            .map(|m| (text[m.0.start..m.0.end].to_owned(), m.1))
            .collect()
    }

    #[test]
    fn an_acronym_after_its_name_takes_the_name_label() {
        let got = run(
            "The group Judicial Watch (JW) sued.",
            "Judicial Watch",
            Label::Org,
            &[],
        );
        assert_eq!(
            got,
            [
                ("Judicial Watch".into(), Label::Org),
                ("JW".into(), Label::Org)
            ]
        );
        let got = run(
            "by Citizens for Responsibility and Ethics in Washington (CREW).",
            "Citizens for Responsibility and Ethics in Washington",
            Label::Org,
            &[("CREW", Label::Per)],
        );
        assert_eq!(got[1], ("CREW".into(), Label::Org));
    }

    #[test]
    fn other_words_in_parentheses_are_left_alone() {
        let got = run(
            "Paul Ryan (R) and Ted Cruz (TC) spoke.",
            "Paul Ryan",
            Label::Per,
            &[],
        );
        assert_eq!(got, [("Paul Ryan".into(), Label::Per)]);
        let got = run(
            "at Acme Widget Holdings (Boston) today",
            "Acme Widget Holdings",
            Label::Org,
            &[],
        );
        assert_eq!(got.len(), 1);
    }
}
