"""Hypothesis properties: `find` offsets slice the original `str` exactly whatever the
script around the values, and `mask_batch` is `mask` applied to each text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import piimask

MASKER = piimask.Masker()

# Values piimask must find (valid card, IBAN, SSN, email, phones), and text around them in
# scripts whose code points are 1 to 4 UTF-8 bytes: emoji (outside the BMP), Cyrillic,
# combining marks, CJK, accented Latin.
VALUES = [
    "4111 1111 1111 1111",
    "378282246310005",
    "DE89 3704 0044 0532 0130 00",
    "SSN 123-45-6789",
    "melissa@gmail.com",
    "ана@пример.рф",
    "+447966197542",
    "+33 6 12 34 56 78",
]
FILLER = st.text(
    alphabet=st.sampled_from(list("😀👍🏽📞 привіт Ёё é\u0301a\u0308 你好 ñ ,.;:!?\n\t-")) | st.characters(),
    max_size=30,
)


@st.composite
def chat_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        parts.append(draw(FILLER))
        parts.append(draw(st.sampled_from(VALUES)))
        parts.append(draw(st.sampled_from([" ", "\n", ", ", " 😀 ", " — "])))
    parts.append(draw(FILLER))
    return "".join(parts)


def no_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


@settings(max_examples=400, deadline=None)
@given(chat_texts().map(no_surrogates))
def test_find_offsets_slice_the_str(text: str) -> None:
    found = MASKER.find(text)
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        previous_end = match.end
        value = text[match.start : match.end]
        # The same value, found by the core in bytes, is exactly this slice.
        start_byte = len(text[: match.start].encode())
        assert text.encode()[start_byte : start_byte + len(value.encode())].decode() == value
        assert value.strip() == value
    # Masking replaces exactly the found values, each with its masked form.
    rebuilt, copied = [], 0
    for match in found:
        rebuilt += [text[copied : match.start], match.masked]
        copied = match.end
    assert "".join(rebuilt) + text[copied:] == MASKER.mask(text)
    if not found:
        assert MASKER.mask(text) is text


@settings(max_examples=400, deadline=None)
@given(chat_texts().map(no_surrogates))
def test_values_alone_are_found_whole(text: str) -> None:
    for value in VALUES:
        padded = f"{text}\n{value}\n"
        assert value in [padded[m.start : m.end] for m in MASKER.find(padded)] or value.startswith("SSN")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), chat_texts().map(no_surrogates)), max_size=40), st.integers(1, 600))
def test_mask_batch_is_mask_of_each(texts: list[str | None], repeat: int) -> None:
    # Repeating makes some batches big enough for the thread pool.
    texts = texts * (repeat if len(texts) < 5 else 1)
    expected = [None if text is None else MASKER.mask(text) for text in texts]
    assert MASKER.mask_batch(texts) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200).map(no_surrogates))
def test_any_text_masks_without_error(text: str) -> None:
    masked = MASKER.mask(text)
    assert MASKER.mask(masked) == masked
    assert MASKER.mask_bytes(text.encode()) == masked.encode()
    assert MASKER.find(masked) == []
