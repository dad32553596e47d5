//! Party–state tags after a legislator's name ("(R-Texas)", "R-Pa.", "(I-Vt.)"): only the state
//! is a name, a LOC (news annotation rule 8).
//!
//! Never touches a token that is not such a tag: one capital R, D or I, a hyphen, then a
//! capitalised word or abbreviation, as one token.
//!
//! The 1996 training data has no such tags, so the tagger reads "R-WI" as an ORG or misses
//! "I-Vt."; here the whole tag is replaced by the state alone.

use crate::types::{Label, Span};

/// The span of the state in a party–state tag token, or None.
fn state_of(text: &str, t: Span) -> Option<Span> {
    let s = &text[t.start..t.end];
    let b = s.as_bytes();
    let state = s.get(2..)?;
    let ok = b.len() >= 4
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && state.chars().next().is_some_and(char::is_uppercase)
        && state.chars().all(|c| c.is_alphabetic() || c == '.');
    // an abbreviation keeps its period, which the tokenizer may have split off ("Vt.")
    let period = !state.ends_with('.')
        && !state.chars().all(char::is_uppercase)
        && text[t.end..].starts_with('.');
    ok.then(|| Span::new(t.start + 2, t.end + period as usize))
}

/// Replaces the mentions inside party–state tag tokens (`tokens` with their sentence index) by
/// a LOC mention of the state; `mentions` stay sorted by position.
pub fn apply(text: &str, tokens: &[(Span, usize)], mentions: &mut Vec<(Span, Label, usize)>) {
    let mut changed = false;
    for &(t, sent) in tokens {
        let Some(state) = state_of(text, t) else {
            continue;
        };
        mentions.retain(|m| !(m.0.start < t.end && t.start < m.0.end));
        mentions.push((state, Label::Loc, sent));
        changed = true;
    }
    if changed {
        mentions.sort_by_key(|m| (m.0.start, m.0.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_state_of_a_party_state_tag_is_a_place() {
        let text = "Paul Ryan (R-WI) and Bernie Sanders (I-Vt.) met R-Pa. and X-Files and D-9.";
        // the tokenizer splits the period off "Vt."
        let toks: Vec<(Span, usize)> = ["R-WI", "I-Vt", "R-Pa.", "X-Files", "D-9"]
            .iter()
            .map(|w| {
                let s = text.find(w).unwrap();
                (Span::new(s, s + w.len()), 0)
            })
            .collect();
        let s = text.find("R-WI").unwrap();
        let mut ms = vec![
            (Span::new(0, 9), Label::Per, 0),
            (Span::new(s, s + 4), Label::Org, 0),
        ];
        apply(text, &toks, &mut ms);
        let got: Vec<(&str, Label)> = ms
            .iter()
            .map(|m| (&text[m.0.start..m.0.end], m.1))
            .collect();
        assert_eq!(
            got,
            [
                ("Paul Ryan", Label::Per),
                ("WI", Label::Loc),
                ("Vt.", Label::Loc),
                ("Pa.", Label::Loc),
            ]
        );
    }
}
