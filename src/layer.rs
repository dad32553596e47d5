//! What a layer is, and the text layer every layer stands on: the [`Extractor`] trait and
//! [`prepare`] (tokens, paragraphs, sentences). It must never import a layer or the pipeline.

use chrono::NaiveDate;

use crate::error::Result;
use crate::text;
use crate::types::{DateSource, Document};

/// One layer of analysis. Extractors run in order on a document whose text layer (tokens,
/// sentences, paragraphs) is ready; a later extractor may read what earlier ones found
/// (quotes read entities to name speakers).
pub trait Extractor: Send + Sync {
    /// A short name for reports and benchmarks ("entities", "dates", "quotes").
    fn name(&self) -> &'static str;
    /// Adds this layer's findings to the document.
    fn extract(&self, doc: &mut Document) -> Result<()>;
}

/// The text layer alone: a document with tokens, paragraphs and sentences.
pub fn prepare(text: &str, date: Option<NaiveDate>) -> Document {
    let tokens = text::tokenize(text);
    let paragraphs = text::paragraphs(text);
    let sentences = text::sentences(text, &tokens, &paragraphs);
    Document {
        text: text.to_owned(),
        date,
        date_source: date.map(|_| DateSource::Given),
        tokens,
        sentences,
        paragraphs,
        ..Document::default()
    }
}
