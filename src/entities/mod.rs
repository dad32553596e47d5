//! Named entities (PER, ORG, LOC, MISC). Not built yet (issue 3): finds nothing.

use crate::error::Result;
use crate::pipeline::Extractor;
use crate::types::Document;

/// The entity layer.
#[derive(Debug, Default, Clone)]
pub struct EntityExtractor {}

impl EntityExtractor {
    /// The extractor with the model built into the package.
    pub fn builtin() -> Self {
        EntityExtractor {}
    }
}

impl Extractor for EntityExtractor {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn extract(&self, _doc: &mut Document) -> Result<()> {
        Ok(())
    }
}
