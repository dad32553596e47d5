//! The text layer: a tokenizer for news English, a paragraph and sentence splitter, and the
//! conversion from byte offsets to Python code-point offsets.
//!
//! Tokens keep byte ranges into the original text; nothing is normalised or copied. The token
//! types are declared with the other result types in [`crate::types`]. This layer sits below the
//! others and must never import them.
//!
//! Its files are its steps: [`chars`] (character classes and a cursor), [`lexicon`] (the word
//! lists), [`tokenize`] (marks, quotes, dashes and symbols) with [`words`] (words, numbers,
//! URLs, abbreviations and clitics), [`sentences`] (paragraphs and sentences) and [`offsets`].

mod chars;
mod lexicon;
mod offsets;
mod sentences;
mod tokenize;
mod words;

pub use crate::types::{Token, TokenKind};
pub use chars::is_quote_char;
pub use offsets::CharOffsets;
pub use sentences::{paragraphs, sentences};
pub use tokenize::tokenize;

#[cfg(test)]
mod tests;
