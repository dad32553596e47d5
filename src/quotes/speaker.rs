//! Speaker phrases and their names: the noun phrase a cue attaches to, and who it names.
//! Must never look for cues or quotation marks: it is given the cue's position and only reads the
//! phrase next to it (and, to name it, the entity mentions).
//!
//! A speaker is a pronoun, a run of capitalised words (with the role words before it: "veteran
//! county pollster Ada Okafor") or a role noun phrase opened by a determiner ("a Pence
//! spokeswoman", "one U.S. official", "the campaign"). When the entity layer has run, the
//! phrase is named by the canonical name of the entity mentioned in it, and a pronoun by the
//! entity it refers to.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;

use super::index::partition_near_end;
use super::Ctx;
use crate::quotes::lexicon;
use crate::types::{Entity, Label, Span, TokenKind};

/// A speaker noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Np {
    /// The whole phrase (token range).
    pub start: usize,
    pub end: usize,
    /// The name inside it (the capitalised run), or the whole phrase.
    pub head_start: usize,
    pub head_end: usize,
    pub pronoun: bool,
}

/// The noun phrase that ends right before token `end` (exclusive), not starting before `lb`:
/// the subject of a cue verb at `end`.
pub(crate) fn np_before(ctx: &Ctx, end: usize, lb: usize) -> Option<Np> {
    let mut j = end;
    // Skip adverbs, auxiliaries and time words between the subject and the verb.
    while j > lb
        && (lexicon::is_skippable(ctx.tok(j - 1))
            || lexicon::is_time_word(ctx.tok(j - 1))
            || (matches!(ctx.tok(j - 1), "’s" | "'s")
                && j - 1 > lb
                && lexicon::is_pronoun(ctx.tok(j - 2))))
    {
        j -= 1;
    }
    if j <= lb {
        return None;
    }
    // A relative pronoun: "the report, which notes, “…”" (the mention is the pronoun).
    if matches!(ctx.tok(j - 1), "who" | "which") {
        return Some(Np {
            start: j - 1,
            end: j,
            head_start: j - 1,
            head_end: j,
            pronoun: true,
        });
    }
    // An appositive: "Dana Whitlock, the agency’s press secretary, said".
    if ctx.is_punct(j - 1, ",") {
        let mut k = j - 1;
        while k > lb && k + 30 > j {
            k -= 1;
            if ctx.is_punct(k, ",") || ctx.is_double_mark(k) || ctx.is_terminal(k) {
                break;
            }
        }
        if k > lb && ctx.is_punct(k, ",") {
            return np_ending_at(ctx, k, lb);
        }
        return None;
    }
    np_ending_at(ctx, j, lb).or_else(|| {
        // "an aide who asked not to be named because the talks were private said"
        let mut k = j;
        while k > lb && k + 15 > j && ctx.is_word(k - 1) {
            k -= 1;
            if matches!(ctx.tok(k), "who" | "which") {
                return np_ending_at(ctx, k, lb);
            }
        }
        None
    })
}

/// The noun phrase whose last token is `j - 1`.
fn np_ending_at(ctx: &Ctx, j: usize, lb: usize) -> Option<Np> {
    let mut j = j;
    if j <= lb {
        return None;
    }
    // A parenthesis: "Sen. Jane Roe (D-NY) said".
    if ctx.is_punct(j - 1, ")") {
        let mut k = j - 1;
        while k > lb && k + 8 > j && !ctx.is_punct(k, "(") {
            k -= 1;
        }
        if ctx.is_punct(k, "(") {
            j = k;
        }
    }
    if j <= lb {
        return None;
    }
    let last = j - 1;
    let w = ctx.tok(last);
    if !ctx.is_word(last) {
        return None;
    }
    if lexicon::is_pronoun(w) {
        return Some(Np {
            start: last,
            end: j,
            head_start: last,
            head_end: j,
            pronoun: true,
        });
    }
    if lexicon::is_np_stop(w) || ctx.is_cue_word(last) {
        return None;
    }
    // The capitalised run (the name), if the phrase ends in one.
    let mut k = last + 1;
    if ctx.is_cap(last) {
        while k > lb + 1
            && (ctx.is_cap(k - 2) || (ctx.is_name_link(k - 2) && k - 2 > lb && ctx.is_cap(k - 3)))
            && !lexicon::is_determiner(ctx.tok(k - 2))
            && !lexicon::is_np_stop(ctx.tok(k - 2))
        {
            k -= 1;
        }
        k -= 1;
    }
    let (head_start, head_end) = if k <= last { (k, j) } else { (last, j) };
    let mut start = head_start;
    // Role words and a determiner before it: "a Pence spokeswoman", "campaign manager Lena
    // Ortiz", "the mayor’s son", "the 40-year-old father of two".
    let mut n = 0;
    let mut before_of: Option<usize> = None;
    while start > lb && n < 6 {
        let p = start - 1;
        let pw = ctx.tok(p);
        if lexicon::is_determiner(pw) {
            // "that" before a name is a conjunction ("noted that Mayor Ada Okafor").
            if !matches!(pw, "that" | "That" | "this" | "This") || !ctx.is_cap(start) {
                start = p;
                before_of = None;
            }
            break;
        }
        if matches!(pw, "of" | "for") && before_of.is_none() && p > lb && ctx.is_word(p - 1) {
            before_of = Some(start);
            start = p;
            n += 1;
            continue;
        }
        if !(ctx.is_word(p) || ctx.is_possessive(p))
            || lexicon::is_np_stop(pw)
            || lexicon::is_pronoun(pw)
        {
            break;
        }
        if ctx.is_cue_word(p) {
            break;
        }
        start = p;
        n += 1;
    }
    if let Some(b) = before_of {
        // "of"/"for" without a determiner further left: not part of the phrase.
        if !lexicon::is_determiner(ctx.tok(start)) {
            start = b;
        }
    }
    // A capitalised run at the head wins; otherwise a lower-case role phrase needs a determiner
    // or a plural-looking head ("officials said").
    if !ctx.is_cap(head_start) {
        let has_det = lexicon::is_determiner(ctx.tok(start));
        let named = (start..last).any(|i| ctx.is_cap(i) || ctx.is_possessive(i));
        if !has_det && !named && !w.ends_with('s') {
            return None;
        }
        return Some(Np {
            start,
            end: j,
            head_start: start,
            head_end: j,
            pronoun: false,
        });
    }
    Some(Np {
        start,
        end: j,
        head_start,
        head_end,
        pronoun: false,
    })
}

/// The noun phrase starting at token `i` (after an inverted cue: "said Okafor"), before `ub`.
pub(crate) fn np_after(ctx: &Ctx, mut i: usize, ub: usize) -> Option<Np> {
    // Skip time words ("said Tuesday night X" is rare, "said Tuesday" common).
    i = ctx.runs.skip_time_words(i, ub);
    if i >= ub || !ctx.is_word(i) {
        return None;
    }
    let w = ctx.tok(i);
    if lexicon::is_pronoun(w) {
        return Some(Np {
            start: i,
            end: i + 1,
            head_start: i,
            head_end: i + 1,
            pronoun: true,
        });
    }
    if matches!(w, "that" | "this" | "these" | "those" | "That" | "This") {
        return None;
    }
    let det = lexicon::is_determiner(w);
    if !det && !ctx.is_cap(i) {
        // Role words before a name: "said pollster Ada Okafor", "said former state governor X".
        let name_soon = (i + 1..(i + 4).min(ub)).any(|k| ctx.is_cap(k))
            && (i..(i + 4).min(ub))
                .take_while(|&k| !ctx.is_cap(k))
                .all(|k| {
                    ctx.is_word(k) && (!lexicon::is_np_stop(ctx.tok(k)) || ctx.tok(k) == "of")
                });
        if !name_soon {
            return None;
        }
    }
    let mut k = i + if det { 1 } else { 0 };
    // "one of those advisers", "a spokesman for the campaign"
    if det && k + 1 < ub && ctx.tok(k) == "of" {
        k += 1;
    }
    let mut head: Option<(usize, usize)> = None;
    // A possessive ends the run before it: "The Hill’s Jordan Fabian" is Jordan Fabian.
    let mut after_possessive = false;
    while k < ub && k < i + 8 {
        let kw = ctx.tok(k);
        if !(ctx.is_word(k) || ctx.is_possessive(k)) || lexicon::is_np_stop(kw) {
            break;
        }
        if ctx.is_cap(k) {
            match head {
                Some((hs, he)) if he == k => head = Some((hs, k + 1)),
                Some(_) if after_possessive => head = Some((k, k + 1)),
                None => head = Some((k, k + 1)),
                _ => {}
            }
            after_possessive = false;
        } else if ctx.is_cue_word(k) {
            break;
        } else if ctx.is_possessive(k) {
            after_possessive = true;
        }
        k += 1;
    }
    if k == i || (det && k <= i + 1) {
        return None;
    }
    // After a determiner, a name followed by lower-case words modifies them: "one U.S.
    // official" is a role.
    let head = head.filter(|&(_, he)| he == k || !det);
    let (head_start, head_end) = head.unwrap_or((i, k));
    Some(Np {
        start: i,
        end: k,
        head_start,
        head_end,
        pronoun: false,
    })
}

/// The subject of the clause that starts at `lb`, skipping introductory phrases that end in a
/// comma ("Thursday, after weeks of silence, Ortiz appeared …").
pub(crate) fn clause_subject(ctx: &Ctx, lb: usize, ub: usize) -> Option<Np> {
    let mut pos = skip_dateline(ctx, lb, ub);
    for _ in 0..4 {
        if pos >= ub {
            return None;
        }
        // The next word (or `ub`).
        pos = ctx.runs.next_word(pos, ub);
        if let Some(np) = np_after(ctx, pos, ub) {
            // "Two hours later, Ortiz wrote": a time phrase, not the subject.
            let timeish = np.end < ub && matches!(ctx.tok(np.end), "later" | "ago" | "earlier");
            if !timeish {
                return Some(np);
            }
        }
        // Skip to after the next comma.
        let next = ctx.runs.next_comma(pos, ub);
        if next >= ub {
            return None;
        }
        pos = next + 1;
    }
    None
}

/// After a dateline opening the paragraph at `lb` ("WASHINGTON, Dec. 8 (UPI) — "): the token
/// after its dash; else `lb`.
fn skip_dateline(ctx: &Ctx, lb: usize, ub: usize) -> usize {
    let caps = ctx.tok(lb).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !ctx.tok(lb).chars().any(char::is_lowercase);
    if lb != ctx.para_first_token(lb) || !caps {
        return lb;
    }
    (lb + 1..ub.min(lb + 12))
        .find(|&i| ctx.tokens[i].kind == TokenKind::Dash)
        .map_or(lb, |d| d + 1)
}

/// The speaker's name and the span of the mention the attribution rests on.
pub(crate) fn name_speaker(ctx: &Ctx, np: &Np, last_named: &Option<String>) -> (String, Span) {
    let span = ctx.span_of(np.start, np.end);
    let head = ctx.span_of(np.head_start, np.head_end);
    if np.pronoun {
        let w = ctx.slice(span);
        if !ctx.entities.is_empty() {
            if let Some(e) = resolve_pronoun(ctx, w, span, np.start) {
                return (ctx.full_names().of(&e.canonical, e.span.start), span);
            }
            return (w.to_owned(), span);
        }
        // Without entities: the last speaker named before, for he/she.
        let personal = matches!(w.to_ascii_lowercase().as_str(), "he" | "she");
        if personal {
            if let Some(n) = last_named {
                return (n.clone(), span);
            }
        }
        return (w.to_owned(), span);
    }
    // A role ("a former official", "a Pence spokeswoman"): the phrase without its article.
    if let Some(role) = role_name(ctx, np) {
        return (role, span);
    }
    // An entity mention inside the phrase names it (a person first, then an organisation;
    // then the mention over the name, then the first).
    let best = ctx.mentions().and_then(|m| {
        m.overlapping(ctx.entities, span).min_by_key(|&i| {
            let e = &ctx.entities[i];
            (
                e.label != Label::Per,
                !e.span.overlaps(&head),
                e.span.start,
                i,
            )
        })
    });
    let name = match best.map(|i| &ctx.entities[i]) {
        // A mention that swallowed a possessive outlet ("Hill’s Jordan Fabian"): the name.
        Some(e)
            if e.span.start < head.start
                && ends_possessive(&ctx.text[e.span.start..head.start]) =>
        {
            ctx.slice(head)
        }
        Some(e) => e.canonical.as_str(),
        None => ctx.slice(head),
    };
    (ctx.full_names().of(name, span.start), span)
}

/// Does the text end with a possessive ("The Hill’s ")?
fn ends_possessive(s: &str) -> bool {
    let s = s.trim_end();
    s.ends_with("’s") || s.ends_with("'s") || s.ends_with('’')
}

/// The first full name of each family name among the person mentions, so that a speaker named
/// by the family name alone ("Sessions") gets the name the article gave first ("Jeff
/// Sessions") where the entity groups did not join them; a family name two different full
/// names share is left alone.
pub(crate) struct FullNames<'a> {
    /// Family name -> (offset of the first full mention, full name); `None`: shared.
    by_family: HashMap<&'a str, Option<(usize, &'a str)>>,
}

impl<'a> FullNames<'a> {
    pub(crate) fn new(text: &str, entities: &'a [Entity]) -> Self {
        let mut by_family: HashMap<&'a str, Option<(usize, &'a str)>> = HashMap::default();
        // The mentions of a group share its canonical name, and a name met again changes
        // nothing (its family is taken, by it or shared): one mention per group is looked at.
        let mut seen_group = vec![false; entities.len()];
        for e in entities.iter().filter(|e| e.label == Label::Per) {
            if let Some(seen) = seen_group.get_mut(e.group) {
                if std::mem::replace(seen, true) {
                    continue;
                }
            }
            let full = e.canonical.as_str();
            let mut words = full.split_whitespace();
            let family = match (words.next_back(), words.next()) {
                (Some(f), Some(_)) if !is_suffix(f) => f,
                _ => continue,
            };
            debug_assert!(e.span.end <= text.len());
            match by_family.entry(family) {
                Entry::Vacant(v) => {
                    v.insert(Some((e.span.start, full)));
                }
                Entry::Occupied(mut o) => {
                    if o.get().is_some_and(|(_, f)| f != full) {
                        o.insert(None);
                    }
                }
            }
        }
        FullNames { by_family }
    }

    /// The full name of `name` when it is a family name alone that a full mention before
    /// `at` gave; else `name` itself.
    pub(crate) fn of(&self, name: &str, at: usize) -> String {
        if !name.contains(char::is_whitespace) {
            if let Some(Some((start, full))) = self.by_family.get(name) {
                if *start < at {
                    return (*full).to_owned();
                }
            }
        }
        name.to_owned()
    }
}

fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// The name of a role phrase (a phrase without a name at its head that ends in a lower-case
/// noun): the phrase without a leading article or "one" ("former official", "U.S. official").
fn role_name(ctx: &Ctx, np: &Np) -> Option<String> {
    let whole = np.head_start == np.start && np.head_end == np.end;
    if np.pronoun || !whole || ctx.is_cap(np.end - 1) || ctx.is_possessive(np.end - 1) {
        return None;
    }
    let mut start = np.start;
    let article = matches!(
        ctx.lower(start).as_ref(),
        "a" | "an" | "the" | "one" | "another"
    );
    if article && start + 1 < np.end && ctx.tok(start + 1) != "of" {
        start += 1;
    }
    Some(ctx.slice(ctx.span_of(start, np.end)).to_owned())
}

/// The entity a pronoun refers to: a compatible mention before it (a person for he/she/I, an
/// organisation for it, an organisation or else a person for they/we), outside quotations.
/// Among the mentions of the last few sentences, one that opens its sentence (a subject) wins
/// over a more recent one inside the sentence ("Roe attacked Doe. “…,” he said.");
/// otherwise the most recent.
/// `at_tok`: the pronoun's token (the first token at or after `at.start`).
pub(crate) fn resolve_pronoun<'e>(
    ctx: &Ctx<'e>,
    pronoun: &str,
    at: Span,
    at_tok: usize,
) -> Option<&'e Entity> {
    let mentions = ctx.mentions()?;
    let p = pronoun.to_ascii_lowercase();
    let labels: &[Label] = match p.as_str() {
        "he" | "she" | "i" => &[Label::Per],
        "it" => &[Label::Org],
        _ => &[Label::Org, Label::Per],
    };
    debug_assert_eq!(at_tok, ctx.tokens.partition_point(|t| t.start < at.start));
    let at_sent = ctx.sent_of.get(at_tok).copied().unwrap_or(0) as usize;
    for &label in labels {
        let entities: &'e [Entity] = ctx.entities;
        let mut cands = mentions
            .before(entities, label, at.start)
            .map(|i| &entities[i])
            .peekable();
        let Some(&nearest) = cands.peek() else {
            continue;
        };
        let subject = cands.take(8).find(|e| {
            // The mention's first token (at or before the pronoun's).
            let t = partition_near_end(&ctx.tokens[..at_tok], |x| x.start < e.span.start);
            let Some(&sent) = ctx.sent_of.get(t) else {
                return false;
            };
            let first = ctx.sentences[sent as usize].tokens.start;
            at_sent.saturating_sub(sent as usize) <= 3
                && (t == first
                    || (t > first && ctx.tok(t - 1) == ",")
                    || (t - first <= 3
                        && (first..t).all(|i| ctx.tok(i).starts_with(char::is_uppercase))))
        });
        return Some(subject.unwrap_or(nearest));
    }
    None
}
