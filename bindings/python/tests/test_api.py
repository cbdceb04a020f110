"""The Python API: options, results, offsets, errors and their codes, quick replies."""

from __future__ import annotations

import datetime
import pickle

import pytest

import piimask

CARD = "4111 1111 1111 1111"
PHONE = "+447966197542"
EMAIL = "melissa@gmail.com"


def test_module_surface() -> None:
    assert piimask.__version__ == piimask._piimask.__version__
    assert set(piimask.__all__) <= set(dir(piimask))
    assert piimask.KINDS == ("card", "iban", "ssn", "email", "phone")
    assert piimask.STYLES == ("compact", "preserve", "label", "redact")
    assert piimask.MAX_MESSAGE_CHARS == 1000
    assert piimask.Masker.__module__ == "piimask"
    assert piimask.Error.__module__ == "piimask"


def test_mask_function_default_and_options() -> None:
    assert piimask.mask(f"Call me on {PHONE} or {EMAIL}") == "Call me on *********7542 or m******@gmail.com"
    assert piimask.mask(f"card {CARD}", styles="label") == "card [CARD]"
    assert piimask.mask(f"card {CARD}", kinds=["email"]) == f"card {CARD}"
    assert piimask.mask(f"card {CARD}", kinds="card", mask_char="#") == "card ############1111"
    assert piimask.mask(f"card {CARD}", {"card": {"style": "preserve"}}) == "card **** **** **** 1111"
    assert piimask.mask(f"card {CARD}", config='[card]\nstyle = "redact"') == "card "


def test_unknown_options_raise() -> None:
    with pytest.raises(TypeError):
        piimask.mask("x", kind=["card"])  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        piimask.Masker(style="label")  # type: ignore[call-arg]
    with pytest.raises(piimask.ConfigSyntaxError):
        piimask.Masker({"card": {"stile": "label"}})
    with pytest.raises(piimask.ConfigSyntaxError):
        piimask.Masker(kinds=["cards"])
    with pytest.raises(piimask.ConfigSyntaxError):
        piimask.Masker(styles={"card": "fancy"})
    with pytest.raises(piimask.ConfigSyntaxError):
        piimask.Masker(keep_head={"visa": 6})
    with pytest.raises(TypeError):
        piimask.Masker(config=42)  # type: ignore[arg-type]


def test_config_forms_agree() -> None:
    toml = '[card]\nstyle = "preserve"\nkeep_head = 6'
    json = '{"card": {"style": "preserve", "keep_head": 6}}'
    as_dict = {"card": {"style": "preserve", "keep_head": 6}}
    keywords = piimask.Masker(styles={"card": "preserve"}, keep_head={"card": 6})
    maskers = [piimask.Masker(toml), piimask.Masker(json), piimask.Masker(as_dict), keywords]
    assert all(masker == maskers[0] for masker in maskers)
    assert len({hash(masker) for masker in maskers}) == 1
    assert maskers[0].mask(CARD) == "4111 11** **** 1111"
    assert piimask.Masker(maskers[0].to_toml()) == maskers[0]
    assert piimask.Masker(maskers[0].to_json()) == maskers[0]
    assert piimask.Masker(maskers[0].config) == maskers[0]
    assert piimask.Masker() != maskers[0]
    assert eval(repr(maskers[0]), {"Masker": piimask.Masker}) == maskers[0]


def test_masker_is_frozen() -> None:
    masker = piimask.Masker()
    with pytest.raises(AttributeError):
        masker.mask = lambda text: text  # type: ignore[method-assign]
    with pytest.raises(AttributeError):
        masker.extra = 1  # type: ignore[attr-defined]


def test_clean_text_is_returned_as_is() -> None:
    masker = piimask.Masker()
    text = "".join(["nothing ", "to mask here, order 2026-11-21 at 10:30, 49,99 €"])
    assert masker.mask(text) is text
    assert piimask.mask(text) is text
    data = text.encode()
    assert masker.mask_bytes(data) is data
    batch = [text, None]
    assert all(a is b for a, b in zip(masker.mask_batch(batch), batch))


def test_find_gives_str_indices() -> None:
    masker = piimask.Masker()
    text = f"😀 Привіт, é\u0301 {CARD}; 📞 {PHONE} 👍 {EMAIL}"
    found = masker.find(text)
    assert [text[m.start : m.end] for m in found] == [CARD, PHONE, EMAIL]
    assert [m.kind for m in found] == ["card", "phone", "email"]
    assert [m.masked for m in found] == ["************1111", "*********7542", "m******@gmail.com"]
    assert found[0] == piimask.Match("card", found[0].start, found[0].end, "************1111")
    assert repr(found[0]) == f"Match(kind='card', start={found[0].start}, end={found[0].end}, masked='************1111')"
    assert pickle.loads(pickle.dumps(found)) == found
    assert masker.is_match(text)
    assert not masker.is_match("nothing here")


def test_mask_bytes_passes_invalid_utf8() -> None:
    masker = piimask.Masker()
    assert masker.mask_bytes(b"\xff card 4111111111111111 \xfe") == b"\xff card ************1111 \xfe"
    with pytest.raises(TypeError):
        masker.mask_bytes("text")  # type: ignore[arg-type]


def test_long_inputs_release_the_gil_and_agree() -> None:
    masker = piimask.Masker()
    text = f"card {CARD}, phone {PHONE}. " * 2000
    assert len(text) > 8192
    assert masker.mask(text) == "".join(masker.mask(f"card {CARD}, phone {PHONE}. ") for _ in range(2000))
    assert len(masker.find(text)) == 4000
    assert masker.mask_bytes(text.encode()) == masker.mask(text).encode()
    # A few long texts are split into chunks by bytes, so they too go to the thread pool.
    texts = [text, None, text.upper(), "é" + text] * 3
    assert masker.mask_batch(texts) == [None if t is None else masker.mask(t) for t in texts]


def test_mask_batch_inputs() -> None:
    masker = piimask.Masker()
    texts = [f"card {CARD}", None, "", "plain", float("nan"), f"mail {EMAIL}"]
    out = masker.mask_batch(texts)  # type: ignore[arg-type]  # a NaN passes through too
    assert out[0] == "card ************1111"
    assert out[1] is None
    assert out[2] == "" and out[3] == "plain"
    assert out[4] is texts[4]
    assert out[5] == "mail m******@gmail.com"
    assert masker.mask_batch(tuple(t for t in texts if isinstance(t, str))) == [o for o in out if isinstance(o, str)]
    assert masker.mask_batch(t for t in ["a", f"card {CARD}"]) == ["a", "card ************1111"]
    assert masker.mask_batch([]) == []
    with pytest.raises(TypeError, match="item 1 is of type int"):
        masker.mask_batch(["a", 4111111111111111])
    with pytest.raises(TypeError):
        masker.mask_batch("not a list")


def test_mask_batch_errors_in_a_large_batch() -> None:
    # Large batches are converted and masked chunk by chunk in a pipeline: an error in a
    # late chunk still names the right item, and leaves nothing waiting.
    masker = piimask.Masker()
    texts: list[object] = [f"card {CARD}"] * 5000
    texts[4321] = "bad \ud800"
    with pytest.raises(piimask.InvalidUtf8Error) as raised:
        masker.mask_batch(texts)  # type: ignore[arg-type]
    assert (raised.value.index, raised.value.offset) == (4321, 4)
    texts[4321] = b"bytes"
    with pytest.raises(TypeError, match="item 4321 is of type bytes"):
        masker.mask_batch(texts)  # type: ignore[arg-type]
    texts[4321] = "ok"
    out = masker.mask_batch(texts)  # type: ignore[arg-type]
    assert out[4321] == "ok" and out[0] == out[4999] == "card ************1111"


def test_errors_carry_codes_and_offsets_never_text() -> None:
    secret = "4111111111111111"
    with pytest.raises(piimask.InvalidUtf8Error) as raised:
        piimask.mask(f"ab\ud800 {secret}")
    err = raised.value
    assert isinstance(err, piimask.InputError) and isinstance(err, piimask.Error) and isinstance(err, ValueError)
    assert err.code == piimask.ErrorCode.INVALID_UTF8
    assert int(err.code) == 4
    assert err.offset == 2
    assert secret not in str(err) and err.__cause__ is None and err.__context__ is None
    with pytest.raises(piimask.InvalidUtf8Error) as raised:
        piimask.Masker().mask_batch(["ok", f"{secret} \udfff"])
    assert raised.value.index == 1 and raised.value.offset == 17
    assert secret not in str(raised.value)

    with pytest.raises(piimask.KeepLimitError) as raised_config:
        piimask.Masker(keep_head={"card": 7})
    assert raised_config.value.code is piimask.ErrorCode.CONFIG_KEEP_LIMIT
    assert "PCI DSS" in str(raised_config.value)
    with pytest.raises(piimask.ConfigSyntaxError) as raised_syntax:
        piimask.Masker('kinds = ["card"]\nfoo = 1\n')
    assert raised_syntax.value.line == 2
    with pytest.raises(piimask.MaskCharError):
        piimask.Masker(mask_char="x")
    with pytest.raises(piimask.NoKindsError):
        piimask.Masker(kinds=[])
    with pytest.raises(piimask.KeepUnusedError):
        piimask.Masker(styles="label", keep_tail={"phone": 2})

    with pytest.raises(piimask.MissingVariablesError) as raised_template:
        piimask.Template("Hi <a>, <b> and <a>").render({"c": secret})
    assert raised_template.value.names == ["a", "b"]
    assert secret not in str(raised_template.value)
    with pytest.raises(piimask.ReservedInValueError) as raised_reserved:
        piimask.Template("Hi <a>").render({"a": f"é<{secret}>"})
    assert raised_reserved.value.values == [("a", 1)]
    assert secret not in str(raised_reserved.value)


def test_error_classes_follow_the_code_table() -> None:
    expected = {
        "CONFIG_SYNTAX": piimask.ConfigSyntaxError,
        "CONFIG_NO_KINDS": piimask.NoKindsError,
        "CONFIG_MASK_CHAR": piimask.MaskCharError,
        "CONFIG_KEEP_LIMIT": piimask.KeepLimitError,
        "CONFIG_KEEP_UNUSED": piimask.KeepUnusedError,
        "TEMPLATE_SYNTAX": piimask.TemplateSyntaxError,
        "TEMPLATE_MISSING_VARIABLES": piimask.MissingVariablesError,
        "TEMPLATE_RESERVED_IN_VALUE": piimask.ReservedInValueError,
        "TEMPLATE_CONTEXT": piimask.TemplateContextError,
        "LIBRARY_INVALID": piimask.LibraryInvalidError,
        "LIBRARY_SYNTAX": piimask.LibrarySyntaxError,
        "INVALID_UTF8": piimask.InvalidUtf8Error,
    }
    # Each class's docstring names its code; every code the core has is covered (the Rust
    # side maps codes to classes in one exhaustive match; OK, INTERNAL and the C-only codes
    # map to InternalError).
    for name, cls in expected.items():
        assert cls.__doc__ == name, name
        assert issubclass(cls, piimask.Error)
    covered = set(expected) | {"OK", "INTERNAL", "NULL_ARGUMENT", "BUFFER_TOO_SMALL"}
    assert covered == {code.name for code in piimask.ErrorCode}
    assert [int(code) for code in piimask.ErrorCode] == sorted(int(code) for code in piimask.ErrorCode)
    assert piimask.ErrorCode(13) is piimask.ErrorCode.CONFIG_KEEP_LIMIT


def test_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(piimask.TemplateSyntaxError) as raised:
        piimask.Template("Hé <customer.name, bye")
    err = raised.value
    assert (err.code, err.offset) == (piimask.ErrorCode.TEMPLATE_SYNTAX, 3)
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is piimask.TemplateSyntaxError
    assert (copy.code, copy.offset, str(copy)) == (err.code, err.offset, str(err))
    plain = piimask.Error("raised by hand")
    assert plain.code == piimask.ErrorCode.INTERNAL and plain.offset is None


def test_templates_and_contexts() -> None:
    template = piimask.Template("Bonjour <customer.name>, je suis <agent.name> (ID <agent.id>).")
    assert template.variables == ["customer.name", "agent.name", "agent.id"]
    assert template.text_chars == len("Bonjour , je suis  (ID ).")
    context = piimask.RenderContext(agent_name="Chloé", agent_id="A-1042", customer_name=PHONE)
    assert template.render(context=context) == "Bonjour *********7542, je suis Chloé (ID A-1042)."
    assert template.render({"customer.name": "Mme Dupont"}, context=context) == "Bonjour Mme Dupont, je suis Chloé (ID A-1042)."
    label = piimask.Masker(styles="label")
    assert template.render(context=context, masker=label) == "Bonjour [PHONE], je suis Chloé (ID A-1042)."
    assert pickle.loads(pickle.dumps(template)) == template
    assert pickle.loads(pickle.dumps(context)) == context
    assert PHONE not in repr(context)

    dated = piimask.Template("<date>")
    dates: list[tuple[str | datetime.date, str]] = [
        (datetime.date(2026, 11, 21), "21/11/2026 00:00"),
        (datetime.datetime(2026, 3, 7, 9, 5), "07/03/2026 09:05"),
        ("2026-03-07T09:05", "07/03/2026 09:05"),
    ]
    for date, expected in dates:
        assert dated.render(context=piimask.RenderContext(date=date, date_format="%d/%m/%Y %H:%M")) == expected
    with pytest.raises(piimask.TemplateContextError) as raised:
        piimask.RenderContext(date="2026-02-30")
    assert "2026" not in str(raised.value)
    with pytest.raises(piimask.TemplateContextError) as raised:
        piimask.RenderContext(date_format="le %e")
    assert raised.value.offset == 3
    parsed = piimask.RenderContext.parse('agent_id = "A-1042"\nunmasked_variables = ["agent.id"]')
    assert parsed == piimask.RenderContext(agent_id="A-1042", unmasked_variables=["agent.id"])
    with pytest.raises(piimask.TemplateContextError):
        piimask.RenderContext.parse('{"customer_name": 447966197542}')
    with pytest.raises(TypeError):
        piimask.RenderContext(agent="x")  # type: ignore[call-arg]


def test_text_blocks() -> None:
    library = piimask.TextBlockLibrary(
        """
        [[block]]
        shortcut = "attente"
        title = "Réponse d'attente"
        body = "Un instant <customer.name>, je vérifie."
        tags = ["attente"]
        language = "fr"

        [[block]]
        shortcut = "rep"
        title = "Autre réponse"
        body = "…"
        """
    )
    assert len(library) == 2
    hits = library.search("#rep")
    assert [(hit.block.shortcut, hit.rank) for hit in hits] == [("rep", "exact_shortcut"), ("attente", "title_prefix")]
    block = library.search("#reponse")[0].block
    assert (block.index, block.title, block.tags, block.language) == (0, "Réponse d'attente", ["attente"], "fr")
    assert block.body.render({"customer.name": EMAIL}) == "Un instant m******@gmail.com, je vérifie."
    found = library.get("#REP")
    assert found is not None and found.shortcut == "rep"
    assert library.get("nothing") is None
    assert [b.shortcut for b in library.blocks] == ["attente", "rep"]
    assert len(library.search("#", 1)) == 1
    assert len(pickle.loads(pickle.dumps(library))) == 2

    with pytest.raises(piimask.LibraryInvalidError) as raised:
        piimask.TextBlockLibrary('{"block": [{"shortcut": "hi", "title": ""}]}')
    assert [(p.index, p.field, p.problem) for p in raised.value.problems] == [(0, "title", "empty"), (0, "body", "missing_field")]
    with pytest.raises(piimask.LibrarySyntaxError) as raised_syntax:
        piimask.TextBlockLibrary("[[block]\n")
    assert raised_syntax.value.line == 1


def test_check_message() -> None:
    report = piimask.check_message(f"Écrivez à <{EMAIL}>")
    assert [(p.problem, p.offset) for p in report.problems] == [("reserved_character", 10), ("reserved_character", 28)]
    assert [(m.kind, m.start, m.end, m.masked) for m in report.pii] == [("email", 11, 28, "m******@gmail.com")]
    assert not report.is_sendable and report.has_pii and report.chars == 29
    long = piimask.check_message("é" * 1001)
    assert [(p.problem, p.offset) for p in long.problems] == [("too_long", 1000)]
    clean = piimask.check_message("Merci, bonne journée !", masker=piimask.Masker(kinds=["card"]))
    assert clean.is_sendable and not clean.has_pii
