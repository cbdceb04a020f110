"""Fast, fail-closed masking of card numbers, IBANs, SSNs, emails and phone numbers.

Every rule lives in the piimask Rust core; this package is a thin typed binding to it::

    >>> import piimask
    >>> piimask.mask("Call me on +447966197542 or melissa@gmail.com")
    'Call me on *********7542 or m******@gmail.com'
    >>> masker = piimask.Masker(kinds=["card"], styles="preserve")
    >>> masker.mask_batch(["card 4111 1111 1111 1111", None])
    ['card **** **** **** 1111', None]
    >>> [(m.kind, m.start, m.end) for m in masker.find("carte n°4111111111111111")]
    [('card', 8, 24)]

`Masker` is immutable, thread-safe and picklable; `Masker.mask_batch` releases the GIL and
uses every core. Errors are `piimask.Error` (a `ValueError`) subclasses with a stable
`.code` (`ErrorCode`) and never hold the input text.
"""

from piimask._piimask import (
    KINDS,
    MAX_MESSAGE_CHARS,
    RULESET_VERSION,
    STYLES,
    ConfigError,
    ConfigSyntaxError,
    Error,
    ErrorCode,
    InputError,
    InternalError,
    InvalidUtf8Error,
    KeepLimitError,
    KeepUnusedError,
    LibraryError,
    LibraryInvalidError,
    LibraryProblem,
    LibrarySyntaxError,
    MaskCharError,
    Masker,
    Match,
    MessageProblem,
    MessageReport,
    MissingVariablesError,
    NoKindsError,
    RenderContext,
    ReservedInValueError,
    SearchHit,
    Template,
    TemplateContextError,
    TemplateError,
    TemplateSyntaxError,
    TextBlock,
    TextBlockLibrary,
    __version__,
    check_message,
    mask,
)

__all__ = [
    "KINDS",
    "MAX_MESSAGE_CHARS",
    "RULESET_VERSION",
    "STYLES",
    "ConfigError",
    "ConfigSyntaxError",
    "Error",
    "ErrorCode",
    "InputError",
    "InternalError",
    "InvalidUtf8Error",
    "KeepLimitError",
    "KeepUnusedError",
    "LibraryError",
    "LibraryInvalidError",
    "LibraryProblem",
    "LibrarySyntaxError",
    "MaskCharError",
    "Masker",
    "Match",
    "MessageProblem",
    "MessageReport",
    "MissingVariablesError",
    "NoKindsError",
    "RenderContext",
    "ReservedInValueError",
    "SearchHit",
    "Template",
    "TemplateContextError",
    "TemplateError",
    "TemplateSyntaxError",
    "TextBlock",
    "TextBlockLibrary",
    "__version__",
    "check_message",
    "mask",
]
