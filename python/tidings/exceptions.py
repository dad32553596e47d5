"""Exceptions raised by tidings. Each message starts with a stable code such as ``[E001]``."""


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""


class InvalidInputError(TidingsError, ValueError):
    """[E001] An argument has the right type but an unusable value (e.g. a date that is not a date)."""


class DocumentTooLargeError(InvalidInputError):
    """[E004] A document is longer than the size limit (``max_chars=``, ``TIDINGS_MAX_CHARS``).

    Raised before the text is copied, so a huge input fails fast instead of exhausting memory.
    """


class ModelError(TidingsError):
    """[E002] A model file is missing, damaged, of another version, or not a tidings model."""


class TidingsIOError(TidingsError, OSError):
    """[E003] Reading or writing a file failed."""


class InternalError(TidingsError):
    """[E900] A bug inside tidings. Please report it with the text that caused it."""


__all__ = [
    "TidingsError",
    "InvalidInputError",
    "DocumentTooLargeError",
    "ModelError",
    "TidingsIOError",
    "InternalError",
]
