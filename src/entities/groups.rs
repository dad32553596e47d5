//! Entity groups: which mentions of a document name the same entity.
//!
//! Mentions are visited in text order; each joins an existing group or starts a new one.
//! Groups are numbered by their first mention, and a group's canonical name is its most complete
//! mention (most words, then longest).
//!
//! A mention is *compatible* with a group of the same label when
//! - PER: every word of the mention is a word of one of the group's mentions (case-insensitive,
//!   trailing periods ignored), a word of 3+ letters may also be the start of one ("Don" ~
//!   "Donald"); a generational suffix (Jr., Sr., II, III) in the mention must be in the group;
//!   and a mention of two or more name words must agree with the group on the suffix ("Donald
//!   Trump" is not "Donald Trump Jr.");
//! - ORG, LOC, MISC: the same words, or one is the initials of the other ("DNC" for "Democratic
//!   National Committee", "U.S." for "United States").
//!
//! A mention right after another one in parentheses, "Democratic National Committee (DNC)",
//! joins that mention's group whatever its words.
//!
//! **Ambiguous short forms.** When a mention is compatible with two or more groups (“Trump” in an
//! article about Donald Trump and Donald Trump Jr.), it joins the candidate mentioned most
//! recently only if that candidate's last mention is in the same or the previous sentence and
//! more recent than the others'; otherwise it is not merged blindly: it goes to a group of its
//! own (shared with later identical ambiguous mentions), whose canonical name is the short form.

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::types::{Entity, Label, Span};

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

pub(super) fn words(s: &str) -> Vec<String> {
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    s.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The capital letters that open the words of `s` (split at whitespace and hyphens).
pub(super) fn initials(s: &str) -> String {
    let mut out = String::new();
    let mut at_start = true;
    for c in s.chars() {
        if c.is_whitespace() || c == '-' {
            at_start = true;
        } else {
            if at_start && c.is_uppercase() {
                out.push(c);
            }
            at_start = false;
        }
    }
    out
}

pub(super) fn acronym_form(s: &str) -> Option<String> {
    // checked before copying: most mentions are no acronym
    let mut kept = s.chars().filter(|&c| c != '.');
    let acronym = kept.clone().all(|c| c.is_uppercase() || c == '&') && kept.nth(1).is_some();
    acronym.then(|| s.chars().filter(|&c| c != '.').collect())
}

/// A mention; what depends on its text alone is shared by the mentions with the same text.
#[derive(Clone)]
struct Mention<'t> {
    text: &'t str,
    words: Rc<[String]>,
    sentence: usize,
    /// The mention as initials ("DNC", "U.S." -> "US"), if it is written that way.
    acronym: Option<Rc<str>>,
    /// The initials of its capitalised words ("Democratic National Committee" -> "DNC").
    initials: Rc<str>,
}

struct Group {
    label: Label,
    mentions: Vec<usize>,
    ambiguous: bool,
    /// Distinct words of all its mentions (PER).
    words: Vec<String>,
}

fn is_suffix(w: &str) -> bool {
    SUFFIXES.contains(&w)
}

fn per_compatible(m: &Mention, g: &Group) -> bool {
    let gw = &g.words;
    let names = m.words.iter().filter(|w| !is_suffix(w)).count();
    if names == 0 {
        return false;
    }
    let mut m_suffix = false;
    for w in m.words.iter().filter(|w| is_suffix(w)) {
        m_suffix = true;
        if !gw.contains(w) {
            return false;
        }
    }
    if names >= 2 && !m_suffix && gw.iter().any(|w| is_suffix(w)) {
        return false;
    }
    m.words.iter().filter(|w| !is_suffix(w)).all(|w| {
        gw.iter()
            .any(|g| g == w || (w.chars().count() >= 3 && g.starts_with(w.as_str())))
    })
}

/// The groups found so far and the indexes that find a mention's candidates among them.
#[derive(Default)]
struct Groups<'a> {
    groups: Vec<Group>,
    /// PER word -> groups
    by_word: HashMap<&'a str, Vec<usize>>,
    /// (label, words) -> group
    by_form: HashMap<(Label, &'a [String]), usize>,
    /// (label, initials) -> groups; (label, acronym) -> groups
    by_initials: HashMap<(Label, &'a str), Vec<usize>>,
    by_acronym: HashMap<(Label, &'a str), Vec<usize>>,
    /// (label, words) -> the group of these ambiguous mentions
    ambiguous: HashMap<(Label, &'a [String]), usize>,
}

impl<'a> Groups<'a> {
    /// Empty groups with room for the indexes of `n` mentions.
    fn with_capacity(n: usize) -> Self {
        Groups {
            groups: Vec::with_capacity(n),
            by_word: HashMap::with_capacity_and_hasher(n, Default::default()),
            by_form: HashMap::with_capacity_and_hasher(n, Default::default()),
            by_initials: HashMap::with_capacity_and_hasher(n, Default::default()),
            by_acronym: HashMap::default(),
            ambiguous: HashMap::default(),
        }
    }

    fn push(&mut self, label: Label, ambiguous: bool) -> usize {
        self.groups.push(Group {
            label,
            mentions: Vec::new(),
            ambiguous,
            words: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// The groups mention `m` with `label` is compatible with (not ambiguous ones), sorted.
    fn candidates(&self, m: &Mention, label: Label) -> Vec<usize> {
        let groups = &self.groups;
        let mut cands: Vec<usize> = Vec::new();
        if label == Label::Per {
            for w in m.words.iter() {
                if let Some(gs) = self.by_word.get(w.as_str()) {
                    cands.extend(gs);
                }
            }
            let missing = m
                .words
                .iter()
                .find(|w| !self.by_word.contains_key(w.as_str()));
            if let Some(missing) = missing {
                // a word may be the start of a longer one ("Don" ~ "Donald"): a group that shares
                // no word with the mention can only be compatible through such words, so it has
                // a word that starts with the missing one (every PER group's words are indexed)
                for (w, gs) in &self.by_word {
                    if w.starts_with(missing.as_str()) {
                        cands.extend(gs);
                    }
                }
            }
            cands.sort_unstable();
            cands.dedup();
            cands.retain(|&g| {
                let g = &groups[g];
                g.label == Label::Per && !g.ambiguous && per_compatible(m, g)
            });
        } else {
            if let Some(&g) = self.by_form.get(&(label, &m.words[..])) {
                cands.push(g);
            }
            let by_initials = match &m.acronym {
                Some(a) => self.by_initials.get(&(label, &**a)),
                None => self.by_acronym.get(&(label, &*m.initials)),
            };
            if let Some(gs) = by_initials {
                cands.extend(gs);
            }
            cands.sort_unstable();
            cands.dedup();
            cands.retain(|&g| !groups[g].ambiguous);
        }
        cands
    }

    /// The group mention `m` (`label`) joins among `cands`: the only one; of several, the most
    /// recent when it is recent enough and clearly so, else the group of these ambiguous
    /// mentions; of none, that group if it exists (None: a new group).
    fn choose(
        &mut self,
        ms: &[Mention],
        m: &'a Mention,
        label: Label,
        cands: &[usize],
    ) -> Option<usize> {
        let last = |g: usize| *self.groups[g].mentions.last().unwrap();
        match cands.len() {
            0 => self.ambiguous.get(&(label, &m.words[..])).copied(),
            1 => Some(cands[0]),
            _ => {
                let mut by_recency = cands.to_vec();
                by_recency.sort_by_key(|&g| std::cmp::Reverse(last(g)));
                let r = by_recency[0];
                let recent = ms[last(r)].sentence + 1 >= m.sentence;
                if recent && last(r) > last(by_recency[1]) {
                    Some(r)
                } else {
                    // ambiguous: a group of its own, shared with identical ambiguous mentions
                    let key = (label, &m.words[..]);
                    if let Some(&g) = self.ambiguous.get(&key) {
                        return Some(g);
                    }
                    let g = self.push(label, true);
                    self.ambiguous.insert(key, g);
                    Some(g)
                }
            }
        }
    }

    /// Adds mention `i` (`m`) to group `g` and indexes it (unless the group is ambiguous).
    fn add(&mut self, g: usize, i: usize, m: &'a Mention) {
        self.groups[g].mentions.push(i);
        if self.groups[g].ambiguous {
            return;
        }
        let gl = self.groups[g].label;
        for w in m.words.iter() {
            if !self.groups[g].words.contains(w) {
                self.groups[g].words.push(w.clone());
                if gl == Label::Per {
                    self.by_word.entry(w.as_str()).or_default().push(g);
                }
            }
        }
        self.by_form.entry((gl, &m.words[..])).or_insert(g);
        let list = match &m.acronym {
            Some(a) => self.by_acronym.entry((gl, &**a)).or_default(),
            None => self.by_initials.entry((gl, &*m.initials)).or_default(),
        };
        // candidates are deduplicated anyway: a group's later mentions need not repeat it
        if list.last() != Some(&g) {
            list.push(g);
        }
    }
}

/// Is mention `i` written in parentheses right after mention `i - 1` ("Full Name (ABBR)")?
fn in_parentheses_after_previous(text: &str, mentions: &[(Span, Label, usize)], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let (prev, span) = (mentions[i - 1].0, mentions[i].0);
    prev.end <= span.start
        && span.end < text.len()
        && text[prev.end..span.start].trim() == "("
        && text[span.end..].trim_start().starts_with(')')
}

/// Each group's canonical name: its mention with most words, then longest, then first, without
/// a possessive.
fn canonical_names(groups: &[Group], ms: &[Mention]) -> Vec<String> {
    groups
        .iter()
        .map(|g| {
            let best = g
                .mentions
                .iter()
                .copied()
                .max_by_key(|&i| (ms[i].words.len(), ms[i].text.len(), std::cmp::Reverse(i)))
                .unwrap();
            let t = ms[best].text;
            t.strip_suffix("'s")
                .or_else(|| t.strip_suffix("’s"))
                .unwrap_or(t)
                .trim()
                .to_owned()
        })
        .collect()
}

/// Groups mentions `(span, label, sentence index)` (sorted by start) of `text` into entities.
pub fn group(text: &str, mentions: &[(Span, Label, usize)]) -> Vec<Entity> {
    // the words, acronym and initials of each distinct text, computed once
    let n = mentions.len();
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    let mut ms: Vec<Mention> = Vec::with_capacity(mentions.len());
    for (s, _, sent) in mentions {
        let t = &text[s.start..s.end];
        let m = match seen.get(t) {
            Some(&k) => Mention {
                sentence: *sent,
                ..ms[k].clone()
            },
            None => {
                seen.insert(t, ms.len());
                Mention {
                    text: t,
                    words: words(t).into(),
                    sentence: *sent,
                    acronym: acronym_form(t).map(Rc::from),
                    initials: initials(t).into(),
                }
            }
        };
        ms.push(m);
    }
    let mut gs = Groups::with_capacity(n);
    let mut of: Vec<usize> = Vec::with_capacity(ms.len());
    for (i, (_, label, _)) in mentions.iter().enumerate() {
        let m = &ms[i];
        let chosen = if in_parentheses_after_previous(text, mentions, i) {
            Some(of[i - 1])
        } else {
            let cands = gs.candidates(m, *label);
            gs.choose(&ms, m, *label, &cands)
        };
        let g = chosen.unwrap_or_else(|| gs.push(*label, false));
        gs.add(g, i, m);
        of.push(g);
    }
    let canonical = canonical_names(&gs.groups, &ms);
    mentions
        .iter()
        .zip(&of)
        .map(|((span, label, _), &g)| Entity {
            span: *span,
            label: *label,
            group: g,
            canonical: canonical[g].clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_forms() {
        assert_eq!(acronym_form("U.S.").as_deref(), Some("US"));
        assert_eq!(acronym_form("AT&T").as_deref(), Some("AT&T"));
        assert_eq!(acronym_form("DNC").as_deref(), Some("DNC"));
        for no in ["A.", "A", "", "..", "Democrats", "DNC chair"] {
            assert_eq!(acronym_form(no), None, "{no}");
        }
    }

    /// Mentions of `names` (label, surface) found left to right in `text`; sentences end at ". ".
    fn mentions(text: &str, names: &[(Label, &str)]) -> Vec<(Span, Label, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for (l, n) in names {
            let s = pos + text[pos..].find(n).expect("mention in text");
            let e = s + n.len();
            let before = &text[..s];
            let sent = before.matches(". ").count()
                - before.matches("Jr. ").count()
                - before.matches("Mr. ").count();
            out.push((Span::new(s, e), *l, sent));
            pos = e;
        }
        out
    }

    fn groups_of(text: &str, names: &[(Label, &str)]) -> Vec<(String, usize, String)> {
        group(text, &mentions(text, names))
            .into_iter()
            .map(|e| {
                (
                    text[e.span.start..e.span.end].to_owned(),
                    e.group,
                    e.canonical,
                )
            })
            .collect()
    }

    #[test]
    fn links_people_and_organisations() {
        use Label::*;
        let text = "Donald Trump Jr. met Julian Assange in London. The Democratic National Committee (DNC) \
                    objected. Trump Jr. said Assange was right. Don Jr. later tweeted. The DNC declined. \
                    Mr. Assange did not answer.";
        let g = groups_of(
            text,
            &[
                (Per, "Donald Trump Jr."),
                (Per, "Julian Assange"),
                (Loc, "London"),
                (Org, "Democratic National Committee"),
                (Org, "DNC"),
                (Per, "Trump Jr."),
                (Per, "Assange"),
                (Per, "Don Jr."),
                (Org, "DNC"),
                (Per, "Assange"),
            ],
        );
        let id = |i: usize| g[i].1;
        assert_eq!(
            (0..g.len()).map(id).collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 3, 0, 1, 0, 3, 1]
        );
        assert_eq!(g[5].2, "Donald Trump Jr.");
        assert_eq!(g[7].2, "Donald Trump Jr.");
        assert_eq!(g[6].2, "Julian Assange");
        assert_eq!(g[8].2, "Democratic National Committee");
    }

    #[test]
    fn initials_are_the_capitals_opening_words() {
        assert_eq!(initials("European Union"), "EU");
        assert_eq!(initials("Bank of America"), "BA");
        assert_eq!(initials("Anti-Defamation League"), "ADL");
        assert_eq!(initials("  New\tYork--City "), "NYC");
        assert_eq!(initials("iPhone Ölwerke"), "Ö");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn initials_without_parentheses_link_organisations() {
        use Label::*;
        let text = "The European Union met. The EU said no. Officials of the U.S. and the United States agreed.";
        let g = groups_of(
            text,
            &[
                (Org, "European Union"),
                (Org, "EU"),
                (Loc, "U.S."),
                (Loc, "United States"),
            ],
        );
        assert_eq!(g[0].1, g[1].1);
        assert_eq!(g[2].1, g[3].1);
        assert_eq!(g[2].2, "United States");
    }

    #[test]
    fn ambiguous_trump_is_not_merged_blindly() {
        use Label::*;
        // Father and son are both introduced; a bare "Trump" right after the father joins him,
        // one after the son joins the son, and one far from both stays in a group of its own.
        let text = "Donald Trump Jr. spoke first. Donald Trump spoke next. Trump was angry. \
                    Crowds cheered. Rain fell. Donald Trump Jr. left. Trump Jr. smiled. Trump waved. \
                    Rain fell. Nobody knew. Later Trump returned. Trump then spoke.";
        let g = groups_of(
            text,
            &[
                (Per, "Donald Trump Jr."),
                (Per, "Donald Trump"),
                (Per, "Trump"),
                (Per, "Donald Trump Jr."),
                (Per, "Trump Jr."),
                (Per, "Trump"),
                (Per, "Trump"),
                (Per, "Trump"),
            ],
        );
        let ids: Vec<usize> = g.iter().map(|x| x.1).collect();
        assert_eq!(ids[0], 0, "son");
        assert_eq!(ids[1], 1, "father is a different person");
        assert_eq!(ids[2], 1, "Trump right after the father");
        assert_eq!(ids[3], 0);
        assert_eq!(ids[4], 0);
        assert_eq!(ids[5], 0, "Trump right after the son");
        assert_eq!(ids[6], 2, "far from both: its own group");
        assert_eq!(g[6].2, "Trump");
        assert_eq!(ids[7], 2, "the same ambiguous short form");
    }
}
