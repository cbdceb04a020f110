"""The pandas example of the README: mask a text column, missing values included."""

from __future__ import annotations

import pandas as pd

import piimask


def test_mask_a_dataframe_column() -> None:
    df = pd.DataFrame(
        {
            "session": ["a", "b", "c", "d"],
            "text": ["card 4111 1111 1111 1111", None, "Merci, bonne journée !", "mail melissa@gmail.com"],
        }
    )
    masker = piimask.Masker()
    df["text"] = masker.mask_batch(df["text"].tolist())
    masked = df["text"].tolist()
    # pandas 3 stores text as its str dtype, where a missing value is NaN; it passes through.
    assert pd.isna(masked[1])
    assert masked[:1] + masked[2:] == ["card ************1111", "Merci, bonne journée !", "mail m******@gmail.com"]


def test_missing_values_read_from_csv_are_nan(tmp_path: object) -> None:
    import io

    df = pd.read_csv(io.StringIO("id,text\n1,call +447966197542\n2,\n3,ok\n"))
    masked = piimask.Masker().mask_batch(df["text"].tolist())
    assert masked[0] == "call *********7542"
    assert pd.isna(masked[1])
    assert masked[2] == "ok"
    # A Series is iterable too; a column of strings stays strings.
    assert piimask.Masker().mask_batch(df["text"].fillna("")) == ["call *********7542", "", "ok"]


def test_pandas_na_passes_through() -> None:
    # The nullable `string` dtype marks a missing value with pd.NA (a user review found it
    # refused as a type error).
    texts = pd.Series(["card 4111111111111111", None], dtype="string").tolist()
    assert texts[1] is pd.NA
    masked = piimask.Masker().mask_batch(texts)
    assert masked[0] == "card ************1111"
    assert masked[1] is pd.NA
