"""The native module of piimask (private: import from ``piimask``).

Every rule lives in the piimask Rust core; this module only converts arguments, results and
errors. Offsets are ``str`` indices (code points), never bytes.
"""

from collections.abc import Iterable
from datetime import date
from enum import IntEnum
from typing import Any, Final, final, overload

__version__: Final[str]
"""The version of the package (the Rust crate's version)."""

RULESET_VERSION: Final[str]
"""The version of the detection rules; it changes whenever what is detected changes."""

MAX_MESSAGE_CHARS: Final[int]
"""The longest message an agent may send, in characters (1000)."""

KINDS: Final[tuple[str, ...]]
"""The kinds piimask detects: ``("card", "iban", "ssn", "email", "phone")``."""

STYLES: Final[tuple[str, ...]]
"""The mask styles: ``("compact", "preserve", "label", "redact")``."""

class ErrorCode(IntEnum):
    """The stable numeric error codes of piimask (0 = OK), from the core's table.

    The same numbers are the status codes of the C ABI; they are never renumbered.
    """

    OK = 0
    INTERNAL = 1
    NULL_ARGUMENT = 2
    BUFFER_TOO_SMALL = 3
    INVALID_UTF8 = 4
    CONFIG_SYNTAX = 10
    CONFIG_NO_KINDS = 11
    CONFIG_MASK_CHAR = 12
    CONFIG_KEEP_LIMIT = 13
    CONFIG_KEEP_UNUSED = 14
    TEMPLATE_SYNTAX = 20
    TEMPLATE_MISSING_VARIABLES = 21
    LIBRARY_INVALID = 22
    LIBRARY_SYNTAX = 23
    TEMPLATE_RESERVED_IN_VALUE = 24
    TEMPLATE_CONTEXT = 25

class Error(ValueError):
    """Base class of every piimask error.

    Messages name options, variables, fields and positions, never the input text, so an
    error can be logged safely.
    """

    code: ErrorCode
    """The stable error code."""
    offset: int | None
    """A ``str`` index into the text the error is about (the template, the date format, the
    input), or None."""
    line: int | None
    """The 1-based line of a syntax error in a configuration, context or library, or None."""
    column: int | None
    """The 1-based column of that syntax error, or None."""

class ConfigError(Error):
    """A masker configuration was rejected (raised by ``Masker(...)`` and ``mask(...)``)."""

class ConfigSyntaxError(ConfigError):
    """``CONFIG_SYNTAX``: the configuration does not parse, or names an unknown option, kind
    or style."""

class NoKindsError(ConfigError):
    """``CONFIG_NO_KINDS``: the configuration enables no kind."""

class MaskCharError(ConfigError):
    """``CONFIG_MASK_CHAR``: a mask character is a letter, digit, whitespace, control
    character, ``<``, ``>`` or ``@``."""

class KeepLimitError(ConfigError):
    """``CONFIG_KEEP_LIMIT``: a kept head or tail is over its cap (PCI DSS: at most the first
    6 and last 4 digits of a card)."""

class KeepUnusedError(ConfigError):
    """``CONFIG_KEEP_UNUSED``: a kept head or tail is set for a style that keeps nothing."""

class TemplateError(Error):
    """A template could not be parsed or rendered, or a rendering context was rejected."""

class TemplateSyntaxError(TemplateError):
    """``TEMPLATE_SYNTAX``: a stray ``>``, an unclosed ``<``, ``<>`` or an invalid name;
    ``offset`` is the index of the character at fault in the template."""

class MissingVariablesError(TemplateError):
    """``TEMPLATE_MISSING_VARIABLES``: variables without a value."""

    names: list[str]
    """Every missing variable, in order of first use in the template."""

class ReservedInValueError(TemplateError):
    """``TEMPLATE_RESERVED_IN_VALUE``: values holding ``<`` or ``>``."""

    values: list[tuple[str, int]]
    """``(variable, index of the first < or > in its value)`` for each such value."""

class TemplateContextError(TemplateError):
    """``TEMPLATE_CONTEXT``: a rendering context with an unknown or invalid field, a date that
    does not exist, or a date format with an unknown ``%`` directive (``offset`` is then
    the index of that ``%`` in the format)."""

class LibraryError(Error):
    """A text-block library was rejected."""

class LibrarySyntaxError(LibraryError):
    """``LIBRARY_SYNTAX``: the library is not valid TOML or JSON."""

class LibraryInvalidError(LibraryError):
    """``LIBRARY_INVALID``: some entries are invalid."""

    problems: list[LibraryProblem]
    """Every problem, in document order."""

class InputError(Error):
    """An input was rejected."""

class InvalidUtf8Error(InputError):
    """``INVALID_UTF8``: a ``str`` holding a lone surrogate, which is not Unicode text.
    ``offset`` is the surrogate's index."""

    index: int | None
    """In ``mask_batch``, the index of the rejected item; otherwise None."""

class InternalError(Error):
    """``INTERNAL``: a bug in piimask (please report it)."""

@final
class Match:
    """One sensitive value found in a text.

    ``text[m.start:m.end]`` is the value; ``m.masked`` is what masking writes in its place.
    """

    def __new__(cls, kind: str, start: int, end: int, masked: str) -> Match: ...
    @property
    def kind(self) -> str:
        """``"card"``, ``"iban"``, ``"ssn"``, ``"email"`` or ``"phone"``."""
    @property
    def start(self) -> int:
        """Index of the value's first character in the ``str``."""
    @property
    def end(self) -> int:
        """Index after the value's last character."""
    @property
    def masked(self) -> str:
        """What masking writes in the value's place (``"************1111"``)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Masker:
    """Finds and masks card numbers, IBANs, SSNs, emails and phone numbers.

    Build it once and share it: it is immutable, thread-safe, and pickles as its
    configuration (so it travels to ``multiprocessing``, Spark and Dask workers).

    ``config`` is the documented configuration, as TOML or JSON text or a dict in the same
    form (``{"kinds": ["card"], "card": {"style": "preserve", "keep_head": 6}}``). The keyword
    options apply on top of it:

    - ``kinds``: the kinds to detect (names from ``KINDS``; one name or several);
    - ``styles``: one style for every kind, or a dict ``{kind: style}`` (names from ``STYLES``);
    - ``mask_char``: the mask character of every kind that does not set its own;
    - ``keep_head`` / ``keep_tail``: dicts ``{kind: units}`` kept at each end.

    Unknown options raise ``TypeError``; rejected values raise a ``ConfigError``.

    >>> Masker(kinds=["card"], keep_head={"card": 6}).mask("4111 1111 1111 1111")
    '411111******1111'
    """

    def __new__(
        cls,
        config: str | dict[str, Any] | None = None,
        *,
        kinds: str | Iterable[str] | None = None,
        styles: str | dict[str, str] | None = None,
        mask_char: str | None = None,
        keep_head: dict[str, int] | None = None,
        keep_tail: dict[str, int] | None = None,
    ) -> Masker: ...
    def mask(self, text: str) -> str:
        """Masks every sensitive value in ``text``.

        Returns ``text`` itself (no copy) when there is nothing to mask. Raises
        ``InvalidUtf8Error`` for a ``str`` holding a lone surrogate.
        """
    def mask_bytes(self, data: bytes) -> bytes:
        """Masks raw bytes: valid UTF-8 is masked as text, invalid sequences pass through
        untouched. Returns ``data`` itself when there is nothing to mask."""
    def find(self, text: str) -> list[Match]:
        """The sensitive values in ``text``, left to right, never overlapping, with ``str``
        indices (code points, so ``text[m.start:m.end]`` is the value), as masking replaces
        them: putting each ``m.masked`` in place of ``text[m.start:m.end]`` gives exactly
        ``mask(text)``, also where a masked value made a new one readable (all that such a
        line's later rounds of masking changed is then one match)."""
    def is_match(self, text: str) -> bool:
        """Whether ``text`` holds any sensitive value."""
    @overload
    def mask_batch(self, texts: Iterable[str]) -> list[str]: ...
    @overload
    def mask_batch(self, texts: Iterable[str | None]) -> list[str | None]:
        """Masks many texts on every core, with the GIL released.

        Returns a new list in the same order: ``mask_batch(texts) == [mask(t) for t in
        texts]``. ``None`` passes through, and so do a float NaN (how pandas marks a
        missing value in an object column) and ``pandas.NA`` (in a ``string`` column); any
        other non-``str`` item raises ``TypeError``.
        Texts with nothing to mask are returned as the same objects. The pool has one thread
        per core (``RAYON_NUM_THREADS`` overrides it).

        >>> df["text"] = masker.mask_batch(df["text"].tolist())  # doctest: +SKIP
        """
    @property
    def config(self) -> dict[str, Any]:
        """The configuration, as a dict in the documented JSON form."""
    def to_toml(self) -> str:
        """The configuration in the documented TOML form."""
    def to_json(self) -> str:
        """The configuration in the documented JSON form."""
    def __reduce__(self) -> tuple[type[Masker], tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def mask(
    text: str,
    /,
    config: str | dict[str, Any] | None = None,
    *,
    kinds: str | Iterable[str] | None = None,
    styles: str | dict[str, str] | None = None,
    mask_char: str | None = None,
    keep_head: dict[str, int] | None = None,
    keep_tail: dict[str, int] | None = None,
) -> str:
    """Masks ``text`` with a masker of these options (see ``Masker``).

    Without options it uses one shared default masker; with options it builds a masker per
    call, so build a ``Masker`` once to mask many texts.

    >>> mask("Call me on +447966197542")
    'Call me on *********7542'
    >>> mask("card 4111 1111 1111 1111", styles="label")
    'card [CARD]'
    """

@final
class Template:
    """A quick-reply template: text with ``<name>`` parameters (dotted names allowed,
    ``<agent.name>``). ``<`` and ``>`` are reserved for parameters.

    Raises ``TemplateSyntaxError`` (with ``offset``) when the source does not parse.
    """

    def __new__(cls, source: str) -> Template: ...
    @property
    def source(self) -> str:
        """The template as written."""
    @property
    def variables(self) -> list[str]:
        """The variable names, in order of first use, each once."""
    @property
    def text_chars(self) -> int:
        """The length in characters of the template's own text (without its parameters)."""
    def render(
        self,
        values: dict[str, str] | None = None,
        *,
        context: RenderContext | None = None,
        masker: Masker | None = None,
    ) -> str:
        """Fills each variable from ``values``, else from ``context``, then masks every
        sensitive value the substitutions brought in (matches lying wholly in the template's
        own text are left).

        Raises ``MissingVariablesError`` (naming every missing variable) and
        ``ReservedInValueError``; never shows a value.

        >>> Template("Hi <customer.name>").render({"customer.name": "+447966197542"})
        'Hi *********7542'
        """
    def __reduce__(self) -> tuple[type[Template], tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class RenderContext:
    """What the agent desktop knows about a conversation: the automatic variables
    (``agent.name``, ``agent.id``, ``customer.name``, ``queue.name``, ``date``, written in
    ``date_format`` with ``%Y %m %d %H %M %%``) and ``unmasked_variables``, variables whose
    values are safe by construction.

    ``date`` is ``"YYYY-MM-DD"``, ``"YYYY-MM-DDTHH:MM"``, a ``datetime.date`` or a
    ``datetime.datetime``. Invalid fields raise ``TemplateContextError``.
    """

    def __new__(
        cls,
        *,
        agent_name: str | None = None,
        agent_id: str | None = None,
        customer_name: str | None = None,
        queue_name: str | None = None,
        date: str | date | None = None,
        date_format: str | None = None,
        unmasked_variables: Iterable[str] | None = None,
    ) -> RenderContext: ...
    @staticmethod
    def parse(text: str) -> RenderContext:
        """Reads the documented TOML or JSON form of a context (JSON when it starts with
        ``{``); unknown fields raise ``TemplateContextError``."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class TextBlock:
    """One quick reply of a ``TextBlockLibrary``."""

    @property
    def index(self) -> int:
        """The block's index in its library."""
    @property
    def shortcut(self) -> str:
        """The shortcut, as written (without ``#``)."""
    @property
    def title(self) -> str:
        """The title."""
    @property
    def body(self) -> Template:
        """The body, a parsed template."""
    @property
    def tags(self) -> list[str]:
        """The tags."""
    @property
    def language(self) -> str | None:
        """The language tag (``"fr"``, ``"pt-BR"``), or None."""

@final
class SearchHit:
    """One result of ``TextBlockLibrary.search``."""

    @property
    def block(self) -> TextBlock:
        """The block."""
    @property
    def rank(self) -> str:
        """Why it matched, best first: ``"exact_shortcut"``, ``"title_prefix"``,
        ``"word_prefix"``, or ``"all"`` for an empty query."""

@final
class LibraryProblem:
    """One problem of a rejected text-block library (see ``LibraryInvalidError``)."""

    @property
    def index(self) -> int | None:
        """The block's 0-based index, or None for a problem of the document itself."""
    @property
    def field(self) -> str | None:
        """The field (``"shortcut"``, ``"tags[2]"``, an unknown key), or None."""
    @property
    def line(self) -> int | None:
        """The 1-based line in the library text, when known."""
    @property
    def problem(self) -> str:
        """The stable name of the problem (``"missing_field"``, ``"duplicate_shortcut"``, ...)."""
    @property
    def message(self) -> str:
        """What is wrong, in words."""
    def __eq__(self, value: object, /) -> bool: ...

@final
class TextBlockLibrary:
    """A validated library of quick replies, loaded from the documented TOML or JSON form
    (JSON when it starts with ``{``) and searched by ``#query``, ignoring case and accents.

    Raises ``LibrarySyntaxError``, or ``LibraryInvalidError`` listing every problem.
    """

    def __new__(cls, text: str) -> TextBlockLibrary: ...
    def __len__(self) -> int: ...
    @property
    def blocks(self) -> list[TextBlock]:
        """The blocks, in library order."""
    def get(self, shortcut: str) -> TextBlock | None:
        """The block with this shortcut (a leading ``#``, case and accents ignored), or None."""
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """The blocks matching ``query`` (``#`` and prefixes of the shortcut, title words or
        tags; the ``#`` is optional), best first, at most ``limit``."""
    def __reduce__(self) -> tuple[type[TextBlockLibrary], tuple[str]]: ...

@final
class MessageProblem:
    """One reason an agent's message cannot be sent as it is."""

    @property
    def problem(self) -> str:
        """``"too_long"`` or ``"reserved_character"``."""
    @property
    def offset(self) -> int:
        """Index of the character at fault (for ``too_long``, the first one over the limit)."""
    @property
    def message(self) -> str:
        """What is wrong, in words."""
    def __eq__(self, value: object, /) -> bool: ...

@final
class MessageReport:
    """What ``check_message`` found."""

    @property
    def chars(self) -> int:
        """The message's length in characters."""
    @property
    def problems(self) -> list[MessageProblem]:
        """Every problem, in order of position; empty when the message can be sent."""
    @property
    def pii(self) -> list[Match]:
        """Every sensitive value, left to right."""
    @property
    def is_sendable(self) -> bool:
        """Whether the message can be sent as it is (PII is reported, not a problem)."""
    @property
    def has_pii(self) -> bool:
        """Whether the message holds any sensitive value."""

def check_message(text: str, /, masker: Masker | None = None) -> MessageReport:
    """Checks an agent's message before it is sent: at most ``MAX_MESSAGE_CHARS``
    characters, no ``<`` or ``>``, and the sensitive values it holds."""
