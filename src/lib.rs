//! tidings: who (named entities), when (dates and times) and who said what (quotations) in news text.
//!
//! The core never touches Python: everything here works on `&str` with byte offsets. The optional
//! `python` feature (on by default) adds the pyo3 bindings in [`python`], which convert byte offsets
//! to Python code-point offsets once, at the boundary.

pub mod chunk;
pub mod entities;
pub mod error;
pub mod layer;
pub mod pipeline;
pub mod quotes;
pub mod temporal;
pub mod text;
pub mod threads;
pub mod types;

#[cfg(feature = "python")]
mod python;

/// mimalloc: the pipeline allocates many small buffers per document, and glibc's allocator
/// showed as about 6% of the time in profiles (and keeps threads from scaling).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use error::{Error, Result};
pub use layer::Extractor;
pub use pipeline::{Cancel, Pipeline};
pub use types::{Document, Entity, Label, Quote, QuoteKind, Sentence, Span, Timex, TimexType};
