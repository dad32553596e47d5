//! Feature extraction and greedy decoding, shared by training and tagging.
//!
//! Every feature is a 64-bit hash of (template id, values); values are themselves hashes computed
//! once per token (word, lowercase, shape, affixes...), so extracting a feature is a couple of
//! multiplications and never allocates. A hash map from feature hash to a weight row (one weight
//! per tag) holds the model.

use std::ops::Range;

use super::hashing::{fmix, hash_lower, hash_str, hash_title, mix, HashMapU64, HashSetU64};
use super::tags::{allowed, tag_label, tag_pos, NT, O};

/// Feature value for "no tag" (no neighbour, no earlier label).
const NONE_TAG: u64 = 99;

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    fmix(mix(mix(0x51ed_270b_2756_1f05, t), a))
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    fmix(mix(mix(mix(0x51ed_270b_2756_1f05, t), a), b))
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(mix(mix(mix(mix(0x51ed_270b_2756_1f05, t), a), b), c))
}

// ---------------------------------------------------------------- knowledge

/// One lexicon entry: Brown cluster path (bit-reversed, as spaCy stores it; 0 = none), the word's
/// negative log-probability rounded (255 = unknown) and how often the lowercase form is
/// capitalised mid-sentence in unlabeled news (0..=10 tenths, 255 = unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexEntry {
    pub cluster: u32,
    pub prob: u8,
    pub cap: u8,
}
impl Default for LexEntry {
    fn default() -> Self {
        LexEntry {
            cluster: 0,
            prob: 255,
            cap: 255,
        }
    }
}

/// Gazetteer types (bit index in a phrase's mask).
pub const GAZ_TYPES: [&str; 6] = ["COUNTRY", "CITY", "REGION", "CONTINENT", "FIRST", "LAST"];
pub const GAZ_MAX_LEN: usize = 6;

/// External knowledge folded into the model: lexicon (clusters, probabilities, capitalisation)
/// and gazetteers (hash of the lowercase token sequence -> type mask).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Knowledge {
    pub lexicon: HashMapU64<LexEntry>,
    pub gazetteer: HashMapU64<u8>,
}

/// Hash of a token sequence for the gazetteer (tokens compared lowercase).
#[inline]
pub fn gaz_step(h: u64, lower_hash: u64) -> u64 {
    mix(h, lower_hash)
}
pub const GAZ_SEED: u64 = 0x2545_F491_4F6C_DD1D;
/// Gazetteer value bit: a training entity has exactly these words (see [`ENTITY_SEED`]).
pub const GAZ_ENTITY: u8 = 0x40;
/// Gazetteer value bit: some longer phrase starts with these words.
pub const GAZ_PREFIX: u8 = 0x80;

/// Marks `key` (a full phrase) with `bits` and every proper prefix of it as a prefix.
pub fn gaz_insert(map: &mut HashMapU64<u8>, lower_hashes: &[u64], bits: u8) {
    let mut h = GAZ_SEED;
    for (k, &x) in lower_hashes.iter().enumerate() {
        h = gaz_step(h, x);
        let v = map.entry(fmix(h)).or_insert(0);
        if k + 1 == lower_hashes.len() {
            *v |= bits;
        } else {
            *v |= GAZ_PREFIX;
        }
    }
}

/// Keys of the lexicon of training entities are gazetteer keys xor this.
pub const ENTITY_SEED: u64 = 0x0E17_17E5_0000_0001;
/// Keys of the entities known from external lists (names of modern people, committees) are
/// gazetteer keys xor this; the value is the label index.
pub const KNOWN_SEED: u64 = 0x4B4E_4F57_4E00_0001;

// ---------------------------------------------------------------- per-token values

const F_CAP: u8 = 1; // first char uppercase
const F_ALLCAPS: u8 = 2; // all letters uppercase, at least one letter
const F_ALPHA: u8 = 4; // has a letter
const F_LOWER: u8 = 8; // all letters lowercase, at least one letter
const F_FIRST: u8 = 16; // first token of its sentence
const F_HEADLINE: u8 = 32; // in a sentence written in capitals
const F_NOUPPER: u8 = 64; // no uppercase letter at all
const F_PARTICLE: u8 = 128; // a lowercase particle of personal names ("de Silva", "van Gogh")

/// Lowercase words that begin personal names ("de Silva", "van der Westhuizen", "bin Laden"):
/// the tagger scores them although they have no capital letter.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le",
    "van", "von",
];

#[derive(Clone, Copy, Default)]
pub struct Tok {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    cluster: u32,
    prob: u8,
    lprob: u8,
    cap: u8,
    /// bucket of log P(Title) - log P(lower), 255 = unknown
    tdiff: u8,
    flags: u8,
    len: u8,
    /// gazetteer: bit (type * 4 + position B/I/L/U)
    gaz: u32,
    /// kind of sentence: length bucket, has a number (result lines, tables)
    sent_kind: u8,
    /// longest match in the lexicon of training entities: 1 + (code << 2 | B/I/L/U), 0 = none
    ent: u16,
    /// longest match among the known entities: 1 + (label << 2 | B/I/L/U), 0 = none
    known: u8,
}

/// A document prepared for feature extraction.
pub struct DocFeats {
    pub toks: Vec<Tok>,
    pub sents: Vec<Range<usize>>,
    doc_lower: HashSetU64,
    doc_cap: HashSetU64,
    /// Per capitalised word: where it stands in runs of capitalised words across the document
    /// (bits: 1 first of a longer run, 2 last, 4 inside, 8 alone).
    doc_runs: HashMapU64<u8>,
    /// Per capitalised word: the words around its first occurrences in the document.
    doc_ctx: HashMapU64<Vec<(u64, u64, u32)>>,
    /// Position code of each token in its own run of capitalised words.
    run_pos: Vec<u8>,
    /// The topic of a wire story whose headline opens with a capitalised word and a dash
    /// ("SOCCER - ...", "CRICKET - ..."): hash of that word, 0 when there is none.
    topic: u64,
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

impl Knowledge {
    fn lookup(&self, h: u64) -> Option<&LexEntry> {
        self.lexicon.get(&h)
    }

    /// How often the word (any case) is capitalised away from the start of a sentence in
    /// unlabeled news, in tenths (0..=10); None when unknown.
    pub fn cap_rate(&self, w: &str) -> Option<u8> {
        self.lookup(hash_lower(w))
            .map(|e| e.cap)
            .filter(|&c| c != 255)
    }

    /// Precomputes token values and document-level sets.
    pub fn prepare(&self, words: &[&str], sents: &[Range<usize>]) -> DocFeats {
        let mut toks = vec![Tok::default(); words.len()];
        let mut buf = Vec::with_capacity(32);
        // everything computed here depends on the word alone: compute it once per distinct word
        let mut cache = HashMapU64::<Tok>::default();
        for (w, t) in words.iter().zip(toks.iter_mut()) {
            let wh = hash_str(w);
            if let Some(c) = cache.get(&wh) {
                *t = *c;
                continue;
            }
            let (shape, short, len) = shapes(w, &mut buf);
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
                if NAME_PARTICLES.contains(w) {
                    f |= F_PARTICLE;
                }
            }
            t.flags = f;
            // the same entry is not looked up twice ("the" is its own lowercase form)
            let exact = self.lookup(t.word);
            let lower = if t.lower == t.word {
                exact
            } else {
                self.lookup(t.lower)
            };
            let title = if f & F_ALPHA != 0 {
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
            cache.insert(wh, *t);
        }
        // sentences: first token, headlines
        for s in sents {
            if s.is_empty() {
                continue;
            }
            toks[s.start].flags |= F_FIRST;
            let (mut alpha, mut caps) = (0, 0);
            for (w, t) in words[s.clone()].iter().zip(&toks[s.clone()]) {
                if t.flags & F_ALPHA != 0 && w.len() > 1 {
                    alpha += 1;
                    if t.flags & F_ALLCAPS != 0 {
                        caps += 1;
                    }
                }
            }
            let len = s.len();
            let has_num = words[s.clone()]
                .iter()
                .any(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit));
            let kind = 1 + (len > 3) as u8 + (len > 8) as u8 + (len > 20) as u8 + 4 * has_num as u8;
            for t in &mut toks[s.clone()] {
                t.sent_kind = kind;
            }
            if alpha >= 2 && caps * 10 >= alpha * 8 {
                for t in &mut toks[s.clone()] {
                    t.flags |= F_HEADLINE;
                }
            }
        }
        // gazetteer matches (starting at capitalised tokens)
        if !self.gazetteer.is_empty() {
            for s in sents {
                for i in s.clone() {
                    if toks[i].flags & F_CAP == 0 {
                        continue;
                    }
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
                        {
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
                        }
                        if mask & GAZ_PREFIX == 0 {
                            break;
                        }
                    }
                    if let Some((j, label)) = known {
                        if toks[i].known == 0 {
                            let c = (label & 3) << 2;
                            if j == i {
                                toks[i].known = 1 + (c | 3);
                            } else {
                                toks[i].known = 1 + c;
                                for t in &mut toks[i + 1..j] {
                                    t.known = 1 + (c | 1);
                                }
                                toks[j].known = 1 + (c | 2);
                            }
                        }
                    }
                    if let Some((j, code)) = ent {
                        if toks[i].ent == 0 {
                            let c = (code as u16) << 2;
                            if j == i {
                                toks[i].ent = 1 + (c | 3);
                            } else {
                                toks[i].ent = 1 + c;
                                for t in &mut toks[i + 1..j] {
                                    t.ent = 1 + (c | 1);
                                }
                                toks[j].ent = 1 + (c | 2);
                            }
                        }
                    }
                }
            }
        }
        // document-level capitalisation evidence
        let mut doc_lower = HashSetU64::default();
        let mut doc_cap = HashSetU64::default();
        for t in &toks {
            if t.flags & F_LOWER != 0 {
                doc_lower.insert(t.lower);
            } else if t.flags & F_CAP != 0 && t.flags & (F_FIRST | F_HEADLINE) == 0 {
                doc_cap.insert(t.lower);
            }
        }
        // runs of capitalised words and contexts of capitalised words
        let mut doc_runs = HashMapU64::<u8>::default();
        let mut doc_ctx = HashMapU64::<Vec<(u64, u64, u32)>>::default();
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
                    *doc_runs.entry(toks[k].lower).or_insert(0) |= code;
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
                    let v = doc_ctx.entry(toks[k].lower).or_default();
                    if v.len() < 8 {
                        v.push((prev, next, k as u32));
                    }
                }
                i = j;
            }
        }
        let topic = match sents.first() {
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
        };
        DocFeats {
            toks,
            topic,
            sents: sents.to_vec(),
            doc_lower,
            doc_cap,
            doc_runs,
            doc_ctx,
            run_pos,
        }
    }
}

/// Finalised hash of a gazetteer phrase given the lowercase hashes of its tokens.
pub fn gaz_key(lower_hashes: impl IntoIterator<Item = u64>) -> u64 {
    fmix(lower_hashes.into_iter().fold(GAZ_SEED, gaz_step))
}

// ---------------------------------------------------------------- features

/// Labels given earlier in the document to a capitalised word (by lowercase form): counts of
/// O, PER, ORG, LOC, MISC.
pub type History = HashMapU64<[u16; 5]>;

/// The first pass over a document: its tags, and the labels each capitalised word got anywhere
/// in the document (the second pass reads them: a two-pass, "non-local" scheme).
pub struct NonLocal {
    tags: Vec<u8>,
    counts: History,
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

#[inline]
fn cl(c: u32, bits: u32) -> u64 {
    if c == 0 {
        0
    } else {
        (c & ((1u32 << bits) - 1)) as u64 | ((bits as u64) << 40)
    }
}

impl DocFeats {
    #[inline]
    fn at(&self, s: &Range<usize>, i: isize) -> &Tok {
        if i < s.start as isize {
            &BOS
        } else if i >= s.end as isize {
            &EOS
        } else {
            &self.toks[i as usize]
        }
    }

    /// The features of token `i` of sentence `s`, given the two previous tags and the history.
    #[allow(clippy::too_many_arguments)]
    pub fn features(
        &self,
        s: &Range<usize>,
        i: usize,
        p1: u8,
        p2: u8,
        hist: &History,
        nl: Option<&NonLocal>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        self.static_features(s, i, out);
        self.dynamic_features(s, i, p1, p2, hist, nl, out);
    }

    /// Features that depend on earlier decisions: previous tags, labels given earlier in the
    /// document, and (second pass) the first pass's labels.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn dynamic_features(
        &self,
        s: &Range<usize>,
        i: usize,
        p1: u8,
        p2: u8,
        hist: &History,
        nl: Option<&NonLocal>,
        out: &mut Vec<u64>,
    ) {
        let t = &self.toks[i];
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        out.push(f1(16, p1 as u64));
        out.push(f2(17, p2 as u64, p1 as u64));
        out.push(f2(18, p1 as u64, t.word));
        out.push(f2(19, p1 as u64, t.short));
        // labels given earlier in the document to the same word
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = hist.get(&t.lower) {
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                let frac = (n as u32 * 4 / total.max(1)) as u64;
                out.push(f1(70, best as u64));
                out.push(f2(71, best as u64, frac));
                out.push(f3(72, best as u64, ctx, p1 as u64));
                for (l, &n) in c.iter().enumerate().skip(1) {
                    if n > 0 {
                        out.push(f1(73, l as u64));
                    }
                }
            } else {
                out.push(f2(74, NONE_TAG, ctx));
            }
        }
        if let Some(nl) = nl {
            self.nonlocal_features(s, i, nl, out);
        }
    }

    /// Features of the text alone (appended to `out`).
    #[inline]
    pub fn static_features(&self, s: &Range<usize>, i: usize, out: &mut Vec<u64>) {
        let ii = i as isize;
        let t = &self.toks[i];
        let (m2, m1, n1, n2) = (
            self.at(s, ii - 2),
            self.at(s, ii - 1),
            self.at(s, ii + 1),
            self.at(s, ii + 2),
        );
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        out.push(f1(0, 0));
        out.push(f1(1, t.word));
        out.push(f1(2, t.lower));
        out.push(f1(3, m1.lower));
        out.push(f1(4, n1.lower));
        out.push(f1(5, m2.lower));
        out.push(f1(6, n2.lower));
        out.push(f1(7, t.shape));
        out.push(f2(8, t.short, ctx));
        out.push(f2(9, m1.short, t.short));
        out.push(f2(10, t.short, n1.short));
        out.push(f3(11, m1.short, t.short, n1.short));
        for k in 0..4 {
            if t.pre[k] != 0 && (k as u8) < t.len {
                out.push(f2(12, k as u64, t.pre[k]));
                out.push(f2(13, k as u64, t.suf[k]));
            }
        }
        out.push(f2(14, m1.lower, t.lower));
        out.push(f2(15, t.lower, n1.lower));
        out.push(f2(20, m1.word, t.word));
        out.push(f2(21, t.word, n1.word));
        out.push(f2(22, m1.lower, n1.lower));
        // clusters
        if t.cluster != 0 {
            for b in [4, 6, 10, 14, 20] {
                out.push(f1(30, cl(t.cluster, b)));
            }
            out.push(f2(31, cl(t.cluster, 10), ctx));
        }
        for b in [4, 8, 12] {
            out.push(f1(32, cl(m1.cluster, b)));
            out.push(f1(33, cl(n1.cluster, b)));
        }
        out.push(f2(34, cl(m1.cluster, 8), cl(t.cluster, 8)));
        out.push(f2(35, cl(t.cluster, 8), cl(n1.cluster, 8)));
        // probabilities and capitalisation knowledge
        out.push(f3(40, t.prob as u64, t.short, ctx));
        out.push(f2(41, t.lprob as u64, t.short));
        out.push(f3(42, t.cap as u64, t.short, ctx));
        out.push(f3(43, t.tdiff as u64, t.short, ctx));
        // gazetteers
        if t.gaz != 0 {
            for b in 0..24u64 {
                if t.gaz & (1 << b) != 0 {
                    out.push(f1(50, b));
                    out.push(f2(51, b, t.short));
                }
            }
        }
        out.push(f3(
            52,
            (m1.gaz != 0) as u64 | ((n1.gaz != 0) as u64) << 1,
            0,
            0,
        ));
        out.push(f2(53, t.gaz as u64, ctx));
        // document-level capitalisation
        if t.flags & F_ALPHA != 0 {
            let dl = self.doc_lower.contains(&t.lower) as u64;
            let dc = self.doc_cap.contains(&t.lower) as u64;
            out.push(f3(60, dl | dc << 1, t.short, ctx));
        }
        // the same word elsewhere in the document: runs and contexts
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            let runs = self.doc_runs.get(&t.lower).copied().unwrap_or(0);
            out.push(f3(90, runs as u64, self.run_pos[i] as u64, ctx));
            if let Some(v) = self.doc_ctx.get(&t.lower) {
                for &(p, n, k) in v {
                    if k as usize != i {
                        out.push(f1(91, p));
                        out.push(f1(92, n));
                    }
                }
            }
            // the story's topic (sports results name teams after their towns)
            if self.topic != 0 {
                let place = (t.gaz & 0xFFFF != 0) as u64;
                out.push(f3(115, self.topic, place, ctx));
                out.push(f2(116, self.topic, t.short));
                if t.ent != 0 {
                    out.push(f2(117, self.topic, ((t.ent - 1) >> 2 & 3) as u64));
                }
            }
        }
        out.push(f1(93, m1.word));
        out.push(f1(94, n1.word));
        out.push(f1(95, cl(m2.cluster, 8)));
        out.push(f3(97, t.sent_kind as u64, t.short, ctx));
        if t.ent != 0 {
            let e = (t.ent - 1) as u64;
            out.push(f1(110, e));
            out.push(f2(111, e & 0b11_0011, ctx));
            out.push(f2(112, e, t.short));
        }
        out.push(f2(113, m1.ent as u64, n1.ent as u64));
        // names known from external lists (none in models trained without them)
        if t.known != 0 {
            let k = (t.known - 1) as u64;
            out.push(f1(120, k));
            out.push(f2(121, k, t.short));
            out.push(f2(122, k, ctx));
            out.push(f2(123, k, (t.gaz & 0xFFFF != 0) as u64));
        }

        out.push(f3(98, t.sent_kind as u64, n1.short, t.short));
        if t.cluster != 0 {
            out.push(f2(99, t.sent_kind as u64, cl(t.cluster, 6)));
        }
        if t.len > 4 {
            out.push(f1(100, t.suf[3] ^ 0x5555));
        }
        out.push(f1(96, cl(n2.cluster, 8)));
    }

    /// Second pass: what the first pass said about this token and its word elsewhere.
    #[inline]
    fn nonlocal_features(&self, s: &Range<usize>, i: usize, nl: &NonLocal, out: &mut Vec<u64>) {
        let t = &self.toks[i];
        let ctx = (t.flags & (F_FIRST | F_HEADLINE)) as u64;
        let own = nl.tags[i] as u64;
        let before = if i > s.start {
            nl.tags[i - 1] as u64
        } else {
            NONE_TAG
        };
        let after = if i + 1 < s.end {
            nl.tags[i + 1] as u64
        } else {
            NONE_TAG
        };
        out.push(f1(80, own));
        out.push(f3(81, before, own, after));
        out.push(f2(87, own, t.short));
        if t.flags & (F_CAP | F_ALLCAPS) != 0 {
            if let Some(c) = nl.counts.get(&t.lower) {
                let mut c = *c;
                let own_l = tag_label(nl.tags[i]).map_or(0, |l| l + 1);
                c[own_l] = c[own_l].saturating_sub(1);
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
                if let Some(frac) = (n as u32 * 4).checked_div(total) {
                    let frac = frac as u64;
                    out.push(f1(82, best as u64));
                    out.push(f2(83, best as u64, frac));
                    out.push(f3(84, best as u64, own_l as u64, ctx));
                    for (l, &n) in c.iter().enumerate().skip(1) {
                        if n > 0 {
                            out.push(f1(85, l as u64));
                        }
                    }
                } else {
                    out.push(f2(86, ctx, own_l as u64));
                }
            }
        }
    }

    /// First-pass results of this document for the second pass.
    pub fn nonlocal(&self, tags: Vec<u8>) -> NonLocal {
        let mut counts = History::default();
        for (i, &t) in tags.iter().enumerate() {
            self.record(i, t, &mut counts);
        }
        NonLocal { tags, counts }
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

    /// Records the label given to token `i`.
    #[inline]
    pub fn record(&self, i: usize, t: u8, hist: &mut History) {
        let tok = &self.toks[i];
        if tok.flags & (F_CAP | F_ALLCAPS) != 0 {
            let l = tag_label(t).map_or(0, |l| l + 1);
            hist.entry(tok.lower).or_insert([0; 5])[l] += 1;
        }
    }
}

/// Adds the weight rows of `feats` into `scores`.
#[inline]
pub fn score(index: &HashMapU64<u32>, weights: &[f32], feats: &[u64], scores: &mut [f32; NT]) {
    *scores = [0.0; NT];
    for f in feats {
        if let Some(&r) = index.get(f) {
            let row = &weights[r as usize * NT..r as usize * NT + NT];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

/// Best allowed tag after `prev`; at the sentence end only closing tags are allowed.
#[inline]
pub fn best_tag(scores: &[f32; NT], prev: u8, last: bool) -> u8 {
    let mut best = u8::MAX;
    let mut bs = f32::NEG_INFINITY;
    for t in 0..NT as u8 {
        if !allowed(prev, t) {
            continue;
        }
        if last && t != O && tag_pos(t) < 2 {
            continue;
        }
        if scores[t as usize] > bs || best == u8::MAX {
            bs = scores[t as usize];
            best = t;
        }
    }
    best
}

/// Greedy left-to-right tagging of a prepared document.
pub fn decode(
    index: &HashMapU64<u32>,
    weights: &[f32],
    doc: &DocFeats,
    nl: Option<&NonLocal>,
) -> Vec<u8> {
    let mut tags = vec![O; doc.toks.len()];
    let mut hist = History::default();
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0.0; NT];
    for s in &doc.sents {
        let (mut p1, mut p2) = (O, O);
        for i in s.clone() {
            doc.features(s, i, p1, p2, &hist, nl, &mut feats);
            score(index, weights, &feats, &mut scores);
            let t = best_tag(&scores, p1, i + 1 == s.end);
            tags[i] = t;
            doc.record(i, t, &mut hist);
            p2 = p1;
            p1 = t;
        }
    }
    tags
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
