//! The model file: weights, external knowledge and a description, behind a versioned header.
//!
//! Layout (little endian):
//! `b"TIDINGS-NER\0"` · format version `u32` · payload length `u64` · FNV-1a 64 checksum of the
//! payload `u64` · payload. The payload holds the feature-set version, the number of tags, a
//! JSON description, the lexicon, the gazetteer and the weights (sparse rows of `i16` with one
//! global scale). Every read is bounds-checked; anything wrong is an [`Error::Model`].

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::hashing::HashMapU64;
use super::knowledge::{Knowledge, LexEntry};
use super::prepare::DocFeats;
use super::table::{Scores, Table, ROW};
use super::tags::NT;
use crate::error::{Error, Result};

const MAGIC: &[u8; 12] = b"TIDINGS-NER\0";
const FORMAT_VERSION: u32 = 2;
/// Bumped whenever feature extraction changes in a way that invalidates trained weights.
pub(crate) const FEATURE_VERSION: u32 = 4;

/// Bytes before the payload: magic, format version, payload length, checksum.
const HEADER_BYTES: usize = 12 + 4 + 8 + 8;

/// Checks the magic and the format version at the start of `data` and returns the payload length
/// the header declares.
fn payload_len(data: &[u8]) -> Result<u64> {
    if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
        return Err(Error::Model(
            "not a tidings entity model (wrong magic header)".into(),
        ));
    }
    let mut r = Reader {
        data,
        pos: MAGIC.len(),
    };
    let version = r.u32()?;
    if version != FORMAT_VERSION {
        return Err(Error::Model(format!(
            "entity model format version {version} is not supported (this tidings reads version {FORMAT_VERSION})"
        )));
    }
    r.u64()
}

/// Reads into `buf` until it is full or the reader ends; returns the bytes read.
fn read_up_to(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A trained entity tagger: feature weights plus the external knowledge its features read.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Never changed once the model is built: the per-thread caches of word values and weight
    /// sums are kept by the identity of `table`, which is built with it.
    pub(crate) knowledge: Knowledge,
    /// The weights of the first pass and (optionally) of the second pass that reads the first
    /// pass's output, in one table.
    pub(crate) table: Table,
    /// A JSON description of how the model was trained.
    pub(crate) description: String,
}

/// One weight table: feature hash -> row of `NT` weights.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Weights {
    pub index: HashMapU64<u32>,
    pub weights: Vec<f32>,
}

/// Writes one stage's weight table: the count of rows kept, the scale, then per row with any
/// non-zero weight its key, a mask of its non-zero tags and those weights. Rows go in the order
/// given; all-zero rows are left out.
fn write_rows<R: AsRef<[i16]>>(p: &mut Vec<u8>, scale: f32, rows: impl Iterator<Item = (u64, R)>) {
    let mut body = Vec::new();
    let mut kept = 0u32;
    for (key, q) in rows {
        let q = q.as_ref();
        let mask = q
            .iter()
            .enumerate()
            .fold(0u32, |m, (t, &v)| if v != 0 { m | 1 << t } else { m });
        if mask == 0 {
            continue;
        }
        kept += 1;
        body.extend_from_slice(&key.to_le_bytes());
        body.extend_from_slice(&mask.to_le_bytes());
        for v in q.iter().filter(|&&v| v != 0) {
            body.extend_from_slice(&v.to_le_bytes());
        }
    }
    p.extend_from_slice(&kept.to_le_bytes());
    p.extend_from_slice(&scale.to_le_bytes());
    p.extend_from_slice(&body);
}

impl Weights {
    /// Reads one stage's table into `rows` (column block `stage`); returns the scale.
    fn read_into(r: &mut Reader, stage: usize, rows: &mut HashMapU64<[i16; ROW]>) -> Result<f32> {
        let n = r.count(12)?;
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(Error::Model(
                "entity model has an invalid weight scale".into(),
            ));
        }
        let mut last = None;
        for _ in 0..n {
            let key = r.u64()?;
            if last.is_some_and(|l| key <= l) {
                return Err(Error::Model(
                    "entity model weight table is damaged (keys out of order)".into(),
                ));
            }
            last = Some(key);
            let mask = r.u32()?;
            if mask >> NT != 0 || mask == 0 {
                return Err(Error::Model("entity model weight table is damaged".into()));
            }
            let row = rows.entry(key).or_insert([0; ROW]);
            for t in 0..NT {
                if mask & (1 << t) != 0 {
                    row[stage * NT + t] = r.i16()?;
                }
            }
        }
        Ok(scale)
    }

    fn write(&self, p: &mut Vec<u8>) {
        let maxw = self.weights.iter().fold(0f32, |a, w| a.max(w.abs()));
        let scale = if maxw > 0.0 { maxw / 32767.0 } else { 1.0 };
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(k, r)| (*k, *r)).collect();
        rows.sort_unstable();
        write_rows(
            p,
            scale,
            rows.into_iter().map(|(key, row)| {
                let w = &self.weights[row as usize * NT..row as usize * NT + NT];
                (
                    key,
                    w.iter()
                        .map(|x| (x / scale).round() as i16)
                        .collect::<Vec<i16>>(),
                )
            }),
        );
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!("model.bin");

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.data.len() - self.pos < n {
            return Err(Error::Model(
                "entity model file is truncated (ends inside a table)".into(),
            ));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// A count, checked against the bytes left so that a damaged count cannot allocate wildly.
    fn count(&mut self, min_item_bytes: usize) -> Result<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item_bytes) > self.data.len() - self.pos {
            return Err(Error::Model(format!(
                "entity model file is damaged: a table claims {n} entries, more than the file holds"
            )));
        }
        Ok(n)
    }
}

impl Model {
    /// The model built into the package (loaded once, on first use).
    pub fn builtin() -> Arc<Model> {
        static M: OnceLock<Arc<Model>> = OnceLock::new();
        M.get_or_init(|| {
            Arc::new(
                Model::from_bytes(BUILTIN_BYTES)
                    .expect("the built-in entity model is valid (checked by the tests)"),
            )
        })
        .clone()
    }

    /// A JSON description of the training run that made this model.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of weight rows (features kept).
    pub fn n_features(&self) -> usize {
        self.table.len()
    }

    /// Number of passes (1, or 2 with the non-local second pass).
    pub fn passes(&self) -> usize {
        self.table.scales.len()
    }

    pub(crate) fn tag(&self, doc: &DocFeats) -> Vec<u8> {
        self.table.tag(doc, None)
    }

    /// Tags a document and gives the last pass's scores of every scored token.
    pub(crate) fn tag_scored(&self, doc: &DocFeats, scores: &mut Scores) -> Vec<u8> {
        self.table.tag(doc, Some(scores))
    }

    /// A model from trained weight tables (quantised as when saved).
    pub(crate) fn from_stages(
        knowledge: Knowledge,
        stages: &[Weights],
        description: String,
    ) -> Result<Model> {
        let mut m = Model {
            knowledge,
            table: Table::default(),
            description,
        };
        let bytes = m.encode(|p| {
            p.extend_from_slice(&(stages.len() as u32).to_le_bytes());
            for st in stages {
                st.write(p);
            }
        });
        m = Model::from_bytes(&bytes)?;
        Ok(m)
    }

    /// Reads a model from a file written by [`Model::save`]. The file type, the header and the
    /// declared payload size are checked against the file's metadata before the rest is read, so
    /// a device (`/dev/zero`), a FIFO or a header claiming gigabytes fails fast, without blocking
    /// or allocating.
    pub fn load(path: &Path) -> Result<Model> {
        use std::io::Read;
        let name = path.display();
        let io = |e: std::io::Error| Error::Io(format!("cannot read entity model {name}: {e}"));
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() {
            let kind = if meta.is_dir() {
                "a directory"
            } else {
                "not a regular file"
            };
            return Err(Error::Model(format!(
                "{name}: {kind}; an entity model is a file written by Model.save"
            )));
        }
        let size = meta.len();
        let mut file = std::fs::File::open(path).map_err(io)?;
        let mut head = [0u8; HEADER_BYTES];
        let got = read_up_to(&mut file, &mut head).map_err(io)?;
        let at_file = |e: Error| match e {
            Error::Model(m) => Error::Model(format!("{name}: {m}")),
            e => e,
        };
        let declared = payload_len(&head[..got]).map_err(at_file)?;
        let held = size.saturating_sub(HEADER_BYTES as u64);
        if got < HEADER_BYTES || declared != held {
            return Err(at_file(Error::Model(format!(
                "entity model file is truncated or has trailing bytes: the header says {declared} \
                 bytes of payload, the file holds {held}"
            ))));
        }
        let mut data = Vec::with_capacity(size as usize);
        data.extend_from_slice(&head[..got]);
        // At most one byte more than declared, so a file that grows while read is caught below.
        file.take(declared + 1).read_to_end(&mut data).map_err(io)?;
        Model::from_bytes(&data).map_err(at_file)
    }

    /// Writes the model to a file.
    pub fn save(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_bytes())
            .map_err(|e| Error::Io(format!("cannot write entity model {}: {e}", path.display())))
    }

    /// Parses and validates a model.
    pub fn from_bytes(data: &[u8]) -> Result<Model> {
        let len = payload_len(data)?;
        let mut r = Reader {
            data,
            pos: HEADER_BYTES - 8,
        };
        let sum = r.u64()?;
        let payload = &data[r.pos..];
        if payload.len() as u64 != len {
            return Err(Error::Model(format!(
                "entity model file is truncated or has trailing bytes: payload is {} bytes, header says {len}",
                payload.len()
            )));
        }
        if fnv1a(payload) != sum {
            return Err(Error::Model(
                "entity model file is damaged (checksum mismatch)".into(),
            ));
        }
        let mut r = Reader {
            data: payload,
            pos: 0,
        };
        let fv = r.u32()?;
        if fv != FEATURE_VERSION {
            return Err(Error::Model(format!(
                "entity model was trained with feature set {fv}; this tidings needs feature set {FEATURE_VERSION}: retrain it"
            )));
        }
        let nt = r.u32()? as usize;
        if nt != NT {
            return Err(Error::Model(format!(
                "entity model has {nt} tags, expected {NT}"
            )));
        }
        let dlen = r.count(1)?;
        let description = String::from_utf8(r.take(dlen)?.to_vec())
            .map_err(|_| Error::Model("entity model description is not UTF-8".into()))?;
        let n = r.count(14)?;
        let mut lexicon = HashMapU64::default();
        lexicon.reserve(n);
        for _ in 0..n {
            let h = r.u64()?;
            let cluster = r.u32()?;
            let prob = r.u8()?;
            let cap = r.u8()?;
            lexicon.insert(h, LexEntry { cluster, prob, cap });
        }
        let n = r.count(9)?;
        let mut gazetteer = HashMapU64::default();
        gazetteer.reserve(n);
        for _ in 0..n {
            let h = r.u64()?;
            gazetteer.insert(h, r.u8()?);
        }
        let n_stages = r.u32()? as usize;
        if !(1..=2).contains(&n_stages) {
            return Err(Error::Model(format!(
                "entity model has {n_stages} weight tables, expected 1 or 2"
            )));
        }
        let mut rows = HashMapU64::default();
        let mut scales = Vec::new();
        for stage in 0..n_stages {
            scales.push(Weights::read_into(&mut r, stage, &mut rows)?);
        }
        if r.pos != payload.len() {
            return Err(Error::Model(
                "entity model file has unexpected bytes after the weights".into(),
            ));
        }
        Ok(Model {
            knowledge: Knowledge { lexicon, gazetteer },
            table: Table::new(rows, scales),
            description,
        })
    }

    /// Serialises the model (weights quantised to 16 bits; rows that quantise to zero dropped).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(|p| {
            p.extend_from_slice(&(self.table.scales.len() as u32).to_le_bytes());
            for (stage, &scale) in self.table.scales.iter().enumerate() {
                write_rows(p, scale, self.table.stage_rows(stage));
            }
        })
    }

    fn encode(&self, weights: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut p = Vec::new();
        p.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        p.extend_from_slice(&(NT as u32).to_le_bytes());
        p.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        p.extend_from_slice(self.description.as_bytes());
        let mut lex: Vec<_> = self.knowledge.lexicon.iter().collect();
        lex.sort_unstable_by_key(|e| *e.0);
        p.extend_from_slice(&(lex.len() as u32).to_le_bytes());
        for (h, e) in lex {
            p.extend_from_slice(&h.to_le_bytes());
            p.extend_from_slice(&e.cluster.to_le_bytes());
            p.push(e.prob);
            p.push(e.cap);
        }
        let mut gaz: Vec<_> = self.knowledge.gazetteer.iter().collect();
        gaz.sort_unstable_by_key(|e| *e.0);
        p.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (h, m) in gaz {
            p.extend_from_slice(&h.to_le_bytes());
            p.push(*m);
        }
        weights(&mut p);
        let mut out = Vec::with_capacity(p.len() + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(p.len() as u64).to_le_bytes());
        out.extend_from_slice(&fnv1a(&p).to_le_bytes());
        out.extend_from_slice(&p);
        out
    }
}
