//! External knowledge folded into the model: the lexicon (Brown clusters, word probabilities,
//! capitalisation rates) and the gazetteers (place and name lists, known entities, the lexicon of
//! training entities), with the keys phrases are stored under.
//!
//! Holds and looks up data only; never reads a document or a feature (see `prepare.rs`).

use super::hashing::{fmix, hash_lower, mix, HashMapU64};

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

/// Finalised hash of a gazetteer phrase given the lowercase hashes of its tokens.
pub fn gaz_key(lower_hashes: impl IntoIterator<Item = u64>) -> u64 {
    fmix(lower_hashes.into_iter().fold(GAZ_SEED, gaz_step))
}

/// Lowercase words that begin personal names ("de Silva", "van der Westhuizen", "bin Laden"):
/// the tagger scores them although they have no capital letter.
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le",
    "van", "von",
];

impl Knowledge {
    pub fn lookup(&self, h: u64) -> Option<&LexEntry> {
        self.lexicon.get(&h)
    }

    /// How often the word (any case) is capitalised away from the start of a sentence in
    /// unlabeled news, in tenths (0..=10); None when unknown.
    pub fn cap_rate(&self, w: &str) -> Option<u8> {
        self.lookup(hash_lower(w))
            .map(|e| e.cap)
            .filter(|&c| c != 255)
    }
}
