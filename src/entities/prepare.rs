//! Prepares a document for feature extraction: per-token values (hashes of the word, its
//! lowercase, shapes and affixes; lexicon and gazetteer matches; sentence context) and the
//! document-level evidence (how each word is capitalised elsewhere, runs of capitalised words).
//!
//! Computed once per document and read by every pass; never depends on tags or weights.

use std::cell::RefCell;
use std::ops::Range;

use super::hashing::{fmix, hash_lower, hash_str, hash_title, mix, HashMapU64};
use super::knowledge::{
    gaz_step, Knowledge, ENTITY_SEED, GAZ_ENTITY, GAZ_MAX_LEN, GAZ_PREFIX, GAZ_SEED, GAZ_TYPES,
    KNOWN_SEED, NAME_PARTICLES,
};
use super::tags::{tag_pos, O};

pub(super) const F_CAP: u8 = 1; // first char uppercase
pub(super) const F_ALLCAPS: u8 = 2; // all letters uppercase, at least one letter
pub(super) const F_ALPHA: u8 = 4; // has a letter
pub(super) const F_LOWER: u8 = 8; // all letters lowercase, at least one letter
pub(super) const F_FIRST: u8 = 16; // first token of its sentence
pub(super) const F_HEADLINE: u8 = 32; // in a sentence written in capitals
pub(super) const F_NOUPPER: u8 = 64; // no uppercase letter at all
/// A lowercase particle of personal names ("de Silva", "van Gogh").
pub(super) const F_PARTICLE: u8 = 128;

#[derive(Clone, Copy, Default)]
pub struct Tok {
    pub(super) word: u64,
    pub(super) lower: u64,
    pub(super) shape: u64,
    pub(super) short: u64,
    pub(super) pre: [u64; 4],
    pub(super) suf: [u64; 4],
    pub(super) cluster: u32,
    pub(super) prob: u8,
    pub(super) lprob: u8,
    pub(super) cap: u8,
    /// bucket of log P(Title) - log P(lower), 255 = unknown
    pub(super) tdiff: u8,
    pub(super) flags: u8,
    pub(super) len: u8,
    /// gazetteer: bit (type * 4 + position B/I/L/U)
    pub(super) gaz: u32,
    /// kind of sentence: length bucket, has a number (result lines, tables)
    pub(super) sent_kind: u8,
    /// longest match in the lexicon of training entities: 1 + (code << 2 | B/I/L/U), 0 = none
    pub(super) ent: u16,
    /// longest match among the known entities: 1 + (label << 2 | B/I/L/U), 0 = none
    pub(super) known: u8,
}

impl Tok {
    /// Everything besides the word that the token's own features read (sentence context, kind
    /// of sentence, gazetteer, training-entity and known-entity matches), packed without loss:
    /// two tokens with the same word and key have the same own features.
    #[inline]
    pub(super) fn own_key(&self) -> u64 {
        (self.flags & (F_FIRST | F_HEADLINE)) as u64
            | (self.sent_kind as u64) << 8
            | (self.known as u64) << 16
            | (self.ent as u64) << 24
            | (self.gaz as u64) << 40
    }
}

// `own_key` keeps the gazetteer bits in its top 24 bits.
const _: () = assert!(GAZ_TYPES.len() * 4 <= 24);

/// A document prepared for feature extraction.
pub struct DocFeats {
    pub toks: Vec<Tok>,
    pub sents: Vec<Range<usize>>,
    /// What the document says of each word written with a capital letter somewhere (by
    /// lowercase hash): see [`DocWord`].
    pub(super) doc_words: DocWords,
    /// Position code of each token in its own run of capitalised words.
    pub(super) run_pos: Vec<u8>,
    /// The topic of a wire story whose headline opens with a capitalised word and a dash
    /// ("SOCCER - ...", "CRICKET - ..."): hash of that word, 0 when there is none.
    pub(super) topic: u64,
}

fn shapes(w: &str, buf: &mut Vec<char>) -> (u64, u64, u8) {
    let mut h = 7u64;
    let mut hs = 11u64;
    let mut last = '\0';
    let mut run = 0;
    buf.clear();
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            hs = mix(hs, k as u64);
        }
        if run <= 3 {
            h = mix(h, k as u64);
        }
        last = k;
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    (fmix(h), fmix(hs), buf.len().min(255) as u8)
}

fn prob_bucket(p: u8) -> u8 {
    if p == 255 {
        255
    } else {
        p.min(24)
    }
}

/// Words whose values a thread keeps across documents before it starts afresh (about 4 MB).
const WORD_CACHE_MAX: usize = 1 << 15;

thread_local! {
    /// The owner of the cached word values (see [`Knowledge::prepare_cached`]) and the values.
    static WORD_CACHE: RefCell<(u64, HashMapU64<Tok>)> = RefCell::new((0, HashMapU64::default()));
}

impl Knowledge {
    /// Precomputes token values and document-level sets.
    pub fn prepare(&self, words: &[&str], sents: &[Range<usize>]) -> DocFeats {
        self.prepare_with(words, sents, &mut HashMapU64::default())
    }

    /// [`Knowledge::prepare`] with word values kept per thread across documents: `owner`
    /// identifies this knowledge, which must not change while it is used (a model's); documents
    /// of another owner start the cache afresh.
    pub fn prepare_cached(&self, words: &[&str], sents: &[Range<usize>], owner: u64) -> DocFeats {
        if owner == 0 {
            return self.prepare(words, sents);
        }
        WORD_CACHE.with(|c| {
            let (cached_owner, cache) = &mut *c.borrow_mut();
            if *cached_owner != owner || cache.len() + words.len() > WORD_CACHE_MAX {
                *cached_owner = owner;
                cache.clear();
            }
            self.prepare_with(words, sents, cache)
        })
    }

    /// [`Knowledge::prepare`] with the values of the words in `cache` (by [`hash_str`]) taken
    /// from there, and those of new words added to it.
    fn prepare_with(
        &self,
        words: &[&str],
        sents: &[Range<usize>],
        cache: &mut HashMapU64<Tok>,
    ) -> DocFeats {
        let mut toks = self.word_values(words, cache);
        mark_sentences(words, sents, &mut toks);
        // gazetteer matches (starting at capitalised tokens)
        if !self.gazetteer.is_empty() {
            for s in sents {
                for i in s.clone() {
                    if toks[i].flags & F_CAP != 0 {
                        self.match_phrases(s, i, &mut toks);
                    }
                }
            }
        }
        let mut doc_words = DocWords::new(toks.len());
        case_evidence(&toks, &mut doc_words);
        let run_pos = capitalised_runs(&toks, sents, &mut doc_words);
        let topic = wire_topic(words, sents, &toks);
        DocFeats {
            toks,
            topic,
            sents: sents.to_vec(),
            doc_words,
            run_pos,
        }
    }

    /// The values of each token that depend on its word alone, computed once per distinct word.
    fn word_values(&self, words: &[&str], cache: &mut HashMapU64<Tok>) -> Vec<Tok> {
        let mut buf = Vec::with_capacity(32);
        words
            .iter()
            .map(|w| {
                let wh = hash_str(w);
                *cache
                    .entry(wh)
                    .or_insert_with(|| self.word_value(w, wh, &mut buf))
            })
            .collect()
    }

    /// The values of word `w` (hash `wh`): hashes, shapes, affixes, flags and lexicon entries.
    fn word_value(&self, w: &str, wh: u64, buf: &mut Vec<char>) -> Tok {
        let mut t = Tok::default();
        let (shape, short, len) = shapes(w, buf);
        t.shape = shape;
        t.short = short;
        t.len = len;
        t.word = wh;
        t.lower = hash_lower(w);
        let mut h = 3u64;
        for (k, &c) in buf.iter().take(4).enumerate() {
            h = mix(h, c as u64);
            t.pre[k] = fmix(h);
        }
        let mut h = 5u64;
        for (k, &c) in buf.iter().rev().take(4).enumerate() {
            h = mix(h, c as u64);
            t.suf[k] = fmix(h);
        }
        t.flags = word_flags(w);
        // the same entry is not looked up twice ("the" is its own lowercase form)
        let exact = self.lookup(t.word);
        let lower = if t.lower == t.word {
            exact
        } else {
            self.lookup(t.lower)
        };
        let title = if t.flags & F_ALPHA != 0 {
            let th = hash_title(w);
            if th == t.word {
                exact
            } else if th == t.lower {
                lower
            } else {
                self.lookup(th)
            }
        } else {
            None
        };
        t.cluster = exact
            .map(|e| e.cluster)
            .filter(|&c| c != 0)
            .or_else(|| title.map(|e| e.cluster).filter(|&c| c != 0))
            .or_else(|| lower.map(|e| e.cluster))
            .unwrap_or(0);
        t.prob = prob_bucket(exact.map_or(255, |e| e.prob));
        t.lprob = prob_bucket(lower.map_or(255, |e| e.prob));
        t.cap = lower.map_or(255, |e| e.cap);
        t.tdiff = match (title, lower) {
            (Some(a), Some(b)) if a.prob != 255 && b.prob != 255 => {
                ((b.prob as i32 - a.prob as i32).clamp(-6, 6) + 106) as u8
            }
            (Some(_), _) => 120,
            (None, Some(_)) => 121,
            _ => 255,
        };
        t
    }

    /// Marks the gazetteer phrases, known entities and training entities that start at token
    /// `i` of sentence `s` (the longest known and training entity, every gazetteer type).
    fn match_phrases(&self, s: &Range<usize>, i: usize, toks: &mut [Tok]) {
        let mut h = GAZ_SEED;
        let mut ent: Option<(usize, u8)> = None;
        let mut known: Option<(usize, u8)> = None;
        for j in i..(i + GAZ_MAX_LEN).min(s.end) {
            h = gaz_step(h, toks[j].lower);
            let key = fmix(h);
            // no phrase is or starts with these words: stop
            let Some(&mask) = self.gazetteer.get(&key) else {
                break;
            };
            if mask & GAZ_ENTITY != 0 {
                if let Some(&code) = self.gazetteer.get(&(key ^ ENTITY_SEED)) {
                    ent = Some((j, code));
                }
                if let Some(&label) = self.gazetteer.get(&(key ^ KNOWN_SEED)) {
                    known = Some((j, label));
                }
            }
            for ty in 0..GAZ_TYPES.len() {
                if mask & (1 << ty) == 0 {
                    continue;
                }
                if j == i {
                    toks[i].gaz |= 1 << (ty * 4 + 3);
                } else {
                    toks[i].gaz |= 1 << (ty * 4);
                    for t in &mut toks[i + 1..j] {
                        t.gaz |= 1 << (ty * 4 + 1);
                    }
                    toks[j].gaz |= 1 << (ty * 4 + 2);
                }
            }
            if mask & GAZ_PREFIX == 0 {
                break;
            }
        }
        if let Some((j, label)) = known {
            if toks[i].known == 0 {
                let c = (label & 3) << 2;
                mark_bilu(&mut toks[i..=j], |t, pos| t.known = 1 + (c | pos));
            }
        }
        if let Some((j, code)) = ent {
            if toks[i].ent == 0 {
                let c = (code as u16) << 2;
                mark_bilu(&mut toks[i..=j], |t, pos| t.ent = 1 + (c | pos as u16));
            }
        }
    }
}

/// Calls `set` on each token of a phrase with its position code: 0 first, 1 inside, 2 last,
/// 3 alone.
fn mark_bilu(phrase: &mut [Tok], mut set: impl FnMut(&mut Tok, u8)) {
    let n = phrase.len();
    if n == 1 {
        set(&mut phrase[0], 3);
        return;
    }
    for (k, t) in phrase.iter_mut().enumerate() {
        let pos = if k == 0 {
            0
        } else if k + 1 == n {
            2
        } else {
            1
        };
        set(t, pos);
    }
}

/// Case flags of a word (`F_CAP`, `F_ALLCAPS`, `F_ALPHA`, `F_LOWER`, `F_NOUPPER`, `F_PARTICLE`).
fn word_flags(w: &str) -> u8 {
    let (mut up, mut lo) = (0, 0);
    for c in w.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            lo += 1;
        }
    }
    let mut f = 0;
    if w.chars().next().is_some_and(char::is_uppercase) {
        f |= F_CAP;
    }
    if up > 0 && lo == 0 {
        f |= F_ALLCAPS;
    }
    if up + lo > 0 {
        f |= F_ALPHA;
    }
    if lo > 0 && up == 0 {
        f |= F_LOWER;
    }
    if up == 0 {
        f |= F_NOUPPER;
        if NAME_PARTICLES.contains(&w) {
            f |= F_PARTICLE;
        }
    }
    f
}

/// Sentence context of each token: the first token of a sentence, sentences written in capitals
/// (headlines) and the kind of sentence (length bucket, whether a word opens with a digit).
fn mark_sentences(words: &[&str], sents: &[Range<usize>], toks: &mut [Tok]) {
    for s in sents {
        if s.is_empty() {
            continue;
        }
        toks[s.start].flags |= F_FIRST;
        let (mut alpha, mut caps, mut has_num) = (0, 0, false);
        for (w, t) in words[s.clone()].iter().zip(&toks[s.clone()]) {
            if t.flags & F_ALPHA != 0 && w.len() > 1 {
                alpha += 1;
                if t.flags & F_ALLCAPS != 0 {
                    caps += 1;
                }
            }
            has_num |= w.as_bytes().first().is_some_and(u8::is_ascii_digit);
        }
        let len = s.len();
        let kind = 1 + (len > 3) as u8 + (len > 8) as u8 + (len > 20) as u8 + 4 * has_num as u8;
        let headline = if alpha >= 2 && caps * 10 >= alpha * 8 {
            F_HEADLINE
        } else {
            0
        };
        for t in &mut toks[s.clone()] {
            t.sent_kind = kind;
            t.flags |= headline;
        }
    }
}

/// How many contexts of a word's occurrences in runs of capitalised words are kept.
const MAX_CONTEXTS: usize = 8;

/// What a document says of one word written with a capital letter somewhere (or in mixed
/// case): how it is written elsewhere, the runs of capitalised words it stands in, and the
/// words around its first occurrences in runs.
#[derive(Clone, Copy)]
pub(super) struct DocWord {
    /// 1: written in lowercase somewhere; 2: capitalised somewhere away from a sentence start
    /// and outside headlines (both bits may be set).
    pub(super) case: u8,
    /// Where it stands in runs of capitalised words outside headlines (bits: 1 first of a
    /// longer run, 2 last, 4 inside, 8 alone).
    pub(super) runs: u8,
    n_contexts: u8,
    /// (previous lowercase, next lowercase, token index) of its first occurrences in runs.
    contexts: [(u64, u64, u32); MAX_CONTEXTS],
}

impl DocWord {
    const EMPTY: DocWord = DocWord {
        case: 0,
        runs: 0,
        n_contexts: 0,
        contexts: [(0, 0, 0); MAX_CONTEXTS],
    };

    /// The contexts of its first occurrences in runs of capitalised words, in text order.
    pub(super) fn contexts(&self) -> &[(u64, u64, u32)] {
        &self.contexts[..self.n_contexts as usize]
    }
}

/// The [`DocWord`]s of a document, numbered, with the number of each token's word: one
/// lookup finds all a feature needs, the words are kept in one buffer rather than one
/// allocation each, and what is counted per word (the tagger's history) is counted by number.
pub(super) struct DocWords {
    index: HashMapU64<u32>,
    words: Vec<DocWord>,
    /// The number of each token's word, [`NO_WORD`] for a token whose word has none (written
    /// only in lowercase, or without letters).
    of_token: Vec<u32>,
}

const NO_WORD: u32 = u32::MAX;

impl DocWords {
    fn new(n_tokens: usize) -> Self {
        DocWords {
            index: HashMapU64::with_capacity_and_hasher(n_tokens / 16, Default::default()),
            words: Vec::with_capacity(n_tokens / 16),
            of_token: vec![NO_WORD; n_tokens],
        }
    }

    /// How many words are numbered.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    /// The number of token `i`'s word, if it has one.
    #[inline]
    pub(super) fn number(&self, i: usize) -> Option<usize> {
        let k = self.of_token[i];
        (k != NO_WORD).then_some(k as usize)
    }

    /// Token `i`'s word, if it has one.
    #[inline]
    pub(super) fn of_token(&self, i: usize) -> Option<&DocWord> {
        self.number(i).map(|k| &self.words[k])
    }

    /// The number of the word with lowercase hash `lower`, added when new.
    fn entry(&mut self, lower: u64) -> usize {
        let words = &mut self.words;
        *self.index.entry(lower).or_insert_with(|| {
            words.push(DocWord::EMPTY);
            (words.len() - 1) as u32
        }) as usize
    }
}

/// Document-level capitalisation evidence ([`DocWord::case`]): every word not written in
/// lowercase gets an entry, marked when it is capitalised away from a sentence start and
/// outside headlines; then the entries of words also written in lowercase are marked. (A word
/// that is only ever lowercase needs no entry: its own tokens say that it is.)
/// Numbers every token's word on the way ([`DocWords::number`]).
fn case_evidence(toks: &[Tok], words: &mut DocWords) {
    for (i, t) in toks.iter().enumerate() {
        if t.flags & (F_ALPHA | F_LOWER) == F_ALPHA {
            let k = words.entry(t.lower);
            words.of_token[i] = k as u32;
            if t.flags & F_CAP != 0 && t.flags & (F_FIRST | F_HEADLINE) == 0 {
                words.words[k].case |= 2;
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if t.flags & F_LOWER != 0 {
            if let Some(&k) = words.index.get(&t.lower) {
                words.of_token[i] = k;
                words.words[k as usize].case |= 1;
            }
        }
    }
}

/// Runs of capitalised words outside headlines: per word, the positions it takes in runs across
/// the document and the words around its first occurrences (into `words`, whose numbers
/// [`case_evidence`] gave); per token, its position code (returned).
fn capitalised_runs(toks: &[Tok], sents: &[Range<usize>], words: &mut DocWords) -> Vec<u8> {
    let mut run_pos = vec![0u8; toks.len()];
    for s in sents {
        let mut i = s.start;
        while i < s.end {
            if toks[i].flags & F_CAP == 0 || toks[i].flags & F_HEADLINE != 0 {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < s.end && toks[j].flags & F_CAP != 0 {
                j += 1;
            }
            for k in i..j {
                let code = if j - i == 1 {
                    8
                } else if k == i {
                    1
                } else if k + 1 == j {
                    2
                } else {
                    4
                };
                run_pos[k] = code;
                let prev = if k > s.start {
                    toks[k - 1].lower
                } else {
                    BOS.lower
                };
                let next = if k + 1 < s.end {
                    toks[k + 1].lower
                } else {
                    EOS.lower
                };
                // a capitalised word is numbered (by `case_evidence`)
                let n = words.of_token[k] as usize;
                let w = &mut words.words[n];
                w.runs |= code;
                if (w.n_contexts as usize) < MAX_CONTEXTS {
                    w.contexts[w.n_contexts as usize] = (prev, next, k as u32);
                    w.n_contexts += 1;
                }
            }
            i = j;
        }
    }
    run_pos
}

/// The topic of a wire story whose first sentence opens with a word in capitals and a dash
/// ("SOCCER - ..."): the lowercase hash of that word, 0 when there is none.
fn wire_topic(words: &[&str], sents: &[Range<usize>], toks: &[Tok]) -> u64 {
    match sents.first() {
        Some(s)
            if s.len() >= 3
                && s.end <= toks.len()
                && toks[s.start].flags & F_ALLCAPS != 0
                && toks[s.start].len >= 3
                && words[s.start + 1] == "-" =>
        {
            toks[s.start].lower
        }
        _ => 0,
    }
}

const BOS: Tok = Tok {
    word: 0xB05,
    lower: 0xB05,
    shape: 0xB05,
    short: 0xB05,
    pre: [0; 4],
    suf: [0; 4],
    cluster: 0,
    prob: 254,
    lprob: 254,
    cap: 254,
    tdiff: 254,
    flags: 0,
    len: 0,
    gaz: 0,
    sent_kind: 0,
    ent: 0,
    known: 0,
};
const EOS: Tok = Tok {
    word: 0xE05,
    lower: 0xE05,
    shape: 0xE05,
    short: 0xE05,
    ..BOS
};

impl DocFeats {
    #[inline]
    pub(super) fn at(&self, s: &Range<usize>, i: isize) -> &Tok {
        if i < s.start as isize {
            &BOS
        } else if i >= s.end as isize {
            &EOS
        } else {
            &self.toks[i as usize]
        }
    }

    /// True when token `i` after tag `prev` is certainly outside any entity: no entity is open
    /// and the token has no capital letter and is not a name particle (fewer than 0.3% of CoNLL
    /// entities start with such a token). The tagger skips scoring these, which is most tokens
    /// of running text.
    #[inline]
    pub fn surely_outside(&self, i: usize, prev: u8) -> bool {
        self.toks[i].flags & (F_NOUPPER | F_PARTICLE) == F_NOUPPER
            && (prev == O || tag_pos(prev) >= 2)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::tag;
    use super::*;

    #[test]
    fn topic_of_a_wire_story_headline() {
        let k = Knowledge::default();
        let words = ["SOCCER", "-", "LEEDS", "WIN", ".", "Leeds", "won", "."];
        let df = k.prepare(&words, &[0..5, 5..8]);
        assert_eq!(df.topic, hash_str("soccer"));
        // no dash after the first word, or a first word not in capitals: no topic
        for words in [
            ["SOCCER", "LEEDS", "WIN", "."],
            ["Soccer", "-", "Leeds", "win"],
        ] {
            let whole = std::iter::once(0..4).collect::<Vec<_>>();
            assert_eq!(k.prepare(&words, &whole).topic, 0, "{words:?}");
        }
        assert_eq!(k.prepare(&[], &[]).topic, 0);
    }

    #[test]
    fn name_particles_are_scored() {
        let k = Knowledge::default();
        let whole = std::iter::once(0..5).collect::<Vec<_>>();
        let df = k.prepare(&["Aravinda", "de", "Silva", "said", "so"], &whole);
        assert!(!df.surely_outside(1, O));
        assert!(df.surely_outside(3, O));
        // inside an open entity every token is scored
        assert!(!df.surely_outside(3, tag(0, 0)));
    }
}
