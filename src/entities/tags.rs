//! BILOU tags: the tag numbers, which tag may follow which, and tags to spans and back.
//!
//! Pure arithmetic on tag numbers; never reads text, features or weights.

use crate::types::Label;

/// Tags: 0 = O, then for each label (PER, ORG, LOC, MISC) B, I, L, U.
pub const NT: usize = 17;
pub const O: u8 = 0;

pub fn tag(label: usize, pos: usize) -> u8 {
    (1 + label * 4 + pos) as u8
}
pub fn tag_label(t: u8) -> Option<usize> {
    (t != O).then(|| (t as usize - 1) / 4)
}
/// 0 = B, 1 = I, 2 = L, 3 = U.
pub fn tag_pos(t: u8) -> usize {
    (t as usize - 1) % 4
}
pub fn label_index(l: Label) -> usize {
    match l {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
    }
}
pub fn index_label(i: usize) -> Label {
    Label::ALL[i]
}

/// Is tag `t` allowed after `prev` (BILOU)? `prev = O` also stands for the sentence start.
#[inline]
pub fn allowed(prev: u8, t: u8) -> bool {
    let open = prev != O && tag_pos(prev) < 2;
    if open {
        t != O && tag_label(t) == tag_label(prev) && (tag_pos(t) == 1 || tag_pos(t) == 2)
    } else {
        t == O || tag_pos(t) == 0 || tag_pos(t) == 3
    }
}

/// BILOU tags of spans `(start, end, label index)` over `n` tokens.
pub fn spans_to_tags(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut t = vec![O; n];
    for &(s, e, l) in spans {
        if e - s == 1 {
            t[s] = tag(l, 3);
        } else {
            t[s] = tag(l, 0);
            for x in t.iter_mut().take(e - 1).skip(s + 1) {
                *x = tag(l, 1);
            }
            t[e - 1] = tag(l, 2);
        }
    }
    t
}

/// Spans `(start, end, label index)` of a tag sequence; tolerant of invalid sequences.
pub fn tags_to_spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let l = tag_label(t);
        if let Some((s, ol)) = open {
            let continues = l == Some(ol) && (tag_pos(t) == 1 || tag_pos(t) == 2);
            if !continues {
                out.push((s, i, ol));
                open = None;
            }
        }
        if let Some(l) = l {
            match tag_pos(t) {
                0 => open = Some((i, l)),
                3 => out.push((i, i + 1, l)),
                2 if open.is_some() => {
                    out.push((open.unwrap().0, i + 1, l));
                    open = None;
                }
                2 => out.push((i, i + 1, l)),
                _ if open.is_none() => open = Some((i, l)),
                _ => {}
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip() {
        let spans = vec![(0, 1, 0), (2, 5, 1), (5, 6, 1), (7, 9, 3)];
        let tags = spans_to_tags(10, &spans);
        assert_eq!(tags_to_spans(&tags), spans);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        assert!(!allowed(O, tag(0, 1)));
        assert!(!allowed(tag(0, 0), tag(1, 2)));
    }
}
