//! The runtime weight table and the tagging passes that read it.
//!
//! Open addressing on feature hashes; each key has one row of 16-bit weights for both passes
//! (first pass in columns `0..NT`, second in `NT..2*NT`), so a feature shared by the passes is
//! looked up once. Sums are exact integers, so the order features are looked up in never changes
//! a score. Never parses or writes the model file (see `model.rs`).

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::decode::walk_skipping;
use super::features::{DynamicInputs, Sink, BESIDE, PAIRS};
use super::hashing::{fmix, mix, HashMapU64};
use super::prepare::{DocFeats, Tok};
use super::tags::NT;

/// Weights per key: both passes.
pub(super) const ROW: usize = 2 * NT;

/// Feature hashes to weight rows, laid out for lookups that mostly miss.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    /// Keys by slot; 0 marks an empty slot. A miss (most features of a text are not in the
    /// table) reads only this array. A key's home slot is in `0..cap`, its place the first free
    /// slot from there on; keys are placed in ascending order, and home slots ascend with the
    /// keys, so the keys ascend along the array (it runs past `cap` rather than wrapping, and
    /// ends with an empty slot): a lookup stops at the first empty slot or greater key.
    slots: Vec<u64>,
    cap: usize,
    /// Weight rows by slot (zeros at empty slots): a hit reads the row at its own slot.
    slot_rows: Vec<[i16; ROW]>,
    /// The keys in ascending order, with their slots (for writing the model).
    keys: Vec<(u64, u32)>,
    /// One scale per pass: weight = row value × scale.
    pub(super) scales: Vec<f32>,
    id: TableId,
}

/// Buffers reused across the tokens of a document.
#[derive(Default)]
struct Scratch {
    feats: Vec<u64>,
    /// The token's own features (see [`Sink`]), unless their sums are cached.
    own: Vec<u64>,
    /// Whether the own features are wanted (false when their sums are cached).
    want_own: bool,
    /// The features of each neighbour's word alone (see [`BESIDE`]), unless their sums are
    /// cached, and whether they are wanted.
    beside: [Vec<u64>; 4],
    want_beside: [bool; 4],
    /// The features of the token's word with each word next to it (see [`PAIRS`]), unless
    /// their sums are cached, and whether they are wanted.
    pair: [Vec<u64>; 2],
    want_pair: [bool; 2],
    /// The key found at each feature's home slot.
    seen: Vec<u64>,
    /// Slots of the features found.
    hits: Vec<u32>,
    /// Weight sums of the [`Sink::elsewhere`] lists of this document's words, by word, and
    /// the parts they refer to.
    elsewhere: HashMapU64<Elsewhere>,
    else_parts: Vec<(u32, [i32; ROW])>,
    /// The token's [`Sink::elsewhere`] list when its word's sums are not known yet: the word,
    /// and the features with their occurrences.
    else_new: Option<u64>,
    else_feats: Vec<(u32, u64)>,
    /// The features of one occurrence of that list.
    else_list: Vec<u64>,
    /// The token's share of its word's [`Sink::elsewhere`] sums, when they are known.
    else_sum: Option<[i32; ROW]>,
    /// What the first pass computed for the tokens it scored.
    firsts: Vec<FirstPass>,
}

/// The weight sums (both passes) of a word's [`Sink::elsewhere`] list: the whole list, and the
/// part of each occurrence (a range of [`Scratch::else_parts`]), so that a token's share is the
/// whole less its own part.
struct Elsewhere {
    total: [i32; ROW],
    parts: std::ops::Range<usize>,
}

impl Elsewhere {
    /// The sums of the list without the part of token `i` (`parts`: [`Scratch::else_parts`]).
    fn without(&self, i: usize, parts: &[(u32, [i32; ROW])]) -> [i32; ROW] {
        let mut sums = self.total;
        for (k, part) in &parts[self.parts.clone()] {
            if *k as usize == i {
                for (x, y) in sums.iter_mut().zip(part) {
                    *x -= y;
                }
            }
        }
        sums
    }
}

impl Sink for Scratch {
    #[inline]
    fn own(&mut self, f: impl FnOnce() -> u64) {
        if self.want_own {
            self.own.push(f());
        }
    }
    #[inline]
    fn wants_own(&self) -> bool {
        self.want_own
    }
    #[inline]
    fn near(&mut self, f: u64) {
        self.feats.push(f);
    }
    #[inline]
    fn beside(&mut self, at: usize, f: impl FnOnce() -> u64) {
        if self.want_beside[at] {
            self.beside[at].push(f());
        }
    }
    #[inline]
    fn pair(&mut self, side: usize, f: impl FnOnce() -> u64) {
        if self.want_pair[side] {
            self.pair[side].push(f());
        }
    }
    #[inline]
    fn elsewhere(&mut self, word: u64, i: usize, feats: impl Iterator<Item = (u32, u64)>) {
        if let Some(e) = self.elsewhere.get(&word) {
            self.else_sum = Some(e.without(i, &self.else_parts));
        } else {
            self.else_new = Some(word);
            self.else_feats.clear();
            self.else_feats.extend(feats);
        }
    }
}

/// Weight sums (both passes) of feature lists by word and a key, kept per thread across the
/// documents it tags with one table (see [`Caches`]).
#[derive(Default)]
struct SumCache {
    sums: HashMapU64<(u64, u64, [i32; ROW])>,
}

impl SumCache {
    /// The cached sums of `word` with `key`.
    #[inline]
    fn get(&self, word: u64, key: u64) -> Option<&[i32; ROW]> {
        self.sums
            .get(&fmix(mix(word, key)))
            .filter(|c| c.0 == word && c.1 == key)
            .map(|c| &c.2)
    }

    fn insert(&mut self, word: u64, key: u64, sums: [i32; ROW]) {
        if self.sums.len() >= OWN_CACHE_MAX {
            self.sums.clear();
        }
        self.sums.insert(fmix(mix(word, key)), (word, key, sums));
    }

    /// Adds the cached sums of `word` with `key` to `total`; true when there are none, so
    /// that their features are wanted.
    #[inline]
    fn add_cached(&self, word: u64, key: u64, total: &mut [i32; ROW]) -> bool {
        match self.get(word, key) {
            Some(c) => {
                add_to(total, c);
                false
            }
            None => true,
        }
    }

    /// Keeps `sums` as those of `word` with `key`, and adds them to `total`.
    #[inline]
    fn keep(&mut self, word: u64, key: u64, sums: [i32; ROW], total: &mut [i32; ROW]) {
        add_to(total, &sums);
        self.insert(word, key, sums);
    }
}

/// The per-thread caches of one table: most scored tokens are frequent capitalised words, and
/// their neighbours frequent words, whose features of the word alone (about half of the text
/// features) need no lookup then; names come with the same words before and after them ("Mr.
/// Trump", "Trump said"), whose features with the token's word need none either.
#[derive(Default)]
struct Caches {
    table: u64,
    /// The token's own features, by word and [`Tok::own_key`].
    own: SumCache,
    /// The features of a neighbour's word alone, by word and place in [`BESIDE`].
    beside: SumCache,
    /// The features of the token's word with a word next to it, by the token's word and
    /// [`pair_key`].
    pairs: SumCache,
    /// Buffers, kept so that a document does not allocate them afresh.
    scratch: Scratch,
}

/// The key of a [`Caches::pairs`] entry: the word next to the token, on `side` of [`PAIRS`].
#[inline]
fn pair_key(side: usize, word: u64) -> u64 {
    fmix(mix(word, side as u64 + 1))
}

/// Entries a cache keeps before it starts afresh (about 2.5 MB).
const OWN_CACHE_MAX: usize = 1 << 14;

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::new(Caches::default());
}

/// Identifies a table for the caches (0 = none); clones share it, as they share the weights.
#[derive(Debug, Clone, Copy, Default)]
struct TableId(u64);

impl PartialEq for TableId {
    /// Tables are equal by their weights, whatever their identity.
    fn eq(&self, _: &TableId) -> bool {
        true
    }
}

impl Table {
    pub(super) fn new(map: HashMapU64<[i16; ROW]>, scales: Vec<f32>) -> Table {
        let mut entries: Vec<(u64, [i16; ROW])> = map.into_iter().collect();
        entries.sort_unstable_by_key(|e| e.0);
        let cap = (entries.len() * 2).max(16);
        let mut slots = vec![0u64; cap + 1];
        let mut slot_rows = vec![[0i16; ROW]; cap + 1];
        let mut keys = Vec::with_capacity(entries.len());
        let mut next = 0;
        for (k, row) in entries {
            let key = k.max(1);
            let j = Self::home(key, cap).max(next);
            if j + 1 >= slots.len() {
                slots.resize(j + 2, 0);
                slot_rows.resize(j + 2, [0; ROW]);
            }
            slots[j] = key;
            slot_rows[j] = row;
            keys.push((k, j as u32));
            next = j + 1;
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Table {
            slots,
            cap,
            slot_rows,
            keys,
            scales,
            id: TableId(NEXT_ID.fetch_add(1, Ordering::Relaxed)),
        }
    }

    /// This table's identity for the per-thread caches of the model it belongs to (0 = none).
    pub(super) fn id(&self) -> u64 {
        self.id.0
    }

    /// Number of keys.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The keys in ascending order with the weights of pass `stage`.
    pub(super) fn stage_rows(&self, stage: usize) -> impl Iterator<Item = (u64, &[i16])> {
        self.keys
            .iter()
            .map(move |&(k, j)| (k, &self.slot_rows[j as usize][stage * NT..stage * NT + NT]))
    }

    #[inline]
    fn home(key: u64, cap: usize) -> usize {
        ((key as u128 * cap as u128) >> 64) as usize
    }

    /// Finds the slots of `feats` that are in the table (into `hits`; `seen` is scratch).
    /// Every home slot is read first, in a loop without branches, so that the CPU overlaps the
    /// cache misses; only features whose home slot holds another key probe further.
    #[inline(always)]
    fn find(&self, feats: &[u64], seen: &mut Vec<u64>, hits: &mut Vec<u32>) {
        let cap = self.cap;
        seen.clear();
        seen.extend(feats.iter().map(|&f| self.slots[Self::home(f.max(1), cap)]));
        hits.clear();
        for (&f, &first) in feats.iter().zip(seen.iter()) {
            let key = f.max(1);
            if first == key {
                hits.push(Self::home(key, cap) as u32);
            } else if first != 0 && first < key {
                // keys ascend along the array, which ends with an empty slot
                let mut j = Self::home(key, cap);
                loop {
                    j += 1;
                    let sk = self.slots[j];
                    if sk == key {
                        hits.push(j as u32);
                        break;
                    }
                    if sk == 0 || sk > key {
                        break;
                    }
                }
            }
        }
    }

    /// Adds columns `from..from + W` of the rows at `hits` to `acc` (see [`add_rows`]).
    #[inline]
    fn add<const W: usize>(&self, hits: &[u32], from: usize, acc: &mut [i32; W]) {
        add_rows(&self.slot_rows, hits, from, acc);
    }

    /// Looks up `s.feats` and adds the pass-`stage` weights of those found to `acc`.
    #[inline(always)]
    fn add_found(&self, s: &mut Scratch, stage: usize, acc: &mut [i32; NT]) {
        self.find(&s.feats, &mut s.seen, &mut s.hits);
        self.add(&s.hits, stage * NT, acc);
    }

    /// The weight sums (both passes) of `feats` (`seen` and `hits` are scratch).
    #[inline(always)]
    fn sums(&self, feats: &[u64], seen: &mut Vec<u64>, hits: &mut Vec<u32>) -> [i32; ROW] {
        self.find(feats, seen, hits);
        let mut sums = [0i32; ROW];
        self.add(hits, 0, &mut sums);
        sums
    }

    /// The sums of the [`Sink::elsewhere`] list in `s.else_feats`, whole and by occurrence.
    #[inline(always)]
    fn elsewhere_sums(&self, s: &mut Scratch) -> Elsewhere {
        let mut total = [0; ROW];
        let from = s.else_parts.len();
        for part in s.else_feats.chunk_by(|a, b| a.0 == b.0) {
            s.else_list.clear();
            s.else_list.extend(part.iter().map(|x| x.1));
            let sums = self.sums(&s.else_list, &mut s.seen, &mut s.hits);
            add_to(&mut total, &sums);
            s.else_parts.push((part[0].0, sums));
        }
        Elsewhere {
            total,
            parts: from..s.else_parts.len(),
        }
    }

    /// Tags a document: first pass, then the second pass if the model has one. Text features
    /// are looked up once and serve both passes. With `out`, the last pass's tag scores of every
    /// scored token are written there, by token index (see [`Scores`]).
    pub(super) fn tag(&self, doc: &DocFeats, out: Option<&mut Scores>) -> Vec<u8> {
        CACHES.with(|c| {
            let cache = &mut *c.borrow_mut();
            if cache.table != self.id.0 || self.id.0 == 0 {
                *cache = Caches {
                    table: self.id.0,
                    ..Caches::default()
                };
            }
            self.tag_with(doc, out, cache)
        })
    }

    /// [`Table::tag`] with the thread's cache of own-feature sums.
    fn tag_with(
        &self,
        doc: &DocFeats,
        mut out: Option<&mut Scores>,
        cache: &mut Caches,
    ) -> Vec<u8> {
        let n = doc.toks.len();
        let two = self.scales.len() == 2;
        if let Some(o) = out.as_deref_mut() {
            o.0.clear();
            o.0.reserve(n / 4);
        }
        let mut s = std::mem::take(&mut cache.scratch);
        s.elsewhere.clear();
        s.else_parts.clear();
        // what the first pass computed for the tokens it scored, for the second
        let mut firsts = std::mem::take(&mut s.firsts);
        firsts.clear();
        let mut first_of = vec![u32::MAX; if two { n } else { 0 }];
        let mut scores = [0f32; NT];
        let outside = |i, p1| doc.surely_outside(i, p1);
        let tags = walk_skipping(doc, outside, |st| {
            let i = st.i;
            let sums = static_sums(self, doc, st.sent, i, &mut s, cache);
            let mut acc = [0i32; NT];
            acc.copy_from_slice(&sums[..NT]);
            s.feats.clear();
            st.dynamic_features(None, &mut s.feats);
            self.add_found(&mut s, 0, &mut acc);
            if two {
                let mut dynamic_sums = [0i32; NT];
                self.add(&s.hits, NT, &mut dynamic_sums);
                first_of[i] = firsts.len() as u32;
                firsts.push(FirstPass {
                    sums,
                    dynamic: st.dynamic_inputs(),
                    dynamic_sums,
                });
            }
            scale(&acc, self.scales[0], &mut scores);
            if !two {
                if let Some(o) = out.as_deref_mut() {
                    o.0.push((i as u32, scores));
                }
            }
            st.best(&scores)
        });
        if !two {
            s.firsts = firsts;
            cache.scratch = s;
            if let Some(o) = out {
                o.order();
            }
            return tags;
        }
        let nl = doc.nonlocal(tags);
        let tags = walk_skipping(doc, outside, |st| {
            let i = st.i;
            let mut acc = [0i32; NT];
            let first = firsts.get(first_of[i] as usize);
            let sums = match first {
                Some(f) => f.sums,
                None => static_sums(self, doc, st.sent, i, &mut s, cache),
            };
            acc.copy_from_slice(&sums[NT..]);
            match first {
                // what the dynamic features read is as in the first pass: so are the
                // features, and their sums are known
                Some(f) if f.dynamic == st.dynamic_inputs() => {
                    for (a, d) in acc.iter_mut().zip(&f.dynamic_sums) {
                        *a += d;
                    }
                }
                _ => {
                    s.feats.clear();
                    st.dynamic_features(None, &mut s.feats);
                    self.add_found(&mut s, 1, &mut acc);
                }
            }
            s.feats.clear();
            st.nonlocal_features(&nl, &mut s.feats);
            self.add_found(&mut s, 1, &mut acc);
            scale(&acc, self.scales[1], &mut scores);
            if let Some(o) = out.as_deref_mut() {
                o.0.push((i as u32, scores));
            }
            st.best(&scores)
        });
        s.firsts = firsts;
        cache.scratch = s;
        if let Some(o) = out {
            o.order();
        }
        tags
    }
}

/// What the first pass computed for a token it scored, for the second: the weight sums of its
/// text features (both passes), and what its dynamic features read with their second-pass
/// sums, which the second pass reuses where it reads the same (the same tags before the token
/// and the same labels of its word so far).
struct FirstPass {
    sums: [i32; ROW],
    dynamic: DynamicInputs,
    dynamic_sums: [i32; NT],
}

/// The last pass's tag scores of the tokens it scored, by token index: tokens tagged O
/// without scoring have none (zeros), which spares a row per token of every document.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Scores(Vec<(u32, [f32; NT])>);

impl Scores {
    /// The scores of token `i` (zeros when it was not scored). `from` is where to look from,
    /// moved past the rows before `i`: tokens asked in ascending order are found in one sweep.
    pub(crate) fn at(&self, i: usize, from: &mut usize) -> [f32; NT] {
        let rows = &self.0;
        if rows.get(*from).is_some_and(|x| x.0 as usize > i) {
            *from = 0;
        }
        while rows.get(*from).is_some_and(|x| (x.0 as usize) < i) {
            *from += 1;
        }
        match rows.get(*from) {
            Some(x) if x.0 as usize == i => x.1,
            _ => [0.0; NT],
        }
    }

    /// Sorts the rows by token index, the last row of a token winning (sentences given out of
    /// order or overlapping visit tokens out of order or twice).
    fn order(&mut self) {
        if self.0.windows(2).all(|w| w[0].0 < w[1].0) {
            return;
        }
        self.0.sort_by_key(|x| x.0);
        let mut kept: Vec<(u32, [f32; NT])> = Vec::with_capacity(self.0.len());
        for x in self.0.drain(..) {
            match kept.last_mut() {
                Some(last) if last.0 == x.0 => *last = x,
                _ => kept.push(x),
            }
        }
        self.0 = kept;
    }
}

/// The weight sums (both passes) of the text features of token `i` of sentence `sent`: the
/// token's own features, its neighbours' words and its word with the words beside it from the
/// caches when they have them, the others looked up. Compiled twice on x86-64 like
/// [`add_rows`]: the lookups and row sums inlined into it then use AVX2 and BMI on CPUs that
/// have them.
#[multiversion::multiversion(targets("x86_64+avx2+bmi1+bmi2+popcnt+lzcnt"))]
fn static_sums(
    table: &Table,
    doc: &DocFeats,
    sent: &std::ops::Range<usize>,
    i: usize,
    s: &mut Scratch,
    cache: &mut Caches,
) -> [i32; ROW] {
    let t: &Tok = &doc.toks[i];
    let own_key = t.own_key();
    let mut sums = [0i32; ROW];
    s.feats.clear();
    s.own.clear();
    s.want_own = cache.own.add_cached(t.word, own_key, &mut sums);
    let words: [u64; 4] = std::array::from_fn(|at| doc.at(sent, i as isize + BESIDE[at]).word);
    for (at, &word) in words.iter().enumerate() {
        s.beside[at].clear();
        s.want_beside[at] = cache.beside.add_cached(word, at as u64, &mut sums);
    }
    let pairs: [u64; 2] =
        std::array::from_fn(|side| pair_key(side, doc.at(sent, i as isize + PAIRS[side]).word));
    for (side, &key) in pairs.iter().enumerate() {
        s.pair[side].clear();
        s.want_pair[side] = cache.pairs.add_cached(t.word, key, &mut sums);
    }
    s.else_new = None;
    s.else_sum = None;
    doc.static_features(sent, i, s);
    if let Some(word) = s.else_new.take() {
        let e = table.elsewhere_sums(s);
        s.else_sum = Some(e.without(i, &s.else_parts));
        s.elsewhere.insert(word, e);
    }
    if let Some(e) = s.else_sum.take() {
        add_to(&mut sums, &e);
    }
    if s.want_own {
        let own = table.sums(&s.own, &mut s.seen, &mut s.hits);
        cache.own.keep(t.word, own_key, own, &mut sums);
    }
    for (at, &word) in words.iter().enumerate() {
        if s.want_beside[at] {
            let b = table.sums(&s.beside[at], &mut s.seen, &mut s.hits);
            cache.beside.keep(word, at as u64, b, &mut sums);
        }
    }
    for (side, &key) in pairs.iter().enumerate() {
        if s.want_pair[side] {
            let p = table.sums(&s.pair[side], &mut s.seen, &mut s.hits);
            cache.pairs.keep(t.word, key, p, &mut sums);
        }
    }
    table.find(&s.feats, &mut s.seen, &mut s.hits);
    table.add(&s.hits, 0, &mut sums);
    sums
}

/// Adds columns `from..from + W` of `rows[j]` for each `j` in `hits` to `acc` (summed in a local
/// copy, so that the sums stay in registers rather than being stored back after every row).
/// Compiled twice on x86-64, for the baseline and with AVX2 (chosen at run time), where widening
/// eight 16-bit weights to 32 bits is one instruction: the tagger's commonest loop.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn add_rows<const W: usize>(rows: &[[i16; ROW]], hits: &[u32], from: usize, acc: &mut [i32; W]) {
    let mut a = *acc;
    for &j in hits {
        let r = &rows[j as usize][from..from + W];
        for t in 0..W {
            a[t] += r[t] as i32;
        }
    }
    *acc = a;
}

/// Adds `b` to `a`, column by column.
#[inline]
fn add_to(a: &mut [i32; ROW], b: &[i32; ROW]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Scores from integer sums.
#[inline]
fn scale(acc: &[i32; NT], scale: f32, scores: &mut [f32; NT]) {
    for t in 0..NT {
        scores[t] = acc[t] as f32 * scale;
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::super::Model;
    use super::Scores;

    type Tagged = (Vec<u8>, Scores);

    /// Tags `words` (sentences `sents`) with the thread's caches as they are.
    fn tag_cached(m: &Model, words: &[&str], sents: &[Range<usize>]) -> Tagged {
        let doc = m.knowledge.prepare_cached(words, sents, m.table.id());
        let mut scores = Scores::default();
        (m.tag_scored(&doc, &mut scores), scores)
    }

    #[test]
    fn cached_word_values_and_sums_give_the_scores_of_a_fresh_thread() {
        let m = Model::builtin();
        // the same words sentence-initial and inside, in a headline, in gazetteer phrases
        let docs: Vec<(Vec<&str>, Vec<Range<usize>>)> = [
            "SOCCER - PARIS WIN IN WASHINGTON . Paris beat Washington in New York .",
            "Washington said Paris Saint-Germain would visit New York . New York is far .",
            "In Paris , Mr. Washington met Paris Hilton . Washington is a city .",
        ]
        .iter()
        .map(|text| {
            let words: Vec<&str> = text.split(' ').collect();
            let mut sents = Vec::new();
            let mut start = 0;
            for (i, w) in words.iter().enumerate() {
                if *w == "." {
                    sents.push(start..i + 1);
                    start = i + 1;
                }
            }
            (words, sents)
        })
        .collect();
        // warm: every document tagged after all of them, in this thread
        for (w, s) in &docs {
            tag_cached(&m, w, s);
        }
        let warm: Vec<Tagged> = docs.iter().map(|(w, s)| tag_cached(&m, w, s)).collect();
        // cold: each document alone in a new thread, so with empty caches
        let cold: Vec<Tagged> = docs
            .iter()
            .map(|(w, s)| {
                let m = m.clone();
                let (w, s) = (w.clone(), s.clone());
                std::thread::spawn(move || tag_cached(&m, &w, &s))
                    .join()
                    .unwrap()
            })
            .collect();
        assert_eq!(warm, cold);
        assert!(warm.iter().any(|t| t.0.iter().any(|&x| x != 0)));
    }
}
