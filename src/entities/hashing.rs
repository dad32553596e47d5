//! Hashing: strings to 64-bit hashes (exact, lowercase, title case) without copying, the mixing
//! steps features and gazetteer keys are built from, and hash maps keyed by such hashes.
//!
//! The values are part of the model file (features and lexicon keys are stored as these hashes):
//! never change a function here without retraining and bumping the feature version.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already good 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub type IdBuild = BuildHasherDefault<IdHasher>;
pub type HashMapU64<V> = HashMap<u64, V, IdBuild>;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(23) ^ x).wrapping_mul(K)
}
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a string, char by char (so lowercase and title-case variants hash without copying).
pub fn hash_str(s: &str) -> u64 {
    fmix(s.chars().fold(1, |h, c| mix(h, c as u64)))
}
pub fn hash_lower(s: &str) -> u64 {
    let mut h = 1;
    for c in s.chars() {
        if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    fmix(h)
}
pub fn hash_title(s: &str) -> u64 {
    let mut h = 1;
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            for u in c.to_uppercase() {
                h = mix(h, u as u64);
            }
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    fmix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_of_case_variants() {
        assert_eq!(hash_lower("BERLIN"), hash_str("berlin"));
        assert_eq!(hash_title("BERLIN"), hash_str("Berlin"));
        assert_ne!(hash_str("Berlin"), hash_str("berlin"));
    }
}
