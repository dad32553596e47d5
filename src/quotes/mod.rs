//! Quotations and their speakers. Not built yet (issue 5): finds nothing.

use crate::error::Result;
use crate::pipeline::Extractor;
use crate::types::Document;

/// The quote layer.
#[derive(Debug, Default, Clone)]
pub struct QuoteExtractor {}

impl Extractor for QuoteExtractor {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn extract(&self, _doc: &mut Document) -> Result<()> {
        Ok(())
    }
}
