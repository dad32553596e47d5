//! One error type for the whole core. Each variant carries a stable code (`[E0xx]`) so that
//! users can search for it; the Python bindings map each variant to a class in `tidings.exceptions`.

use thiserror::Error;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum Error {
    /// The caller passed something that is not usable as input (bad date, bad option value...).
    #[error("[E001] {0}")]
    InvalidInput(String),
    /// A model file is missing, damaged, of another version or not a tidings model at all.
    #[error("[E002] {0}")]
    Model(String),
    /// Reading or writing a file failed.
    #[error("[E003] {0}")]
    Io(String),
    /// A document is longer than the size limit (`max_chars`, `TIDINGS_MAX_CHARS`).
    #[error("[E004] {0}")]
    TooLarge(String),
    /// The work was cancelled (the user pressed Ctrl-C); the bindings raise `KeyboardInterrupt`.
    #[error("[E005] interrupted")]
    Interrupted,
    /// A bug: an extractor panicked on this document. The document is kept, with this error.
    #[error("[E900] internal error while analysing the document: {0}. Please report it with the text that caused it.")]
    Internal(String),
}

impl Error {
    /// The stable code of the error, such as `E001`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "E001",
            Error::Model(_) => "E002",
            Error::Io(_) => "E003",
            Error::TooLarge(_) => "E004",
            Error::Interrupted => "E005",
            Error::Internal(_) => "E900",
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}

/// Runs `f`, turning a panic into [`Error::Internal`] with the panic's message (after `context`
/// and a colon, when `context` is not empty). The one place where tidings catches panics, used by
/// the pipeline around each layer and by the Python bindings around each call.
pub fn catch_panic<T>(context: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let msg = if let Some(s) = p.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = p.downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_owned()
        };
        Err(Error::Internal(if context.is_empty() {
            msg
        } else {
            format!("{context}: {msg}")
        }))
    })
}
