//! Dates and times (TIMEX3). Not built yet (issue 4): finds nothing.

use crate::error::Result;
use crate::pipeline::Extractor;
use crate::types::Document;

/// The temporal layer.
#[derive(Debug, Default, Clone)]
pub struct TemporalExtractor {}

impl Extractor for TemporalExtractor {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn extract(&self, _doc: &mut Document) -> Result<()> {
        Ok(())
    }
}
