"""Python `re` baseline of the peer comparison: the frozen Rust baseline
(benches/src/baseline.rs) written the way a Python developer would, line for line.

FROZEN (issue 3, item 3): a fair reference, not to be optimised or tuned to the corpus; fix
only outright bugs and say so in the commit. Same pattern (ASCII classes and boundaries via
re.ASCII), same validators (Luhn, mod-97, SSN area/group/serial, email and phone lengths),
same compact tail-preserving masking. Run it directly for its self-test:
`python3 benches/peers/re_baseline.py`; `--stdin` masks standard input to standard output
(the Rust test `baseline::tests::the_python_re_baseline_agrees` compares both on a corpus).
"""

import re

PATTERN = (
    # EMAIL
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    # IBAN
    r"|(?P<iban>\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b)"
    # SSN
    r"|(?P<ssn>\b[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}\b)"
    # CARD
    r"|(?P<card>\b[0-9](?:[ -]?[0-9]){11,18}\b)"
    # PHONE: international, national with a trunk 0, NANP
    r"|(?P<phone>(?:\+ ?|\b00)[0-9](?:[ .()/-]{0,2}[0-9]){7,14}\b"
    r"|\b0[0-9](?:[ .()/-]?[0-9]){7,10}\b"
    r"|(?:\([2-9][0-9]{2}\)|\b[2-9][0-9]{2})[ .-]?[0-9]{3}[ .-][0-9]{4}\b)"
)

RE = re.compile(PATTERN, re.ASCII)


def _digits(text):
    return [int(c) for c in text if c in "0123456789"]


def luhn(text):
    digits = _digits(text)
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def valid_iban(text):
    compact = "".join(text.split())
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def valid_ssn(text):
    d = "".join(c for c in text if c.isdigit())
    area, group, serial = d[0:3], d[3:5], d[5:9]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def valid_email(text):
    local, _, _ = text.partition("@")
    return len(local) <= 64 and len(text) <= 254


def valid_phone(text):
    return 8 <= len(_digits(text)) <= 15


def mask_tail(text, iban=False):
    length = len("".join(text.split()))
    if iban:
        kept = [c for c in text if c.isascii() and c.isalnum()]
    else:
        kept = [c for c in text if c in "0123456789"]
    tail = "".join(kept[-4:])
    return "*" * (length - len(tail)) + tail


def mask_email(text):
    local, _, domain = text.partition("@")
    if len(local) == 1:
        return "*@" + domain
    return local[0] + "*" * (len(local) - 1) + "@" + domain


def _replace(match):
    whole = match.group(0)
    kind = match.lastgroup
    valid = {"email": valid_email, "iban": valid_iban, "ssn": valid_ssn, "card": luhn, "phone": valid_phone}[kind]
    if not valid(whole):
        return whole
    return mask_email(whole) if kind == "email" else mask_tail(whole, iban=kind == "iban")


def mask(text):
    """Masks the five kinds in `text`."""
    return RE.sub(_replace, text)


def self_test():
    examples = {
        "Call me on +447966197542 or melissa@gmail.com": "Call me on *********7542 or m******@gmail.com",
        "card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00": "card ************1111, IBAN ******************3000",
        "+ 1 (123) 456 7890": "**********7890",
        "SSN 123-45-6789": "SSN *******6789",
        "call 06 12 34 56 78": "call ******5678",
        "x@example.org": "*@example.org",
        "+33 6 12 34 5-678": "*********5678",
        "order 2025-11-21 at 10:30, 49,99 €": "order 2025-11-21 at 10:30, 49,99 €",
        "card 4111 1111 1111 1112": "card 4111 1111 1111 1112",
        "IBAN DE89 3704 0044 0532 0130 01": "IBAN DE89 3704 0044 0532 0130 01",
        "SSN 666-45-6789": "SSN 666-45-6789",
    }
    for given, expected in examples.items():
        got = mask(given)
        assert got == expected, (given, got, expected)
    print(f"re_baseline: {len(examples)} passed, 0 failed")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--stdin"]:
        # Masks standard input to standard output (the Rust test that both baselines agree).
        sys.stdout.buffer.write(mask(sys.stdin.buffer.read().decode("utf-8")).encode("utf-8"))
    else:
        self_test()
