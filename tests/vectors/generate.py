#!/usr/bin/env python3
"""Conformance-vector generator for piimask.

Writes the ``*.toml`` vector files next to this script (format: README.md in this folder;
rules: crates/piimask/RULES.md).  Standard library only, deterministic.

    python3 generate.py           write the files
    python3 generate.py --check   exit 1 if a committed file differs from what would be written

Every value is built here, independently of the engine: card numbers with this file's own
Luhn code, IBANs with this file's own ISO 7064 mod-97 code, and every expected output with
this file's own masking code.  Before anything is written, the generated TOML is parsed back
with ``tomllib`` and checked (unique names, match text = byte span, output = input with
every match replaced by its mask, every match valid for its kind, and no stray card or IBAN
candidate outside the expected matches).

``redteam.toml`` is the exception to "every value is built here": its inputs and labels come from
the red-team corpus in ``sources/redteam_cases.json`` (see gen_redteam); its expected outputs are
still computed by this file's masking code.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("card", "iban", "ssn", "email", "phone")
LANGS = ("en", "fr", "es", "uk", "de")

# ---------------------------------------------------------------------------------------------
# Character classes (RULES.md "Characters")
# ---------------------------------------------------------------------------------------------
DIGIT_ZEROS = (0x30, 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6,
               0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0)
# The invisible U+200B, U+2060, U+FEFF and U+00AD count too (RULES.md "Characters").
SPACES = " \t\u00a0\u2007\u2008\u2009\u200a\u200b\u202f\u2060\u3000\ufeff\u200e\u200f\u061c"
DASHES = "-\u00ad" + "".join(chr(c) for c in range(0x2010, 0x2016)) + "\u2212\ufe63\uff0d\u30fc"
DOTS = ".\uff0e"


def digit_value(c: str):
    o = ord(c)
    for z in DIGIT_ZEROS:
        if z <= o <= z + 9:
            return o - z
    return None


def is_digit(c: str) -> bool:
    return digit_value(c) is not None


def is_ws(c: str) -> bool:
    return c in SPACES


def is_letter(c: str) -> bool:
    return c.isalpha() or unicodedata.category(c) in ("Mn", "Mc", "Me")


# RULES.md "Characters": letters of scripts written without spaces between words do not glue a
# number to a word (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar)
NOSPACE_RANGES = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1100, 0x11FF), (0x1780, 0x17FF), (0x3005, 0x3007),
                  (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                  (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0xFFA0, 0xFFDC),
                  (0x20000, 0x3FFFF))


def is_nospace_letter(c: str) -> bool:
    o = ord(c)
    return is_letter(c) and any(lo <= o <= hi for lo, hi in NOSPACE_RANGES)


def is_arabic_letter(c: str) -> bool:
    """An Arabic-script letter: typed onto a number, it glues no code (RULES.md)."""
    o = ord(c)
    return is_letter(c) and any(lo <= o <= hi for lo, hi in ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
                                                          (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)))


def hebrew_prefix_before(text: str, at: int) -> bool:
    """One or two Hebrew prefix letters (ו ה ב כ ל מ ש) end `text[:at]`, a hyphen or maqaf
    between them and `at` allowed, and no other letter or digit before them (RULES.md)."""
    head = text[:at]
    if head[-1:] in ("-", "\u05be"):
        head = head[:-1]
    stripped = head.rstrip("והבכלמש")
    return 1 <= len(head) - len(stripped) <= 2 and (not stripped or not is_alnum(stripped[-1]))


def is_alnum(c: str) -> bool:
    return is_letter(c) or is_digit(c)


def ascii_digits(s: str) -> str:
    return "".join(str(digit_value(c)) for c in s if is_digit(c))


# A phone or SSN word of three letters or more typed straight onto a number (RULES.md).
GLUED_VALUE_WORD_RE = re.compile(r"(?i)(?<![a-zа-я])(?:tel|mob|ssn|phone|mobile|cell|whatsapp|тел|телефон)$")


def to_fullwidth(s: str) -> str:
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() and c.isascii() else c for c in s)


def to_fullwidth_all(s: str) -> str:
    """Full-width digits and capitals, and U+3000 for a space, as CJK input methods type them."""
    def one(c: str) -> str:
        if c.isascii() and c.isdigit():
            return chr(0xFF10 + int(c))
        if c.isascii() and c.isupper():
            return chr(0xFF21 + ord(c) - ord("A"))
        return "\u3000" if c == " " else c
    return "".join(one(c) for c in s)


def to_script(s: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isascii() and c.isdigit() else c for c in s)


# ---------------------------------------------------------------------------------------------
# Luhn (own implementation)
# ---------------------------------------------------------------------------------------------
def luhn_sum(number: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_valid(number: str) -> bool:
    return luhn_sum(number) % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """Check digit to append to ``partial`` so that the whole is Luhn-valid."""
    return str((10 - luhn_sum(partial + "0") % 10) % 10)


assert luhn_check_digit("411111111111111") == "1"
assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")

# ---------------------------------------------------------------------------------------------
# Card brands (RULES.md "CARD"): (slug, [(lo, hi) prefix ranges], lengths)
# ---------------------------------------------------------------------------------------------
R = lambda lo, hi=None: (lo, hi or lo)  # noqa: E731
BRANDS = [
    ("visa", [R("4")], [13, 16, 18, 19]),
    ("mastercard", [R("51", "55"), R("2221", "2720")], [16]),
    ("amex", [R("34"), R("37")], [15]),
    ("discover", [R("6011"), R("644", "649"), R("65"), R("622126", "622925")], [16, 17, 18, 19]),
    ("jcb", [R("3528", "3589")], [16, 17, 18, 19]),
    ("jcb-legacy", [R("1800"), R("2131")], [15, 16]),
    ("diners", [R("30"), R("36"), R("38"), R("39")], [14, 15, 16, 17, 18, 19]),
    ("unionpay", [R("62")], [14, 15, 16, 17, 18, 19]),
    ("unionpay-81", [R("81")], [16, 17, 18, 19]),
    ("maestro", [R("5018"), R("5020"), R("5038"), R("5893"), R("6304"), R("6759"),
                 R("6761", "6763"), R("676770"), R("676774")], list(range(12, 20))),
    ("maestro-broad", [R("50"), R("56", "59"), R("6")], [16, 17, 18, 19]),
    ("mir", [R("2200", "2204")], [16, 17, 18, 19]),
    ("rupay", [R("60"), R("65"), R("81"), R("82"), R("508"), R("353"), R("356")], [16]),
    ("troy", [R("9792")], [16]),
    ("verve", [R("506099", "506198"), R("507865", "507964"), R("650002", "650027")], [16, 18, 19]),
    ("uatp", [R("1")], [15]),
    ("dankort", [R("5019")], [16]),
    ("borica", [R("2205")], [16]),
    ("uzcard", [R("8600"), R("5614")], [16]),
    ("humo", [R("9860")], [16]),
    ("lankapay", [R("357111")], [16]),
    ("instapayment", [R("637", "639")], [16]),
    ("nps", [R("6054740", "6054744")], [16]),
    ("ukrcard", [R("60400100", "60420099")], [16, 17, 18, 19]),
    ("interpayment", [R("636")], [16, 17, 18, 19]),
    ("hipercard", [R("384100"), R("384140"), R("384160")], [16, 19]),
    ("napas", [R("9704")], [16, 19]),
    # JCB read as its whole `35` (common card patterns, Faker), and the broad Maestro 56-59 and
    # 6390 at 12 digits too (braintree, older Wikipedia revisions, Faker); not at 13-15, where
    # South African ID numbers (13 digits, Luhn, a birth date first) would read as cards.
    ("jcb-35", [R("35")], [16]),
    ("maestro-12", [R("56", "59"), R("6390")], [12]),
]


def brand_ok(digits: str) -> bool:
    n = len(digits)
    for _slug, ranges, lengths in BRANDS:
        if n not in lengths:
            continue
        for lo, hi in ranges:
            p = digits[: len(lo)]
            if len(p) == len(lo) and int(lo) <= int(p) <= int(hi):
                return True
    return False


def card_valid(digits: str) -> bool:
    return 12 <= len(digits) <= 19 and luhn_valid(digits) and brand_ok(digits)


def make_card(rng: random.Random, lo: str, hi: str, length: int) -> str:
    prefix = str(rng.randint(int(lo), int(hi))).zfill(len(lo))
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(prefix)))
    number = body + luhn_check_digit(body)
    assert card_valid(number), number
    return number


def group(s: str, sizes, sep=" ") -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    assert i == len(s), (s, sizes)
    return sep.join(out)


def group4(s: str, sep=" ") -> str:
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


# REFERENCE.md section 1, "Test PANs" (verbatim)
TEST_PANS = [
    ("4111 1111 1111 1111", "visa16"), ("3782 822463 10005", "amex15"),
    ("4242 4242 4242 4242", "visa16-stripe"), ("3714 496353 98431", "amex15-b"),
    ("4012 8888 8888 1881", "visa16-b"), ("6011 1111 1111 1117", "discover16"),
    ("4222 2222 22222", "visa13"), ("6011 0009 9013 9424", "discover16-b"),
    ("4000 0566 5566 5556", "visa-debit16"), ("3056 930902 5904", "diners14"),
    ("5555 5555 5555 4444", "mc16"), ("3852 000002 3237", "diners14-b"),
    ("5105 1051 0510 5100", "mc16-b"), ("3056 9300 0902 0004", "diners16-stripe"),
    ("2223 0031 2200 3222", "mc2-series-stripe"), ("3530 1113 3330 0000", "jcb16"),
    ("2223 0000 4840 0011", "mc2-series-paypal"), ("3566 0020 2036 0505", "jcb16-b"),
    ("6200 0000 0000 0005", "unionpay16"), ("6205 5000 0000 0000 004", "unionpay19-stripe"),
    ("2200 0000 0000 0004", "mir16"), ("6759 6498 2643 8453", "maestro-uk16"),
]

# ---------------------------------------------------------------------------------------------
# IBAN (own ISO 7064 mod-97)
# ---------------------------------------------------------------------------------------------
REGISTRY_TEXT = """
AD 24 4n4n12c AD1200012030200359100100
AE 23 3n16n AE070331234567890123456
AL 28 8n16c AL47212110090000000235698741
AT 20 5n11n AT611904300234573201
AZ 28 4a20c AZ21NABZ00000000137010001944
BA 20 3n3n8n2n BA391290079401028494
BE 16 3n7n2n BE68539007547034
BG 22 4a4n2n8c BG80BNBG96611020345678
BH 22 4a14c BH67BMAG00001299123456
BI 27 5n5n11n2n BI4210000100010000332045181
BR 29 8n5n10n1a1c BR1800360305000010009795493C1
BY 28 4c4n16c BY13NBRB3600900000002Z00AB00
CH 21 5n12c CH9300762011623852957
CR 22 4n14n CR05015202001026284066
CY 28 3n5n16c CY17002001280000001200527600
CZ 24 4n16n CZ6508000000192000145399
DE 22 8n10n DE89370400440532013000
DJ 27 5n5n11n2n DJ2100010000000154000100186
DK 18 4n9n1n DK5000400440116243
DO 28 4c20n DO28BAGR00000001212453611324
EE 20 2n14n EE382200221020145685
EG 29 4n4n17n EG380019000500000000263180002
ES 24 4n4n1n1n10n ES9121000418450200051332
FI 18 3n11n FI2112345600000785
FK 18 2a12n FK88SC123456789012
FO 18 4n9n1n FO6264600001631634
FR 27 5n5n11c2n FR1420041010050500013M02606
GB 22 4a6n8n GB29NWBK60161331926819
GE 22 2a16n GE29NB0000000101904917
GI 23 4a15c GI75NWBK000000007099453
GL 18 4n9n1n GL8964710001000206
GR 27 3n4n16c GR1601101250000000012300695
GT 28 4c20c GT82TRAJ01020000001210029690
HN 28 4a20n HN88CABF00000000000250005469
HR 21 7n10n HR1210010051863000160
HU 28 3n4n1n15n1n HU42117730161111101800000000
IE 22 4a6n8n IE29AIBK93115212345678
IL 23 3n3n13n IL620108000000099999999
IQ 23 4a3n12n IQ98NBIQ850123456789012
IS 26 4n2n6n10n IS140159260076545510730339
IT 27 1a5n5n12c IT60X0542811101000000123456
JO 30 4a4n18c JO94CBJO0010000000000131000302
KW 30 4a22c KW81CBKU0000000000001234560101
KZ 20 3n13c KZ86125KZT5004100100
LB 28 4n20c LB62099900000001001901229114
LC 32 4a24c LC55HEMM000100010012001200023015
LI 21 5n12c LI21088100002324013AA
LT 20 5n11n LT121000011101001000
LU 20 3n13c LU280019400644750000
LV 21 4a13c LV80BANK0000435195001
LY 25 3n3n15n LY83002048000020100120361
MC 27 5n5n11c2n MC5811222000010123456789030
MD 24 2c18c MD24AG000225100013104168
ME 22 3n13n2n ME25505000012345678951
MK 19 3n10c2n MK07250120000058984
MN 20 4n12n MN121234123456789123
MR 27 5n5n11n2n MR1300020001010000123456753
MT 31 4a5n18c MT84MALT011000012345MTLCAST001S
MU 30 4a2n2n12n3n3a MU17BOMM0101101030300200000MUR
NI 28 4a20n NI45BAPR00000013000003558124
NL 18 4a10n NL91ABNA0417164300
NO 15 4n6n1n NO9386011117947
OM 23 3n16c OM810180000001299123456
PK 24 4a16c PK36SCBL0000001123456702
PL 28 8n16n PL61109010140000071219812874
PS 29 4a21c PS92PALS000000000400123456702
PT 25 4n4n11n2n PT50000201231234567890154
QA 29 4a21c QA58DOHB00001234567890ABCDEFG
RO 24 4a16c RO49AAAA1B31007593840000
RS 22 3n13n2n RS35260005601001611379
RU 33 9n5n15c RU0304452522540817810538091310419
SA 24 2n18c SA0380000000608010167519
SC 31 4a2n2n16n3a SC18SSCB11010000000000001497USD
SD 18 2n12n SD2129010501234001
SE 24 3n16n1n SE4550000000058398257466
SI 19 5n8n2n SI56263300012039086
SK 24 4n6n10n SK3112000000198742637541
SM 27 1a5n5n12c SM86U0322509800000000270100
SO 23 4n3n12n SO211000001001000100141
ST 25 4n4n11n2n ST23000100010051845310146
SV 28 4a20n SV62CENR00000000000000700025
TL 23 3n14n2n TL380080012345678910157
TN 24 2n3n13n2n TN5910006035183598478831
TR 26 5n1n16c TR330006100519786457841326
UA 29 6n19c UA213223130000026007233566001
VA 22 3n15n VA59001123000012345678
VG 24 4a16n VG96VPVG0000012345678901
XK 20 4n10n2n XK051212012345678906
YE 30 4a4n18c YE15CBYE0001018861234567891234
"""

PARTIAL_TEXT = """
AO 25 21n
BF 28 2c22n
BJ 28 2c22n
CF 27 23n
CG 27 23n
CI 28 2a22n
CM 27 23n
CV 25 21n
DZ 26 22n
GA 27 23n
GQ 27 23n
GW 25 2c19n
IR 26 22n
KM 27 23n
MA 28 24n
MG 27 23n
ML 28 2c22n
MZ 25 21n
NE 28 2a22n
SN 28 2a22n
TD 27 23n
TG 28 2a3n5n12n2n
"""

TERRITORIES = {"AX": "FI"}
TERRITORIES.update({cc: "FR" for cc in "GF GP MQ RE PF TF YT NC BL MF PM WF".split()})
TERRITORIES.update({cc: "GB" for cc in "IM JE GG".split()})


def parse_struct(s: str):
    return [(int(n), t) for n, t in re.findall(r"(\d+)([nac])", s)]


REGISTRY = {}  # cc -> (length, struct, example)
for _line in REGISTRY_TEXT.strip().splitlines():
    _cc, _len, _st, _ex = _line.split()
    REGISTRY[_cc] = (int(_len), parse_struct(_st), _ex)
PARTIAL = {}
for _line in PARTIAL_TEXT.strip().splitlines():
    _cc, _len, _st = _line.split()
    PARTIAL[_cc] = (int(_len), parse_struct(_st))
IBAN_COUNTRIES = {cc: (v[0], v[1]) for cc, v in REGISTRY.items()}
IBAN_COUNTRIES.update(PARTIAL)
for _t, _p in TERRITORIES.items():
    IBAN_COUNTRIES[_t] = IBAN_COUNTRIES[_p]
assert len(REGISTRY) == 89 and len(PARTIAL) == 22 and len(TERRITORIES) == 16
for _cc, (_len, _st) in IBAN_COUNTRIES.items():
    assert 4 + sum(n for n, _ in _st) == _len, _cc

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


def mod97(s: str) -> int:
    value = 0
    for ch in s.upper():
        value = (value * (100 if ch.isalpha() else 10) + int(ch, 36)) % 97
    return value


def iban_check_digits(cc: str, bban: str) -> str:
    return "%02d" % (98 - mod97(bban + cc + "00"))


def bban_fits(bban: str, struct) -> bool:
    i = 0
    for n, t in struct:
        seg = bban[i:i + n]
        if len(seg) != n:
            return False
        allowed = {"n": DIGITS, "a": UPPER, "c": UPPER + DIGITS}[t]
        if any(ch not in allowed for ch in seg):
            return False
        i += n
    return i == len(bban)


def iban_shape(compact: str) -> bool:
    """Known country, exact length, right structure (check digits not tested)."""
    s = compact.upper()
    cc = s[:2]
    if cc not in IBAN_COUNTRIES:
        return False
    length, struct = IBAN_COUNTRIES[cc]
    return len(s) == length and s[2:4].isdigit() and bban_fits(s[4:], struct)


def iban_valid(compact: str) -> bool:
    s = compact.upper()
    return iban_shape(s) and 2 <= int(s[2:4]) <= 98 and mod97(s[4:] + s[:4]) == 1


def unregistered_iban_ok(seg: str) -> bool:
    """An IBAN outside the registry's rules, read after the word IBAN: two capitals, check digits 02-98,
    capitals and digits, 12-34 characters, mod 97 = 1."""
    c = seg.replace(" ", "")
    return (12 <= len(c) <= 34 and c[:2].isascii() and c[:2].isupper() and c[:2].isalpha() and c[2:4].isdigit()
            and 2 <= int(c[2:4]) <= 98 and all(ch.isascii() and (ch.isdigit() or ch.isupper()) for ch in c[4:])
            and mod97(c[4:] + c[:4]) == 1)


def national_account_ok(seg: str) -> bool:
    """A national account number read as an IBAN (RULES.md, IBAN): a Polish NRB (the IBAN
    without `PL`, 26 digits) or a Hungarian BBAN in three groups of eight."""
    digits = ascii_digits(seg)
    if len(digits) == 26 and iban_valid("PL" + digits):
        return True
    return re.fullmatch(r"\d{8}([- ])\d{8}\1\d{8}", seg) is not None


def make_bban(rng: random.Random, struct) -> str:
    out = []
    for n, t in struct:
        for _ in range(n):
            if t == "n":
                out.append(rng.choice(DIGITS))
            elif t == "a":
                out.append(rng.choice(UPPER))
            else:
                out.append(rng.choice(UPPER) if rng.random() < 0.4 else rng.choice(DIGITS))
    return "".join(out)


def make_iban(rng: random.Random, cc: str) -> str:
    _length, struct = IBAN_COUNTRIES[cc]
    bban = make_bban(rng, struct)
    iban = cc + iban_check_digits(cc, bban) + bban
    assert iban_valid(iban), iban
    return iban


# ---------------------------------------------------------------------------------------------
# SSN
# ---------------------------------------------------------------------------------------------
def itin_group(g: int) -> bool:
    return 50 <= g <= 65 or 70 <= g <= 88 or 90 <= g <= 92 or 94 <= g <= 99


# Numbers printed in advertising and SSA pamphlets (REFERENCE §3): no one's.
ADVERTISED_SSNS = {"078051120", "219099999", "457555462"} | {"98765432%d" % i for i in range(10)}


def ssn_ok(digits: str) -> bool:
    a, g, s = digits[:3], digits[3:5], digits[5:]
    if len(digits) != 9 or a in ("000", "666") or g == "00" or s == "0000" or digits in ADVERTISED_SSNS:
        return False
    if a[0] == "9":
        return itin_group(int(g))
    return True


def nir_ok(digits: str) -> bool:
    """The French NIR (REFERENCE §7): 15 digits, a valid first digit, key = 97 - first 13 mod 97."""
    return (len(digits) == 15 and digits[0] in "123478"
            and int(digits[13:]) == 97 - int(digits[:13]) % 97)


def make_nir(rng: random.Random) -> str:
    body = "%d%02d%02d%02d%03d%03d" % (rng.choice([1, 2]), rng.randint(0, 99), rng.randint(1, 12),
                                        rng.randint(1, 95), rng.randint(1, 999), rng.randint(1, 999))
    d = body + "%02d" % (97 - int(body) % 97)
    assert nir_ok(d)
    return d


def corsican_nir_ok(value: str) -> bool:
    """A French NIR of someone born in Corsica: `2A` or `2B` as the département, read as 19
    and 18 for the key (REFERENCE §7); any separators between."""
    c = "".join(ch for ch in value.upper() if ch.isascii() and ch.isalnum())
    return len(c) == 15 and c[5:7] in ("2A", "2B") and nir_ok(c[:5] + {"2A": "19", "2B": "18"}[c[5:7]] + c[7:])


def make_corsican_nir(rng: random.Random) -> str:
    dept = rng.choice(["2A", "2B"])
    body = "%d%02d%02d%s%03d%03d" % (rng.choice([1, 2]), rng.randint(0, 99), rng.randint(1, 12), dept,
                                     rng.randint(1, 366), rng.randint(1, 999))
    key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
    code = body + "%02d" % key
    assert corsican_nir_ok(code)
    return code


def fmt_nir(d: str) -> str:
    return " ".join([d[0], d[1:3], d[3:5], d[5:7], d[7:10], d[10:13], d[13:]])


# The national numbers that play the SSN's part (REFERENCE §7), read after an SSN word: own
# implementations of their checks.
def bsn_ok(d: str) -> bool:
    return len(d) == 9 and int(d) != 0 and (sum((9 - i) * int(x) for i, x in enumerate(d[:8])) - int(d[8])) % 11 == 0


def sin_ok(d: str) -> bool:
    return len(d) == 9 and d[0] not in "08" and luhn_valid(d)


def rnokpp_ok(d: str) -> bool:
    weights = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    return len(d) == 10 and sum(w * int(x) for w, x in zip(weights, d)) % 11 % 10 == int(d[9])


def mod_11_10_ok(d: str) -> bool:
    check = 5
    for x in d:
        check = ((check or 10) * 2 % 11 + int(x)) % 10
    return check == 1


def idnr_ok(d: str) -> bool:
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(x) for x in set(d[:10])), reverse=True)
    return counts[0] in (2, 3) and (len(counts) == 1 or counts[1] == 1) and mod_11_10_ok(d)


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_id_ok(value: str) -> bool:
    """A Spanish DNI (8 digits) or NIE (X, Y or Z and 7 digits) and its check letter, any
    separators between."""
    chars = [c.upper() for c in value if c.isascii() and c.isalnum()]
    lead = "XYZ".find(chars[0]) if chars and chars[0] in "XYZ" else -1
    body = "".join(chars[1:-1] if lead >= 0 else chars[:-1])
    if not body.isdigit() or len(body) != (7 if lead >= 0 else 8) or not chars[-1].isalpha():
        return False
    return DNI_LETTERS[int(str(max(lead, 0)) + body) % 23] == chars[-1]


def nino_prefix_ok(first: str, second: str) -> bool:
    """Two capitals that may open a UK National Insurance number (REFERENCE §7)."""
    never = "DFIQUV"
    return (first.isascii() and first.isupper() and second.isascii() and second.isupper()
            and first not in never and second not in never + "O"
            and first + second not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))


def nino_ok(value: str) -> bool:
    """A UK National Insurance number's shape: two letters, six digits, a letter suffix,
    spaces between, the three letters all capitals or all small (after an SSN word the
    letters need not be ones HMRC issues, nor capitals)."""
    c = value.replace(" ", "")
    letters = c[:2] + c[8:]
    return (len(c) == 9 and c.isascii() and letters.isalpha() and c[2:8].isdigit()
            and (letters.isupper() or letters.islower()))


CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
CF_OMOCODIA = "LMNPQRSTUV"
CF_MONTHS = "ABCDEHLMPRST"


def cf_check_letter(body: str) -> str:
    rank = lambda c: int(c) if c.isdigit() else ord(c) - ord("A")
    return chr(ord("A") + sum(CF_ODD[rank(c)] if i % 2 == 0 else rank(c) for i, c in enumerate(body)) % 26)


def codice_fiscale_ok(value: str) -> bool:
    """An Italian codice fiscale (REFERENCE §7): letters, date digits (or omocodia letters),
    a month letter, a real day (+40 for women), the birthplace, the check letter."""
    c = value.upper()
    if len(c) != 16 or not c.isascii() or not c.isalnum():
        return False
    digit = lambda ch: int(ch) if ch.isdigit() else CF_OMOCODIA.find(ch)
    if not all(c[i].isalpha() for i in (0, 1, 2, 3, 4, 5, 11, 15)) or c[8] not in CF_MONTHS:
        return False
    if any(digit(c[i]) < 0 for i in (6, 7, 9, 10, 12, 13, 14)):
        return False
    year, month, day = digit(c[6]) * 10 + digit(c[7]), CF_MONTHS.index(c[8]) + 1, (digit(c[9]) * 10 + digit(c[10])) % 40
    days = 29 if month == 2 and year % 4 == 0 else 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    return 1 <= day <= days and cf_check_letter(c[:15]) == c[15]


def make_codice_fiscale(rng: random.Random, woman: bool, omocodia: int = 0) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    body = list("".join(rng.choice(letters) for _ in range(6)) + "%02d" % rng.randint(0, 99) + rng.choice(CF_MONTHS)
                + "%02d" % (rng.randint(1, 28) + (40 if woman else 0)) + rng.choice(letters) + "%03d" % rng.randint(1, 999))
    # omocodia replaces digits from the last one back
    for at in [14, 13, 12, 10, 9, 7, 6][:omocodia]:
        body[at] = CF_OMOCODIA[int(body[at])]
    body = "".join(body)
    code = body + cf_check_letter(body)
    assert codice_fiscale_ok(code)
    return code


# The national numbers read after an SSN word beyond REFERENCE §7 (python-stdnum 2.2's rules;
# RULES.md, SSN): own implementations of their checks. Dates: a month 1-12 and a day that
# month may have, 29 February always.
MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def month_day_ok(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= MONTH_DAYS[month - 1]


def dot(weights, d: str) -> int:
    return sum(w * int(x) for w, x in zip(weights, d))


def svnr_ok(d: str) -> bool:
    return len(d) == 10 and d[0] != "0" and dot((3, 7, 9, 0, 5, 8, 4, 2, 1, 6), d) % 11 == int(d[3])


def personnummer_ok(d: str) -> bool:
    day = int(d[4:6])
    return len(d) == 10 and month_day_ok(int(d[2:4]), day - 60 if day > 60 else day) and luhn_valid(d)


def cpf_ok(d: str) -> bool:
    if len(d) != 11 or len(set(d)) == 1:
        return False
    first = (11 - dot(range(10, 1, -1), d)) % 11 % 10
    second = (11 - dot(range(11, 1, -1), d)) % 11 % 10
    return d[9:] == "%d%d" % (first, second)


def pesel_ok(d: str) -> bool:
    return (len(d) == 11 and month_day_ok(int(d[2:4]) % 20, int(d[4:6]))
            and (10 - dot((1, 3, 7, 9) * 3, d[:10]) % 10) % 10 == int(d[10]))


def tc_kimlik_ok(d: str) -> bool:
    return (len(d) == 11 and d[0] != "0" and (7 * dot((1, 0) * 5, d[:9]) - dot((0, 1) * 5, d[:9])) % 10 == int(d[9])
            and sum(map(int, d[:10])) % 10 == int(d[10]))


def fodselsnummer_ok(d: str) -> bool:
    if len(d) != 11:
        return False
    day, month = int(d[:2]), int(d[2:4])
    first = (11 - dot((3, 7, 6, 1, 8, 9, 4, 5, 2), d)) % 11
    second = (11 - dot((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d)) % 11
    return (month_day_ok(month - 40 if month > 40 else month, day - 40 if 40 < day < 80 else day)
            and first == int(d[9]) and second == int(d[10]))


def belgian_nn_ok(d: str) -> bool:
    if len(d) != 11 or int(d[2:4]) % 20 > 12:
        return False
    return int(d[9:]) in (97 - int(d[:9]) % 97, 97 - int("2" + d[:9]) % 97)


def cuit_ok(d: str) -> bool:
    if len(d) != 11 or d[:2] not in ("20", "23", "24", "27", "30", "33", "34"):
        return False
    rest = dot((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d) % 11
    return {0: 0, 1: 9}.get(rest, 11 - rest) == int(d[10])


def isikukood_ok(d: str) -> bool:
    if len(d) != 11 or d[0] not in "12345678" or not month_day_ok(int(d[3:5]), int(d[5:7])):
        return False
    check = dot((1, 2, 3, 4, 5, 6, 7, 8, 9, 1), d) % 11
    if check == 10:
        check = dot((3, 4, 5, 6, 7, 8, 9, 1, 2, 3), d) % 11 % 10
    return check == int(d[10])


def oib_ok(d: str) -> bool:
    return len(d) == 11 and mod_11_10_ok(d)


def luhn_11_ok(d: str) -> bool:
    return len(d) == 11 and luhn_valid(d)


def russian_inn_ok(d: str) -> bool:
    return (len(d) == 12 and dot((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), d) % 11 % 10 == int(d[10])
            and dot((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8), d) % 11 % 10 == int(d[11]))


def ahv_ok(d: str) -> bool:
    return len(d) == 13 and d.startswith("756") and (10 - dot((1, 3) * 6, d) % 10) % 10 == int(d[12])


def cnp_ok(d: str) -> bool:
    if len(d) != 13 or d[0] == "0" or not month_day_ok(int(d[3:5]), int(d[5:7])):
        return False
    check = dot((2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9), d) % 11
    return (1 if check == 10 else check) == int(d[12])


def thai_pin_ok(d: str) -> bool:
    return len(d) == 13 and d[0] in "12345678" and (11 - dot(range(13, 1, -1), d) % 11) % 10 == int(d[12])


def korean_rrn_checked_ok(d: str) -> bool:
    return (len(d) == 13 and month_day_ok(int(d[2:4]), int(d[4:6])) and int(d[7:9]) <= 96
            and (11 - dot((2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), d) % 11) % 10 == int(d[12]))


def korean_rrn_ok(d: str) -> bool:
    """With its check, or (numbers issued since October 2020) in its shape alone."""
    return korean_rrn_checked_ok(d) or korean_rrn_shape_ok(d)


TAIWAN_LETTERS = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]


def taiwan_id_ok(code: str) -> bool:
    """A Taiwanese national ID: a letter, 1, 2, 8 or 9, eight digits, the weighted sum ≡ 0 mod 10."""
    if len(code) != 10 or not code[0].isascii() or not code[0].isalpha() or not code[1:].isdigit() \
            or not code[1:].isascii() or code[1] not in "1289":
        return False
    letter = TAIWAN_LETTERS[ord(code[0].upper()) - ord("A")]
    return (letter // 10 + letter % 10 * 9 + dot((8, 7, 6, 5, 4, 3, 2, 1, 1), code[1:])) % 10 == 0


def make_taiwan_id(rng: random.Random) -> str:
    while True:
        code = rng.choice("ABCDEFGHJKLMNPQRSTUVXYWZIO") + rng.choice("12") + "".join(rng.choice(DIGITS) for _ in range(8))
        if taiwan_id_ok(code):
            return code


def chinese_id_ok(code: str) -> bool:
    """A Chinese resident identity number: 17 digits and a check digit or X, ISO 7064 MOD 11-2."""
    if len(code) != 18 or not code[:17].isdigit() or code[0] not in "12345678" or code[17] not in DIGITS + "Xx":
        return False
    if not (1900 <= int(code[6:10]) <= 2099 and month_day_ok(int(code[10:12]), int(code[12:14]))):
        return False
    values = [int(x) for x in code[:17]] + [10 if code[17] in "Xx" else int(code[17])]
    return sum(v * pow(2, 17 - i, 11) for i, v in enumerate(values)) % 11 == 1


CHINESE_PROVINCES = {*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
                     *range(61, 66), 71, 81, 82, 83}


def chinese_province_ok(code: str) -> bool:
    """Whether a Chinese identity number's first two digits are a province's (GB/T 2260)."""
    return code[:2].isdigit() and int(code[:2]) in CHINESE_PROVINCES


def make_chinese_id(rng: random.Random, check_x: bool) -> str:
    while True:
        body = "%d%05d%04d%02d%02d%03d" % (rng.randint(1, 6), rng.randint(0, 99999), rng.randint(1940, 2009),
                                          rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 999))
        check = (1 - sum(int(x) * pow(2, 17 - i, 11) for i, x in enumerate(body))) % 11
        if (check == 10) == check_x:
            code = body + ("X" if check == 10 else str(check))
            assert chinese_id_ok(code)
            return code


HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu_ok(code: str) -> bool:
    """A Finnish henkilötunnus: DDMMYY, a century sign, 002-899, the check character."""
    c = code.upper()
    return (len(c) == 11 and (c[:6] + c[7:10]).isdigit() and c[:6].isascii() and c[6] in "-+ABCDEFUVWXY"
            and month_day_ok(int(c[2:4]), int(c[:2])) and 2 <= int(c[7:10]) <= 899
            and HETU_CHECKS[int(c[:6] + c[7:10]) % 31] == c[10])


def make_hetu(rng: random.Random, sign: str) -> str:
    body = "%02d%02d%02d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99))
    individual = "%03d" % rng.randint(2, 899)
    code = body + sign + individual + HETU_CHECKS[int(body + individual) % 31]
    assert hetu_ok(code)
    return code


def korean_rrn_shape_ok(d: str) -> bool:
    return len(d) == 13 and month_day_ok(int(d[2:4]), int(d[4:6])) and d[6] in "12345678"


def latvian_ok(d: str) -> bool:
    """A Latvian personas kods (until 2017): DDMMYY, the century 0-2, the check of python-stdnum lv/pvn.py."""
    return (len(d) == 11 and d[6] in "012" and month_day_ok(int(d[2:4]), int(d[:2]))
            and (1 + dot((10, 5, 8, 4, 2, 1, 6, 3, 7, 9), d)) % 11 % 10 == int(d[10]))


def danish_cpr_ok(d: str) -> bool:
    """A Danish CPR number: DDMMYY and four digits (no check since 2007)."""
    return len(d) == 10 and month_day_ok(int(d[2:4]), int(d[:2]))


def philippine_shape_ok(seg: str) -> bool:
    """A Philippine SSS (2-7-1) or UMID (4-7-1) number, dashed: no check is published."""
    return [len(g) for g in seg.split("-")] in ([2, 7, 1], [4, 7, 1]) and seg.replace("-", "").isdigit()


def national_id_ok(d: str) -> bool:
    """Whether a generic SSN word (`SSN`, `social security number`) makes `d` a national number."""
    checks = {9: (bsn_ok, sin_ok), 10: (rnokpp_ok, svnr_ok, personnummer_ok),
              11: (idnr_ok, cpf_ok, pesel_ok, tc_kimlik_ok, fodselsnummer_ok, belgian_nn_ok, cuit_ok, isikukood_ok,
                   oib_ok, luhn_11_ok, latvian_ok),
              12: (russian_inn_ok,), 13: (ahv_ok, cnp_ok, thai_pin_ok, korean_rrn_ok)}
    return any(ok(d) for ok in checks.get(len(d), ()))


def make_national_id(rng: random.Random, ok, length: int, first="123456789") -> str:
    while True:
        d = rng.choice(first) + "".join(rng.choice(DIGITS) for _ in range(length - 1))
        if ok(d):
            return d


def make_ssn(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    d = "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))
    assert ssn_ok(d)
    return d


def make_itin(rng: random.Random, g=None) -> str:
    if g is None:
        g = rng.choice([x for x in range(100) if itin_group(x)])
    d = "%03d%02d%04d" % (rng.randint(900, 999), g, rng.randint(1, 9999))
    assert ssn_ok(d)
    return d


def fmt_ssn(d: str, sep="-") -> str:
    return d[:3] + sep + d[3:5] + sep + d[5:]


# ---------------------------------------------------------------------------------------------
# Masking (RULES.md "Masking"), own implementation
# ---------------------------------------------------------------------------------------------
LABELS = {k: "[%s]" % k.upper() for k in KINDS}


def kind_params(config, kind):
    c = config or {}
    kc = c.get(kind, {})
    return (
        kc.get("style", "compact"),
        kc.get("mask_char", c.get("mask_char", "*")),
        kc.get("keep_head", 1 if kind == "email" else 0),
        kc.get("keep_tail", 0 if kind == "email" else 4),
    )


def is_unit(kind, c):
    if kind == "iban":
        return is_letter(c) or is_digit(c)
    if kind == "email":
        return True
    return is_digit(c)


# An extension after a phone number (RULES.md): a marker word after the number (or a comma)
# and at most two spaces, at most two spaces more, one to six ASCII digits.
PHONE_EXTENSION = re.compile(r"(.*[^ \t,])(,?[ \t]{0,2}(?:extension|durchwahl|toestel|interno|anexo|poste|ramal|extn|ext|int|x)[.:]?"
                             r"[ \t]{0,2}[0-9]{1,6})", re.IGNORECASE | re.DOTALL)


def mask_value(kind: str, value: str, config=None) -> str:
    style, m, head, tail = kind_params(config, kind)
    if style == "label":
        return LABELS[kind]
    if style == "redact":
        return ""
    extension = PHONE_EXTENSION.fullmatch(value) if kind == "phone" else None
    if extension:
        # The number keeps its own head and tail; the extension its marker and spacing, every
        # digit masked.
        number, rest = extension.groups()
        return mask_value(kind, number, config) + "".join(m if is_digit(c) else c for c in rest)
    suffix = ""
    if kind == "email":
        # (`＠`, U+FF20: the full-width at sign of CJK input; `%40`, percent-encoded in a link.)
        at = value.index("@") if "@" in value else value.index("\uff20") if "\uff20" in value else value.index("%40")
        value, suffix = value[:at], value[at:]
        if len(value) >= 2 and value[0] == value[-1] == '"':
            # A quoted local part keeps its quotes; what they hold is masked as a local part.
            return '"' + mask_value(kind, value[1:-1] + "@", config)[:-1] + '"' + suffix
    chars = list(value)
    if style == "compact":
        chars = [c for c in chars if not is_ws(c)]
    units = [i for i, c in enumerate(chars) if is_unit(kind, c)]
    n = len(units)
    if head + tail >= n:
        head = tail = 0
    kept_head = units[:head]
    kept_tail = units[n - tail:] if tail else []
    if style == "compact":
        return ("".join(chars[i] for i in kept_head) + m * (len(chars) - head - tail)
                + "".join(chars[i] for i in kept_tail) + suffix)
    assert style == "preserve", style
    kept = set(kept_head) | set(kept_tail)
    out = []
    for i, c in enumerate(chars):
        maskable = (is_letter(c) or is_digit(c)) if kind == "email" else is_unit(kind, c)
        # (An SSN's letters, a Spanish DNI's or NIE's, are masked too: they are no separators.)
        letter = kind == "ssn" and is_letter(c)
        out.append(m if (i in units and i not in kept and maskable) or letter else c)
    return "".join(out) + suffix


# the examples of RULES.md / DESIGN.md
assert mask_value("phone", "+ 1 (123) 456 7890") == "**********7890"
assert mask_value("phone", "+447966197542") == "*********7542"
assert mask_value("email", "melissa@gmail.com") == "m******@gmail.com"
assert mask_value("card", "4111 1111 1111 1111") == "************1111"
assert mask_value("card", "4111 1111 1111 1111", {"card": {"style": "preserve"}}) == "**** **** **** 1111"
assert mask_value("email", "john.doe@x.com", {"email": {"style": "preserve"}}) == "j***.***@x.com"
assert mask_value("ssn", "X-2482300-W", {"ssn": {"style": "preserve"}}) == "*-***2300-*"
assert mask_value("email", '"john doe"@x.com') == '"j******"@x.com'

# ---------------------------------------------------------------------------------------------
# Sentences (no digits, no '@', no '+', no context words unless the vector is about them)
# ---------------------------------------------------------------------------------------------
T = {
    "card": {
        "en": ["My card number is {}, thanks.", "Please charge {} for the order.",
               "I paid with {} yesterday.", "Card on file: {}"],
        "fr": ["Ma carte bancaire est la {}, merci.", "Voici le numéro de ma carte : {}.",
               "J'ai payé avec {} hier soir.", "Débitez la carte {} s'il vous plaît."],
        "es": ["Mi tarjeta es {}, gracias.", "¿Puede cobrar en la tarjeta {}?",
               "El número de la tarjeta es {} y caduca pronto.", "Pagué con {} ayer."],
        "uk": ["Номер моєї картки {}, дякую.", "Спишіть, будь ласка, з картки {}.",
               "Я оплатив карткою {} учора.", "Картка: {}"],
        "de": ["Meine Kartennummer ist {}, danke.", "Bitte buchen Sie von {} ab.",
               "Die Karte {} gehört meiner Frau.", "Zahlung über {} ist fehlgeschlagen."],
    },
    "iban": {
        "en": ["My IBAN is {}, please refund there.", "Please transfer the money to {} today.",
               "Account {} belongs to my company.", "IBAN: {}"],
        "fr": ["Mon IBAN est {}, merci de rembourser.", "Virez la somme sur le compte {} aujourd'hui.",
               "Le compte {} est au nom de ma sœur.", "IBAN : {}"],
        "es": ["Mi IBAN es {}, gracias.", "Haga la transferencia a {} por favor.",
               "La cuenta {} es de mi empresa.", "IBAN: {}"],
        "uk": ["Мій IBAN {}, поверніть кошти туди.", "Переказ на рахунок {}, будь ласка.",
               "Рахунок {} належить моїй фірмі.", "IBAN: {}"],
        "de": ["Meine IBAN lautet {}, danke.", "Bitte überweisen Sie den Betrag auf {} zurück.",
               "Das Konto {} gehört meiner Firma.", "IBAN: {}"],
    },
    "ssn": {
        "en": ["My SSN is {}.", "Here is my social security number: {}, thanks.",
               "Please verify {} for my account."],
        "fr": ["Mon numéro de sécurité sociale américain est le {}.", "Voici mon SSN : {}, merci.",
               "Vérifiez {} pour mon dossier."],
        "es": ["Mi número de seguro social es {}.", "Aquí está mi SSN: {}, gracias.",
               "Verifique {} en mi expediente."],
        "uk": ["Мій SSN {}, перевірте.", "Американський номер соціального страхування: {}.",
               "Перевірте {} у моїй справі."],
        "de": ["Meine Sozialversicherungsnummer ist {}.", "Hier ist meine SSN: {}, danke.",
               "Bitte prüfen Sie {} in meiner Akte."],
    },
    # bare 9 digits: every template has an SSN context word (ssn*, "social security", itin, "tax id")
    "ssn-bare": {
        "en": ["My SSN: {}", "social security number {} please", "ITIN {} for the tax return",
               "tax id {}"],
        "fr": ["Mon SSN : {}, merci.", "Mon ITIN est {}."],
        "es": ["SSN: {}, gracias.", "Mi ITIN es {}."],
        "uk": ["SSN {}, перевірте.", "ITIN: {}"],
        "de": ["SSN: {}, danke.", "Meine ITIN lautet {}."],
    },
    "email": {
        "en": ["Email me at {} please.", "My address is {}.", "Contact: {}",
               "You can write to {} anytime."],
        "fr": ["Écrivez-moi à {}, merci.", "Mon adresse e-mail est {}.", "Contact : {}",
               "Envoyez le devis à {} avant lundi."],
        "es": ["Escríbeme a {}, por favor.", "Mi correo es {}.", "Contacto: {}",
               "Envíe la factura a {} antes del lunes."],
        "uk": ["Моя пошта {}, пишіть.", "Напишіть на {}, будь ласка.", "Контакт: {}",
               "Надішліть рахунок на {} до понеділка."],
        "de": ["Schreiben Sie an {}, danke.", "Meine E-Mail-Adresse ist {}.", "Kontakt: {}",
               "Schicken Sie die Rechnung an {} bis Montag."],
    },
    "phone": {
        "en": ["Call me on {} tomorrow.", "My number is {}.", "You can reach me at {}, thanks.",
               "Number: {}"],
        "fr": ["Mon numéro est le {}, merci.", "Appelez-moi au {} demain.",
               "Vous pouvez me joindre au {}.", "Numéro : {}"],
        "es": ["Mi número es {}, gracias.", "Llámame al {} mañana.", "Puede localizarme en el {}.",
               "Número: {}"],
        "uk": ["Мій номер {}, дзвоніть.", "Наберіть мене за номером {} завтра.",
               "Мене можна знайти за номером {}.", "Номер: {}"],
        "de": ["Meine Nummer ist {}, danke.", "Rufen Sie mich unter {} an.",
               "Sie erreichen mich unter {}.", "Nummer: {}"],
    },
    "neg": {
        "en": ["The value {} appears in the report.", "See {} for details."],
        "fr": ["La valeur {} figure dans le rapport.", "Voir {} pour les détails."],
        "es": ["El valor {} aparece en el informe.", "Consulte {} para más detalles."],
        "uk": ["Значення {} є у звіті.", "Дивіться {} для подробиць."],
        "de": ["Der Wert {} steht im Bericht.", "Siehe {} für Details."],
    },
    "neg-date": {
        "en": ["The meeting is on {}."], "fr": ["Le rendez-vous est le {}."],
        "es": ["La cita es el {}."], "uk": ["Зустріч призначено на {}."],
        "de": ["Der Termin ist am {}."],
    },
    "neg-time": {
        "en": ["See you at {} sharp."], "fr": ["Rendez-vous à {} précises."],
        "es": ["Nos vemos a las {} en punto."], "uk": ["Зустрінемось о {} рівно."],
        "de": ["Wir sehen uns um {} pünktlich."],
    },
    "neg-price": {
        "en": ["It costs {} in total."], "fr": ["Ça coûte {} au total."],
        "es": ["Cuesta {} en total."], "uk": ["Це коштує {} загалом."],
        "de": ["Es kostet {} insgesamt."],
    },
    "neg-order": {
        "en": ["Your {} has shipped."], "fr": ["Votre {} est expédiée."],
        "es": ["Su {} ha sido enviado."], "uk": ["Ваше {} відправлено."],
        "de": ["Ihre {} wurde versandt."],
    },
    "neg-tracking": {
        "en": ["Your parcel tracking number is {}."], "fr": ["Votre numéro de suivi est {}."],
        "es": ["Su número de seguimiento es {}."], "uk": ["Номер відстеження {}."],
        "de": ["Ihre Sendungsnummer ist {}."],
    },
    "neg-ip": {
        "en": ["The server {} is down."], "fr": ["Le serveur {} ne répond pas."],
        "es": ["El servidor {} no responde."], "uk": ["Сервер {} не відповідає."],
        "de": ["Der Server {} antwortet nicht."],
    },
    "neg-version": {
        "en": ["Update to {} first."], "fr": ["Mettez à jour vers {} d'abord."],
        "es": ["Actualice a {} primero."], "uk": ["Оновіться до {} спершу."],
        "de": ["Aktualisieren Sie zuerst auf {}."],
    },
}
ORDER_WORD = {"en": "Order #", "fr": "commande ", "es": "pedido ", "uk": "замовлення ",
              "de": "Bestellung "}

PHONE_CONTEXT_RE = re.compile(
    r"(?i)(?<!\w)(phone|telephone|tel|mobile|cell|cellphone|call me|text me|whatsapp|fax|"
    r"téléphone|tél|portable|teléfono|telefono|móvil|movil|celular|llámame|telefon|handy|mobil|"
    r"rufnummer|festnetz|телефон|тел|мобільн|подзвоніть|мобильн|dzwoni|chiama|позвони|набери|erreichbar|"
    r"contactar|contactez|contatt|(?:dzwoń|ruf an|anrufen|kontakt|contact|contacter|erreichen|appelle|appelez|appeler|joindre|llama al|llamar al|bellen|ring me|dial|"
    r"звони|подзвони|дзвони|aba|volejte|volej|volat|zavolej\w*|zavolat|ozvěte se|ozvi se|volajte|zavolaj\w*|"
    r"τηλεφωνήστε\w*|τηλεφώνησε\w*|τηλεφώνησέ\w*|πάρε με|πάρτε με|καλέστε\w*|κάλεσε\w*|hívjon|hívj|hívjál|hívd|"
    r"hívjanak|sună-mă|sunați-mă|suna-ma|sunati-ma|soita\w*|gọi|תתקשר\w*|התקשר\w*|להתקשר|חייג\w*|اتصل\w*|fono|"
    r"連絡先|座机|폰|संपर्क|موبائل|تماس|הטלפון|มือถือ|sdt|wa|h/p|matkapuhelin|mobilszám\w*|telefón|mobitel|"
    r"pokličite|обадете|simu|hit me up|tālru\w*|talru\w*|tālr\.|mobiil\w*|📞|cp ko|arayabilir\w*|\w*اتصال\w*)(?!\w))")
SSN_CONTEXT_RE = re.compile(r"(?i)(?<!\w)(ssn|social security|itin(?!\w)|tax id(?!\w))")

for _kind, _by_lang in T.items():
    for _lang, _lst in _by_lang.items():
        for _t in _lst:
            assert _t.count("{}") == 1, _t
            assert not any(is_digit(c) for c in _t) and "@" not in _t and "+" not in _t, _t
            # (an email's template may hold a phone word: `Kontakt: {}`)
            if _kind not in ("phone", "email"):
                assert not PHONE_CONTEXT_RE.search(_t), _t
            if _kind not in ("ssn", "ssn-bare"):
                assert not SSN_CONTEXT_RE.search(_t), _t
            if _kind == "ssn-bare":
                assert SSN_CONTEXT_RE.search(_t), _t


def tpl(kind: str, lang: str, k: int = 0):
    lst = T[kind][lang]
    pre, post = lst[k % len(lst)].split("{}")
    return pre, post


def sent(tkind: str, lang: str, k: int, vkind, value: str):
    pre, post = tpl(tkind, lang, k)
    return [pre, (vkind, value) if vkind else value, post]


class Cycle:
    def __init__(self, items=LANGS, start=0):
        self.items, self.i = items, start

    def __call__(self):
        item = self.items[self.i % len(self.items)]
        self.i += 1
        return item


# ---------------------------------------------------------------------------------------------
# Vector building
# ---------------------------------------------------------------------------------------------
class Vectors:
    def __init__(self):
        self.items = []
        self.names = set()

    def _name(self, name):
        base, n = name, 2
        while name in self.names:
            name = "%s-%d" % (base, n)
            n += 1
        self.names.add(name)
        return name

    def add(self, name, note, parts, config=None, flags=()):
        text, spans = "", []
        for p in parts:
            if isinstance(p, str):
                text += p
            else:
                kind, value = p
                assert kind in KINDS, kind
                spans.append((kind, len(text), len(text) + len(value)))
                text += value
        enabled = (config or {}).get("kinds", KINDS)
        spans = [s for s in spans if s[0] in enabled]
        out, last = [], 0
        for kind, s, e in spans:
            out.append(text[last:s])
            out.append(mask_value(kind, text[s:e], config))
            last = e
        out.append(text[last:])
        v = {"name": self._name(name), "note": note, "input": text}
        if config is not None:
            v["config"] = config
        v["output"] = "".join(out)
        v["matches"] = [
            {"kind": k, "start": len(text[:s].encode()), "end": len(text[:e].encode()),
             "text": text[s:e]} for k, s, e in spans]
        v["_flags"] = set(flags)
        self.items.append(v)
        return v

    def add_exact(self, name, note, text, output, values, flags=()):
        """A vector whose output is written out (masking that takes more than one round, which
        `add`'s one mask per value cannot express); `values` are (kind, value) left to right,
        each the first occurrence after the one before."""
        matches, at = [], 0
        for kind, value in values:
            s = text.index(value, at)
            at = s + len(value)
            matches.append({"kind": kind, "start": len(text[:s].encode()), "end": len(text[:at].encode()),
                            "text": value})
        v = {"name": self._name(name), "note": note, "input": text, "output": output,
             "matches": matches, "_flags": set(flags)}
        self.items.append(v)
        return v

    def error(self, name, note, config, code, text="x"):
        v = {"name": self._name(name), "note": note, "input": text, "config": config,
             "error": code, "_flags": set()}
        self.items.append(v)
        return v


# ---------------------------------------------------------------------------------------------
# cards.toml
# ---------------------------------------------------------------------------------------------
CARD_FORMS = {
    12: [("4-4-4", [4, 4, 4], " "), ("contiguous", [12], "")],
    13: [("4-4-5", [4, 4, 5], " "), ("contiguous", [13], "")],
    14: [("4-6-4", [4, 6, 4], " "), ("contiguous", [14], ""), ("4-6-4-dashes", [4, 6, 4], "-")],
    15: [("4-6-5", [4, 6, 5], " "), ("contiguous", [15], ""), ("4-6-5-dashes", [4, 6, 5], "-")],
    16: [("spaces", [4, 4, 4, 4], " "), ("dashes", [4, 4, 4, 4], "-"), ("contiguous", [16], ""),
         ("dots", [4, 4, 4, 4], ".")],
    17: [("4-4-4-5", [4, 4, 4, 5], " "), ("contiguous", [17], "")],
    18: [("4-4-4-6", [4, 4, 4, 6], " "), ("contiguous", [18], ""), ("4-4-4-4-2", [4, 4, 4, 4, 2], "-")],
    19: [("4-4-4-7", [4, 4, 4, 7], " "), ("4-4-4-4-3", [4, 4, 4, 4, 3], " "), ("contiguous", [19], ""),
         ("4-4-4-7-dashes", [4, 4, 4, 7], "-")],
}


def gen_cards():
    V = Vectors()
    rng = random.Random("piimask-cards")
    lang = Cycle()
    k = Cycle(range(4))
    # REFERENCE test PANs, verbatim, each as printed, contiguous and with dashes
    for printed, slug in TEST_PANS:
        digits = printed.replace(" ", "")
        assert card_valid(digits), printed
        for form, value in (("printed", printed), ("contiguous", digits),
                            ("dashes", printed.replace(" ", "-"))):
            l = lang()
            V.add("card-test-%s-%s-%s" % (slug, form, l),
                  "REFERENCE test PAN %s, written %s" % (printed, form),
                  sent("card", l, k(), "card", value))
    # every brand x every length, rotating prefixes and written forms
    form_i = {n: 0 for n in CARD_FORMS}
    for slug, ranges, lengths in BRANDS:
        used = set()
        for li, length in enumerate(lengths):
            lo, hi = ranges[li % len(ranges)]
            used.add((lo, hi))
            number = make_card(rng, lo, hi, length)
            forms = CARD_FORMS[length]
            fname, sizes, sep = forms[form_i[length] % len(forms)]
            form_i[length] += 1
            l = lang()
            pfx = lo if lo == hi else "%s-%s" % (lo, hi)
            V.add("card-%s-%d-%s-%s" % (slug, length, fname, l),
                  "%s, IIN %s, length %d, Luhn-valid, written %s" % (slug, pfx, length, fname),
                  sent("card", l, k(), "card", group(number, sizes, sep)))
        for lo, hi in ranges:
            if (lo, hi) in used:
                continue
            length = lengths[0]
            number = make_card(rng, lo, hi, length)
            fname, sizes, sep = CARD_FORMS[length][0]
            l = lang()
            pfx = lo if lo == hi else "%s-%s" % (lo, hi)
            V.add("card-%s-iin%s-%d-%s" % (slug, pfx, length, l),
                  "%s, IIN %s at length %d (every IIN range of the brand is covered)" % (slug, pfx, length),
                  sent("card", l, k(), "card", group(number, sizes, sep)))
    # range edges of the numeric IIN ranges
    for lo, hi, length, slug in (("2221", "2221", 16, "mastercard-2221"), ("2720", "2720", 16, "mastercard-2720"),
                                 ("622126", "622126", 16, "discover-622126"),
                                 ("622925", "622925", 19, "discover-622925"),
                                 ("3528", "3528", 16, "jcb-3528"), ("3589", "3589", 19, "jcb-3589"),
                                 ("2204", "2204", 16, "mir-2204"), ("60420099", "60420099", 16, "ukrcard-60420099"),
                                 ("650027", "650027", 16, "verve-650027")):
        number = make_card(rng, lo, hi, length)
        l = lang()
        V.add("card-edge-%s-%s" % (slug, l), "IIN range edge %s, length %d" % (lo, length),
              sent("card", l, k(), "card", group4(number)))
    # written forms and adjacency
    v16 = make_card(rng, "4", "4", 16)
    cases = [
        ("touch-colon", "card may touch letters and punctuation: card:4…", ["Paid by card:", ("card", v16), " ok."]),
        ("touch-numero", "card after n° (letter-like symbol), grouped", ["Carte n°", ("card", group4(v16)), ", merci."]),
        ("touch-letters", "card may touch letters on both sides", ["ref VISA", ("card", v16), "x end"]),
        ("whole-input", "the whole input is the card", [("card", group4(v16))]),
        ("tab-separated", "tab is a space separator; compact removes it", ["Card ", ("card", group4(v16, "\t")), " ok"]),
        ("quotes", "card in French quotes", ["Numéro « ", ("card", group4(v16, "-")), " » reçu."]),
        ("line-start", "card at the start of a line after a newline", ["first line\n", ("card", v16), "\nlast line"]),
        ("parenthesised", "a whole card number in parentheses", ["my card (", ("card", v16), ") was declined"]),
        ("two-in-a-row", "two cards in groups of four, one space apart",
         ["cards ", ("card", "4111 1111 1111 1111"), " ", ("card", "5555 5555 5555 4444"), " both blocked"]),
        ("diners-then-jcb", "a Diners card in 4-6-4, then a JCB card in fours, one space apart: a card grouped "
         "its own way before it makes the second no slice of a longer number (probe 18)",
         ["two cards ", ("card", "3681 930364 2624"), " ", ("card", "3545 3832 3640 5623")]),
        ("dashes-then-spaces", "a card in dashes, then one in spaces: the first one's last group does not make "
         "the second a slice of a longer number (Presidio's card test)",
         [("card", "4012888888881881"), " ", ("card", "4012-8888-8888-1881"), " ", ("card", "4012 8888 8888 1881")]),
        ("nineteen-then-card", "a 19-digit card written 4-4-4-4-3, then a card in fours: the short last "
         "group ends the first (smarty/redact's test)",
         [("card", "4111 1111 1111 1101 111"), " ", ("card", "4556 7375 8689 9855"), ". taco"]),
        ("spaced-dashes", "a card in groups joined by spaced dashes",
         ["Karte ", ("card", "4532 - 0151 - 1283 - 0366"), " bitte"]),
        ("mixed-space-dash", "a card in fours typed with two kinds of separator",
         ["Номер моей карты ", ("card", "4111 1111-1111 1111")]),
        ("mixed-dash-space", "a card in fours, dashes then a space",
         ["cartão final ", ("card", "5555-5555-5555 4444"), ", validade"]),
        ("mixed-dot-space", "a card in fours, a dot among spaces", ["kart ", ("card", "4012 8888.8888 1881"), " ok"]),
        ("mixed-amex", "an Amex in 4-6-5 typed with a space and an en dash",
         ["segue o cartão: ", ("card", "3782 822463–10005"), " obrigado"]),
        ("mixed-nineteen", "a 19-digit card in 4-4-4-4-3, dashes and a space",
         ["с карты ", ("card", "4111-1111-1111 1101-111"), " списали"]),
    ]
    for slug, note, parts in cases:
        V.add("card-%s" % slug, note, parts)
    for slug, note, parts in (
        ("expiry-after", "a four-digit expiry date (MMYY) right after a card in groups of four",
         ["Visa: ", ("card", "4111 1111 1111 1111"), " 1227 CVC 737"]),
        ("expiry-after-dashes", "an expiry date joined by the card's own dashes",
         ["card ", ("card", "4111-1111-1111-1111"), "-0925 thanks"]),
        ("expiry-year-after", "an expiry year right after a card in groups of four",
         ["card ", ("card", "4111 1111 1111 1111"), " 2027 ok"]),
        ("security-code-after", "a security code typed right after a card in groups of four",
         ["my card ", ("card", "5345 5978 9724 0451"), " 394"]),
        ("security-code-after-no-word", "a security code right after a card, no key word",
         [("card", "4111 1111 1111 1111"), " 123"]),
        ("expiry-after-labelled", "a label right before a card followed by its expiry date (found by the fuzz smoke)",
         ["order ", ("card", "2720 4394 0093 2971"), " 12/26 cvv 123"]),
        ("visa13-after-card-word", "thirteen digits with a Visa prefix after a card word are a card",
         ["card ", ("card", "4571190589024")]),
        ("after-label-sixteen", "sixteen digits right after a label are still a card (fail closed)",
         ["order ", ("card", "4111 1111 1111 1111")]),
        ("maestro12-after-brand-and-hash", "a card brand before a glued `#` keeps twelve digits a card",
         ["my Maestro #", ("card", "585915013775")]),
    ):
        V.add("card-%s" % slug, note, parts, flags={"loose"})
    # Twelve or thirteen digits (the old Visa and Maestro lengths) right after a label are the
    # identifier it names: one random number in a hundred passes the brand and Luhn tests.
    for slug, note, text in (
        ("order-visa13-shape", "thirteen Luhn-valid digits with a Visa prefix after `order`",
         "order 4571190589024 shipped"),
        ("ref-maestro12-shape", "twelve Luhn-valid digits with a Maestro prefix after `ref:`", "ref: 585915013775"),
        ("hash-maestro12-shape", "twelve Luhn-valid digits with a Maestro prefix after a glued `#`",
         "it was #585915013775"),
        ("unbranded-no-card-word", "sixteen Luhn-valid digits of no known issuer (the IIN table decides)",
         "parcel 9077061000199886 and 9689 4390 9248 4459 arrived"),
    ):
        V.add("card-neg-%s" % slug, note, [text], flags={"loose", "context-card"})
    return V


# ---------------------------------------------------------------------------------------------
# ibans.toml
# ---------------------------------------------------------------------------------------------
def iban_print(iban: str) -> str:
    return group4(iban)


def iban_inner_clean(text_value: str) -> bool:
    """True when the written IBAN contains no second IBAN-shaped candidate inside it."""
    cands = iban_candidates(" " + text_value + " ")
    return len(cands) == 1 and cands[0][0] == 1 and cands[0][1] == len(text_value) + 1


def gen_ibans():
    V = Vectors()
    rng = random.Random("piimask-ibans")
    lang = Cycle()
    k = Cycle(range(4))
    # all 89 registry examples: electronic form and print form
    for cc, (length, struct, ex) in REGISTRY.items():
        assert len(ex) == length and iban_valid(ex), ex
        for form, value in (("electronic", ex), ("print", iban_print(ex))):
            l = lang()
            V.add("iban-registry-%s-%s-%s" % (cc.lower(), form, l),
                  "SWIFT registry example for %s (length %d), %s format" % (cc, length, form),
                  sent("iban", l, k(), "iban", value))
    # registry print forms that are not groups of four
    for cc, value in (("bi", "BI42 10000 10001 00003320451 81"), ("ly", "LY83 002 048 000020100120361"),
                      ("sv", "SV 62 CENR 00000000000000700025"), ("va", "VA59 001 1230 0001 2345 678")):
        l = lang()
        V.add("iban-registry-%s-registry-print-%s" % (cc, l),
              "registry's own print form for %s (not 4-groups)" % cc.upper(),
              sent("iban", l, k(), "iban", value))

    def written(iban, form):
        if form == "electronic":
            return iban
        if form == "print":
            return iban_print(iban)
        if form == "lower":
            return iban.lower()
        if form == "lower-print":
            return iban_print(iban).lower()
        if form == "dashes":
            return group4(iban, "-")
        if form == "dots":
            return group4(iban, ".")
        raise ValueError(form)

    forms = Cycle(["print", "electronic", "lower", "print", "dashes", "electronic", "lower-print", "dots"])

    def add_generated(cc, what, note):
        while True:
            iban = make_iban(rng, cc)
            form = forms()
            value = written(iban, form)
            if iban_inner_clean(value):
                break
            forms.i -= 1
        l = lang()
        V.add("iban-%s-%s-%s-%s" % (what, cc.lower(), form, l), "%s; written %s" % (note, form),
              sent("iban", l, k(), "iban", value))

    for cc, (length, struct, _ex) in REGISTRY.items():
        add_generated(cc, "gen", "generated %s IBAN (length %d), BBAN from the registry structure, own mod-97" % (cc, length))
    for cc, (length, struct) in PARTIAL.items():
        add_generated(cc, "partial", "partial member %s (length %d, schwifty/ibantools structure)" % (cc, length))
    for cc, parent in TERRITORIES.items():
        add_generated(cc, "territory", "territory %s uses the %s format (length %d)" % (cc, parent, IBAN_COUNTRIES[cc][0]))
    # generated values in the registry's own non-4 print forms
    for _ in range(2):
        iban = make_iban(rng, "BI")
        l = lang()
        V.add("iban-gen-bi-registry-print-%s" % l, "generated BI in the 4-5-5-11-2 print form",
              sent("iban", l, k(), "iban", group(iban, [4, 5, 5, 11, 2])))
        iban = make_iban(rng, "LY")
        l = lang()
        V.add("iban-gen-ly-registry-print-%s" % l, "generated LY in the 4-3-3-15 print form",
              sent("iban", l, k(), "iban", group(iban, [4, 3, 3, 15])))
        iban = make_iban(rng, "SV")
        l = lang()
        V.add("iban-gen-sv-registry-print-%s" % l, "generated SV: one space after the upper-case country code",
              sent("iban", l, k(), "iban", "SV " + group(iban[2:], [2, 4, 20])))
        iban = make_iban(rng, "VA")
        l = lang()
        V.add("iban-gen-va-registry-print-%s" % l, "generated VA in the 4-3-4-4-4-3 print form",
              sent("iban", l, k(), "iban", group(iban, [4, 3, 4, 4, 4, 3])))
    # a few more written forms of common countries
    for cc in ("DE", "FR", "GB", "ES", "IT", "NL", "UA", "PL", "BE", "CH"):
        for form in ("lower", "dashes", "print"):
            while True:
                iban = make_iban(rng, cc)
                value = written(iban, form)
                if iban_inner_clean(value):
                    break
            l = lang()
            V.add("iban-form-%s-%s-%s" % (cc.lower(), form, l), "%s IBAN written %s" % (cc, form),
                  sent("iban", l, k(), "iban", value))
    # check-digit extremes: 02 and 98 are valid check digits
    for want in ("02", "98", "97", "03"):
        while True:
            iban = make_iban(rng, "DE")
            if iban[2:4] == want:
                break
        l = lang()
        V.add("iban-check-%s-%s" % (want, l), "check digits %s are in 02-98" % want,
              sent("iban", l, k(), "iban", iban_print(iban)))
    # IBAN at the very end and very start of the input, and followed by a full stop
    V.add("iban-whole-input", "the whole input is an IBAN", [("iban", "GB29NWBK60161331926819")])
    V.add("iban-end-of-sentence", "IBAN followed by a full stop (a dot, then no group)",
          ["Send it to ", ("iban", "DE89 3704 0044 0532 0130 00"), "."])
    V.add("iban-after-arabic-word", "an upper-case code glued to a word of another script starts a new word",
          ["رقم", ("iban", "GB29 NWBK 6016 1331 9268 19"), "。"])
    V.add("iban-after-lower-case-word", "an upper-case code glued to a lower-case word starts a new word",
          ["iban", ("iban", "DE89370400440532013000")])
    V.add("iban-code-dash", "an upper-case code and a dash before the check digits, as people copy it (php-iban examples)",
          ["Please wire it to ", ("iban", "DE-89 3704 0044 0532 0130 00"), " today."])
    V.add("iban-code-dot", "an upper-case code and a dot before the check digits, then dotted groups",
          [("iban", "PL.46.1010.1010.0030.1422.3100.0000")])
    V.add("iban-lower-code-space", "a lower-case code and a space before the check digits (DESIGN: any case)",
          ["mon iban : ", ("iban", "de 89 3704 0044 0532 0130 00"), " merci"])
    V.add("iban-lower-code-space-letters", "a lower-case code and a space before the check digits, the BBAN "
          "starting with letters (the two check digits alone were passed over as a short number)",
          ["my iban ", ("iban", "gb 29 nwbk 6016 1331 9268 19"), " and ", ("iban", "Nl 91 Abna 0417 1643 00")])
    V.add("iban-mixed-code-space", "a mixed-case code and a space before compact digits",
          ["račun ", ("iban", "Ba 393386902853445817")])
    V.add("iban-lower-bank-code", "a bank code typed in lower case after an upper-case country code starts the BBAN",
          ["IBAN ", ("iban", "GB29 nwbk 6016 1331 9268 19")])
    V.add("iban-lower-check-letter", "Italy's check letter typed in lower case and apart (php-iban examples)",
          ["Please wire it to ", ("iban", "IT 60 x 05428 11101 000000123456"), " today."])
    V.add("iban-capital-letters-group", "a group of five capitals or more at the end of the run is part of an alphanumeric "
          "BBAN (php-iban examples)", ["Bitte auf ", ("iban", "AL 4920 5110 1427 3430 CLTJCLALLA"), ", danke!"])
    V.add("iban-capital-letters-glued-digits", "capitals glued to digits are a group of the BBAN",
          ["Please wire it to ", ("iban", "MT84 MALT 01100 0012345 MTLCAST001S"), " today."])
    # IBANs outside the registry (countries without IBANs, lengths the registry does not
    # give): read only after the word IBAN, when mod 97 holds. Their own generator, so that
    # the vectors above keep their values.
    unreg = random.Random("unregistered-ibans")

    def make_unregistered(cc, length):
        body = "".join(unreg.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(
            unreg.choice(DIGITS) for _ in range(length - 8))
        iban = cc + "%02d" % (98 - mod97(body + cc + "00")) + body
        assert unregistered_iban_ok(iban) and not iban_valid(iban), iban
        return iban
    for i, (cc, length) in enumerate([("AR", 28), ("CO", 21), ("GB", 21), ("PH", 20), ("BD", 17), ("TH", 14)]):
        iban = make_unregistered(cc, length)
        value = iban if i % 2 == 0 else group4(iban)
        V.add("iban-unregistered-after-word", "an IBAN of a country without IBANs, or of a length the registry does "
              "not give, is one after the word IBAN when mod 97 holds",
              [["my IBAN is ", "IBAN: ", "Mi IBAN es ", "iban ", "IBAN ", "my iban: "][i], ("iban", value),
               ["", " thanks", ".", "", " ok", ""][i]], flags={"nonban"})
    V.add("iban-unregistered-print-form", "an IBAN print form that passes mod 97 is an account number written as "
          "an IBAN, whatever its country or length (generators write them so; its digits pass Luhn)",
          ["IBAN: ", ("iban", "IN51 4859 3780 7585 5522 37"), ", ", ("iban", "JP42 5494 3437 8357 0266 0398 95"),
           ", conto per il bonifico: ", ("iban", "CR04 4913 3708 0626 7118 009")], flags={"nonban"})
    iban = make_unregistered("AR", 28)
    bad = iban[:2] + "%02d" % ((int(iban[2:4]) + 1 - 2) % 97 + 2) + iban[4:]
    assert not unregistered_iban_ok(bad)
    V.add("iban-neg-unregistered", "outside the registry, an IBAN shape is none without the word IBAN, or when mod 97 "
          "fails", ["ref " + iban + ", IBAN " + bad], flags={"loose", "nonban"})
    V.add("iban-neg-capital-word-between-numbers", "a word in capitals with a number after it ends the run: the failing "
          "check vetoes nothing after it", ["GT51 3038 3099 0282 17 SUPER ", ("ssn", "947-76-5013")], flags={"loose"})
    V.add("iban-neg-lower-code-space-bad-check", "a lower-case word and a number that fail the check: no IBAN, and no veto "
          "of the phone inside it", ["de 89 3704 0044 0532 0130 01"], flags={"loose"})
    V.add("iban-neg-no-label", "`no` before a number is its label: never read as Norway's code in lower case "
          "(a South African ID number passes Norway's check by chance)", ["ID no 570405 2687 920"], flags={"loose"})
    V.add("iban-currency-glued", "a currency code in capitals glued to an IBAN's last digit, as payment details "
          "are pasted: the IBAN ends before it (probe 23)",
          ["IBAN ", ("iban", "BE71096123456769"), "EUR, ", ("iban", "BE71 0961 2345 6769"), "EUR ok"])
    V.add("iban-neg-letters-glued", "letters glued to an IBAN's last digit that are no currency code, or not in "
          "capitals, make a longer code", ["BE71096123456769XYZ, BE71096123456769eur"], flags={"loose"})
    V.add("iban-national-pl-nrb", "a Polish NRB, the IBAN without `PL`, grouped 2-4-4-4-4-4-4 or run "
          "together: valid when the IBAN check holds with `PL` put back (probe 23)",
          ["nr rachunku: ", ("iban", "61 1090 1014 0000 0712 1981 2874"), ", numer konta ",
           ("iban", "96291417776317066907439150")])
    V.add("iban-national-pl-nrb-merges-card", "an NRB whose first digits read as a Luhn-valid card is one "
          "account number, masked whole (probe 23)", [("iban", "38 1020 0898 0000 5145 0362 1276")])
    V.add("iban-neg-national-pl-nrb-check", "26 digits whose IBAN check fails with `PL`, a parcel code's "
          "26 digits, and an NRB inside a longer grouped number are no account number",
          ["96 2914 1777 6317 0669 0743 9151; tracking 96291417776317066907439150; "
           "1 96 2914 1777 6317 0669 0743 9150"], flags={"loose"})
    V.add("iban-national-hu-3x8", "a Hungarian account number, three groups of eight digits joined by "
          "hyphens or spaces (probe 23)",
          ["utalás a ", ("iban", "11664622-15027394-64639270"), " számlára, ", ("iban", "10741573 18077967 12550615")])
    V.add("iban-neg-national-hu-dates", "three compact dates joined by hyphens are no Hungarian account",
          ["20231115-20231120-20231125"], flags={"loose"})
    return V


# ---------------------------------------------------------------------------------------------
# ssn.toml
# ---------------------------------------------------------------------------------------------
def gen_ssn():
    V = Vectors()
    rng = random.Random("piimask-ssn")
    lang = Cycle()
    k = Cycle(range(3))
    for i in range(15):
        d = make_ssn(rng)
        sep = "-" if i % 2 == 0 else " "
        l = lang()
        V.add("ssn-valid-%s-%s" % ("dashes" if sep == "-" else "spaces", l),
              "valid SSN AAA%sGG%sSSSS" % (sep, sep), sent("ssn", l, k(), "ssn", fmt_ssn(d, sep)))
    # boundaries of the area/group/serial rules
    for d, what in (("001010001", "area-001-group-01-serial-0001"), ("665123456", "area-665"),
                    ("667123456", "area-667"), ("899991234", "area-899"), ("078051120", "woolworth"),
                    ("123456789", "placeholder-123456789"), ("219099999", "ssa-pamphlet"),
                    ("457555462", "advertised"), ("734261234", "area-734-randomized"),
                    ("987654320", "ssa-advertising"), ("987654329", "ssa-advertising"),
                    ("987654330", "after-ssa-advertising")):
        l = lang()
        note = "area %s group %s serial %s is allowed by the rules" % (d[:3], d[3:5], d[5:])
        if what == "placeholder-123456789":
            note = "famous placeholder number %s: not excluded by RULES.md (policy choice: mask)" % fmt_ssn(d)
        value = fmt_ssn(d, "-" if len(V.items) % 2 else " ")
        if d in ADVERTISED_SSNS:
            note = "number printed in advertising or an SSA pamphlet %s: no one's, left as it is" % fmt_ssn(d)
            V.add("ssn-neg-%s-%s" % (what, l), note, sent("ssn", l, k(), None, value), flags={"loose"})
        else:
            V.add("ssn-%s-%s" % (what, l), note, sent("ssn", l, k(), "ssn", value))
    # ITIN: every group range edge
    for g in (50, 57, 65, 70, 78, 88, 90, 91, 92, 94, 97, 99):
        d = make_itin(rng, g)
        l = lang()
        V.add("ssn-itin-group-%02d-%s" % (g, l), "ITIN area 9xx with group %02d (ranges 50-65, 70-88, 90-92, 94-99)" % g,
              sent("ssn", l, k(), "ssn", fmt_ssn(d, "-" if g % 2 else " ")))
    # bare 9 digits with a context word
    kb = Cycle(range(4))
    for i in range(12):
        d = make_ssn(rng) if i % 3 else make_itin(rng)
        l = lang()
        V.add("ssn-bare-context-%s" % l, "9 bare digits with an SSN context word on the same line",
              sent("ssn-bare", l, kb(), "ssn", d))
    V.add("ssn-bare-context-lowercase", "context word in lower case (ssn)", ["ssn ", ("ssn", "536221847"), " on file"])
    # "social security (number)" in other languages (round-8 probe)
    for slug, before, value, after in (
        ("ko", "사회보장번호는 ", "504492482", "입니다"),
        ("zh", "我的社会安全号码是", "649200847", ""),
        ("zh-hant", "社會安全號碼：", "552225848", ""),
        ("ja", "社会保障番号（米国）は", "747029038", "です"),
        ("vi", "số an sinh xã hội của tôi là ", "789908617", ""),
        ("fr", "numéro de sécurité sociale américain : ", "641208208", ""),
        ("de", "US-Sozialversicherungsnummer ", "563188473", ""),
        ("es", "número de seguro social ", "412783001", ""),
    ):
        V.add("ssn-bare-context-word-%s" % slug, "9 bare digits after an SSN word: " + before.strip(),
              [before, ("ssn", value), after])
    # The French social security number (NIR)
    for i in range(6):
        d = make_nir(rng)
        V.add("ssn-nir-printed", "a French NIR in its printed grouping (1-2-2-2-3-3-2), valid key: read "
              "without a word", ["mon numéro : ", ("ssn", fmt_nir(d)), " merci"])
        V.add("ssn-nir-bare-word", "a French NIR in one run after its name",
              [["NIR ", "n° INSEE ", "numéro de sécurité sociale : ", "carte Vitale "][i % 4], ("ssn", d), ""])
        # (A wrong key that makes no card either: 15 digits starting with 1 may be a UATP card.)
        bad = next(b for b in (d[:13] + "%02d" % ((int(d[13:]) + j) % 97 + 1) for j in range(10))
                   if not card_valid(b))
        V.add("ssn-nir-neg-key", "a French NIR grouping whose key is wrong is no NIR",
              ["voici " + fmt_nir(bad) + " merci"], flags={"loose"})
    V.add("ssn-nir-key-apart", "a French NIR with its key apart",
          ["numéro de sécu ", ("ssn", "2951099126111 93"), ""])
    V.add("ssn-nir-after-label", "printed as a NIR, the number is one whatever a label before it says",
          ["commande ", ("ssn", "2 95 10 99 126 111 93"), ""])
    V.add("ssn-nir-neg-bare", "15 bare digits with a valid key but no word are no NIR",
          ["ref 295109912611193 ok"], flags={"loose"})
    # Born in Corsica: 2A or 2B in place of the département's digits
    for i in range(4):
        code = make_corsican_nir(rng)
        V.add("ssn-nir-corsica", "a French NIR of someone born in Corsica (2A/2B), printed anywhere, whole after its name",
              [["mon numéro : ", "n° de sécu ", "NIR ", "voici "][i],
               ("ssn", [fmt_nir(code), code, code.lower(), code[:13] + " " + code[13:]][i]), [" merci", "", ".", ""][i]])
    V.add("ssn-nir-corsica-neg", "a Corsican NIR whose key is wrong, or written whole without an SSN word, is none",
          ["voici 2 53 07 2B 073 004 71, ref 253072B07300470"], flags={"loose"})
    # The national numbers that play the SSN's part, after an SSN word (their own name or a
    # generic one), with their checks
    for i in range(4):
        d = make_national_id(rng, bsn_ok, 9)
        V.add("ssn-national-bsn", "a Dutch BSN (11-proof) after its name",
              [["mijn BSN is ", "BSN: ", "burgerservicenummer ", "Mijn sofi-nummer: "][i], ("ssn", [d, d[:4] + "." + d[4:6] + "." + d[6:], d, d[:3] + " " + d[3:6] + " " + d[6:]][i]), ""])
        d = make_national_id(rng, sin_ok, 9, "1234567")
        V.add("ssn-national-sin", "a Canadian SIN (Luhn) after an SSN word",
              [["Social insurance number: ", "numéro d'assurance sociale ", "SIN number ", "my social "][i], ("ssn", [d[:3] + "-" + d[3:6] + "-" + d[6:], d[:3] + " " + d[3:6] + " " + d[6:], d, d[:3] + " " + d[3:6] + " " + d[6:]][i]), "."])
        d = make_national_id(rng, rnokpp_ok, 10)
        V.add("ssn-national-rnokpp", "a Ukrainian РНОКПП (ІПН) after its name",
              [["мій РНОКПП ", "ІПН: ", "ідентифікаційний код ", "мой ИПН "][i], ("ssn", d), [" дякую", "", ", дякую", ""][i]])
        d = make_national_id(rng, idnr_ok, 11)
        V.add("ssn-national-steuer-idnr", "a German Steuer-IdNr (MOD 11,10) after its name",
              [["Steuer-ID: ", "Steuer-IdNr ", "meine Steueridentifikationsnummer ist ", "steuerliche Identifikationsnummer "][i], ("ssn", [d, d[:2] + " " + d[2:5] + " " + d[5:8] + " " + d[8:], d, d][i]), ""])
    # (Negatives: each check fails; the first digit is no 0 or 1, so no phone reading either.)
    for word, ok, length in (("ІПН: ", rnokpp_ok, 10), ("Steuer-ID ", idnr_ok, 11)):
        d = make_national_id(rng, ok, length, "23456789")
        bad = d[:-1] + str((int(d[-1]) + 1) % 10)
        assert not ok(bad)
        V.add("ssn-national-neg-check", "a national number whose check fails after its own name is none",
              [word + bad + " ok"], flags={"loose"})
    # Beyond REFERENCE §7 (python-stdnum 2.2's rules): national numbers after their own names
    # (printed as people print them), and after a generic SSN word. Each: slug, what it is,
    # its check, its length, its first digits, its own names, how it is printed.
    def plain(d):
        return d
    national = [
        ("svnr", "an Austrian Sozialversicherungsnummer", svnr_ok, 10, "123456789",
         ["SVNR: ", "meine SV-Nummer ist "], lambda d: d[:4] + " " + d[4:]),
        ("personnummer", "a Swedish personnummer", personnummer_ok, 10, "123456789",
         ["personnummer ", "Mitt personnummer är "], lambda d: d[:6] + "-" + d[6:]),
        ("cpf", "a Brazilian CPF", cpf_ok, 11, "123456789",
         ["meu CPF é ", "CPF: "], lambda d: "%s.%s.%s-%s" % (d[:3], d[3:6], d[6:9], d[9:])),
        ("pesel", "a Polish PESEL", pesel_ok, 11, "123456789", ["PESEL: ", "mój numer PESEL to "], plain),
        ("tc-kimlik", "a Turkish T.C. kimlik numarası", tc_kimlik_ok, 11, "123456789",
         ["TC kimlik no: ", "kimlik numaram "], plain),
        ("fodselsnummer", "a Norwegian fødselsnummer", fodselsnummer_ok, 11, "123",
         ["fødselsnummer ", "Fødselsnummeret mitt er "], lambda d: d[:6] + " " + d[6:]),
        ("belgian-nn", "a Belgian national number", belgian_nn_ok, 11, "3456789",
         ["rijksregisternummer ", "numéro national "],
         lambda d: "%s.%s.%s-%s.%s" % (d[:2], d[2:4], d[4:6], d[6:9], d[9:])),
        ("cuit", "an Argentine CUIL/CUIT", cuit_ok, 11, "2", ["CUIL: ", "mi CUIT es "],
         lambda d: "%s-%s-%s" % (d[:2], d[2:10], d[10])),
        ("isikukood", "an Estonian isikukood", isikukood_ok, 11, "3456", ["isikukood ", "Minu isikukood on "], plain),
        ("oib", "a Croatian OIB", oib_ok, 11, "123456789", ["OIB: ", "moj OIB je "], plain),
        ("amka", "a Greek AMKA (Luhn)", luhn_11_ok, 11, "123", ["ΑΜΚΑ: ", "AMKA "], plain),
        ("imss", "a Mexican IMSS number (Luhn)", luhn_11_ok, 11, "123456789", ["NSS: ", "mi NSS es el "], plain),
        ("ahv", "a Swiss AHV/AVS number", ahv_ok, 13, "7", ["AHV-Nr. ", "numéro AVS "],
         lambda d: "%s.%s.%s.%s" % (d[:3], d[3:7], d[7:11], d[11:])),
        ("cnp", "a Romanian CNP", cnp_ok, 13, "1256", ["CNP: ", "codul numeric personal "], plain),
        ("thai-pin", "a Thai personal identification number", thai_pin_ok, 13, "1358",
         ["เลขประจำตัวประชาชน ", "เลขบัตรประชาชน: "],
         lambda d: "%s-%s-%s-%s-%s" % (d[0], d[1:5], d[5:10], d[10:12], d[12])),
        ("korean-rrn", "a South Korean resident registration number", korean_rrn_ok, 13, "0123456789",
         ["주민등록번호 ", "주민번호: "], lambda d: d[:6] + "-" + d[6:]),
    ]

    def make_own(ok, length, first):
        while True:
            head = "756" if ok is ahv_ok else rng.choice(["20", "23", "27"]) if ok is cuit_ok else rng.choice(first)
            d = head + "".join(rng.choice(DIGITS) for _ in range(length - len(head)))
            if ok(d):
                return d
    for slug, what, ok, length, first, words, printed in national:
        for i, word in enumerate(words):
            d = make_own(ok, length, first)
            V.add("ssn-national-" + slug, what + " after its own name" + (", printed" if i == 0 else ""),
                  [word, ("ssn", printed(d) if i == 0 else d), [".", " obrigado", "", " ok"][i % 4]])
        if ok is korean_rrn_ok:
            continue  # (its shape is enough: the vectors below)
        # (First digits no phone rule reads: the number is none of any kind.)
        d = make_own(ok, length, {"123456789": "2345", "0123456789": "345"}.get(first, first))
        bad = d[:-1] + str((int(d[-1]) + 1) % 10)
        assert not ok(bad)
        # (Written whole where the printing's first groups read as a phone number, which
        # masks them: fail closed.)
        V.add("ssn-national-neg-" + slug, what + " whose check fails is none after its own name, whatever "
              "other check its digits pass", [words[0] + (bad if ok in (cpf_ok, thai_pin_ok) else printed(bad)) + " ok"],
              flags={"loose"})
    for i, (ok, length, first) in enumerate([(cpf_ok, 11, "23456789"), (russian_inn_ok, 12, "23456789"),
                                             (ahv_ok, 13, "7"), (pesel_ok, 11, "23456789")]):
        d = make_own(ok, length, first)
        V.add("ssn-national-generic-word", "a national number that passes its check after a generic SSN word",
              [["my social security number is ", "SSN: ", "my ssn ", "Social Security Number "][i], ("ssn", d), ""])
    V.add("ssn-national-korean-rrn-generic", "a Korean RRN shape without its check is one after a generic SSN word "
          "too (numbers issued since 2020 have none)", ["SSN ", ("ssn", "900101-1234567"), " thanks"])
    V.add("ssn-national-neg-korean-rrn-shape", "13 digits grouped 6-7 with no date in front are no Korean RRN",
          ["SSN 901301-1234567 thanks"], flags={"loose"})
    for i in range(3):
        code = make_taiwan_id(rng)
        V.add("ssn-national-taiwan-id", "a Taiwanese national ID (a letter and nine digits) after its name or a "
              "generic SSN word", [["我的身分證字號是", "身分證: ", "my social security number is "][i],
                                   ("ssn", code if i != 1 else code[0].lower() + code[1:]), ["，謝謝", "", " thanks"][i]])
    code = make_taiwan_id(rng)
    bad = code[:-1] + str((int(code[-1]) + 1) % 10)
    assert not taiwan_id_ok(bad)
    V.add("ssn-national-neg-taiwan-id", "a Taiwanese ID whose check fails, or one without an SSN word, or glued to "
          "a letter, is none", ["身分證 " + bad + ", order " + code + ", SSN X" + make_taiwan_id(rng)],
          flags={"loose"})
    for i in range(4):
        code = make_chinese_id(rng, i % 2 == 0)
        V.add("ssn-national-chinese-id", "a Chinese resident identity number (its check may be X) after its name "
              "or a generic SSN word", [["我的身份证号是", "身份证号码: ", "my social security number is ", "身份证 "][i],
                                       ("ssn", code if i != 2 else code.lower()), ["，谢谢", "", " thanks", ""][i]])
    code = make_chinese_id(rng, False)
    bad = code[:-1] + str((int(code[-1]) + 1) % 10)
    assert not chinese_id_ok(bad)
    V.add("ssn-national-neg-chinese-id", "a Chinese identity number whose check fails, or one after a label, "
          "or glued to a letter, is none", ["身份证号 " + bad + ", order " + code + ", ID " + make_chinese_id(rng, True)
                                            + "Y"], flags={"loose"})
    for i, sign in enumerate("-A-Y"):
        code = make_hetu(rng, sign)
        V.add("ssn-national-hetu", "a Finnish henkilötunnus (its century sign and check character may be letters) "
              "after its name or a generic SSN word",
              [["henkilötunnus ", "HETU: ", "my social security number is ", "Henkilötunnukseni on "][i],
               ("ssn", code if i != 3 else code.lower()), [" kiitos", "", "", "."][i]])
    code = make_hetu(rng, "A")
    bad = code[:-1] + HETU_CHECKS[(HETU_CHECKS.index(code[-1]) + 1) % 31]
    assert not hetu_ok(bad)
    V.add("ssn-national-neg-hetu", "a henkilötunnus whose check fails, or one without an SSN word, or after "
          "another number's name, is none", ["hetu " + bad + ", order " + code + ", CPF " + make_hetu(rng, "-")],
          flags={"loose"})
    V.add("ssn-national-korean-rrn-no-check", "after its own name, a Korean RRN shape is one without its check",
          ["주민등록번호 ", ("ssn", "900101-1234567"), ""])
    # National numbers in a printing no other number shares, with their own check, need no
    # word (a label in front still says what else they are). Their own generator, so that the
    # vectors above keep their values.
    own = random.Random("own-printings")
    printings = [
        ("cpf", cpf_ok, 11, "123456789", lambda d: "%s.%s.%s-%s" % (d[:3], d[3:6], d[6:9], d[9:]),
         "Segue o documento: ", " obrigado"),
        ("cpf", cpf_ok, 11, "123456789", lambda d: d[:9] + "-" + d[9:], "tá aqui ", ""),
        ("belgian-nn", belgian_nn_ok, 11, "3456789",
         lambda d: "%s.%s.%s-%s.%s" % (d[:2], d[2:4], d[4:6], d[6:9], d[9:]), "voilà: ", "."),
        ("ahv", ahv_ok, 13, "7", lambda d: "%s.%s.%s.%s" % (d[:3], d[3:7], d[7:11], d[11:]), "hier bitte ", ""),
        ("thai-pin", thai_pin_ok, 13, "1358",
         lambda d: "%s-%s-%s-%s-%s" % (d[0], d[1:5], d[5:10], d[10:12], d[12]), "ครับ ", " ครับ"),
        ("cuit", cuit_ok, 11, "2", lambda d: "%s-%s-%s" % (d[:2], d[2:10], d[10]), "te paso el ", " gracias"),
        ("korean-rrn", korean_rrn_checked_ok, 13, "0123456789", lambda d: d[:6] + "-" + d[6:], "여기요 ", " 감사합니다"),
    ]
    saved_rng, rng = rng, own
    for slug, ok, length, first, printed, before, after in printings:
        d = make_own(ok, length, first)
        V.add("ssn-own-printing-" + slug, "a national number in a printing no other number shares, with its own "
              "check, needs no word", [before, ("ssn", printed(d)), after])
        V.add("ssn-own-printing-neg-label-" + slug, "in its own printing, a national number after a label is "
              "none (it says what else the number is)", ["ref " + printed(d)], flags={"loose"})
        bad = d[:-1] + str((int(d[-1]) + 1) % 10)
        assert not ok(bad)
        V.add("ssn-own-printing-neg-check-" + slug, "in its own printing, a national number whose check fails is "
              "none", [before, printed(bad), after], flags={"loose"})
    V.add("ssn-own-printing-neg-check-cpf-phone-word", "a failing CPF in its printing holds no phone number, "
          "even after a phone word (ruleset 2026.11.50)", ["call 390.533.447-06 ok"], flags={"loose"})
    rng = saved_rng
    for i in range(2):
        while True:
            code = make_chinese_id(own, i == 1)
            if chinese_province_ok(code):
                break
        V.add("ssn-own-printing-chinese-id", "a Chinese identity number with a province's first two digits needs "
              "no word", [["这是我的 ", "ok "][i], ("ssn", code), ["，谢谢", ""][i]])
    while True:
        code = make_chinese_id(own, False)
        if not chinese_province_ok(code):
            break
    for i, word in enumerate(["personas kods ", "Mans personas kods ir ", "my social security number is "]):
        d = make_national_id(own, latvian_ok, 11, "0123")
        V.add("ssn-national-latvian", "a Latvian personas kods (DDMMYY-CNNNN and its check) after its name or a "
              "generic SSN word", [word, ("ssn", d[:6] + "-" + d[6:]), ["", ".", " thanks"][i]])
    d = make_national_id(own, latvian_ok, 11, "0123")
    bad = d[:-1] + str((int(d[-1]) + 1) % 10)
    assert not latvian_ok(bad)
    V.add("ssn-national-neg-latvian", "a personas kods whose check fails is none after its name",
          ["personas kods " + bad[:6] + "-" + bad[6:] + " paldies"], flags={"loose"})
    for i, word in enumerate(["CPR-nummer ", "mit CPR-nr. er ", "personnummer: ", "my social security number is "]):
        d = make_national_id(own, danish_cpr_ok, 10, "0123")
        V.add("ssn-national-danish-cpr", "a Danish CPR number (DDMMYY-NNNN, no check) after its own name or a "
              "generic SSN word", [word, ("ssn", d[:6] + "-" + d[6:]), ["", " tak", ".", ""][i]])
    for i, word in enumerate(["my SSS number is ", "SSS: ", "my social security number is ", "UMID "]):
        d = "".join(own.choice(DIGITS) for _ in range(10 if i % 2 == 0 else 12))
        printed = "%s-%s-%s" % (d[:2], d[2:9], d[9:]) if len(d) == 10 else "%s-%s-%s" % (d[:4], d[4:11], d[11:])
        V.add("ssn-national-philippine", "a Philippine SSS (2-7-1) or UMID (4-7-1) number, no check, after an SSN "
              "word that names no other number", [word, ("ssn", printed), ["", ".", " po", ""][i]])
    V.add("ssn-own-printing-neg-chinese-id", "without an SSN word, an 18-digit number whose first two digits are "
          "no province's is no Chinese identity number, whatever its check", ["ok " + code], flags={"loose"})
    # The Spanish DNI and NIE: the check letter makes them safe to read without a word
    for i in range(6):
        number = rng.randint(1000000, 99999999)
        d, letter = "%08d" % number, DNI_LETTERS[number % 23]
        value = [d + letter, d + "-" + letter, d + " " + letter, "%s.%s.%s-%s" % (d[:2], d[2:5], d[5:], letter),
                 d + letter.lower(), d + letter][i]
        V.add("ssn-spanish-dni", "a Spanish DNI with its check letter (glued, after a dash or a space, dotted)",
              [["Mi DNI es ", "DNI: ", "NIF ", "mi documento es el ", "dni ", "te paso mi "][i], ("ssn", value),
               [" gracias", "", ".", "", "", " ok"][i]])
        lead = i % 3
        body = "%07d" % rng.randint(0, 9999999)
        letter = DNI_LETTERS[int(str(lead) + body) % 23]
        prefix = "XYZ"[lead]
        value = [prefix + body + letter, prefix + "-" + body + "-" + letter, prefix + " " + body + " " + letter,
                 prefix.lower() + body + letter.lower(), prefix + body + letter, prefix + "-" + body + "-" + letter][i]
        V.add("ssn-spanish-nie", "a Spanish NIE (X, Y or Z, 7 digits, check letter)",
              [["mi NIE es ", "NIE: ", "tarjeta de residencia ", "", "Soy extranjero, mi NIE ", "NIE "][i],
               ("ssn", value), ["", " gracias", "", " es mi NIE", ".", ""][i]])
    V.add("ssn-spanish-unit-letter", "a check letter that could be an amount's unit (M for million) is the DNI's "
          "(found by the leak oracle)", ["hola ", ("ssn", "87619287M"), " ok, y el NIE ", ("ssn", "Z0640021M"), "!"])
    V.add("ssn-spanish-preserve", "the preserve style masks an SSN's letters too: they are no separators",
          ["NIE ", ("ssn", "X-2482300-W"), ", DNI ", ("ssn", "54.362.315-k")], config={"ssn": {"style": "preserve"}})
    V.add("ssn-spanish-neg-letter", "a DNI whose check letter is wrong is none",
          ["DNI 54362315-T"], flags={"loose"})
    V.add("ssn-spanish-after-label", "with its check letter, a DNI is one whatever a label in front calls it "
          "(as the US 3-2-4 shape is)", ["pedido ", ("ssn", "54362315K")])
    V.add("ssn-spanish-neg-small-letter-after-space", "a small letter after a space is as likely a word "
          "('y', 'a'): no check letter, even when it would fit", ["costó 12.345.670 y nada más"], flags={"loose"})
    V.add("ssn-spanish-neg-glued", "letters glued before or after make a longer code",
          ["ABC54362315K, 54362315KA, AX2482300W, X2482300W5"], flags={"loose"})
    # The UK National Insurance number: printed spaced it is read anywhere, written whole
    # only after an SSN word
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for i in range(6):
        while True:
            first, second = rng.choice(letters), rng.choice(letters)
            if nino_prefix_ok(first, second):
                break
        digits = "".join(rng.choice(DIGITS) for _ in range(6))
        suffix = "ABCD"[i % 4]
        whole, spaced = first + second + digits + suffix, "%s%s %s %s %s %s" % (first, second, digits[:2], digits[2:4], digits[4:], suffix)
        assert nino_ok(whole) and nino_ok(spaced)
        V.add("ssn-uk-nino", "a UK National Insurance number (spaced anywhere; whole after an SSN word)",
              [["My National Insurance number is ", "NI number: ", "here it is ", "NINO ", "ni no. ", "(NI No "][i],
               ("ssn", [whole, spaced, spaced, whole, whole, spaced][i]), ["", ".", " thanks", ", thanks", "", ")"][i]])
    V.add("ssn-uk-nino-test-data", "after an SSN word, a NINO shape with letters HMRC never issues is one too "
          "(test data writes them so: ZZ, T)", ["my NI number is ", ("ssn", "ZZ 12 34 56 T"), ", NINO ", ("ssn", "ZZ123456T"),
                                                 ", National Insurance ", ("ssn", "QQ 123456 C")])
    V.add("ssn-uk-nino-neg-other-name", "written whole, a NINO shape after another number's own name is none",
          ["CPF AB123456C, PESEL: jk123456c"], flags={"loose"})
    V.add("ssn-uk-nino-small-letters", "after an SSN word, a NINO typed in small letters is one too",
          ["my ni number is ", ("ssn", "jk123456c"), ", NINO: ", ("ssn", "jk 12 34 56 c"), "."])
    V.add("ssn-uk-nino-neg-small-letters", "without an SSN word a NINO shape in small letters is none, "
          "nor one whose letters mix the cases", ["here it is jk 12 34 56 c, ni number Jk 12 34 56 C"], flags={"loose"})
    V.add("ssn-uk-nino-six-together", "a NINO printed with its six digits together, read anywhere",
          ["here it is ", ("ssn", "JG 103759 A"), " thanks"])
    V.add("ssn-uk-nino-neg-text-ends", "a NINO's digits and the space before its suffix, then the text ends: "
          "no NINO (and no panic)", ["NI number AB 12 34 56 "], flags={"loose"})
    V.add("ssn-uk-nino-neg-test-data", "without an SSN word, letters HMRC never issues make no NINO",
          ["ZZ 12 34 56 T, QQ 123456 C"], flags={"loose"})
    V.add("ssn-uk-nino-neg", "a NINO prefix never issued (QQ is HMRC's own example, D/F/I/U/V, O second, "
          "BG GB KN NK NT TN ZZ), a suffix past D, letters glued on, or written whole without an SSN word is none",
          ["QQ 12 34 56 C, AO 12 34 56 A, DA 12 34 56 B, TN 12 34 56 A, JG 12 34 56 E, "
           "XJG 12 34 56 A, JG 12 34 56 AB, ref JG123456A"], flags={"loose"})
    # The Italian codice fiscale: its check letter makes it safe to read without a word
    for i in range(6):
        code = make_codice_fiscale(rng, woman=i % 2 == 1, omocodia=[0, 0, 1, 0, 3, 0][i])
        V.add("ssn-codice-fiscale", "an Italian codice fiscale (check letter, omocodia, either case), read anywhere",
              [["il mio codice fiscale è ", "CF: ", "codice fiscale ", "ecco: ", "C.F. ", "numero ordine? no, "][i],
               ("ssn", code.lower() if i == 3 else code), [" grazie", "", ".", "", ",", " è il mio CF"][i]])
    bad = make_codice_fiscale(rng, woman=False)
    bad = bad[:15] + chr((ord(bad[15]) - ord("A") + 1) % 26 + ord("A"))
    assert not codice_fiscale_ok(bad)
    V.add("ssn-codice-fiscale-neg", "a codice fiscale whose check letter fails, whose month letter is none "
          "(F), whose day is no real one (30 February), or glued to a word is none",
          ["CF " + bad + ", RCCMNL83F18D969H, RCCMNL83B30D969X, xRCCMNL83S18D969H, RCCMNL83S18D969H2"],
          flags={"loose"})
    V.add("ssn-national-bsn-one-group", "a BSN in one group that the US rules turn away (area 991) is read by the "
          "national ones", ["mijn BSN is ", ("ssn", "991161464"), ""])
    V.add("ssn-national-neg-bsn-dotted", "a BSN grouping that fails the 11-proof (and Luhn) is none",
          ["BSN: 1112.22.334"], flags={"loose"})
    V.add("ssn-national-neg-no-word", "without an SSN word, a valid РНОКПП or Steuer-IdNr is no SSN",
          ["код замовлення 2759013775 ok, Vorgang 36574261809"], flags={"loose"})
    V.add("ssn-national-neg-label", "a label nearer than the SSN word names the number",
          ["ІПН є, номер замовлення 2759013775"], flags={"loose"})
    V.add("ssn-bare-context-social-security", "two-word context word 'social security'",
          ["Social Security: ", ("ssn", "412783001"), "."])
    V.add("ssn-bare-context-after", "context word after the number, same line",
          ["The number ", ("ssn", "412783001"), " is my SSN."])
    V.add("ssn-bare-context-parenthesised", "9 bare digits in parentheses after an SSN word",
          ["SSN (", ("ssn", "536221847"), ")"])
    V.add("ssn-after-email-domain-word", "a label word inside an email's domain ('id') is no label for the "
          "number after the address (found by the leak oracle)",
          ["write to ", ("email", "jo@shop-id.com"), " or ", ("ssn", "417 83 5910"), "."])
    V.add("ssn-spaces-continued-context", "spaced 3-2-4 continued by a group: an SSN word decides",
          ["SSN ", ("ssn", "234 56 1891"), " 1980 was my birth year"], flags={"loose"})
    # negatives
    neg = [
        ("000-12-3456", "area-000", "area 000 is never issued"),
        ("000 12 3456", "area-000-spaces", "area 000 is never issued"),
        ("666-12-3456", "area-666", "area 666 is never issued"),
        ("666 45 1234", "area-666-spaces", "area 666 is never issued"),
        ("912-93-4567", "itin-group-93", "9xx with group 93 (ATIN) is not an ITIN"),
        ("912-01-4567", "itin-group-01", "9xx with group 01 (IRSN) is not an ITIN"),
        ("987-45-4320", "itin-group-45", "9xx with group 45 is not an ITIN"),
        ("955-66-1234", "itin-group-66", "9xx with group 66 is outside 50-65"),
        ("955-69-1234", "itin-group-69", "9xx with group 69 is outside the ITIN ranges"),
        ("955-89-1234", "itin-group-89", "9xx with group 89 is outside the ITIN ranges"),
        ("955-49-1234", "itin-group-49", "9xx with group 49 is outside the ITIN ranges"),
        ("123-00-4567", "group-00", "group 00 is never issued"),
        ("123-45-0000", "serial-0000", "serial 0000 is never issued"),
        ("123.45.6789", "dots", "'.' separates an SSN only after an SSN word, and 3-2-4 is no phone shape"),
        ("123/45/6789", "slashes", "'/' never separates an SSN"),
        ("123-45-6789-12", "continued", "3-2-4 followed by another group with the same separator"),
        ("12-123-45-6789", "preceded", "3-2-4 preceded by another group with the same separator"),
    ]
    for value, slug, note in neg:
        l = lang()
        # The third template of each language holds no SSN word (dots need one).
        V.add("ssn-neg-%s-%s" % (slug, l), note, sent("ssn", l, 2 if slug == "dots" else k(), None, value),
              flags={"loose"})
    for slug, parts in (("ssn", ["my ssn: ", ("ssn", "123.45.6789"), "."]),
                        ("social-security", ["My social security number is ", ("ssn", "812.80.1276")]),
                        ("sozialversicherung", ["Meine SSN lautet ", ("ssn", "536.22.1479"), ", danke."])):
        V.add("ssn-dots-after-word-%s" % slug, "3-2-4 joined by dots after an SSN word (Presidio, scrubadub)", parts)
    V.add("ssn-neg-dots-version", "3-2-4 joined by dots without an SSN word: a version or a reference",
          ["Update to version 123.45.6789 first."], flags={"loose"})
    for value, slug, note in (("000123456", "area-000", "bare 9 digits, area 000, with context"),
                              ("666123456", "area-666", "bare 9 digits, area 666, with context"),
                              ("912931234", "itin-93", "bare 9 digits, 9xx group 93, with context"),
                              ("123004567", "group-00", "bare 9 digits, group 00, with context"),
                              ("123450000", "serial-0000", "bare 9 digits, serial 0000, with context")):
        l = lang()
        V.add("ssn-neg-bare-%s-%s" % (slug, l), note, sent("ssn-bare", l, 0, None, value), flags={"loose"})
    for l, (pre, post) in zip(LANGS, [("The number ", " is on the form."), ("Le numéro ", " est sur le formulaire."),
                                      ("El número ", " está en el formulario."), ("Номер ", " є у формі."),
                                      ("Die Nummer ", " steht im Formular.")]):
        V.add("ssn-neg-bare-no-context-%s" % l, "9 bare digits without an SSN context word",
              [pre, "536221847", post], flags={"loose"})
    V.add("ssn-neg-bare-context-other-line", "context word on another line does not count",
          ["My SSN:\n", "536221847"], flags={"loose"})
    V.add("ssn-neg-bare-context-crlf", "context word before a CRLF line break does not count",
          ["SSN\r\n", "536221847"], flags={"loose"})
    V.add("ssn-neg-bare-context-far", "context word more than 64 characters away does not count",
          ["SSN requested by the agent, who then asked many unrelated questions about the weather, and then wrote ",
           "536221847", "."], flags={"loose"})
    V.add("ssn-neg-bare-ten-digits", "10 bare digits with a context word are no SSN",
          ["SSN ", "5362218470", "?"], flags={"loose"})
    V.add("ssn-neg-bare-itinerary", "'itinerary' is not the context word 'itin'",
          ["itinerary ", "536221847"], flags={"loose"})
    # A label in front does not veto an SSN in its own shape (fail closed: an issuable SSN
    # written 3-2-4 is masked whatever it is called).
    for slug, label, value in (("order", "order ", "536-22-1234"), ("ticket", "ticket ", "536-22-1234"),
                               ("id", "ID ", "412-63-9021"), ("account", "account ", "536 22 1234"),
                               ("pedido", "pedido n.º ", "641-20-8208")):
        V.add("ssn-labelled-%s" % slug, "an SSN in its 3-2-4 shape after the label '%s' is masked" % label.strip(),
              [label, ("ssn", value), " please"])
    # A dash glued to a word after it makes 3-2-4 a slice of a longer token, as one before it.
    V.add("ssn-neg-dash-word-after", "3-2-4 followed by a dash and a letter: a part number (red-team case 943 "
          "without its label)", ["the value ", "536-22-8417-B", " is listed"], flags={"loose"})
    V.add("ssn-neg-dash-word-before", "3-2-4 after a letter and a dash: a part number",
          ["the value ", "B-536-22-8417", " is listed"], flags={"loose"})
    V.add("ssn-dash-word-after-ssn-word", "an SSN word decides for 3-2-4 glued to a dash and a word",
          ["my ssn ", ("ssn", "536-22-8417"), "-thanks"])
    return V


# ---------------------------------------------------------------------------------------------
# emails.toml
# ---------------------------------------------------------------------------------------------
def gen_emails():
    V = Vectors()
    lang = Cycle()
    k = Cycle(range(4))
    local64 = "abcdefghij" * 6 + "abcd"
    positives = [
        ("melissa@gmail.com", "gmail", "plain ASCII address; local part masked after the first character"),
        ("john.doe@example.com", "dots", "dot in the local part"),
        ("first.last+tag@example.co.uk", "plus-subdomain", "plus tag and a second-level domain"),
        ("jean-pierre_dupont@mail.example.fr", "hyphen-underscore", "hyphen and underscore in the local part"),
        ("o'connor@example.ie", "apostrophe", "apostrophe allowed in the local part"),
        ("user_name@sub.domain.example.org", "subdomains", "several subdomains"),
        ("a@example.com", "one-char", "one-character local part is masked entirely"),
        ("иван@пример.укр", "idn-uk", "Cyrillic U-label local part, domain and TLD"),
        ("josé@correo.es", "idn-es", "accented local part"),
        ("müller@beispiel.de", "idn-de", "umlaut in the local part"),
        ("user@example.xn--p1ai", "punycode-tld", "punycode TLD xn--p1ai"),
        ("user@example.भारत", "tld-combining-marks", "TLD with combining marks (Devanagari)"),
        ("support@xn--e1afmkfd.xn--j1amh", "a-labels", "A-label domain and TLD"),
        ("John.Doe@Example.COM", "upper-case", "upper case kept in the domain"),
        ("claims@example.travelersinsurance", "long-tld", "18-letter TLD"),
        ("_admin@example.com", "leading-underscore", "leading underscore is kept"),
        ("info@123-reg.co.uk", "digit-label", "digits in a domain label"),
        ("x_y-z@e-mail.example.com", "hyphen-label", "hyphen inside a domain label"),
        ("олена.коваль@приклад.укр", "cyrillic-dots", "Cyrillic local part with a dot"),
        ("françoise.dupont@exemple.fr", "cedilla", "ç in the local part"),
        ("büro@müller-gmbh.de", "idn-domain-hyphen", "umlaut in local part and domain label with hyphen"),
        ("ana.garcía@correo.es", "accent-dot", "accent after a dot"),
        ("user@пример.рф", "cyrillic-tld", "two-letter Cyrillic TLD"),
        ("a.b-c_d%e@example.com", "percent", "% in the local part"),
        (local64 + "@example.com", "local-64-bytes", "local part of exactly 64 bytes"),
        ("ก" * 30 + "@example.com", "local-thai-30", "a Thai local part of 30 letters (90 bytes): 64 characters at most"),
        ("亮.梁@gmail.com", "han-dot", "a Han local part with a dot: punctuation belongs to no script"),
        ("taro@佐々木.jp", "iteration-mark", "々 in a Japanese domain label"),
        ("nombre.apellido@empresa.com.mx", "three-labels", "three-label domain"),
        ("me+news@example.org", "plus", "plus in the local part, no digits"),
        ("s@ex.io", "short", "one-character local part and two-letter TLD"),
        ("ab@example.com", "two-char", "two-character local part keeps one character"),
    ]
    for value, slug, note in positives:
        reps = 2 if slug in ("gmail", "idn-uk", "idn-es", "idn-de", "one-char", "punycode-tld", "tld-combining-marks") else 1
        for _ in range(reps):
            l = lang()
            V.add("email-%s-%s" % (slug, l), note, sent("email", l, k(), "email", value))
    V.add("email-leading-dropped", "leading characters other than letters, digits and _ are dropped from the local part",
          ["ping ~~", ("email", "admin@example.org"), " now"])
    V.add("email-atext-slash-equals-question", "RFC 5322 atext `/`, `=` and `?` belong to the local part (REFERENCE §5; found by the leak oracle)",
          ["write to ", ("email", "ab/cd=ef?gh@example.com"), " now"])
    V.add("email-link-query-value", "in a link's query string the address is the parameter's value after the last `=` that follows `?` or `&`",
          ["https://shop.example.com/unsubscribe?email=", ("email", "john.doe@example.com"), "&x=1"], flags={"loose"})
    V.add("email-log-address-key", "a known address key and `=` before the address is no part of it, without a scheme too",
          ["GET /track?id=7&email=", ("email", "john.w.smith@student.uni.edu"), " 200"], flags={"loose"})
    V.add("email-log-address-key-first", "a log's `email=` key before the address",
          ["ts=1700000000 email=", ("email", "ann@example.com"), " status=sent"], flags={"loose"})
    V.add("email-other-key-stays", "`=` after a key that names no address stays in the local part (RFC 5322 atext)",
          ["bounce ", ("email", "bounce-user=example.org@lists.example.com")])
    V.add("email-one-letter-after-cjk", "a one-letter local part after CJK text is masked whole, and the masked text is no new address",
          ["用户", ("email", "a@例子.广告")])
    V.add("email-garbled-letter-domain", "one CJK character between Latin letters of a domain label is a garbled letter "
          "(`ü` decoded in the wrong encoding; validator.js), not text after the address",
          ["Mi correo es ", ("email", "hans@m端ller.com"), ", gracias."])
    V.add("email-garbled-letter-local", "one CJK character right after a Latin letter of the local part is a garbled letter",
          ["Schreib an ", ("email", "hans.m端ller@test.com"), " bitte"])
    V.add("email-cjk-letter-starts-local", "one CJK character starting a word, then Latin letters, is the local part's "
          "first letter (a surname: `葉jeff`, python-email-validator)", ["Write to ", ("email", "葉jeff@example.com"), " today"])
    V.add("email-code-switch-word-before", "a CJK word of two characters or more before a Latin local part stays out of it",
          ["请发到gmail邮箱", ("email", "john@gmail.com"), "谢谢"])
    V.add("email-fullwidth-at-ja", "the full-width at sign `＠` (U+FF20) of Japanese and Chinese input is an at sign; "
          "it is kept with the domain", ["メールは", ("email", "taro.yamada＠example.co.jp"), " です"])
    V.add("email-fullwidth-at-zh", "the full-width at sign after CJK punctuation",
          ["邮箱：", ("email", "zhang.wei＠qq.com"), "，谢谢"])
    V.add("email-fullwidth-at-two", "an address with `＠` next to one with `@`",
          ["write to ", ("email", "john＠gmail.com"), " or ", ("email", "mary@gmail.com")])
    V.add("email-persian-zwnj", "the zero-width non-joiner inside a Persian name belongs to the local part",
          ["ایمیل: ", ("email", "امتیس.علی\u200cپور@yandex.ru"), " است"])
    V.add("email-persian-letters-in-label", "Persian `ک` and `ی` belong to the Arabic script of the label "
          "(the IDN TLD `.ایران`)", ["ایمیل من ", ("email", "ali@example.ایران"), " است"])
    V.add("email-persian-domain-label", "a domain label in Persian letters", ["write ", ("email", "ali@کتاب.com")])
    V.add("email-idn-label-a-label-length", "a label's 63-octet limit counts its A-label (Punycode): 40 Cyrillic "
          "letters are 80 UTF-8 bytes but a 46-byte A-label (egulias)", ["пишіть ", ("email", "example@" + "ъ" * 40 + ".com")])
    V.add("email-link-query-value-equals", "a query value may hold `=` itself: it starts after the first `=` after the last "
          "`?` or `&` (a bounce address)", ["https://example.org/u?email=", ("email", "bounces+jan=example.com@mail.example.org")])
    V.add("email-log-key-value-equals", "after a known address key, the value may hold `=`",
          ["email=", ("email", "bounces+jan=example.com@mail.example.org"), " sent"])
    V.add("email-link-long-path", "a link's path before the query may be longer than any local part",
          ["https://example.com/some/long/path/to/unsubscribe/page/with/many/segments/here?email=",
           ("email", "john.doe@example.com")])
    V.add("email-quote-before-longest-local", "a 64-character local part after a quote (itself a local-part character) "
          "is trimmed to its letters, not dropped", ["'", ("email", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklm@iana.org"), "'"])
    V.add("email-next-sentence-other-alphabet", "a word in another alphabet right after the final dot starts the next sentence",
          ["напишіть ", ("email", "olena@example.com"), ".Дякую"])
    V.add("email-after-hebrew-prefix", "a Hebrew prefix glued with a hyphen ('to …') is not part of a Latin local part",
          ["אפשר לכתוב לי ל-", ("email", "sofia-wang06@bezeqint.net")])
    V.add("email-after-hebrew-prefix-glued", "a Hebrew prefix written right onto the address",
          ["שלחו ל", ("email", "bob@example.io"), " תודה"])
    V.add("email-after-another-slash", "two addresses joined by `/`: the second's local part starts after the first's domain",
          ["cc: ", ("email", "john@example.com"), "/", ("email", "maria@example.org"), " thanks"])
    V.add("email-after-another-bar", "two addresses joined by `|`",
          [("email", "a.b@mail.example.io"), "|", ("email", "c_d@example.net")])
    V.add("email-url-encoded-at", "an at sign written %40 in a link's query is an at sign",
          ["https://shop.example.com/unsubscribe?email=", ("email", "john.smith%40gmail.com"), "&id=3 and ",
           "mailto:", ("email", "a.b%40x.org"), " but not 100%40 nor %40gmail"], flags={"loose"})
    V.add("email-label-script-change", "a domain label stays in one script: a word glued to the TLD in another ends the address",
          ["пишите на ", ("email", "ivan@mail.ru"), "пожалуйста"])
    V.add("email-link-path", "in a link (scheme and `//`) the local part starts after the path's last `/`",
          ["https://x.io/u/", ("email", "joe@x.io"), "/orders"])
    V.add("email-leading-dot-dropped", "a leading dot is dropped from the local part",
          ["see .", ("email", "hidden@example.com"), " too"])
    V.add("email-angle-brackets", "address in angle brackets",
          ["Jane Doe <", ("email", "jane@example.com"), ">"])
    V.add("email-mailto", "mailto: prefix is not part of the local part",
          ["link mailto:", ("email", "jane@example.com"), " here"])
    V.add("email-trailing-numeric-label", "trailing labels that are not a TLD are dropped",
          ["host ", ("email", "user@example.com"), ".123 is down"], flags={"loose"})
    V.add("email-end-of-sentence", "a full stop after the TLD ends the domain",
          ["Write to ", ("email", "melissa@gmail.com"), "."])
    V.add("email-whole-input", "the whole input is an address", [("email", "melissa@gmail.com")])
    V.add("email-quoted-local-part", "a quoted local part (RFC 5322 §3.4.1; REFERENCE §5) may hold spaces: the quotes "
          "are kept, what they hold is masked as a local part", ["write to ", ("email", '"john doe"@example.com'), " today"])
    V.add("email-quoted-local-part-escapes", "a quoted local part with escaped quotes, in angle brackets",
          ["Jane <", ("email", '"jane \\"jd\\" doe"@example.org'), ">"])
    V.add("email-quoted-local-part-preserve", "style preserve masks the letters and digits inside the quotes",
          ["mail: ", ("email", '"Anna Kowalska 7"@poczta.pl')], config={"email": {"style": "preserve"}})
    V.add("email-quoted-local-part-cyrillic", "a quoted local part in Cyrillic (RFC 6532)",
          ["пишіть на ", ("email", '"Олена К"@приклад.укр')])
    V.add("email-neg-quoted-glued-to-word", "a quote glued to a word before it opens no local part; the quote is no "
          "local-part character either", ['he said"hi"@example.com'], flags={"loose"})
    V.add("email-quoted-glued-to-address", "a quote glued to the end of another address opens a local part: both "
          "addresses are masked, in every style (fuzz smoke: masked, the first one left a label or nothing there, "
          "and the second was found only then)",
          ["he ", ("email", "saimelissa@gmail.comd"), ("email", '"hi"@exa-pl21.e.com')],
          config={"email": {"style": "label"}})
    V.add("email-neg-quoted-nothing-to-hide", "quotes holding no letter or digit hold nothing to hide",
          ['see "  "@example.com and "--"@example.org'], flags={"loose"})
    V.add("email-quoted-holds-no-at-sign", "a quote before an at sign closes a quoted local part and opens no other: "
          "quotes holding an at sign are none (fuzz: masking the 7 glued to the closing quote made it an opening one)",
          ["mail: ", ("email", '"Anna K 7"@poczta.pl'), ' Kowalska 7"@poczta.pl'], flags={"loose"})
    V.add("email-neg-quoted-masked", "a masked quoted local part is not found again",
          ['write to "j******"@example.com today'], flags={"loose"})
    V.add("email-fullwidth-at-after-hebrew-letter", "a Hebrew letter before a full-width at sign: the look for a Hebrew "
          "prefix stays before the at sign (fuzz: it ran past `＠`, no ASCII character, and panicked)",
          ["x ", ("email", "ע＠מ6.com"), " ok"])
    V.add("email-neg-fullwidth-at-after-hebrew-letter", "the same without a TLD: no address, and no panic",
          ["x ע＠מ6 ok"], flags={"loose"})
    V.add("email-one-char-in-emphasis", "markdown emphasis around a one-character address: the `*` before "
          "it is markup, not a masked local part (probe 18 left `i@mail.ru` in clear)",
          ["write to *", ("email", "i@mail.ru"), "* please"])
    V.add("email-one-char-in-bold", "markdown bold around a one-character address",
          ["почта **", ("email", "i@mail.ru"), "** спасибо"])
    V.add("email-emoji-before", "4-byte emoji before the address (byte offsets)",
          ["📧 ", ("email", "jane@example.com")])
    neg = [
        ("@handle", "handle", "a social handle has no local part"),
        ("user@localhost", "localhost", "a one-label domain is no email domain"),
        ("pkg@1.2.3", "version", "no label is a TLD"),
        ("name@host.123", "numeric-tld", "numeric last label is dropped; one label is left"),
        ("m******@gmail.com", "already-masked", "an already-masked address is not detected again"),
        ("a@b.c", "one-letter-tld", "TLD of one letter"),
        ("*@example.com", "already-masked-one-char", "masked one-character local part"),
        ("___@gmail.com", "no-letters-or-digits", "a local part without a letter or digit holds nothing to hide "
         "(found by fuzzing: style preserve left such an address to be found again)"),
        ("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklmn@iana.org", "local-part-too-long",
         "a local part of 65 characters is longer than RFC 5321 allows"),
    ]
    for value, slug, note in neg:
        for l in LANGS:
            V.add("email-neg-%s-%s" % (slug, l), note, sent("neg", l, LANGS.index(l), None, value),
                  flags={"loose"})
    return V


# ---------------------------------------------------------------------------------------------
# phones.toml
# ---------------------------------------------------------------------------------------------
PHONE_FORMS = [
    # (market, slug, value, lang, note)
    ("nanp", "national", "(201) 555-0123", "en", "NANP national form, match starts at the '('"),
    ("nanp", "intl", "+1 201-555-0123", "en", "NANP international form"),
    ("nanp", "dots", "201.555.0123", "en", "NANP 3-3-4 with dots"),
    ("nanp", "dashes", "201-555-0123", "en", "NANP 3-3-4 with dashes"),
    ("nanp", "spaces", "201 555 0123", "en", "NANP 3-3-4 with spaces"),
    ("nanp", "trunk1-dashes", "1-800-555-0199", "en", "NANP trunk 1, groups 1-3-3-4"),
    ("nanp", "trunk1-parens", "1 (201) 555-0123", "en", "NANP trunk 1 with a parenthesised area code"),
    ("nanp", "intl-parens", "+1 (201) 555-0123", "en", "+1 with a parenthesised area code"),
    ("nanp", "011-intl-prefix", "011 44 20 7946 0958", "en", "NANP international prefix 011 before +44"),
    ("nanp", "unassigned-555", "(555) 123-4567", "en", "shape decides: unassigned NPA 555 is still masked"),
    ("nanp", "plus-space", "+ 1 (123) 456 7890", "en", "'+ ' with a space, unassigned range, shape decides"),
    ("nanp", "intl-contiguous", "+12015550123", "en", "contiguous +1 number"),
    ("uk", "mobile-national", "07400 123456", "en", "UK mobile national 5-6"),
    ("uk", "london-national", "020 7946 0958", "en", "UK London drama number"),
    ("uk", "birmingham-national", "0121 234 5678", "en", "UK 4-3-4 national"),
    ("uk", "mobile-intl", "+44 7400 123456", "en", "UK mobile international"),
    ("uk", "london-intl", "+44 20 7946 0958", "en", "UK London international"),
    ("uk", "intl-paren-zero", "+44 (0)20 7946 0958", "en", "(0) after the country code is allowed"),
    ("uk", "mobile-contiguous", "07966197542", "en", "contiguous national with trunk 0"),
    ("uk", "intl-contiguous", "+447966197542", "en", "contiguous +44"),
    ("uk", "00-prefix", "0044 20 7946 0958", "en", "00 international prefix"),
    ("uk", "plus-space", "+ 44 20 7946 0958", "en", "space after the plus"),
    ("fr", "mobile-national", "06 12 34 56 78", "fr", "French 2-2-2-2-2"),
    ("fr", "fixed-national", "01 23 45 67 89", "fr", "French fixed line"),
    ("fr", "mobile-intl", "+33 6 12 34 56 78", "fr", "French international"),
    ("fr", "dots", "06.12.34.56.78", "fr", "French dots (not a date: continued by more groups)"),
    ("fr", "dashes", "06-12-34-56-78", "fr", "French dashes (not a date: continued by more groups)"),
    ("fr", "intl-paren-zero", "+33 (0)6 12 34 56 78", "fr", "(0) after +33"),
    ("fr", "contiguous", "0612345678", "fr", "contiguous national with trunk 0"),
    ("fr", "00-prefix", "0033 6 12 34 56 78", "fr", "00 international prefix"),
    ("fr", "intl-contiguous", "+33612345678", "fr", "contiguous +33"),
    ("es", "mobile-3-2-2-2", "612 34 56 78", "es", "Spanish 3-2-2-2 (no trunk prefix)"),
    ("es", "mobile-intl", "+34 612 34 56 78", "es", "Spanish international"),
    ("es", "mobile-3-3-3", "612 345 678", "es", "Spanish 3-3-3"),
    ("es", "fixed-3-2-2-2", "912 34 56 78", "es", "Spanish fixed line 3-2-2-2"),
    ("es", "00-prefix", "0034 612 345 678", "es", "00 international prefix"),
    ("es", "intl-contiguous", "+34612345678", "es", "contiguous +34"),
    ("ua", "mobile-national", "050 123 4567", "uk", "Ukrainian 3-3-4 with trunk 0"),
    ("ua", "kyiv-national", "044 123 4567", "uk", "Kyiv fixed line"),
    ("ua", "mobile-intl", "+380 50 123 4567", "uk", "Ukrainian international"),
    ("ua", "3-3-2-2", "050 123 45 67", "uk", "Ukrainian 3-3-2-2"),
    ("ua", "parens-dashes", "(050) 123-45-67", "uk", "parenthesised operator code, dashes"),
    ("ua", "plus38", "+38 050 123 45 67", "uk", "+38 0XX form (country code written 38 + trunk 0)"),
    ("ua", "00-prefix", "00380 50 123 4567", "uk", "00 international prefix"),
    ("ua", "contiguous", "0501234567", "uk", "contiguous national with trunk 0"),
    ("ua", "intl-contiguous", "+380501234567", "uk", "contiguous +380"),
    ("de", "berlin-national", "030 1234567", "de", "German 3-7"),
    ("de", "mobile-national", "0170 1234567", "de", "German mobile 4-7"),
    ("de", "mobile-5-7", "01512 3456789", "de", "German mobile 5-7"),
    ("de", "berlin-intl", "+49 30 1234567", "de", "German international"),
    ("de", "munich-din", "089 1234567", "de", "DIN 5008 national"),
    ("de", "munich-intl", "+49 89 1234567", "de", "DIN 5008 international"),
    ("de", "old-parens", "(0511) 1 23 45 67", "de", "older German form with parenthesised area code"),
    ("de", "slash", "0511/1234567", "de", "slash separator"),
    ("de", "intl-paren-zero", "+49 (0)30 1234567", "de", "(0) after +49"),
    ("de", "00-prefix", "0049 30 1234567", "de", "00 international prefix"),
    ("de", "intl-contiguous", "+4915123456789", "de", "contiguous +49 mobile"),
    ("it", "rome-national", "06 1234 5678", "fr", "Italian fixed 2-4-4"),
    ("it", "milan-national", "02 1234 5678", "es", "Italian fixed 2-4-4"),
    ("it", "mobile-national", "312 345 6789", "de", "Italian mobile 3-3-4"),
    ("it", "rome-intl", "+39 06 1234 5678", "en", "Italian international keeps the leading 0"),
    ("it", "mobile-333", "333 123 4567", "uk", "Italian mobile 3-3-4"),
    ("it", "00-prefix", "0039 06 1234 5678", "fr", "00 international prefix"),
    ("it", "intl-contiguous", "+393331234567", "es", "contiguous +39 mobile"),
    ("nl", "mobile-national", "06 12345678", "de", "Dutch mobile 2-8"),
    ("nl", "amsterdam-national", "020 123 4567", "en", "Dutch fixed 3-3-4"),
    ("nl", "mobile-intl", "+31 6 12345678", "uk", "Dutch international"),
    ("nl", "amsterdam-intl", "+31 20 123 4567", "fr", "Dutch fixed international"),
    ("nl", "mobile-dash", "06-12345678", "es", "Dutch mobile with a dash"),
    ("nl", "00-prefix", "0031 6 12345678", "de", "00 international prefix"),
    ("nl", "intl-contiguous", "+31612345678", "en", "contiguous +31"),
    ("ru", "trunk8-parens", "8 (495) 123-45-67", "uk", "trunk 8, parenthesised code, 3-2-2"),
    ("ru", "trunk8-spaces", "8 912 345 67 89", "uk", "trunk 8, 3-3-2-2 with spaces"),
    ("ru", "intl", "+7 495 123-45-67", "en", "+7 international"),
    ("br", "mobile-nine-apart", "(11) 9 8765-4321", "es", "Brazilian mobile with its 9 apart"),
    ("br", "parens-spaced-inside", "( 11 ) 98765-4321", "en", "a space inside each parenthesis around the area code, "
     "as some forms print it (Recognizers-Text `( 19 ) 38294427`)"),
    ("br", "parens-space-before-close", "(19 ) 3829-4427", "fr", "a space before the closing parenthesis only"),
    ("br", "mobile-nine-apart-bare", "11 9 8765-4321", "en", "Brazilian mobile, area code without parentheses"),
    ("ar", "mobile-15", "011 15 4123-4567", "es", "Argentine national mobile: trunk 0, area 11, 15"),
    ("ar", "mobile-15-dashes", "0351 15-412-3456", "es", "Argentine national mobile (Córdoba)"),
    ("in", "trunk-6-5", "098765 43210", "en", "Indian mobile with trunk 0, grouped 6-5"),
    ("cn", "mobile-contiguous", "13812345678", "en", "Chinese mobile written as one run of 11 digits"),
    ("dk", "2-2-2-2", "20 12 34 56", "de", "Danish number, 2-2-2-2"),
    ("dk", "4-4", "3533 7406", "en", "Danish number, 4-4"),
    ("no", "mobile-3-2-3", "412 34 567", "fr", "Norwegian mobile, 3-2-3"),
    ("hk", "landline-4-4", "2123 4567", "en", "Hong Kong landline, 4-4"),
    ("ch", "local-3-2-2", "891 41 77", "de", "7-digit local number, 3-2-2"),
    ("gr", "mobile-4-3-3", "6984 011 070", "en", "Greek mobile, 4-3-3"),
    ("cl", "mobile-1-4-4", "9 1234 5678", "es", "Chilean mobile, 1-4-4"),
    ("se", "stockholm-8-digits", "08-60 42 30", "de", "Stockholm number, 8 digits with trunk 0"),
    ("il", "landline-contiguous", "049141777", "en", "Israeli landline with trunk 0 as one run of 9 digits"),
    ("ci", "fixed-5-pairs", "27 22 12 39 05", "fr", "Ivorian fixed number since 2021, 10 digits in pairs"),
    ("au", "freephone-1800", "1800 468 606", "en", "Australian freephone 1800, 4-3-3"),
    ("au", "local-rate-1300", "1300 410 645", "en", "Australian local-rate 1300, 4-3-3"),
    ("in", "freephone-1800-4-3-4", "1800-471-5720", "en", "Indian toll-free 1800, 4-3-4"),
    ("my", "freephone-1-800", "1-800-46-2787", "en", "Malaysian toll-free 1-800-xx-xxxx"),
    ("il", "freephone-1-800", "1-800-21-72-13", "en", "Israeli toll-free 1-800-xx-xx-xx"),
    ("ph", "freephone-1-800", "1-800-10-820-1241", "en", "Philippine toll-free 1-800-10-xxx-xxxx"),
    ("no", "freephone-800", "800 62 061", "fr", "Norwegian freephone 800 xx xxx"),
    ("cl", "santiago-paren", "(2) 2324 3818", "es", "Santiago landline, one-digit area code in parentheses"),
    ("br", "carrier-code", "0 15 11 90003-0913", "es", "Brazilian long-distance form: trunk, carrier, area"),
]


def gen_phones():
    V = Vectors()
    rng = random.Random("piimask-phones")
    k = Cycle(range(4))
    for market, slug, value, l, note in PHONE_FORMS:
        V.add("phone-%s-%s-%s" % (market, slug, l), note, sent("phone", l, k(), "phone", value))
    # the written forms again in a second language
    second = Cycle(LANGS, 2)
    for market, slug, value, l, note in PHONE_FORMS[::3]:
        l2 = second()
        if l2 == l:
            l2 = second()
        V.add("phone-%s-%s-%s" % (market, slug, l2), note + " (second language)",
              sent("phone", l2, k(), "phone", value))

    # `00` numbers of a country's other number types, whose national lengths lie outside its
    # fixed and mobile ones (libphonenumber's general possible lengths): masked whole when the
    # country code stands apart and the rest is one run (black-box probe 15, peers' tests).
    other_types = [
        ("au", "freephone", "0061 1800 123 456", "en"),
        ("nl", "freephone", "0031 800 1234", "de"),
        ("ie", "shared-cost", "00353 1850 123 456", "en"),
        ("co", "freephone", "0057 1 800 1234567", "es"),
        ("cr", "freephone-dashes", "00506 800-123-4567", "es"),
        ("il", "freephone-dashes", "00972 1-800-123-456", "en"),
        ("se", "voicemail", "0046 254 12 345 67 89", "de"),
        ("sg", "uan", "0065 7000 1234 567", "en"),
        ("br", "shared-cost", "0055 4004-1234", "fr"),
        ("vn", "mobile-dashes", "0084-99-953065", "fr"),
        ("nc", "dotted-pairs", "00687 20.12.34", "fr"),
    ]
    k_other = Cycle(range(4))  # its own cycle: the vectors after these keep their sentences
    for market, slug, value, l in other_types:
        V.add("phone-%s-00-%s-%s" % (market, slug, l), "00 international prefix, a length of another "
              "number type of the country", sent("phone", l, k_other(), "phone", value))

    d = lambda n: "".join(rng.choice(DIGITS) for _ in range(n))  # noqa: E731
    nz = lambda: rng.choice("23456789")  # noqa: E731

    def gen(market):
        if market == "nanp":
            a, b = nz() + d(2), nz() + d(2)
            return [("national", "(%s) %s-%s" % (a, b, d(4)), "en"),
                    ("intl", "+1 %s-%s-%s" % (a, b, d(4)), "en")]
        if market == "uk":
            m = "7" + rng.choice("45789") + d(2)
            return [("mobile-national", "0%s %s" % (m, d(6)), "en"),
                    ("mobile-intl", "+44 %s %s" % (m, d(6)), "en")]
        if market == "fr":
            f = rng.choice("1234567")
            return [("national", "0%s %s %s %s %s" % (f, d(2), d(2), d(2), d(2)), "fr"),
                    ("intl", "+33 %s %s %s %s %s" % (f, d(2), d(2), d(2), d(2)), "fr")]
        if market == "es":
            return [("3-2-2-2", "6%s %s %s %s" % (d(2), d(2), d(2), d(2)), "es"),
                    ("intl", "+34 6%s %s %s" % (d(2), d(3), d(3)), "es")]
        if market == "ua":
            op = rng.choice(["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"])
            return [("national", "0%s %s %s %s" % (op, d(3), d(2), d(2)), "uk"),
                    ("intl", "+380 %s %s %s" % (op, d(3), d(4)), "uk")]
        if market == "de":
            op = rng.choice(["151", "152", "160", "162", "170", "171", "172", "176"])
            return [("mobile-national", "0%s %s" % (op, d(7)), "de"),
                    ("mobile-intl", "+49 %s %s" % (op, d(7)), "de")]
        if market == "it":
            op = "3" + rng.choice("123456789") + d(1)
            return [("mobile-national", "%s %s %s" % (op, d(3), d(4)), "de"),
                    ("mobile-intl", "+39 %s %s %s" % (op, d(3), d(4)), "en")]
        if market == "nl":
            return [("mobile-national", "06 %s" % d(8), "fr"), ("mobile-intl", "+31 6 %s" % d(8), "es")]
        raise ValueError(market)

    for market in ("nanp", "uk", "fr", "es", "ua", "de", "it", "nl"):
        for _ in range(2):
            for slug, value, l in gen(market):
                V.add("phone-gen-%s-%s-%s" % (market, slug, l), "generated %s number, %s form" % (market, slug),
                      sent("phone", l, k(), "phone", value))
    # contiguous numbers without a trunk prefix: only next to a context word
    ctx = [
        ("en", "phone", ["phone: ", "2015550123", ""]),
        ("en", "phones-prefix", ["Two phones, the first ", "2015550148", "."]),
        ("en", "telephone", ["My telephone ", "2015550187", " works."]),
        ("en", "tel", ["tel ", "7946095", ""]),
        ("en", "mobile", ["mobile ", "7400123456", " (UK)"]),
        ("en", "cell", ["My cell is ", "2125550147", "."]),
        ("en", "cellphone", ["cellphone: ", "3055550111", ""]),
        ("en", "call-me", ["call me at ", "2015550160", " tonight"]),
        ("en", "text-me", ["text me at ", "2025550199", ", thanks"]),
        ("en", "whatsapp", ["WhatsApp ", "447400123456", " anytime"]),
        ("en", "fax", ["fax ", "2015550175", "."]),
        ("fr", "telephone", ["Mon téléphone : ", "612345678", "."]),
        ("fr", "telephonez-prefix", ["Téléphonez au ", "612345670", " demain."]),
        ("fr", "tel", ["Tél ", "123456789", ", merci."]),
        ("fr", "portable", ["Mon portable ", "698765432", " est éteint."]),
        ("fr", "mobile", ["Mobile : ", "781234567", "."]),
        ("es", "telefono-accent", ["Mi teléfono es ", "912345678", "."]),
        ("es", "telefono", ["telefono ", "912345679", ""]),
        ("es", "movil-accent", ["Mi móvil: ", "612345678", ", gracias."]),
        ("es", "movil", ["movil ", "612345679", ""]),
        ("es", "celular", ["Celular ", "5512345678", " (México)."]),
        ("es", "llamame", ["Llámame ", "612345670", " mañana."]),
        ("de", "telefon", ["Telefon: ", "301234567", "."]),
        ("de", "telefonnummer-prefix", ["Meine Telefonnummer lautet ", "301234568", "."]),
        ("de", "tel", ["Tel. ", "891234567", ""]),
        ("de", "handy", ["Mein Handy: ", "1701234567", ", danke."]),
        ("de", "mobil", ["Mobil ", "1601234567", ""]),
        ("de", "rufnummer", ["Rufnummer ", "221234567", "."]),
        ("de", "festnetz", ["Festnetz ", "40123456", "."]),
        ("uk", "telefon", ["Мій телефон ", "501234567", "."]),
        ("uk", "tel", ["тел. ", "442345678", ""]),
        ("uk", "mobilnyi", ["мобільний: ", "671234567", ", дзвоніть"]),
        ("uk", "mobilnoho-prefix", ["Номер мобільного ", "931234567", "."]),
        ("uk", "podzvonit", ["Подзвоніть ", "951234567", " завтра."]),
        ("ru", "telefon", ["Мой телефон ", "9123456789", "."]),
        ("ru", "mobilnyi", ["мобильный ", "9161234567", ""]),
        ("ru", "pozvoni", ["Позвони мне ", "9161234568", " вечером."]),
        ("pl", "dzwonic", ["Proszę dzwonić na ", "689505026", "."]),
        ("de", "ruf-an", ["Ruf an: ", "1701234568", "."]),
        ("fr", "appelle", ["Appelle le ", "612345671", " ce soir."]),
        ("it", "chiama", ["Chiama il ", "3868544643", " domani."]),
        ("es", "contactarme", ["Puedes contactarme al ", "612345672", "."]),
        ("de", "erreichen", ["Hier erreichen Sie mich: ", "1701234569", "."]),
        ("en", "long-15", ["phone ", "123456789012345", ""]),
        # probe 16: phone words of more languages, and chat shorthand
        ("ja", "renrakusaki", ["連絡先：", "9012345678", "。"]),
        ("zh", "zuoji", ["座机 ", "2112345678", "，谢谢"]),
        ("ko", "pon", ["제 폰 ", "1012345678", " 입니다"]),
        ("hi", "sampark", ["संपर्क: ", "9876543210", ""]),
        ("ur", "mobile", ["میرا موبائل ", "3001234567", " ہے"]),
        ("fa", "tamas", ["لطفاً تماس بگیرید ", "9121234567", ""]),
        ("he", "hatelefon", ["הטלפון שלי ", "501234567", ", תודה"]),
        ("th", "mue-thue", ["มือถือ ", "812345678", " ค่ะ"]),
        ("vi", "sdt", ["sdt ", "912345678", " nhé"]),
        ("id", "wa", ["WA ", "81234567890", " ya kak"]),
        ("ms", "hp", ["h/p: ", "123456789", ""]),
        ("fi", "matkapuhelin", ["matkapuhelin: ", "401234567", ""]),
        ("hu", "mobilszam", ["Mobilszámom: ", "201234567", "."]),
        ("sk", "telefon", ["Telefón: ", "912345678", "."]),
        ("hr", "mobitel", ["Mobitel ", "911234567", "."]),
        ("sl", "poklicite", ["Pokličite me na ", "31234567", "."]),
        ("bg", "obadete", ["Обадете се на ", "887123456", "."]),
        ("sw", "simu", ["Namba yangu ya simu ni ", "712345678", "."]),
        ("en", "hit-me-up", ["hit me up ", "2125550147", ""]),
        ("en", "emoji", ["📞 ", "2125550148", ""]),
        ("tl", "cp-ko", ["cp ko ", "9171234567", " po"]),
        ("tr", "arayabilirsiniz", ["beni ", "2015550123", " numarasından arayabilirsiniz"]),
        ("ar", "al-ittisal", ["يمكنك الاتصال بي على الرقم ", "612345678", " بعد الخامسة"]),
    ]
    for l, slug, (pre, num, post) in ctx:
        assert PHONE_CONTEXT_RE.search(pre + post), slug
        V.add("phone-context-%s-%s" % (slug, l), "contiguous number without trunk prefix next to a context word",
              [pre, ("phone", num), post])
    # A phone word right after a number outweighs an order label in front (probe 16); one
    # that names another number after a field separator does not.
    V.add("phone-label-then-phone-word-en", "an order label in front, a phone word right after",
          ["about my order ", ("phone", "(201) 555-0123"), ", call me"])
    V.add("phone-label-then-phone-word-ja", "an order label in front, a phone word right after",
          ["ご注文の件で ", ("phone", "090-1234-5678"), " までお電話ください"])
    V.add("phone-label-then-phone-word-ko", "an order label in front, a phone word right after",
          ["주문 건으로 ", ("phone", "010-1234-5678"), " 으로 전화 주세요"])
    V.add("phone-label-phone-word-names-the-next-fr", "a tracking label in front; the phone word after "
          "the separator names the next number", ["suivi : 0975 0873 7837 | mon téléphone : ",
                                                   ("phone", "09 94 81 82 56")], flags={"loose"})
    V.add("phone-context-after-word-with-marks-bn", "a phone word after a word written with combining "
          "marks (নম্বরে: to the number)", [("phone", "1712345678"), " নম্বরে কল করুন"])
    V.add("phone-label-phone-word-after-slash-th", "an invoice label in front; the phone word after a "
          "slash starts another field", ["ใบแจ้งหนี้ 391 210 633 / โทรกลับด้วยนะ"], flags={"loose"})
    V.add("phone-context-din-extension-de", "DIN 5008 extension with a context word: the whole chunk "
          "(12 digits) is a phone, nothing left half-masked", ["Telefon: ", ("phone", "089 1234567-18"), "."])
    V.add("phone-context-paren-area-at", "Austrian number with its trunk-0 area code in parentheses and 13 digits "
          "in all, next to a context word", ["Tel. ", ("phone", "(06586) 90736 625"), "."])
    V.add("phone-parenthesised-contiguous-uk", "a whole national number in parentheses",
          ["Mobile (", ("phone", "07725947248"), ") ou e-mail"])
    V.add("phone-then-time-uk", "a time of day right after a phone number neither hides it nor joins it",
          ["Call me on ", ("phone", "07911 123456"), " 10:30 tomorrow"], flags={"loose"})
    V.add("phone-then-time-fr", "a time of day right after a phone number is not read into it",
          ["Rappelez-moi au ", ("phone", "06 12 34 56 78"), " 18:45 svp"], flags={"loose"})
    V.add("phone-then-decimal", "a decimal number or a day and month right after a national number grouped with "
          "spaces is no part of it (the number was left whole in clear)",
          ["appelez le ", ("phone", "06 12 34 56 78"), " 54.01 merci, call ", ("phone", "07400 123456"),
           " 154.01, ruf an ", ("phone", "0170 1234567"), " 21.09. danke, ", ("phone", "06 12 34 56 78"), " 21/09"],
          flags={"loose"})
    V.add("phone-then-amount-spaced-dash", "an amount after a spaced dash is no part of the number, though a "
          "phone word could make its first group one with the number's last: a group joined tighter after it "
          "makes it the amount's (probe 18)",
          ["pls call ", ("phone", "+49 1512 3453783"), " — 581.012,31 € ok"], flags={"loose"})
    V.add("card-after-code-glued-to-letters", "a four-digit group glued to letters before a card in fours ends a "
          "code: the card is no slice of a longer number (probe 20: left in clear)",
          ["order no.260407DPFB5340 ", ("card", "5401 9858 5654 1467"), " <- this card got declined"], flags={"loose"})
    # Probe 19: a price before a phone number, a currency sign after one, a label before one
    # grouped as only phone numbers are.
    V.add("phone-after-price", "a currency sign or code after an amount ends that amount: the number after "
          "it is no price (probe 19: left in clear, or masked only from its third group)",
          ["Erstattung 50 € ", ("phone", "+49 170 1234567"), " bitte zurückrufen, 2 x 15 € ",
           ("phone", "+33 6 12 34 56 78"), ", 20 грн ", ("phone", "+380 50 123 4567")], flags={"loose"})
    V.add("phone-before-currency", "a number after a `+`, grouped as only phones are, or going on in its own "
          "groups, is no amount before a currency sign (probe 19: left in clear, or its last pair)",
          ["call ", ("phone", "+49 30 1234567"), " EUR or ", ("phone", "(201) 555-0123"), " $ or ",
           ("phone", "06 12 34 56 78"), " € or ", ("phone", "050 123 45 67"), " грн"], flags={"loose"})
    V.add("phone-neg-price-thousands-before-currency", "thousands before a currency sign are a price",
          ["Total ", "612 345 678", " € or 1 234 567 EUR"], flags={"loose"})
    for l, label, value in (("en", "order ", "(201) 555-0123"), ("en", "ref ", "06 12 34 56 78"),
                            ("en", "ticket ", "0044 7966 197542"), ("en", "total ", "1-800-555-0199"),
                            ("es", "pedido ", "333 123 4567"), ("ru", "заказ ", "8 912 345 67 89"),
                            ("de", "Bestellnummer ", "06 12 34 56 78")):
        V.add("phone-label-phone-grouped-%s" % l, "a label in front does not make an identifier of a number "
              "grouped as only phone numbers are (probe 19)", [label, ("phone", value), " ok"])
    # Probe 20: a number word, then a phrase that places the number at a labelled thing.
    for l, pre, value, post in (
            ("en", "the number on the account is ", "0211633791", ""),
            ("en", "number linked to my account is ", "074105 10486", ""),
            ("en", "the number we have on your account is ", "07911 123456", ", right?"),
            ("de", "die Nummer im Kundenkonto ist ", "030 695104", ""),
            ("de", "die Nummer auf meinem Konto lautet ", "0301234567", ""),
            ("es", "el número asociado a mi cuenta es ", "011 15-2371-3595", ""),
            ("fr", "le numéro enregistré sur mon compte est le ", "06 12 34 56 78", ""),
            ("sv", "numret på kontot är ", "00468100936", ""),
            ("ru", "номер, привязанный к аккаунту: ", "89123456789", ""),
            ("ar", "الرقم المسجل في حسابي ", "٠١٠٩٣٢٤٤٣١٤", "")):
        V.add("phone-number-word-placed-at-label-%s" % l, "a number word, then a phrase placing it at a labelled "
              "thing (on, linked to, im, asociado a, på): the label names no identifier (probe 20: left in clear)",
              [pre, ("phone", value), post])
    for l, text in (("en", "order number on the account is 0211633791"),
                    ("en", "the number of the order is 0211633791"),
                    ("en", "the number for my order is 0211633791"),
                    ("fr", "le numéro de la commande est 0211633791"),
                    ("de", "Kundennummer im Konto ist 0211633791"),
                    ("es", "el número de cuenta es 0211633791")):
        V.add("phone-neg-number-word-of-label-%s" % l, "a number word joined to a label by a genitive, or ending "
              "a label's own phrase, names the label's identifier", [text], flags={"loose"})
    V.add("phone-neg-version-four-rising-groups", "four dot-joined groups, none shorter than the one before, "
          "the first without a trunk: a version, though a phone word stands in the sentence (probe 20)",
          ["my phone keeps crashing on iOS 13.38.156.7953"], flags={"loose"})
    V.add("phone-then-thousands-price", "a price written with a thousands comma after a number starts no part "
          "of it (probe 20: its first digit was masked with the number)",
          ["TEL:", ("phone", "0081312536173"), " 1,479円 です"], flags={"loose"})
    V.add("phone-neg-card-word-card-shaped", "a number shaped like a card right after a card word is a card "
          "or nothing: its groups read as no phone number (probe 20: a Luhn-failing card)",
          ["mi tarjeta 4289 9978 05760 fue rechazada, el móvil ", ("phone", "0612345678")], flags={"loose"})
    V.add("phone-trunk-8-parenthesised-city-code", "the trunk 8, a city code of four or five digits in "
          "parentheses, ten digits with it (Kazakhstan, Russia; probe 20: the trunk was left)",
          ["Алматы ", ("phone", "8 (71234) 2 22 70"), ", Калининград ", ("phone", "8 (4012) 12-34-56")])
    # Probe 21.
    V.add("phone-neg-emoji-after-labelled", "an emoji after a labelled number decorates the message: no phone word "
          "after it (probe 21)", ["qty 30 70 20 90 📱 and Account # 905791450804 📱"], flags={"loose"})
    V.add("phone-genitive-phone-word-after-labelled-number", "a label with a number between names that number, "
          "not the phone word after it (probe 21)", ["cvv 911 номер телефону ", ("phone", "0504773778")],
          flags={"loose"})
    V.add("phone-word-then-hash", "a `#` between a phone word and the number is the phone word's number sign "
          "(probe 21)", ["phone #", ("phone", "2484418591"), " or tel #", ("phone", "2279639924")])
    V.add("phone-plus-run-then-00-number", "a whole international number in one run after a `+`, then a `00` "
          "number: two numbers (probe 21: the second left in clear)",
          [("phone", "+36209304329"), " ", ("phone", "0036 20 386 3414")])
    V.add("phone-neg-path-segment-after-letters", "a number glued after letters and a slash is a segment of an "
          "identifier or a path (probe 21)",
          ["ok invoice FV/0795/08/2024, lasku GST/24-25/78099 📱, https://help.example.com/hc/articles/628833648367 📞"],
          flags={"loose"})
    V.add("phone-wa-me-link", "a WhatsApp link's path is a phone number",
          ["https://wa.me/", ("phone", "447966197542")])
    V.add("phone-neg-ringgit-amount", "`RM` before an amount is the ringgit's sign (probe 21)",
          ['"contact": "', ("phone", "+60 12-525 0132"), '", "amount": "RM 22781815"'], flags={"loose"})
    V.add("phone-number-word-placed-at-label-tl", "Tagalog: the number in my account (probe 21)",
          ["charge number sa account ko ", ("phone", "0907 429 8320")])
    for l, text in (("en", "mã theo dõi FedEx 031239181640"), ("no", "medlemsnummer 0717-644117,"),
                    ("zh", "你好 会员号 612-452-500"), ("ro", "cod client: 849-654-762 et"),
                    ("pt", "boleta NF-e 356.381.663"), ("en", "IMEI 01176071 059061 9 ok")):
        V.add("phone-neg-labelled-id-probe-21-%s-%d" % (l, len(text)), "a carrier, member, client, receipt or "
              "IMEI label in front says the number is an identifier (probe 21)", [text], flags={"loose"})
    # Probe 22.
    for l, before, value, after in (("da", "mit nummer er ", "21234567", ""), ("no", "nummeret mitt er ", "41234567", ""),
                                    ("sv", "mitt nummer är ", "21234567", ""), ("bg", "моят номер е ", "21234567", ""),
                                    ("ro", "numărul meu este ", "21234567", ""), ("hr", "moj broj je ", "21234567", ""),
                                    ("hu", "a számom ", "21234567", ""), ("id", "nomor saya ", "21234567", ""),
                                    ("ko", "제 번호는 ", "21234567", " 입니다"), ("fa", "شماره من ", "21234567", " است"),
                                    ("he", "המספר שלי הוא ", "21234567", ""), ("sw", "namba yangu ni ", "21234567", ""),
                                    ("zh", "我的号码是 ", "21234567", "")):
        V.add("phone-my-number-probe-22-%s" % l, "\"my number\" next to a number without a trunk prefix (probe 22)",
              [before, ("phone", value), after])
    for l, text in (("hu", "a rendelési számom 21234567"), ("id", "nomor pesanan saya 21234567"),
                    ("ro", "numărul meu de comandă este 21234567")):
        V.add("phone-neg-my-order-number-probe-22-%s" % l, "\"my order number\": the label decides, not the "
              "possessive (probe 22)", [text], flags={"loose"})
    V.add("phone-plus-dotted-no-ipv4", "four dotted groups after a `+` are a phone number, never an IPv4 address "
          "(probe 22)", ["my phone number is ", ("phone", "+216.30.010.123"), " or ", ("phone", "+238.221.12.34")])
    V.add("phone-dotted-pairs-after-phone-word", "eight or nine digits dotted in pairs close after a phone word "
          "are a phone number, though they read as an IPv4 address (probe 22: Denmark, West Africa)",
          ["tel. ", ("phone", "70.12.34.56"), ", my phone number is ", ("phone", "30.101.23.45")])
    V.add("phone-neg-dotted-pairs-ipv4", "without a phone word, dotted pairs are an IPv4 address (probe 22)",
          ["ip 32.12.34.56, server 10.20.30.40 ok"], flags={"loose"})
    V.add("card-neg-amazon-order", "an Amazon order number holds no card, though its digits or those of its "
          "last two groups pass the Luhn check (probe 22)",
          ["my order 303-1525809-7385174 and 111-3853154-8604776 have not arrived"], flags={"loose", "context-card"})
    V.add("phone-area-code-apart", "an area code set apart from a local number joined another way, after a "
          "phone word (probe 22: Argentina)", ["Tel: ", ("phone", "3541 52-3456")])
    V.add("phone-abbreviations-es-sv", "Spanish and Swedish abbreviations for a telephone (probe 22)",
          ["Tf. ", ("phone", "3541 15 52-3456"), ", Tfno. ", ("phone", "1123456789"), ", tfn ", ("phone", "21234567")])
    V.add("card-after-labelled-number-spaced-dash", "a label names the first number of a chunk, not a card "
          "joined to it by a spaced dash or slash (probe 22: the card was left in clear)",
          ["tracking 597133730061 - ", ("card", "4233-3700-0901-7011"), ", seguimiento 850641839061099 / ",
           ("card", "4539 1488 0343 6467")], flags={"loose"})
    V.add("phone-neg-ups-shipper-with-digits", "a UPS shipper code may hold digits: the rest of the tracking "
          "number holds no phone number (probe 22)", ["numéro de suivi : 1Z 2FN P1M 44 7276 9987"], flags={"loose"})
    V.add("phone-neg-s10-tracking", "the nine digits of a UPU tracking number between its service and country "
          "codes, check digit valid, are no phone number (probe 22)", ["Correios: RB 143 948 599 BR ..."],
          flags={"loose"})
    V.add("phone-neg-hiragana-particle-after-code", "a hiragana particle after a number ends its token: the last "
          "group of a Japan Post code still continues it (probe 22)", ["ゆうパック5587-1775-4965を承りました。"],
          flags={"loose"})
    V.add("phone-hiragana-particle-after-phone", "a phone number before a hiragana particle",
          ["電話", ("phone", "090-1234-5678"), "までお願いします"])
    V.add("phone-neg-date-range", "two dates with four-digit years joined by a dash are a range, not a number "
          "(probe 22)", ["05-08-2025–07-08-2025 ok, 05-08-2025-07-08-2025"], flags={"loose"})
    V.add("phone-word-hyphen-glued", "a phone word glued to its number by a hyphen, as Indian English writes "
          "it: the number is no code (probe 23)",
          ["Mob-", ("phone", "9876543210"), ", Ph-", ("phone", "022-24567890"), ", tel-", ("phone", "0612345678")])
    V.add("phone-compound-word-hyphen-glued", "a compound phone word glued to its number by a hyphen: its own "
          "number word (`nummer`) does not make it a label", ["Telefonnummer-", ("phone", "0612345678"),
                                                               ", Handynummer-", ("phone", "01701234567")])
    V.add("phone-neg-label-hyphen-glued", "a label or code glued to its number by a hyphen keeps it a code",
          ["ORD-2025-903905, SKU-557-95-1645, order-9876543210, Kontonummer-0612345678"], flags={"loose"})
    V.add("phone-word-letter-glued", "a phone or SSN word of three letters or more typed straight onto its "
          "number, as Chinese chat writes it: the number is no code (probe 23)",
          ["tel", ("phone", "13520668194"), ", Mob", ("phone", "9876543210"), ", SSN", ("ssn", "536221847"),
           ", тел", ("phone", "0612345678")])
    V.add("phone-neg-short-word-letter-glued", "a two-letter word typed onto a number makes a code even when it "
          "may be a phone word (`HP` for handphone, `WA` for WhatsApp)", ["HP12345678, WA1234567"],
          flags={"loose"})
    V.add("phone-cjk-word-after-glued", "a phone word of a script written without spaces right after a "
          "number's last digit, as Cantonese chat writes it (probe 23)",
          ["打", ("phone", "62594057"), "搵我"])
    V.add("phone-neg-imei-of-phone", "a phone word right after IMEI, or after its \"of\", names the phone "
          "whose IMEI follows (probe 23)",
          ["IMEI telefon 35-290611-644594-3, IMEI hp 352906117871683, IMEI ya simu 013263009917914"],
          flags={"loose"})
    V.add("phone-after-imei-phone-word", "after IMEI and a phone word, a number too short for an IMEI is the "
          "phone's", ["IMEI phone ", ("phone", "0612345678"), ", IMEI and phone ", ("phone", "0612345679")])
    V.add("phone-neg-label-number-word-bn-ur", "Bengali and Urdu words for number connect a label to its "
          "number (probe 23)", ["মিটার নম্বর 0822283351, ریفرنس نمبر 09658525392, mérőóra-szám 0715404395"],
          flags={"loose"})
    V.add("phone-number-word-bn-ur", "Bengali and Urdu \"my number\", \"mobile number\"",
          ["আমার নম্বর ", ("phone", "01712345678"), ", موبائل نمبر ", ("phone", "03001234567")])
    V.add("phone-neg-upc-a-printed", "a UPC-A product code printed 1-5-5-1 as on its barcode, check digit "
          "valid: no mobile number read from its first eleven digits (probe 23)",
          ["UPC 0 36000 29145 2; حسب النظام: 7 91497 90265 5"], flags={"loose"})
    V.add("phone-neg-one-digit-repeated", "seven digits or more, all one digit, are no one's number (probe 23)",
          ["12 345 679 × 9 = 111 111 111, call 000-000-0000"], flags={"loose"})
    V.add("phone-neg-mac-digits", "a MAC address of digits only, six pairs joined by dashes (probe 23)",
          ["phone: ", ("phone", "0780 729 4251"), ", MAC 45-99-27-86-49-69"], flags={"loose"})
    V.add("phone-word-blik", "BLIK, Poland's payments to a phone number, names the number (probe 23)",
          ["BLIK na numer ", ("phone", "508614992")])
    V.add("phone-word-after-json-string-end", "a phone word after a number, at the end of a JSON string in a "
          "record masked as text: the next field's number is not its clause's (found by the fuzz smoke)",
          ["주문 건으로 ", ("phone", "010-1234-5678"), " 으로 전화 주세요\",\"customer\":{\"phone\":\"",
           ("phone", "010-9876-5432"), "\"}"])
    V.add("phone-number-word-alone-mobile", "a number word alone (no label) before a number that reads as a "
          "mobile number, without trunk prefix, of a market that writes that word (probe 23)",
          ["numer ", ("phone", "573856491"), "; číslo ", ("phone", "736273386"), "; नंबर ", ("phone", "7807631634"),
           "; troquei o número para ", ("phone", "85992694728"), "; zmieniłem numer na ", ("phone", "539478040"),
           "; the number is ", ("phone", "9876543210")])
    V.add("phone-neg-number-word-alone-other-market", "a number word alone does not make a phone number of "
          "digits that read as no mobile number of its markets (French 5…, Czech 5…, Indian 5…)",
          ["numéro 536221847; číslo 536221847; नंबर 5362218470"], flags={"loose"})
    V.add("phone-neg-number-word-named", "a number word says whose number it is: a label before it, a word "
          "after it (`de socio`, `karty`), a word in front in English (`loyalty`), a compound, an abbreviation",
          ["order number 573856491; numer zamówienia 573856491; número de socio 612345678; "
           "numer karty 573856491; loyalty number 9876543210; Vorgangsnummer 573856491; Nr. 573856491; "
           "№ 573856491; খাতা নম্বর 7807631634"], flags={"loose"})
    V.add("phone-italian-and-before-label", "Italian `e` right before a label after a number is \"and\": the "
          "label names another value, not the number (probe 23)",
          [("phone", "0245640592"), " e versione: iOS 16.1.2; ", ("phone", "0612345678"), " e IMEI 35693803564380"],
          flags={"loose"})
    V.add("phone-neg-italian-is-before-label", "`e` typed for `è` (is) before an article and a label after a "
          "number links them", ["0612345678 e il numero d'ordine"], flags={"loose"})
    V.add("ssn-word-hyphen-glued", "an SSN word glued to its number by a hyphen (probe 23)",
          ["ssn-", ("ssn", "557-95-1645"), " and SSN-", ("ssn", "536-22-1847")])
    V.add("card-slash-separated", "a card whose groups of four are all joined by slashes (probe 23)",
          ["card ", ("card", "4111/1111/1111/1111"), ", and ", ("card", "6228/1922/9483/7404")])
    V.add("card-one-group-slash-expiry", "a card written in one group, its expiry and code after slashes: the "
          "slash joins none of the card's groups", ["card ", ("card", "4111111111111111"), "/1227/123 and ",
                                                      ("card", "378282246310005"), "/12/27"], flags={"loose"})
    V.add("card-neg-slash-not-fours", "slashes join a card only in its own grouping: dates and lists are no "
          "card (probe 23)", ["12/11/2025, 2023/2024/2025/2026, 4111/1111/1111/111"], flags={"loose"})
    V.add("card-neg-iccid-middle", "no card starts with a short group inside a run of groups joined one way: "
          "the middle of a SIM card number (probe 23)", ["SIM 89 39 48 0829 0948 0268 5"], flags={"loose"})
    V.add("phone-neg-inside-version", "a number with a trunk 0 inside a version number is none (probe 23)",
          ["firmware 7.07.257.4021 installed"], flags={"loose"})
    V.add("phone-arabic-word-glued", "an Arabic word typed straight onto a mobile number glues no code "
          "(probe 23)", ["رقمي", ("phone", "0505575184"), " | واتس", ("phone", "0551402325")])
    V.add("phone-before-long-group", "a phone number before a group of ten digits or more set apart by a "
          "space: the group is a number of its own (probe 23: the phone was left in clear)",
          [("phone", "0531 307 29 50"), " 00719365875652, ", ("phone", "(089) 35174410"), " 3828159893"],
          flags={"loose"})
    V.add("card-after-bracketed-label", "a label in brackets that close before a card names the number "
          "before them (probe 23: the card was left in clear)",
          ["1Z0499860362148585 (UPS número de seguimiento) ", ("card", "4823-7248-3816-7650"),
           "; 1-296-00343-4 (ISBN); ", ("card", "4940016094908481")], flags={"loose"})
    V.add("email-date-range-glued", "an address with a date range glued on by a dash ends at its TLD "
          "(probe 23: the address was left in clear)",
          [("email", "fatima.alzahrani@hotmail.com"), "-27.11.-28.11.2021"], flags={"loose"})
    V.add("phone-neg-arabic-currency", "an Arabic currency abbreviation after a range of amounts (probe 23)",
          ["السعر 4547-9293 ر.س"], flags={"loose"})
    V.add("phone-words-probe-23", "phone words: Hindi abbreviation, Greek genitive, Peru's payment apps "
          "(probe 23)", ["मो. ", ("phone", "7724427424"), ", άλλαξα αριθμό τηλεφώνου σε ", ("phone", "6900957547"),
                         ", Plin ", ("phone", "954366127")])
    for l, text in (("ja", "請求書番号06142594738の件です"), ("he", "מספר מונה 00378102782"),
                    ("ar", "رقم العداد 0228070192"), ("vi", "STK 0704499932 Vietcombank"),
                    ("sw", "P.O. Box 71552-00100 Nairobi"), ("hu", "TAJ 889 069 297"),
                    ("fa", "کد پیگیری 0514760894"), ("el", "ΑΦΜ 0948237516")):
        V.add("phone-neg-labelled-id-probe-23-%s" % l, "a reference, meter, invoice, account, postal box or "
              "social security label says the number is an identifier (probe 23)", [text], flags={"loose"})
    V.add("phone-neg-label-hyphen-glued", "a label or code glued to a number by a hyphen is a code: "
          "no value (probe 23)", ["order-9876543210, ref-0612345678, SKU-557-95-1645"], flags={"loose"})
    for l, text in (("nl", "het gaat om polisnummer 351.441.107"), ("vi", "về mã số thuế 0471381612 ạ"),
                    ("id", "tolong dicek SiCepat 003905931151 ya"), ("it", "si tratta di CRO 18451224307"),
                    ("vi", "gọi lại cho em sau 8:05 nhé, đơn 371315362"), ("pt", "boleto: 84690.36086 03990.538048"),
                    ("pt", "CNPJ 33.047.013/0001-14"), ("sv", "hej, bankgiro 3641-6831 har inte kommit")):
        V.add("phone-neg-labelled-id-probe-22-%s-%d" % (l, len(text)), "a policy, tax code, courier, transfer "
              "reference, order, bank slip, company or Giro label says the number is an identifier (probe 22)",
              [text], flags={"loose"})
    V.add("phone-neg-approval-number-ko", "an approval number after a phone number (probe 22)",
          ["HP ", ("phone", "+82 10-2030-5803"), " | 승인번호 17197520"], flags={"loose"})
    V.add("phone-thai-digits-version-after", "Thai digits; a version after the word for version is no number "
          "(probe 22)", ["ติดต่อ ", ("phone", "+๖๖๒๑๒๑๑๕๗๕"), " (เวอร์ชัน 10.0.25143.3353)"], flags={"loose"})
    V.add("phone-trunk-dot", "a national number with its trunk, one dot after the area code: no decimal "
          "number has an integer part starting with 0 (probe 18)",
          ["bel ", ("phone", "06.12345678"), " of ", ("phone", "0151.58880259")])
    V.add("phone-neg-dotted-build-code", "a trunk-shaped group inside a dotted build code is no number",
          ["running Android 14 (build UP1A.054636.403)"], flags={"loose"})
    V.add("phone-then-spaced-count", "a count or the hour of a time after a spaced dash is no part of the number "
          "(probe 18; probe 17's targeted set)",
          ["pls call ", ("phone", "+39 312 345 3800"), " - 8 ok, Handy ", ("phone", "+49 176 2579747"), " - 13:30"],
          flags={"loose"})
    V.add("phone-then-timestamp-no-card", "after a `+`, only the whole chunk may be a card: the country code, the "
          "number and the year of a timestamp after it pass the Luhn check but are no card (probe 18)",
          ["pls call ", ("phone", "+34 612 34 43 06"), " 2024-10-27T10:14:13Z ok"], flags={"loose"})
    V.add("phone-then-count-uk", "a count of at most three digits before a word, right after a phone number, "
          "does not continue it", ["I rang ", ("phone", "020 7946 0212"), " 123 times lol"], flags={"loose"})
    V.add("phone-then-count-fr", "a count before `fois` (times) stays out of the number, though 13 digits with "
          "it would read as a long trunk number", ["j'ai appelé le ", ("phone", "01 23 45 67 89"), " 12 fois"],
          flags={"loose"})
    V.add("phone-then-count-in", "a count after a grouped Indian mobile is not read into it",
          ["call ", ("phone", "98765 84188"), " 10 baje ke baad"], flags={"loose"})
    V.add("phone-hebrew-prefix-hyphen", "Hebrew prefix letters joined by a hyphen do not glue the number into a word",
          ["תתקשר אליי ל-", ("phone", "050-044-2529"), ""])
    V.add("phone-hebrew-prefix-glued", "Hebrew prefix letters written onto the number do not glue it into a word",
          ["התקשרו ב", ("phone", "03-462-8551"), " או ל", ("phone", "050-0442529")])
    V.add("phone-hungarian-area-slash", "a Hungarian number: trunk 06, the area code, a slash after it",
          ["Hívjon a ", ("phone", "06-1/234-5678"), " számon vagy a ", ("phone", "06-20/268-1327"), " számon, vagy ",
           ("phone", "06 30/123-4567"), "."])
    V.add("phone-hungarian-area-parenthesised", "a Hungarian number with its area code in parentheses, alone "
          "or with the trunk 06 inside them (a space or dash between)",
          ["Hívjon a ", ("phone", "06 (1) 234-5678"), " vagy a ", ("phone", "(06 1) 234 5678"), " vagy a ",
           ("phone", "(06-30) 123-4567"), " számon"])
    V.add("phone-trunk-and-area-parenthesised", "the trunk 0 and the area code in one pair of parentheses, "
          "without a phone word", ["Büro ", ("phone", "(0 30) 1234567"), ", Warszawa ", ("phone", "(0 22) 123 45 67")])
    V.add("phone-zero-trunk-parenthesised", "the trunk 0 in parentheses before the area code, without the "
          "country code (a Dutch mobile, a London number)",
          ["bel ", ("phone", "(0)6 12345678"), " of ", ("phone", "(0)20 7946 0958")])
    V.add("phone-neg-parenthesised-score", "a score or a pair of small numbers in parentheses is no trunk and "
          "area code", ["the result was (0 1) and then (0-2) 3 times"], flags={"loose"})
    V.add("phone-japanese-exchange-parenthesised", "a Japanese number with its exchange in parentheses, no spaces",
          ["電話：", ("phone", "090(2760)6525"), "、会社 ", ("phone", "03(3581)3111"), "です"])
    V.add("phone-grouped-mobile-el", "a Greek mobile written 4-6 (69X)", ["Εντάξει, ", ("phone", "6977 505647"), ""])
    V.add("phone-link-wa-me", "a WhatsApp link holds the number in international form without its +",
          ["Schreib mir: https://wa.me/", ("phone", "447911123456"), "?text=hallo"])
    V.add("phone-link-phone-param", "a phone= link parameter holds the number in international form",
          ["https://api.whatsapp.com/send?phone=", ("phone", "5511987654321"), "&text=oi"])
    V.add("phone-list-spaced-dashes-us", "numbers listed with spaced dashes stay apart (libphonenumber's four "
          "matches in a row); no card is read across two of them",
          [("phone", "415-666-7777"), " - ", ("phone", "800-443-1223"), " - ", ("phone", "212-443-1223"), " - ",
           ("phone", "650-443-1223")])
    V.add("phone-list-spaced-dash-context", "two numbers after a phone word, listed with a spaced dash",
          ["Phone: ", ("phone", "415-666-7777"), " - ", ("phone", "212-443-1223")])
    V.add("phone-list-spaced-slash-fr", "two French numbers listed with a spaced slash",
          ["Tél. ", ("phone", "06 12 34 56 78"), " / ", ("phone", "01 42 68 53 00")])
    V.add("phone-spaced-slash-de", "a German number with a spaced slash after the area code",
          ["ruf an ", ("phone", "0170 / 1234567"), " bitte"])
    # A dash or slash with a space after it only joins as one spaced on both sides does
    # (Recognizers-Text's phone specs); a space before it only does not (`-147.04`, a sign).
    V.add("phone-slash-space-after-de", "a slash glued to the area code, a space after it",
          ["ruf an ", ("phone", "0176/ 12345678"), " bitte"])
    V.add("phone-dash-space-after-de", "a dash glued to the area code of an international number, a space "
          "after it", ["我的电话号是", ("phone", "+49 176- 12345678"), "."])
    V.add("phone-slash-space-after-international", "a slash glued to the country and area code, a space after it",
          ["My phone number is ", ("phone", "+49176/ 12345678"), "."])
    V.add("phone-neg-slash-space-after-small", "small numbers joined by a dash or slash and a space are no phone",
          ["final score 3- 1, page 5/ 10, balance 1200- 350"], flags={"loose"})
    V.add("phone-extension-glued-ext", "an extension glued on with EXT, as with x: the number is masked, "
          "and the extension's digits", [("phone", "523-222-8888EXT623")], flags={"loose"})
    V.add("phone-extension-glued-ext-dot", "an extension glued on with ext.",
          ["call me on ", ("phone", "837.824.1482ext.63888"), " please"], flags={"loose"})
    # Extensions (Faker's en_US numbers carry one in about a third of its formats).
    for name, parts in [
        ("glued-x-faker", ["call me at ", ("phone", "001-875-379-3834x70174")]),
        ("glued-x-parenthesised", ["Phone: ", ("phone", "(797)203-4036x470"), "."]),
        ("glued-x-international", ["WhatsApp ", ("phone", "+1-593-582-5773x56436"), " please"]),
        ("spaced-x", ["my phone: ", ("phone", "757-938-3470 x174")]),
        ("spaced-x-both", ["My phone number is ", ("phone", "837.824.1482 x 63888"), "."]),
        ("spaced-ext-dot-uk", ["My phone number is ", ("phone", "0161 123 4567 ext. 123"), "."]),
        ("spaced-ext-trunk-uk", ["Tel ", ("phone", "+44 (0) 161 1234567 ext 123"), ", ask for Sam"]),
        ("comma-ext-colon", ["office ", ("phone", "(212) 555-0187, Ext: 12"), ")"]),
        ("extension-word", ["call ", ("phone", "415-555-0132 extension 4410"), " after five"]),
        ("poste-fr-ca", ["Téléphone : ", ("phone", "514 555-0187 poste 2345"), "。"]),
        ("ramal-pt-br", ["Telefone ", ("phone", "(11) 3456-7890 ramal 21"), " obrigado"]),
        ("durchwahl-de", ["Tel. ", ("phone", "089 1234567 Durchwahl 18"), "!"]),
        ("anexo-cl", ["Fono ", ("phone", "+56 2 2345 6789 anexo 123"), ", gracias"]),
        ("interno-ar", ["Teléfono ", ("phone", "(011) 4321-5678 int. 45"), ""]),
        ("toestel-nl", ["Bel ", ("phone", "020 123 4567 toestel 212"), " aub"]),
    ]:
        V.add("phone-extension-" + name, "an extension after a phone number: the number keeps its tail, the "
              "extension's digits are masked", parts)
    V.add("phone-extension-preserve", "an extension in the preserve style",
          ["call ", ("phone", "415-555-0132 ext. 4410"), " today"],
          config={"phone": {"style": "preserve"}})
    V.add("phone-extension-label", "an extension in the label style goes with the number",
          ["call ", ("phone", "415-555-0132 x4410"), " today"], config={"phone": {"style": "label"}})
    V.add("phone-extension-neg-word", "a word starting with a marker is no extension (`external`)",
          ["call ", ("phone", "415-555-0132"), " external 12 times"], flags={"loose"})
    V.add("phone-extension-neg-long", "seven digits after x are no extension but a number of their own, "
          "here a phone after a phone word", ["call ", ("phone", "415-555-0132"), " x ", ("phone", "1234567"), " later"])
    V.add("phone-extension-neg-decimal", "a decimal number after x is no extension",
          ["call ", ("phone", "415-555-0132"), " x 12.5"], flags={"loose"})
    V.add("phone-extension-neg-three-spaces", "a marker three spaces away is no extension",
          ["call ", ("phone", "415-555-0132"), "   x 12"], flags={"loose"})
    V.add("phone-extension-neg-glued-letters", "letters glued after the digits make no extension",
          ["call ", ("phone", "415-555-0132"), " x12abc"], flags={"loose"})
    V.add("phone-after-label-to-en", "'to' between a label and a number does not link them: the number is "
          "where the invoice goes", ["please send the invoice to ", ("phone", "0612345678"), ""])
    V.add("phone-after-label-on-en", "'on' between a label and a number does not link them",
          ["the WhatsApp account on ", ("phone", "07911 123456"), ""])
    V.add("phone-after-label-is-phone-word-en", "a verb links no label to its number when a phone word "
          "comes before the label", ["The phone number on the order is ", ("phone", "07911 123456"), "."])
    V.add("phone-url-encoded-plus", "a + written %2B in a link is a +",
          ["https://x.ua/form?phone=", ("phone", "%2B380672594459"), "&x=1"], flags={"loose"})
    V.add("phone-katakana-dash-jp", "the katakana prolonged sound mark typed for a hyphen between digits",
          ["携帯は", ("phone", "070ー8527ー6475"), "です"])
    V.add("phone-dotted-bucharest-ro", "a Bucharest number written with dots is no IPv4 address (no address "
          "starts with 0 and more digits)", ["Sunați la ", ("phone", "021.254.09.11"), "."])
    V.add("phone-word-whats-br", "'whats' (WhatsApp) before a Brazilian mobile",
          ["me chama no whats ", ("phone", "11987654321"), ""])
    V.add("phone-word-mera-number-in", "'mera number' before an Indian mobile", ["mera number ", ("phone", "9876543210"), " hai"])
    V.add("phone-label-after-phone-word-en", "a label after the number counts only when no phone word stands in "
          "the window", [("phone", "07911 123456"), " is the order phone"])
    V.add("phone-label-after-sentence-en", "a label in the next sentence labels nothing",
          [("phone", "0612345678"), ". Order number follows"])
    V.add("phone-label-after-hotline-fr", "a phone word right before the label: the number is a phone line",
          [("phone", "0612503444"), " est la hotline commandes"])
    V.add("phone-label-after-line-en", "a label followed by another word names something else: the order line",
          [("phone", "0612345678"), " is the order line"])
    V.add("phone-label-after-hotline-en", "'hotline' is a phone word", [("phone", "07400 054596"), " is the tracking support hotline"])
    V.add("phone-label-after-00-pl", "a label after the number does not undo an international 00 prefix",
          [("phone", "0048 512 849 590"), " to mój numer zamówienia"])
    V.add("phone-label-after-my-number-for-pl", "'mój numer do zamówienia' is my number for the order: a phone",
          [("phone", "511 778 213"), " to mój numer do zamówienia"], flags={"loose"})
    V.add("phone-after-reservation-number-pl", "a reservation label names its own number, not the phone after it",
          ["numer rezerwacji 364759508, mój telefon ", ("phone", "512 849 590"), ""], flags={"loose"})
    V.add("iban-lower-case-then-ssn", "a letter pair inside a lower-case IBAN starts no run that vetoes the SSN after it (leak oracle seed 77)",
          [("iban", "ua18985858292om968934h81u88mw"), " mich ", ("ssn", "003 53 6173")], flags={"loose"})
    V.add("phone-nanp-whole-with-trunk", "NANP written whole after its trunk 1 (area code and exchange start with 2-9)",
          ["call ", ("phone", "12125551234"), " now"])
    V.add("phone-nanp-whole-with-trunk-bare", "NANP written whole after its trunk 1, alone (REFERENCE §4: trunk prefix, contiguous)",
          [("phone", "12345678900")])
    V.add("phone-nanp-trunk-then-ten", "trunk 1 written apart from the ten digits",
          ["mi número es ", ("phone", "1 2125551234")])
    V.add("phone-plus-dotted-like-date", "after + and a country code, dotted pairs are the national number, not a date (New Caledonia)",
          ["appelez le ", ("phone", "+687 20.12.34")])
    V.add("phone-key-word-cut-by-longer-no", "a key word that a longer one cut short still counts ('ring', not 'ring til')",
          ["ring tilbake på ", ("phone", "47770643"), ""])
    V.add("phone-label-after-other-word-en", "a word that is no link word between the number and a label after it",
          [("phone", "0612345678"), " is my mobile, order number follows"])
    # Mobile numbers with their country code but without + or 00 (WhatsApp, wa.me)
    for slug, before, value, after in (
        ("ke", "it's ", "254722323051", ""),
        ("ng", "ok ", "2348158701543", ""),
        ("in-grouped", "sir ", "91-75384-10171", ""),
        ("in", "sir ", "917860109074", ""),
        ("br", "é ", "5541976892407", ""),
        ("mx", "", "528198205912", ""),
        ("co", "", "573123094491", ""),
        ("tr", "yeni: ", "905079689515", ""),
        ("ua", "так ", "380957150333", ""),
        ("sa", "هذا ", "966585404906", ""),
        ("ae", "تمام ", "971544427209", ""),
        ("eg", "هذا ", "201091505157", ""),
        ("za", "here ", "27732968202", ""),
        ("pk", "new one ", "923147193668", ""),
        ("bd", "", "8801885102735", " ধন্যবাদ"),
        ("cn-grouped", "是", "86 139 2354 6323", ""),
        ("my", "ok ", "60179015165", ""),
        ("id", "yang baru ", "6288849703417", ""),
        ("ph", "", "639367171188", " po"),
        ("th", "", "66958761708", " ค่ะ"),
        ("vn", "ok ", "84896093107", ""),
        ("ru", "вот ", "79161234567", ""),
        ("gb", "", "447911123456", ""),
        ("fr", "", "33612345678", ""),
    ):
        V.add("phone-cc-without-plus-%s" % slug, "a mobile with its country code but no + or 00",
              [before, ("phone", value), after])
    V.add("phone-yyyymmdd-group-nl", "eight digits that read as YYYYMMDD are part of the number when other groups "
          "join them (found by the leak oracle)", ["Mijn nummer: ", ("phone", "+31 6 19820415"), " of ", ("phone", "06-19110607"), "."])
    # negatives for context words
    negc = [
        ("hotel", "'tel' must be a whole word ('hotel' is not)", ["Room at the hotel ", "2015550123", "."]),
        ("other-line", "context word on another line does not count", ["Telefon:\n", "612345678"]),
        ("far", "context word more than 64 characters away does not count",
         ["Phone calls are not possible today, so please read the following long explanation first: ",
          "612345678", "."]),
        ("six-digits", "6 digits are too short even with a context word", ["tel ", "123456", ""]),
        ("no-context", "contiguous number without trunk prefix and without context word", ["Reference ", "3331234567", "."]),
        ("cc-without-plus-landline", "a country code and a landline, no + or 00: no mobile prefix",
         ["Ref ", "442079460958", "."]),
        ("cc-without-plus-labelled", "a country code and a mobile, no + or 00, after a label", ["order ", "447911123456", ""]),
        ("cc-without-plus-too-long", "a country code and a mobile, no + or 00, one digit too many",
         ["Ref ", "4479111234567", "."]),
        ("cc-without-plus-glued", "glued to a word", ["ID", "447911123456", "."]),
        ("cc-without-plus-paren", "a version and its build in parentheses do not read as a country code and a "
         "mobile (probe 21)", ["app version 1.", "40.7 (57838772)", " 📱"]),
    ]
    for slug, note, parts in negc:
        V.add("phone-neg-context-%s" % slug, note, parts, flags={"loose"})
    # other phone negatives
    negp = [
        ("inv-letters", "letters touching the digits", ["Invoice ", "INV0612345678", " paid."]),
        ("date-context", "a date is no phone even next to a context word", ["Call me on ", "21.11.2026", " please."]),
        ("date-context-iso", "an ISO date is no phone even next to a context word", ["Telefon am ", "2026-11-21", "."]),
        ("ipv4-context", "an IPv4 address is no phone even next to a context word", ["phone server ", "192.168.100.200", " down"]),
        ("date-range", "a range of days and months is no Hungarian number after its trunk `06` (10 or 11 digits "
         "with it; probe 21)", ["fecha 06/07-09/07, del 06.07-09.07 al ", ("phone", "06-1/234-5678")]),
        ("price-context", "a price is no phone even next to a context word",
         ["call me about the ", "1 234 567,89", " € invoice"]),
        ("price-euro", "a currency sign right after", ["Total ", "612 345 678 €", "."]),
        ("ipv4", "IPv4 address", ["Host ", "192.168.100.200", " down."]),
        ("aba-routing", "an ABA routing number after its label", ["ABA ", "026009593", " for wires."]),
        ("awb", "an air waybill after its label", ["AWB ", "200-6238-0112", " is in transit."]),
        ("order-vi", "a Vietnamese order number after its label", ["mã đơn hàng ", "772-4488-2845", ""]),
        ("invoice-vi", "a Vietnamese invoice number after its label", ["hóa đơn ", "0449 064 6546", ""]),
        ("order-number-vi", "a Vietnamese order label, its number word, then the number",
         ["đơn hàng số ", "0449064654", ""]),
        ("newline-split", "a newline is never a separator", ["Number 06 12\n34 56 78", ""]),
        ("label-verb-en", "a verb between a label and its number still labels it",
         ["my order number is ", "0750638531", ""]),
        ("label-verb-de", "'lautet' between a label and its number", ["Meine Bestellnummer lautet ", "0329043757", "."]),
        ("label-verb-article-es", "a verb and an article between a label and its number",
         ["mi número de cliente es el ", "0613784863", ""]),
        ("label-meter-de", "a meter number after its label", ["Zählernummer ", "0495982768", ""]),
        ("label-case-pt", "a Brazilian support ticket after its label", ["nº do chamado ", "0998492021", ""]),
        ("label-order-bg", "a Bulgarian order number after its label", ["поръчка № ", "0190751349", ""]),
        ("label-after-en", "a label after the number, linked by a verb and a possessive",
         ["0424994928", " is my order number"]),
        ("label-after-tracking-en", "a parcel code word after the number", ["0588770040", " is the tracking number"]),
        ("label-after-fr", "c'est and an article, a number word and a preposition before the label",
         ["", "0637391717", " c'est le n° de suivi"]),
        ("label-after-de", "a label after the number in German", ["", "0852606083", " ist meine Bestellnummer"]),
        ("label-after-es", "a label phrase after the number in Spanish",
         ["", "0709913535", " es el número de seguimiento"]),
        ("label-after-it-phone-phrase", "'mio numero' starts the label's phrase ('numero d'ordine'): no phone word",
         ["", "0519576752", " è il mio numero d'ordine"]),
        ("label-after-pl", "Polish 'to' links a number to the label after it", ["", "0721775484", " to numer zamówienia"]),
        ("label-after-ja", "a Japanese particle before the label", ["", "0447715391", "が注文番号です"]),
        ("label-after-zh", "a Chinese copula before the label", ["", "0275265919", "是訂單編號"]),
        ("label-verb-phone-phrase-es", "'mi número de orden': the phone words start the label's phrase",
         ["mi número de orden es ", "0736355478", ""]),
        ("label-verb-cest-fr", "c'est between a label and its number", ["le n° de commande c'est ", "0982128582", ""]),
        ("label-phone-word-qualifies-tr", "'numaram' (my number) after 'sipariş' (order) is the order's number",
         ["sipariş numaram ", "0117715642", ""]),
        ("label-meter-tr", "a Turkish meter number after its label", ["sayaç no ", "0155866099", ""]),
        ("label-contract-hk", "a contract number after its Traditional Chinese label", ["合約編號", "0728585942", ""]),
        ("label-after-two-labels-en", "a label after the number followed by another label", ["", "0411401123", " is the order ID"]),
        ("label-after-phrase-fr", "a label phrase of labels, articles and prepositions after the number",
         ["", "0129542864", " c'est la référence de la commande"]),
        ("label-after-number-word-zh", "a Chinese label and its number word after the number", ["", "0941 705 497", "是发票号码"]),
        ("label-after-my-number-ru", "a 'my number' phrase starting the label's phrase after the number",
         ["", "8 (919) 309-41-47", " это мой номер заказа"]),
        ("label-after-it-code", "an Italian code phrase after the number", ["", "0409908654", " è il codice di tracciamento"]),
        ("label-after-ko", "a Korean particle and label after the number", ["", "01023469842", "는 고객번호예요"]),
        ("label-after-id", "an Indonesian link word and label after the number", ["", "0811530406", " adalah nomor kontrak"]),
        ("label-after-numbered-tr", "Turkish 'numaralı' (numbered) before the label, the sentence going on",
         ["", "0312345678", " numaralı sipariş hiç gelmedi"]),
        ("label-after-nolu-tr", "Turkish 'nolu' (numbered) before the label", ["28 Kasım tarihli ", "0312345679", " nolu sipariş"]),
        ("label-after-phone-word-earlier-en", "a phone word with a number between names that number, not this one",
         ["call me after 18:00, ", "0411401124", " is my order number"]),
    ]
    negp += [
        ("plus-too-short-cy", "a '+' number too short for rule 1 is not read as a national number",
         ["το κινητό μου είναι ", "+357 96 12", ""]),
        ("plus-too-short-pl", "a '+' number too short for rule 1 is not read as a national number",
         ["mój numer to ", "+48 512 39", ""]),
        ("thousands-far-from-phone-word", "an amount grouped in thousands, the phone word words away",
         ["please call me, the total is ", "21 333 183", ""]),
        ("phone-bill-pt", "a phone word qualifying a label after a preposition: a phone bill",
         ["fatura do telemóvel ", "123456789", ""]),
    ]
    negp += [
        ("version-near-phone-word", "a version with a one-digit part is no phone, even on a line with a phone word",
         ["WhatsApp ", ("phone", "06 44 36 70 96"), ". bonjour, concernant 10.0.23245.5364"]),
        ("build-near-phone-word", "a dotted build number ending in five digits",
         ["WhatsApp: ", ("phone", "(0212) 834-7371"), "; sigo esperando, 12.19.58369"]),
        ("version-glued-v", "a version after a `v`, no phone word", ["version v1.2.3.4567.8901", ""]),
        ("coordinates-near-phone-word", "coordinates after a phone number are decimals, not phones",
         ["tel ", ("phone", "0803 221 2766"), ", pickup at -0.117162, 125.794226"]),
        ("thousands-after-phone-number", "an amount grouped like thousands after another phone number",
         ["tel.: ", ("phone", "06 1 014 3770"), " — az appban 4.403.123 áll"]),
        ("minutes-then-number", "the minutes of a time do not start a phone number",
         ["sigo esperando, 17/05/2024 23:25 / ", ("phone", "8754-1944")]),
        ("date-prefixed-order", "an order number opening with its date (YYYYMMDD)",
         ["volejte na ", ("phone", "727 332 041"), ". dobrý den, ohledně 20240707-366927"]),
        ("document-number-year", "a document number and its year after a slash", ["kuhusu № 63-422/2023", ""]),
        ("hash-order-near-phone-word", "a number with `#` glued in front is an order number",
         ["call ", ("phone", "+234 800 867 4983"), ". hi, I'm checking on #6048322"]),
        ("label-3-3-4-no-area-code", "after a label, 3-3-4 digits whose first group is no NANP area code (1xx) "
         "are the identifier it names", ["SKU 100-200-3000 in stock", ""]),
        ("currency-before-plus", "a currency sign before a `+` and digits belongs to what follows, as before the "
         "digits of its mask (fuzz: the amount before it changed reading once the phone was masked)",
         ["prix 12315 € ", ("phone", "+33 6 12 34 56 78")]),
        ("hash-order-mobile-shape", "`#` glued before digits that read as a mobile without `+` labels an order",
         ["it was #917696454803 thanks", ""]),
        ("hash-order-nanp-run", "`#` glued before eleven digits shaped like NANP with its trunk",
         ["see #12089332228 please", ""]),
        ("hash-order-trunk-zero", "`#` glued before a trunk-0 run of digits", ["ticket status #07966197542?", ""]),
        ("hash-after-phone-word", "a phone word close before `#` keeps the number a phone",
         ["my WhatsApp is #", ("phone", "447966197542")]),
        ("hash-phone-grouped", "shape decides after `#` as after a label: grouped as only phones are",
         ["#", ("phone", "(201) 555-0123"), " is my line"]),
        ("cfa-price", "an amount in CFA francs", ["WhatsApp ", ("phone", "77 651 43 88"), ", concernant 52 835 342 FCFA"]),
        ("expiry-then-cvv", "an expiry date and a security code after a card",
         [("card", "3782 822463 10005"), " - exp 08/2029 - 123"]),
        ("ssn-shape-short-3-2-3", "a malformed SSN in 3-2-3 is no Norwegian freephone", ["SSN# 886-92-840", ""]),
        ("cep-postcode-br", "CEP is Brazil's postcode, not Turkish 'cep' (mobile)", ["CEP 01310-100, São Paulo", ""]),
        ("serial-near-phone-word", "a serial number after its label, a phone word before it",
         ["my phone shows S/N: 5218-4647-3514", ""]),
        ("unix-seconds-labelled", "a Unix time after `ts=`, a phone word on the line",
         ["call me back, it says ts=1787509591", ""]),
        ("draw-near-phone-word", "lottery numbers, a phone word on the line",
         ["erreichbar unter ", ("phone", "030 1579795"), ". 20 28 31 35 41 46"]),
        ("draw-dashes", "lottery numbers joined by dashes", ["3-9-21-25-28-31", ""]),
        ("year-range-near-phone-word", "two years, a phone word on the line",
         ["bel me op ", ("phone", "06 1074 5018"), ". 2017-2021"]),
        ("coordinates-negative", "coordinates right after a phone word", ["请给我回电话、-41.51209 -147.04116", ""]),
        ("version-one-digit-first", "a version starting with one digit", ["firmware 2.62.741.1624", ""]),
        ("ups-letter-shipper", "a UPS number whose shipper code is letters", ["Tracking 1Z RMT TPK 75 9401 9597", ""]),
        ("account-th", "a Thai account number after its label, a phone word on the line",
         ["โทรกลับด้วยนะ / บัญชี 2058705322", ""]),
        ("bik-ru", "a Russian bank code (BIK)", ["Вітаю, BIK 043268062", ""]),
        ("loyalty-card-ko", "a membership card number after a Korean card word",
         ["연락처: ", ("phone", "010-2741-8739"), ". 멤버십 카드 9879 0456 2157"]),
        ("second-number-after-spaced-dash", "a label in front names the first number only",
         ["номер счёта 63954072 — ", ("phone", "8 (908) 540-90-06"), " — мой номер"]),
        ("plus-after-code-dot", "a code's dot ends a sentence: no price before the number",
         ["vous avez payé 19134,55 EUR. ", ("phone", "+33 (0)1 12 92 88 63")]),
        ("numbered-order-tr", "Turkish 'numaralı sipariş' after a phone number named earlier on the line",
         ["iletişim ", ("phone", "(0212) 822 11 87"), ". 28 Kasım tarihli 3979928 numaralı sipariş hiç gelmedi"]),
    ]
    for slug, note, parts in negp:
        V.add("phone-neg-%s" % slug, note, parts, flags={"loose"})
    V.add("phone-then-parcel-label-pl", "a phone word decides the first number; a parcel label the second",
          ["telefon: ", ("phone", "512974907"), " - numer przesyłki 407200896326"], flags={"loose"})
    # phone words of more markets and chat abbreviations (RULES.md, key words)
    for slug, before, value, after in (
        ("cel-es", "mi cel es ", "3001234567", ", gracias"),
        ("plz-call-en", "plz call ", "9876543210", " asap"),
        ("mob-en", "Mob no. ", "9876543210", ""),
        ("me-liga-pt", "me liga ", "11912345678", " amanhã"),
        ("zadzwon-pl", "zadzwoń ", "512345678", " proszę"),
        ("numaram-tr", "numaram ", "5321234567", ""),
        ("tlf-da", "tlf ", "20123456", ""),
        ("tel-el", "τηλ ", "6912345678", ""),
        ("sdt-vi", "SĐT: ", "912345678", ""),
        ("hp-id", "no hp ", "81234567890", ""),
        ("volejte-cs", "Volejte mi na ", "601568927", ""),
        ("zavolejte-cs", "zavolejte ", "601568928", " prosím"),
        ("telefoniste-el", "Τηλεφωνήστε μου στο ", "6977505647", ""),
        ("pare-me-el", "πάρε με ", "6977505648", ""),
        ("hivjon-hu", "Hívjon a ", "301234567", " számon"),
        ("suna-ma-ro", "sună-mă la ", "721234567", ""),
        ("soita-fi", "soita ", "401234567", ""),
        ("goi-vi", "gọi cho tôi ", "912345678", ""),
        ("tatkasher-he", "תתקשר אליי ", "501234567", ""),
        ("fono-cl", "mi fono es ", "912345678", ""),
        ("richiamare-it", "mi può richiamare al ", "3464727463", "?"),
        ("sms-it", "sms al ", "3694926676", ""),
        ("contactame-es", "contáctame al ", "717208218", ""),
        ("contacte-me-pt", "contacte-me pelo ", "925152559", ""),
        ("ring-en", "ring ", "3104307415", ""),
        ("callback-en", "callback number ", "3152886092", ""),
        ("arithmos-mou-el", "ο αριθμός μου ", "6981962053", ""),
        ("order-call-en", "for the order call ", "0612345678", ""),
        ("items-call-en", "two items call ", "(555) 123-4567", ""),
        ("order-phone-en", "order phone ", "0612345678", ""),
        ("order-call-00-en", "order call ", "0044 7966 197542", ""),
        ("thousands-shape-lb", "اتصل بي على ", "71 127 287", ""),
        ("thousands-shape-ru", "позвоните мне по номеру ", "21 333 183", ""),
        ("ligue-pt", "ligue ", "912440482", " e informe o código do cliente"),
        ("arayin-tr", "beni ", "2129206291", " numarasından arayın"),
        ("zadzwoncie-pl", "zadzwońcie na ", "512832451", ""),
        ("kz-mobile-compact", "мои данные: ", "87719525359", ";"),
        ("liga-no-br", "liga no ", "11989413567", ", o número do pedido vem depois"),
        ("infolinia-pl", "", "512986012", " to infolinia zamówień"),
        ("bodat-zh", "请拨打", "62345678", "联系我们"),
        ("zhidian-zh", "请致电 ", "62345678", ""),
        ("laidian-hk", "有事來電 ", "23456789", ""),
        ("kontakt-ru", "контакт ", "83016495731", " / пишите в чат"),
        ("dlya-svyazi-ru", "для связи ", "89161234567", ""),
        ("iletisim-tr", "iletişim ", "212 920 62 91", ""),
        ("call-karo-bar-hi", "mujhe ", "7413551221", " pe call karo | mere details neeche hain"),
        ("call-karo-dash-hi", "", "8122448844", " pe call karo — shaam ko"),
        ("kom-pl", "kom. ", "504012628", ""),
        ("natel-ch", "mis Natel: ", "791234567", ""),
        ("gsm-be", "gsm ", "470123456", ""),
        ("puh-fi", "puh. ", "401234567", ""),
        ("talrunis-lv", "Mans tālrunis ", "26123456", ""),
        ("talruna-numurs-lv", "tālruņa numurs: ", "29 123 456", ""),
        ("talr-lv", "tālr. ", "67123456", ""),
        ("mobiil-et", "Minu mobiil ", "51234567", ""),
        ("mobiilinumero-fi", "mobiilinumero ", "401234568", ""),
        ("area-dash-local-spaced-se", "Tel: ", "046-124 67", ""),
        ("area-dash-local-spaced-stockholm-se", "Mitt telefonnummer är ", "08-124 67", "."),
        ("area-slash-local-spaced-de", "Tel. ", "030/123 45 67", ""),
        ("cep-no-tr", "cep no: ", "5321234567", ""),
        ("jawwal-sa", "جوالي ", "512345678", ""),
        ("whatsapp-ar", "واتساب ", "512345679", ""),
        ("yeonlakcheo-ko", "연락처 ", "1012345678", ""),
        ("phone-bn", "ফোন ", "1712345678", ""),
        ("em-dash-after", "", "965921220", " — Tel. γραφείου"),
    ):
        V.add("phone-context-%s" % slug, "phone word before a bare number: " + before.strip(),
              [before, ("phone", value), after])
    for slug, before, value, after in (
        ("arayin-dash-date-tr", "beni ", "2129206291", " numarasından arayın - 05/02/2024 tarihli sipariş"),
        ("call-bar-number-hi", "mujhe ", "7413551221", " pe call karo | order 48213977"),
        ("phone-dot-number-en", "", "612345678", " is my phone. Order 48213977 is late"),
        ("label-named-another-hi", "mera order #27613 jo 6/4 ko kiya tha | mujhe ", "7413551221", " pe call karo | thanks"),
    ):
        V.add("phone-context-after-break-%s" % slug,
              "a phone word after the number, its sentence ended by a break before other digits",
              [before, ("phone", value), after], flags={"loose"})
    # Fail closed: groups going on after a `+` number's longest reading of its country's
    # lengths are masked with it while the whole has at most 15 digits (phony, probe 12a).
    for slug, before, value, after in (
        ("gt-fr", "Mon numéro de téléphone est le ", "+502 19 123 456 789", " merci"),
        ("rs", "", "+381 60 123 456 7890", ""),
        ("gb-two-digits", "call ", "+44 20 7946 0958 12", " now"),
        ("pg-cjk-comma", "我的电话号码是 ", "+675 184 1234 5678", "，谢谢"),
        ("ae-freephone", "رقم هاتفي ", "+971 800 12 345 6789", " شكرا"),
    ):
        V.add("phone-plus-runs-on-%s" % slug, "groups after the country's longest length are masked with the number",
              [before, ("phone", value), after])
    V.add("phone-plus-runs-on-not-time", "a time of day after the number is not one of its groups",
          ["call ", ("phone", "+44 20 7946 0958"), " 12:30"], flags={"loose"})
    # Faker's multi-locale formats (probe 13): Austrian numbers of up to 13 digits after the
    # trunk, a whole number in parentheses, Danish pairs starting with 1, a closing quote.
    for slug, before, value, after in (
        ("at-5-5-3-word", "Okay, ", "05255 07845 322", " habe ich notiert."),
        ("at-5-5-3", "", "05255 07845 322", ""),
        ("at-slash", "Rufen Sie mich unter ", "02195/70829522", " an."),
        ("de-long", "bis morgen: ", "0228 99 1234 5678", ""),
    ):
        V.add("phone-trunk-long-%s" % slug, "13 or 14 digits with a trunk, grouped, the whole chunk "
              "(REFERENCE §4: DE 5-15 after the trunk; Austria up to 13)", [before, ("phone", value), after])
    V.add("phone-trunk-long-after-slash", "a long trunk number starting its own run after another number and a slash",
          ["Tel. ", ("phone", "+498358205476"), "/", ("phone", "(0448) 495898868")])
    V.add("phone-trunk-long-not-imei", "an IMEI written 2-6-6-1 is no 14-digit phone number followed by one digit",
          ["IMEI ", "01-752999-692267-9", " ok"], flags={"loose"})
    V.add("phone-trunk-long-not-two-numbers", "a spaced slash between two numbers joins no 13-digit number",
          ["contacts: ", ("phone", "055-954-0569"), " / 690096745"], flags={"loose"})
    V.add("phone-plus-whole-in-parentheses", "a whole `+` number in parentheses is masked without them",
          ["contacto (", ("phone", "+14257298400"), ") o email"])
    V.add("phone-pairs-leading-one", "eight digits in pairs starting with 1 (Denmark, Norway): shape decides",
          ["Ring til ", ("phone", "16 99 74 67"), " i morgen"])
    for slug, before, value, after in (
        ("guillemets", "«", "2615 4353", "»"),
        ("curly", "“", "2615 4353", "”"),
    ):
        V.add("phone-closing-quote-%s" % slug, "a closing quote ends the number like `\"` does: twelve digits in "
              "fours are no eight-digit phone", [before, value + " 5300", after], flags={"loose"})
    # Probe 17: what follows a phone number in chat (a date, an amount with its currency in
    # front, a list separator) ends it, and the number stays a phone.
    for slug, parts in (
        ("date-dots-uk", ["call ", ("phone", "07426 389869"), " 18.9.2025"]),
        ("date-dots-cz", ["tel. č.: ", ("phone", "732109468"), " — 18.9.2025"]),
        ("date-slashes-fr", ["appelez le ", ("phone", "06 12 34 56 78"), " 21/11/2025"]),
        ("date-iso-fr", [("phone", "06 12 34 56 78"), " 2025-11-21"]),
        ("date-spaced-dash-it", ["telefono: ", ("phone", "+393910957560"), " - 08-07-2025"]),
        ("parenthesised-list-be", ["Same as before - (", ("phone", "0465918797"), ") - 01-08-2026"]),
        ("currency-code-uk", [("phone", "+44 7426 389869"), " GBP 422.32"]),
        ("currency-code-fr", ["my number ", ("phone", "+33 6 12 34 56 78"), " EUR 45,00"]),
        ("currency-abbreviation-dk", ["Mit mobilnummer er ", ("phone", "+45 29 20 92 90"), " kr. 986,33"]),
    ):
        V.add("phone-then-%s" % slug, "a date or an amount after a phone number ends it (probe 17)", parts,
              flags={"loose"})
    # ... and "call me" in the forms people write.
    for slug, parts in (
        ("es-co", ["Pueden llamarme al ", ("phone", "3366193092"), ""]),
        ("es-mx", ["Llámenme al ", ("phone", "5512345678"), ", gracias"]),
        ("no", ["dere kan ringe meg på ", ("phone", "96287843"), ""]),
        ("da", ["I kan ringe til mig på ", ("phone", "26204293"), ""]),
        ("el", ["μπορείτε να με καλέσετε στο ", ("phone", "6944310399"), ""]),
    ):
        V.add("phone-context-call-me-%s" % slug, "a bare national number after an inflected 'call me'", parts)
    return V


# ---------------------------------------------------------------------------------------------
# negatives.toml
# ---------------------------------------------------------------------------------------------
def gen_negatives():
    V = Vectors()
    rng = random.Random("piimask-negatives")

    def each_lang(slug, note, tkind, values, flags=("loose",)):
        for i, l in enumerate(LANGS):
            value = values[i % len(values)]
            V.add("neg-%s-%s" % (slug, l), note + ": " + value, sent(tkind, l, i, None, value), flags=set(flags))

    # `00` then digits in one piece, or a date after a `00` of a two-digit code: the other
    # number types' lengths of a country need its code apart and one run (probe 15).
    V.add("neg-00-one-piece-tracking-en", "a tracking number that starts 0043 (AT; six more digits "
          "would be a short AT number)", ["see ", "0043787819", " there"], flags={"loose"})
    V.add("neg-00-one-piece-upc-fr", "a UPC-A that starts 0091 (IN; eight more digits would be an "
          "IN number of another type)", ["code ", "009144783572", " svp"], flags={"loose"})
    V.add("neg-postcode-cp-es", "`CP`/`C.P.` is a Spanish postcode, not Tagalog's cellphone (`cp ko`)",
          ["en la app sale CP C.P. 73538 / 83588480"], flags={"loose"})
    V.add("neg-00-date-after-code-de", "0049 then a date with a two-digit year",
          ["am ", "0049 12.03.24", " ok"], flags={"loose"})
    # Probe 17: references of a well-known shape, and policy and parcel numbers under labels.
    for slug, parts in (
        ("amazon-order-fi", ["tilausnumero on ", "313-5980413-0833073", "!"]),
        ("amazon-order-ms", ["nombor pesanan saya ", "167-9885526-0732426"]),
        ("amazon-order-bare", ["", "113-5980413-0833073", ""]),
        ("belgian-structured-reference", ["-> ", "+++017/1858/34651+++", ""]),
        ("belgian-structured-reference-stars", ["mededeling ", "***552/7959/59517***", " aub"]),
        ("policy-es", ["Mi número de póliza es ", "10-42539-98400", ""]),
        ("policy-uk", ["Мій номер поліса ", "70-8829474-30", ""]),
        ("policy-pt", ["Meu número da apólice é ", "70-4648811-60", ""]),
        ("policy-it", ["Il mio numero di polizza è ", "11-11023-07332", ""]),
        ("customer-number-uk", ["Мій номер клієнта ", "10-2108086-29", ""]),
        ("parcel-cs", ["Moje číslo zásilky je ", "16-27112-02671", ""]),
        ("parcel-hu", ["A csomagszám ", "07476834895", ""]),
        ("parcel-sw", ["simu: ", ("phone", "0748 523285"), ". namba ya ufuatiliaji ", "9534409809", ""]),
    ):
        V.add("neg-reference-%s" % slug, "an order, payment, policy or parcel reference is no phone (probe 17)",
              parts, flags={"loose"})
    each_lang("date-iso", "ISO date", "neg-date", ["2026-11-21"])
    each_lang("date-slash", "D/M/Y date", "neg-date", ["21/11/2026"])
    each_lang("date-dots", "D.M.Y date", "neg-date", ["21.11.2026"])
    each_lang("date-time", "date and time", "neg-date", ["01.12.2026 10:30"])
    each_lang("log-timestamp", "log timestamp", "neg", ["[2026-11-21 10:30:00]"])
    each_lang("date-time-spaced", "D M YYYY date written with spaces, then a time", "neg-date",
              ["08 10 1972 09:13", "01 12 2026 07:45", "3 4 2025 06:30", "12 31 1999 08:05:10", "05 06 2024 0:15"])
    each_lang("date-us", "M/D/Y date", "neg-date", ["11/21/2026"])
    each_lang("date-short", "D.M.YY date", "neg-date", ["21.11.26"])
    each_lang("time", "times", "neg-time", ["10:30", "18h45", "10:30:00", "9:05", "23:59"])
    each_lang("price-fr", "price with space groups and euro", "neg-price", ["1 234,56 €"])
    each_lang("price-usd", "dollar price", "neg-price", ["$1,299.00"])
    each_lang("price-large", "large euro price", "neg-price", ["12 500 000 €"])
    each_lang("price-euro-first", "euro sign first", "neg-price", ["€ 1 250 000,00"])
    each_lang("price-code", "price with a currency code", "neg-price", ["1.299,00 EUR"])
    # round-8 probe: currency abbreviations and words, and non-registry IBAN print forms
    for slug, note, text in (
        ("price-rupiah", "rupiah written 'Rp' before an amount in thousands", "me cobraron Rp 545.526.325"),
        ("price-rupee-dot", "rupees written 'Rs.' before an amount", "Rs. 987 654 321 due"),
        ("price-code-particle-ko", "a currency code with a Korean particle glued to it",
         "112.226.675 VND이 결제됐어요"),
        ("price-won", "won written after an amount", "총 123 456 789원"),
        ("price-koruna", "koruna written after an amount", "het totaal was 835 062 556 Kč"),
        ("count-customers", "a count of customers grouped in threes", "we have 289 454 670 customers"),
        ("flight-then-day-month", "a flight number then a day and month", "рейс PS 509 17.09 о 17:15"),
        ("count-kunden", "a count of customers grouped in threes", "wir haben 612 345 678 Kunden"),
        ("card-then-short-group-labelled", "a label before 4-4-4-4 and a short group: a longer number",
         "Agent: I found your order number 5345 5978 9724 0451 39"),
        ("card-then-short-group-labelled-de", "a label before 4-4-4-4 and a short group: a longer number",
         "gibt es Neuigkeiten zu Buchungsnummer 5520 9808 4850 7698 37?"),
        ("tracking-label-pt", "a Luhn-valid 16-digit number after a Portuguese tracking label",
         "encontrei o registo número de seguimento 6011083947880829"),
        ("tracking-label-he", "a Luhn-valid 16-digit number after a Hebrew tracking label",
         "מה קורה עם מספר מעקב 5313295132316420?"),
        ("nanp-exchange-1", "11 digits after a 1 whose exchange would start with 1: no NANP number", "ref 12121551234"),
        ("vat-it", "an Italian VAT number (11 digits) after its label", "P.IVA 12345678903"),
        ("reservation-pl", "a Polish reservation number after a call word",
         "zadzwoń do mnie w sprawie: rezerwacja 364-759508"),
        ("reservation-fr", "a French reservation number after a call word",
         "appelez-moi pour la réservation 364 759 508"),
        ("reservation-it", "an Italian reservation number after a call word",
         "chiamami per la prenotazione 364759508"),
        ("reservation-ru", "a Russian reservation number after a call word",
         "перезвоните по бронированию 364759508"),
        ("reservation-tr", "a Turkish reservation number after a call word",
         "lütfen arayın rezervasyon 364759508"),
    ):
        # (`nonban`: an IBAN print form outside the registry; `context-card`: a Luhn-valid
        # number with a real IIN that a label before it decides is no card.)
        extra = {"nonban"} if slug.startswith("iban-") else {"context-card"} if "label" in slug else set()
        V.add("neg-%s" % slug, note, [text], flags={"loose"} | extra)
    for i, l in enumerate(LANGS):
        num = ["4521873", "1234567", "7654321", "2345671", "3456712"][i]
        value = ORDER_WORD[l] + num
        V.add("neg-order-%s" % l, "order number (7 digits, no context word): " + value,
              sent("neg-order", l, 0, None, value), flags={"loose"})
    # Whole sentences that hold no value: (name prefix, what makes them negatives, cases).
    plain_negatives = (
        ("count", "a count grouped in threes, with what it counts or its label", (
            ("views-en", "123 456 789 views"),
            ("units-en", "we sold 512 345 678 units"),
            ("metres-en", "the distance is 384 400 000 m"),
            ("speed-en", "light does 299 792 458 m/s"),
            ("visualizacoes-pt", "Já são 123 456 789 visualizações"),
            ("wyswietlen-pl", "mamy 123 456 789 wyświetleń"),
            ("personas-es", "somos 612 345 678 personas"),
            ("chelovek-ru", "уже 912 345 678 человек"),
            ("total-en", "Total 123 456 789"),
            ("population-en", "population 147 182 123"),
        )),
        ("not-a-card", "card-shaped numbers that fail the card checks, and digits that belong to other numbers", (
            ("fours-trunk-es", "aquí está: 7055 7813 0172 9293"),
            ("fours-dash-en", "ok 9792-1206-0706-0076 thanks"),
            ("iccid-fr", "C'est 8944 1672 0908 5307 1098."),
            ("kart-numaram-tr", "Kart numaram 3042 319995 9027"),
            ("numero-de-carte-fr", "Mon numéro de carte : 347234406931612"),
            ("numer-karty-pl", "Numer karty: 1014-0063-9208-7028"),
            ("fraction-en", "loss: 0.4405622415499098"),
            ("coordinates-ja", "位置 35.681236 139.767125"),
            ("ssn-group-00-en", "My SSN is 058-00-3514"),
            ("cusip-en", "CUSIP 037833100"),
            ("teil-nr-de", "Teil-Nr. 123-456-789"),
            ("archive-name-en", "backup@2024-03-12.tar.gz"),
        )),
        ("label", "a number after the label of a customer, case, return or invoice number (or its number word)", (
            ("musteri-numarasi-tr", "müşteri numarası: 05414914916"),
            ("siparis-no-tr", "sipariş no 05400841736"),
            ("kargo-takip-tr", "kargo takip no 05031096483"),
            ("raqm-al-talab-ar", "رقم الطلب #0553797648"),
            ("raqm-al-tadhkira-ar", "رقم التذكرة: 0542113702"),
            ("invoice-hi", "इनवॉइस नंबर 07065021091"),
            ("denpyo-ja", "伝票番号 09030193313"),
            ("kaiin-ja", "会員番号 08012345678"),
            ("kehu-bianhao-zh", "客户编号 13800138000"),
            ("songjang-ko", "송장번호 01012345678"),
            ("obrashcheniya-ru", "номер обращения 89859090899"),
            ("reference-client-fr", "référence client: 0488438176"),
            ("ref-fr", "réf. 0612345678"),
            ("rma-en", "RMA #0481744975"),
            ("kd-nr-de", "Kd.-Nr. 0171234567"),
            ("protocolo-pt", "protocolo: 928 883 558"),
            ("numero-de-cliente-es", "número de cliente 55 0654 6846"),
        )),
        ("version-word", "a build number after the word for version", (
            ("wersja-pl", "Wersja 2.0.1.20240312 nie działa."),
            ("versiya-ru", "версия 2.0.1.20240312 не работает"),
            ("versiia-uk", "версія 2.0.1.20240312 не працює"),
            ("version-es", "la versión 2.0.1.20240312 falla"),
            ("versao-pt", "a versão 2.0.1.20240312 falha"),
            ("versione-it", "la versione 2.0.1.20240312 non va"),
        )),
    )
    for prefix, note, cases in plain_negatives:
        for slug, text in cases:
            V.add("neg-%s-%s" % (prefix, slug), "%s: %s" % (note, text), [text], flags={"loose"})
    each_lang("order-en", "order number written in English", "neg", ["Order #4521873"])
    each_lang("order-fr", "order number written in French", "neg", ["commande 1234567"])
    each_lang("tracking-usps", "USPS tracking number", "neg-tracking", ["9400 1000 0000 0000 0000 00"])
    each_lang("tracking-ups", "UPS tracking number", "neg-tracking", ["1Z999AA10123456784"])
    each_lang("ipv4", "IPv4 address", "neg-ip", ["192.168.100.200", "10.0.0.1"])
    each_lang("version", "version numbers", "neg-version", ["v2.14.3", "10.0.19045.2006"])
    each_lang("timestamp-ms", "Unix timestamp in milliseconds", "neg", ["1732187400000"])
    each_lang("timestamp-s", "Unix timestamp in seconds", "neg", ["1732187400"])
    # 16 digits failing Luhn
    bad = []
    while len(bad) < 5:
        body = make_card(rng, "4", "4", 16)
        wrong = body[:-1] + str((int(body[-1]) + rng.randint(1, 9)) % 10)
        assert not luhn_valid(wrong)
        if phone_review(" %s " % group4(wrong)):
            continue  # a later group like "0891 …" could read as a national phone number
        bad.append(wrong)
    each_lang("luhn-fail-spaces", "16 digits with a Visa prefix failing Luhn", "neg", [group4(b) for b in bad])
    each_lang("luhn-fail-contiguous", "16 contiguous digits failing Luhn", "neg", bad[::-1])
    # Luhn-valid, but no brand
    nob = []
    for first in ("7", "0", "7", "0", "7"):
        while True:
            body = first + "".join(rng.choice(DIGITS) for _ in range(14))
            number = body + luhn_check_digit(body)
            if not brand_ok(number):
                break
        assert luhn_valid(number) and not card_valid(number)
        nob.append(number)
    each_lang("luhn-valid-no-brand", "Luhn-valid 16 digits whose prefix is no card brand", "neg", nob)
    # brand prefix at a length the brand does not issue
    wrong_len = []
    for lo, length in (("34", 16), ("51", 15), ("4", 17), ("9792", 18), ("1", 16)):
        body = lo + "".join(rng.choice(DIGITS) for _ in range(length - 1 - len(lo)))
        number = body + luhn_check_digit(body)
        assert luhn_valid(number) and not card_valid(number), number
        wrong_len.append(number)
    each_lang("luhn-valid-wrong-length", "Luhn-valid, brand prefix at a length the brand does not issue", "neg", wrong_len)
    # a valid card inside a longer run of digits
    longer = []
    for _ in range(5):
        c = make_card(rng, "4", "4", 16)
        longer.append(c + "".join(rng.choice(DIGITS) for _ in range(4)))
    each_lang("card-inside-longer-run", "a valid card never starts or ends inside a longer run of digits (20 digits)",
              "neg", longer)
    # IBAN shapes with a wrong check
    wrong = []
    for cc in ("DE", "FR", "GB", "ES", "IT", "NL", "PL", "BE", "AT", "UA"):
        while True:
            good = make_iban(rng, cc)
            pos = [i for i in range(4, len(good)) if good[i].isdigit()]
            i = rng.choice(pos)
            bad_iban = good[:i] + str((int(good[i]) + rng.randint(1, 9)) % 10) + good[i + 1:]
            if iban_shape(bad_iban) and not iban_valid(bad_iban) and mod97(bad_iban[4:] + bad_iban[:4]) != 1:
                break
        wrong.append(bad_iban)
    each_lang("iban-wrong-check-electronic", "IBAN shape with one BBAN digit changed (mod-97 fails)", "neg",
              wrong[:5], flags=("loose", "nonban"))
    each_lang("iban-wrong-check-print", "IBAN shape in print form with one BBAN digit changed", "neg",
              [iban_print(w) for w in wrong[5:]], flags=("loose", "nonban"))
    swapped = []
    for cc in ("DE", "FR", "ES", "NL", "CH"):
        good = make_iban(rng, cc)
        cd = int(good[2:4])
        other = "%02d" % (cd + 1 if cd < 98 else cd - 1)
        bad_iban = good[:2] + other + good[4:]
        assert iban_shape(bad_iban) and not iban_valid(bad_iban)
        swapped.append(iban_print(bad_iban))
    each_lang("iban-wrong-check-digits", "IBAN shape with wrong check digits", "neg", swapped,
              flags=("loose", "nonban"))
    each_lang("ssn-area-000", "SSN shape with area 000", "neg", ["000-45-6789", "000 45 6789"])
    each_lang("ssn-area-666", "SSN shape with area 666", "neg", ["666-45-6789", "666 45 6789"])
    each_lang("ssn-area-9xx", "SSN shape with area 9xx outside the ITIN groups", "neg",
              ["912-93-4567", "987-45-4320", "900-01-2345", "999-93-6789", "950-89-1234"])
    each_lang("ssn-dots", "SSN digits with dots", "neg", ["123.45.6789"])
    each_lang("inv-letters", "letters touching the digits", "neg", ["INV0612345678"])
    each_lang("short-numbers", "short numbers", "neg", ["42", "2026", "12345", "007", "1 000"])
    each_lang("newline-card", "a newline inside a card number is never a separator", "neg",
              ["4111 1111 1111\n1111"])
    each_lang("decimal", "decimal numbers", "neg", ["3.14159", "1 234 567,89", "0,5"])
    each_lang("decimal-long", "long decimal numbers: no value is read across the decimal point", "neg",
              ["92253.41232", "8127.4467", "44138.22309424", "676161.226201"])
    each_lang("isbn", "ISBNs written in their groups (valid check digits)", "neg",
              ["0-306-40615-2", "978-0-306-40615-7", "0-8044-2957-X", "978-3-16-148410-0", "0-416-44277-3"])
    each_lang("year-pair", "two years are no 4-4 phone number", "neg", ["2019 2020", "1999-2004", "2024 2025"])
    each_lang("sizes", "a list of sizes counting in equal steps is no phone number", "neg",
              ["36 38 40 42", "10 15 20 25", "44 42 40 38"])
    each_lang("amount-thousands", "large amounts written in thousands", "neg",
              ["1.500.000.000", "1 000 000 000", "2 500 000 000", "1.234.567.890"])
    return V


# ---------------------------------------------------------------------------------------------
# unicode.toml
# ---------------------------------------------------------------------------------------------
def gen_unicode():
    V = Vectors()
    lang = Cycle()
    k = Cycle(range(4))
    card = "4111111111111111"
    names = {"\u00a0": "nbsp", "\u202f": "narrow-nbsp", "\u2009": "thin-space", "\u2007": "figure-space",
             "\u3000": "ideographic-space", "\u2010": "hyphen", "\u2011": "nb-hyphen", "\u2013": "en-dash",
             "\u2014": "em-dash", "\u2012": "figure-dash", "\u2015": "horizontal-bar", "\u2212": "minus",
             "\uff0d": "fullwidth-hyphen", "\u200b": "zero-width-space", "\u2060": "word-joiner",
             "\ufeff": "bom", "\u00ad": "soft-hyphen", "\u200a": "hair-space", "\ufe63": "small-hyphen",
             "\u200e": "lrm", "\u200f": "rlm", "\u061c": "alm"}
    for sep in ("\u00a0", "\u202f", "\u2009", "\u2007", "\u3000", "\u2010", "\u2011", "\u2013", "\u2014",
                "\u2012", "\u2015", "\u2212", "\uff0d", "\u200b", "\u00ad", "\u2060", "\ufeff", "\u200f"):
        l = lang()
        V.add("uni-card-%s-%s" % (names[sep], l), "card grouped with U+%04X" % ord(sep),
              sent("card", l, k(), "card", group4(card, sep)))
    for sep in ("\u00a0", "\u202f", "\u2009", "\u2007", "\u2010", "\u2011", "\u2013", "\u2014"):
        l = lang()
        V.add("uni-iban-%s-%s" % (names[sep], l), "IBAN grouped with U+%04X" % ord(sep),
              sent("iban", l, k(), "iban", group4("DE89370400440532013000", sep)))
        l = lang()
        V.add("uni-ssn-%s-%s" % (names[sep], l), "SSN joined with U+%04X" % ord(sep),
              sent("ssn", l, k(), "ssn", fmt_ssn("536221847", sep)))
    phones = [
        ("\u00a0", "+33\u00a06\u00a012\u00a034\u00a056\u00a078"),
        ("\u202f", "06\u202f12\u202f34\u202f56\u202f78"),
        ("\u2009", "+44\u200920\u20097946\u20090958"),
        ("\u2007", "612\u200734\u200756\u200778"),
        ("\u3000", "+44\u300020\u30007946\u30000958"),
        ("\u2010", "06\u201012\u201034\u201056\u201078"),
        ("\u2011", "050\u2011123\u201145\u201167"),
        ("\u2013", "201\u2013555\u20130123"),
        ("\u2014", "0170\u20141234567"),
        ("\u2212", "+49\u221230\u22121234567"),
        # Invisible characters (a number copied from a web page, or written to slip past
        # a filter) join groups like the visible ones.
        ("\u200b", "06\u200b76\u200b34\u200b48\u200b31"),
        ("\u00ad", "0179\u00ad1695408"),
        ("\u2060", "07852\u2060965297"),
        ("\ufeff", "+91\ufeff81220\ufeff68911"),
        ("\u200a", "+44\u200a20\u200a7946\u200a0958"),
        ("\ufe63", "201\ufe63555\ufe630123"),
        # Direction marks, which Arabic and Hebrew text puts around and inside numbers.
        ("\u200f", "+55\u200f(21)\u200f99739-0198"),
        ("\u200e", "050\u200e123\u200e4567"),
        ("\u061c", "+966\u061c55\u061c554\u061c0520"),
    ]
    for sep, value in phones:
        l = lang()
        V.add("uni-phone-%s-%s" % (names[sep], l), "phone written with U+%04X" % ord(sep),
              sent("phone", l, k(), "phone", value))
    # full-width digits
    fw = [
        ("card", "card-spaces", to_fullwidth("4111 1111 1111 1111"), "full-width card digits; kept tail stays full-width"),
        ("card", "card-contiguous", to_fullwidth("5555555555554444"), "full-width contiguous Mastercard"),
        ("card", "card-ideographic", to_fullwidth(group4("4242424242424242", "\u3000")), "full-width digits and U+3000"),
        ("phone", "phone-uk", "＋４４ ２０ ７９４６ ０９５８", "full-width plus and digits (REFERENCE example)"),
        ("phone", "phone-paren-area", "（765） 563-1083", "full-width parentheses around an area code"),
        ("phone", "phone-fr", to_fullwidth("06 12 34 56 78"), "full-width French national number"),
        ("phone", "phone-parens", "（２０１）５５５－０１２３", "full-width parentheses, digits and hyphen"),
        ("ssn", "ssn", "１２３－４５－６７８９", "full-width SSN with U+FF0D"),
        ("iban", "iban-de", to_fullwidth_all("DE89 3704 0044 0532 0130 00"), "full-width IBAN grouped by U+3000"),
        ("iban", "iban-gb", to_fullwidth_all("GB82 WEST 1234 5698 7654 32"), "full-width IBAN with a bank code"),
        ("iban", "iban-al", to_fullwidth_all("AL328959090772171504068T1485"),
         "full-width compact IBAN with a letter inside its account number"),
    ]
    for kind, slug, value, note in fw:
        l = lang()
        tk = kind
        V.add("uni-fullwidth-%s-%s" % (slug, l), note, sent(tk, l, k(), kind, value))
    scripts = [
        ("arabic-indic", 0x0660, "+44 7966 197542", "Arabic-Indic digits"),
        ("arabic-indic-fr", 0x0660, "06 12 34 56 78", "Arabic-Indic digits, French national form"),
        ("persian", 0x06F0, "0912 345 6789", "extended Arabic-Indic (Persian) digits, trunk 0"),
        ("devanagari", 0x0966, "+91 98765 43210", "Devanagari digits"),
        ("bengali", 0x09E6, "+880 1712 345678", "Bengali digits"),
        ("thai", 0x0E50, "081 252 4349", "Thai digits, trunk 0"),
        ("thai-intl", 0x0E50, "+66 2 121 1575", "Thai digits, international"),
        ("tamil", 0x0BE6, "+91 98765 43210", "Tamil digits"),
        ("gujarati", 0x0AE6, "98765 43210", "Gujarati digits, national"),
    ]
    for slug, zero, value, note in scripts:
        l = lang()
        V.add("uni-phone-%s-%s" % (slug, l), note + "; kept tail stays in that script",
              sent("phone", l, k(), "phone", to_script(value, zero)))
    l = lang()
    V.add("uni-card-arabic-indic-%s" % l, "Arabic-Indic digits in a card number",
          sent("card", l, k(), "card", to_script("4111 1111 1111 1111", 0x0660)))
    # emails
    V.add("uni-email-combining-local", "combining mark in the local part (NFD é): units are code points",
          ["Écrivez à ", ("email", "jose\u0301@correo.es"), "."])
    V.add("uni-email-nfd-domain", "decomposed accent in the domain", ["Mail ", ("email", "info@cafe\u0301.fr"), " ok"])
    V.add("uni-email-tld-tamil", "Tamil TLD with combining marks", ["Mail: ", ("email", "user@example.இந்தியா"), "."])
    V.add("uni-email-tld-bangla", "Bengali TLD with combining marks", ["Mail: ", ("email", "user@example.বাংলা"), "."])
    # multi-byte text around values (byte offsets)
    V.add("uni-emoji-card", "4-byte emoji before a card", ["💳 ", ("card", "4111 1111 1111 1111"), " ✅"])
    V.add("uni-emoji-phone", "emoji before a phone", ["📞 ", ("phone", "+44 20 7946 0958"), " 🙂"])
    V.add("uni-cjk-phone", "CJK text around a phone (full-width colon and full stop; CJK letters touching it would block it)", ["電話番号：", ("phone", "+81 90 1234 5678"), "。"])
    V.add("uni-cyrillic-iban", "Cyrillic text around an IBAN",
          ["Переказ на ", ("iban", "UA213223130000026007233566001"), " сьогодні."])
    V.add("uni-greek-email", "Greek text around an email", ["Γράψτε στο ", ("email", "info@example.gr"), " παρακαλώ."])
    V.add("uni-arabic-phone", "Arabic text around an international phone",
          ["رقمي ", ("phone", "+971 50 123 4567"), " شكرا"])
    V.add("uni-accented-ssn", "accented text around an SSN", ["Numéro américain : ", ("ssn", "536-22-1847"), " — reçu."])
    # newlines
    V.add("uni-newline-phone-next-line", "a phone on its own line after a newline",
          ["Numéro :\n", ("phone", "06 12 34 56 78"), "\nMerci"])
    V.add("uni-crlf-card", "CRLF line breaks around a card", ["Card\r\n", ("card", "4111-1111-1111-1111"), "\r\nThanks"])
    return V


# ---------------------------------------------------------------------------------------------
# overlaps.toml
# ---------------------------------------------------------------------------------------------
def gen_overlaps():
    V = Vectors()
    rng = random.Random("piimask-overlaps")
    V.add("overlap-email-card-local-part", "Luhn-valid card as the local part: one EMAIL match over the whole address",
          ["Mail ", ("email", "4111111111111111@example.com"), " please."])
    V.add("overlap-email-card-local-part-fr", "card digits as the local part, French",
          ["Écrivez à ", ("email", "4242424242424242@exemple.fr"), ", merci."])
    V.add("overlap-email-phone-local-part", "phone digits as the local part: one EMAIL match",
          ["Contact: ", ("email", "0612345678@sms.example.fr"), "."])
    V.add("overlap-iban-slash-card", "no number starts inside a valid IBAN: the IBAN and the card after ` / ` stay two matches",
          [("iban", "DE89 3704 0044 0532 0130 00"), " / ", ("card", "5425 4485 0677 1804")])
    V.add("overlap-two-ssns-spaced", "two SSNs one space apart are no card across both (one kind of separator in a card)",
          ["SSNs ", ("ssn", "445-11-7833"), " ", ("ssn", "820-20-3868")])
    pairs = [
        ("en", ["Card ", ("card", "4111 1111 1111 1111"), ", ", ("phone", "+44 20 7946 0958"), " is my number."]),
        ("fr", ["Carte ", ("card", "5555 5555 5555 4444"), ", ", ("phone", "06 12 34 56 78"), " pour me joindre."]),
        ("es", ["Tarjeta ", ("card", "4242-4242-4242-4242"), ", ", ("phone", "+34 612 34 56 78"), " es mi número."]),
        ("uk", ["Картка ", ("card", "4012888888881881"), ", ", ("phone", "+380 50 123 4567"), " мій номер."]),
        ("de", ["Karte ", ("card", "3782 822463 10005"), ", ", ("phone", "030 1234567"), " ist meine Nummer."]),
    ]
    for l, parts in pairs:
        V.add("overlap-card-comma-phone-%s" % l, "card and phone separated by a comma: two matches", parts)
    two = [
        ("email-phone", "en", ["Write to ", ("email", "jane@example.com"), " or ring ", ("phone", "+1 201-555-0123"), "."]),
        ("iban-email", "fr", ["IBAN ", ("iban", "FR1420041010050500013M02606"), " et courriel ", ("email", "jean@exemple.fr"), "."]),
        ("ssn-card", "en", ["SSN ", ("ssn", "536-22-1847"), " and card ", ("card", "4111111111111111"), "."]),
        ("phone-phone", "es", ["Casa ", ("phone", "912 34 56 78"), " y trabajo ", ("phone", "+34 612 345 678"), "."]),
        ("iban-phone", "uk", ["Рахунок ", ("iban", "UA213223130000026007233566001"), ", номер ", ("phone", "050 123 45 67"), "."]),
        ("email-email", "de", ["An ", ("email", "anna@beispiel.de"), " und ", ("email", "jörg@beispiel.de"), " senden."]),
        ("card-iban", "de", ["Karte ", ("card", "5105 1051 0510 5100"), " oder IBAN ", ("iban", "DE89 3704 0044 0532 0130 00"), "."]),
        ("ssn-email", "en", ["ITIN ", ("ssn", "912-70-1234"), " and ", ("email", "tax@example.com"), "."]),
        ("phone-card", "fr", ["Appelez le ", ("phone", "+33 6 12 34 56 78"), " ou payez avec ", ("card", "4242 4242 4242 4242"), "."]),
        ("three-values", "es", ["Correo ", ("email", "ana@correo.es"), ", móvil ", ("phone", "612 34 56 78"),
                                " y tarjeta ", ("card", "6011 1111 1111 1117"), "."]),
    ]
    for slug, l, parts in two:
        V.add("overlap-two-%s-%s" % (slug, l), "several values in one sentence, reported left to right", parts)
    # an IBAN whose groups contain a Luhn-valid card: the IBAN covers it
    bban = "1090" + "4111111111111111" + "".join(rng.choice(DIGITS) for _ in range(4))
    pl = "PL" + iban_check_digits("PL", bban) + bban
    assert iban_valid(pl)
    V.add("overlap-iban-containing-card", "a valid IBAN whose groups hold a valid card: one IBAN match",
          ["Konto ", ("iban", iban_print(pl)), " bitte."])
    # the same with a wrong check: a known non-IBAN, so the card inside is not reported either
    wrong = pl[:2] + "%02d" % (int(pl[2:4]) % 97 + 1) + pl[4:]
    assert iban_shape(wrong) and not iban_valid(wrong)
    V.add("overlap-non-iban-containing-card", "IBAN shape with a failing check: no card may overlap it",
          ["Konto ", iban_print(wrong), " bitte."], flags={"loose", "nonban"})
    # IBAN-shaped non-IBAN containing a French mobile number
    bban = "20041" + "01005" + "0612345678" + "9" + "06"
    fr = "FR" + iban_check_digits("FR", bban) + bban
    assert iban_valid(fr)
    wrong = fr[:2] + "%02d" % (int(fr[2:4]) % 97 + 1) + fr[4:]
    V.add("overlap-non-iban-containing-phone", "IBAN shape with a failing check: no phone may overlap it",
          ["IBAN ", " ".join(["FR" + wrong[2:4], "20041", "01005", "0612345678", "906"]), " merci"],
          flags={"loose", "nonban"})
    V.add("overlap-tie-ssn-phone", "same span as SSN and as a context-word phone: the tie goes to SSN",
          ["Call me, or check SSN ", ("ssn", "536-22-1847"), " first."])
    V.add("overlap-tie-card-phone", "15-digit card that is also a context-word phone chunk: the tie goes to CARD",
          ["phone or card: ", ("card", "378282246310005"), "."])
    V.add("overlap-tie-card-phone-grouped", "grouped Amex next to a phone context word: CARD",
          ["Telefon? Nein, Karte ", ("card", "3714 496353 98431"), "."])
    V.add("overlap-iban-containing-phone", "valid IBAN with a phone-like group inside: one IBAN match",
          ["IBAN ", ("iban", " ".join([fr[:4], "20041", "01005", "0612345678", "906"])), " merci"])
    V.add("overlap-iban-then-word-then-ssn",
          "a valid GE IBAN holding GT51, a word, an ITIN: read from GT51 across the word they make "
          "a 28-character GT IBAN whose check fails; the word ends that reading, so no veto hides the ITIN",
          ["me ", ("iban", "GE40 GT51 3038 3099 0282 17"), " great ", ("ssn", "947-76-5013"), "? please"])
    mu_bban = "HPHY0318068741932707871YID"
    mu = "MU" + iban_check_digits("MU", mu_bban) + mu_bban
    assert iban_valid(mu)
    V.add("overlap-iban-letter-group-then-ssn",
          "a Mauritian IBAN printed in fours ends in the letter group `ID`, which is part of the IBAN, "
          "not the label word `id` before the SSN after it",
          ["me ", ("iban", " ".join(mu[i:i + 4] for i in range(0, len(mu), 4))), "; 👍 ",
           ("ssn", "314-45-9081"), ", ok"])
    # Masking that takes two rounds: `662-2113281` is a phone, and its mask keeps `3281`,
    # which with `-049552` reads as a phone of its own, so the line is masked again. What
    # `find` reports (the redactions) must rebuild the output: the two rounds' values are one.
    rounds = "14 mask characters, then the last four digits: nothing of the run is left but its tail"
    V.add_exact("overlap-rounds-kept-digits-make-a-phone", rounds,
                "call me on 662-2113281-049552 thanks", "call me on **************9552 thanks",
                [("phone", "662-2113281-049552")], flags={"rounds"})
    V.add_exact("overlap-rounds-between-settled-values",
                "the values either side settle in one round and stay values of their own; " + rounds,
                "mail a@b.com, call me on 662-2113281-049552 or at +447966197542 thanks",
                "mail *@b.com, call me on **************9552 or at *********7542 thanks",
                [("email", "a@b.com"), ("phone", "662-2113281-049552"), ("phone", "+447966197542")],
                flags={"rounds"})
    return V


# ---------------------------------------------------------------------------------------------
# styles.toml
# ---------------------------------------------------------------------------------------------
STYLE_VALUES = {
    "card": ["4111 1111 1111 1111", "3782-822463-10005", "5555555555554444"],
    "iban": ["DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "fr14 2004 1010 0505 0001 3m02 606"],
    "ssn": ["536-22-1847", "536 22 1847", "912-70-1234"],
    "email": ["john.doe@example.com", "melissa@gmail.com", "иван@пример.укр"],
    "phone": ["+44 20 7946 0958", "(201) 555-0123", "06 12 34 56 78"],
}


def gen_styles():
    V = Vectors()
    lang = Cycle()
    k = Cycle(range(3))
    for kind in KINDS:
        for style in ("compact", "preserve", "label", "redact"):
            for i, value in enumerate(STYLE_VALUES[kind]):
                l = lang()
                V.add("style-%s-%s-%s" % (kind, style, l), "style %s on %s (%s)" % (style, kind, value),
                      sent(kind, l, k(), kind, value), config={kind: {"style": style}})
    extra = [
        ("card", {"style": "preserve", "keep_head": 6}, "4111 1111 1111 1111", "preserve, first 6 and last 4"),
        ("card", {"keep_head": 6, "keep_tail": 4}, "4111-1111-1111-1111", "compact, first 6 and last 4: separators between become mask"),
        ("card", {"keep_tail": 0}, "4111 1111 1111 1111", "keep nothing"),
        ("card", {"keep_tail": 2}, "3782 822463 10005", "keep last 2"),
        ("card", {"style": "preserve", "keep_head": 6, "keep_tail": 4}, "5018 1234 5673", "12-digit Maestro: 6+4 < 12 units"),
        ("iban", {"keep_head": 4}, "DE89 3704 0044 0532 0130 00", "IBAN head 4 (country + check) compact"),
        ("iban", {"style": "preserve", "keep_head": 8, "keep_tail": 4}, "GB29 NWBK 6016 1331 9268 19", "IBAN head 8 preserve"),
        ("iban", {"keep_tail": 0}, "NL91ABNA0417164300", "IBAN keep nothing"),
        ("ssn", {"keep_head": 3}, "536-22-1847", "SSN head 3"),
        ("ssn", {"style": "preserve", "keep_tail": 0}, "536 22 1847", "SSN preserve, keep nothing"),
        ("ssn", {"keep_head": 6, "keep_tail": 4}, "536-22-1847", "head 6 + tail 4 >= 9 units: nothing kept"),
        ("email", {"keep_head": 0}, "melissa@gmail.com", "email head 0: whole local part masked"),
        ("email", {"keep_head": 2}, "melissa@gmail.com", "email head 2"),
        ("email", {"keep_head": 1, "keep_tail": 1}, "melissa@gmail.com", "email head 1 tail 1"),
        ("email", {"keep_head": 0, "keep_tail": 1}, "melissa@gmail.com", "email tail 1: the masked form keeps its letter last"),
        ("email", {"keep_head": 2}, "ab@example.com", "head 2 >= 2 units: nothing kept"),
        ("email", {"style": "preserve", "keep_head": 2}, "jean.dupont@exemple.fr", "preserve, head 2"),
        ("phone", {"keep_head": 3}, "+44 20 7946 0958", "phone head 3 compact: the '+' between becomes a mask"),
        ("phone", {"style": "preserve", "keep_head": 3}, "+44 20 7946 0958", "phone head 3 preserve"),
        ("phone", {"keep_head": 6, "keep_tail": 4}, "06 12 34 56 78", "head 6 + tail 4 >= 10 units: nothing kept"),
        ("phone", {"keep_tail": 2}, "+1 (201) 555-0123", "phone tail 2"),
        ("phone", {"style": "preserve", "keep_tail": 0}, "(201) 555-0123", "phone preserve keep nothing"),
    ]
    for kind, kc, value, note in extra:
        l = lang()
        V.add("style-%s-keep-%s" % (kind, l), note, sent(kind, l, k(), kind, value), config={kind: kc})
    # per-kind mask characters
    for kind, m in (("card", "#"), ("iban", "•"), ("ssn", "x" if False else "~"), ("email", "_"), ("phone", "█")):
        for style in ("compact", "preserve"):
            l = lang()
            V.add("style-%s-mask-char-%s-%s" % (kind, style, l), "per-kind mask character %r, %s" % (m, style),
                  sent(kind, l, k(), kind, STYLE_VALUES[kind][0]), config={kind: {"style": style, "mask_char": m}})
    return V


# ---------------------------------------------------------------------------------------------
# config.toml
# ---------------------------------------------------------------------------------------------
def gen_config():
    V = Vectors()
    card, phone, email = "4111 1111 1111 1111", "+44 20 7946 0958", "jane@example.com"
    # GB29 print form: no group of it is a phone, card or SSN on its own (matters when iban is disabled)
    iban, ssn = "GB29 NWBK 6016 1331 9268 19", "536-22-1847"
    mixed = ["Card ", ("card", card), ", number ", ("phone", phone), ", mail ", ("email", email),
             ", IBAN ", ("iban", iban), ", SSN ", ("ssn", ssn), "."]
    V.add("config-default-all-kinds", "no config: every kind, default styles", mixed)
    V.add("config-kinds-card-only", "kinds = [card]: the phone and the rest stay", mixed, config={"kinds": ["card"]},
          flags={"loose"})
    V.add("config-kinds-phone-only", "kinds = [phone]", mixed, config={"kinds": ["phone"]}, flags={"loose"})
    V.add("config-kinds-email-iban", "kinds = [email, iban]", mixed, config={"kinds": ["email", "iban"]}, flags={"loose"})
    V.add("config-kinds-ssn", "kinds = [ssn]", mixed, config={"kinds": ["ssn"]}, flags={"loose"})
    V.add("config-kinds-all-explicit", "all five kinds listed", mixed, config={"kinds": list(KINDS)})
    V.add("config-kinds-card-email-mask", "the example config of the brief, with a valid per-kind mask character",
          mixed, config={"kinds": ["card", "email"], "mask_char": "#",
                         "card": {"style": "preserve", "keep_head": 6, "keep_tail": 4, "mask_char": "•"}},
          flags={"loose"})
    V.add("config-mask-char-top", "top-level mask character applies to every kind", mixed, config={"mask_char": "#"})
    V.add("config-mask-char-override", "per-kind mask character overrides the top-level one", mixed,
          config={"mask_char": "#", "phone": {"mask_char": "~"}, "email": {"mask_char": "·"}})
    V.add("config-mask-char-unicode", "non-ASCII mask character", mixed, config={"mask_char": "•"})
    V.add("config-styles-mixed", "a different style per kind", mixed,
          config={"card": {"style": "preserve"}, "phone": {"style": "label"}, "email": {"style": "redact"},
                  "iban": {"style": "compact", "keep_head": 4}, "ssn": {"style": "label"}})
    V.add("config-all-label", "label style everywhere", mixed,
          config={k: {"style": "label"} for k in KINDS})
    V.add("config-label-iban-word", "the label `[IBAN]` is no IBAN word: an IBAN-shaped code outside the registry's "
          "lengths after it stays as written, as it was before masking (found by the property test)",
          [("iban", "NL85ABNA0000000000"), " FR380000000000A0000000000"], config={"iban": {"style": "label"}},
          flags={"loose"})
    V.add("config-all-redact", "redact style everywhere", mixed,
          config={k: {"style": "redact"} for k in KINDS})
    V.add("config-pci-max", "first 6 and last 4 digits: the PCI maximum is allowed", ["Card ", ("card", card), "."],
          config={"card": {"keep_head": 6, "keep_tail": 4}})
    V.add("config-iban-max", "IBAN head 8 and tail 4 are allowed", ["IBAN ", ("iban", "DE89 3704 0044 0532 0130 00"), "."],
          config={"iban": {"keep_head": 8, "keep_tail": 4}})
    V.add("config-phone-ssn-head-6", "phone and SSN head 6 are allowed",
          ["Numéro ", ("phone", "+33 6 12 34 56 78"), ", SSN ", ("ssn", "536-22-1847"), "."],
          config={"phone": {"keep_head": 6}, "ssn": {"keep_head": 6, "keep_tail": 0}})
    V.add("config-nothing-to-mask", "text with nothing to mask is returned unchanged",
          ["Bonjour, comment allez-vous ?"], config={"mask_char": "#"})
    V.add("config-empty-input", "empty input", [""])
    # errors
    E = "CONFIG_KEEP_LIMIT"
    errs = [
        ("keep-head-7-card", {"card": {"keep_head": 7}}, E, "PCI: at most the first 6 digits of a card"),
        ("keep-tail-5-card", {"card": {"keep_tail": 5}}, E, "PCI: at most the last 4 digits of a card"),
        ("keep-tail-5-ssn", {"ssn": {"keep_tail": 5}}, E, "at most 4 tail digits of an SSN"),
        ("keep-tail-5-phone", {"phone": {"keep_tail": 5}}, E, "at most 4 tail digits of a phone"),
        ("keep-head-7-phone", {"phone": {"keep_head": 7}}, E, "at most 6 head digits of a phone"),
        ("keep-head-7-ssn", {"ssn": {"keep_head": 7}}, E, "at most 6 head digits of an SSN"),
        ("keep-head-9-iban", {"iban": {"keep_head": 9}}, E, "at most 8 head characters of an IBAN"),
        ("keep-tail-5-iban", {"iban": {"keep_tail": 5}}, E, "at most 4 tail characters of an IBAN"),
        ("keep-both-over-card", {"card": {"keep_head": 8, "keep_tail": 4}}, E, "PCI BIN-8 is still over the 6 cap"),
    ]
    M = "CONFIG_MASK_CHAR"
    for slug, ch in (("letter", "a"), ("letter-upper", "X"), ("letter-cyrillic", "ж"), ("digit", "7"),
                     ("space", " "), ("tab", "\t"), ("nbsp", "\u00a0"), ("lt", "<"), ("gt", ">"), ("at", "@"),
                     # Found by fuzzing: separators and signs join kept digits into new numbers.
                     ("dot", "."), ("dash", "-"), ("en-dash", "\u2013"), ("slash", "/"), ("plus", "+"),
                     ("paren", "(")):
        errs.append(("mask-char-top-%s" % slug, {"mask_char": ch}, M, "top-level mask character may not be %r" % ch))
    for kind, slug, ch in (("card", "letter", "X"), ("iban", "digit", "0"), ("ssn", "space", " "),
                           ("email", "at", "@"), ("phone", "lt", "<"), ("card", "gt", ">"), ("email", "letter", "é"),
                           ("phone", "digit", "9")):
        errs.append(("mask-char-%s-%s" % (kind, slug), {kind: {"mask_char": ch}}, M,
                     "%s mask character may not be %r" % (kind, ch)))
    errs += [
        ("no-kinds", {"kinds": []}, "CONFIG_NO_KINDS", "an empty kinds list masks nothing and is an error"),
        ("unknown-kind", {"kinds": ["card", "passport"]}, "CONFIG_SYNTAX", "unknown kind name"),
        ("unknown-style", {"card": {"style": "blur"}}, "CONFIG_SYNTAX", "unknown style"),
        ("unknown-style-email", {"email": {"style": "hash"}}, "CONFIG_SYNTAX", "unknown style"),
        ("unknown-field-top", {"colour": "red"}, "CONFIG_SYNTAX", "unknown top-level field"),
        ("unknown-field-kind", {"card": {"keep_middle": 2}}, "CONFIG_SYNTAX", "unknown field in a kind table"),
        ("unknown-kind-table", {"passport": {"style": "label"}}, "CONFIG_SYNTAX", "table for an unknown kind"),
        ("keep-tail-label-card", {"card": {"style": "label", "keep_tail": 4}}, "CONFIG_KEEP_UNUSED",
         "keep_tail means nothing with style label"),
        ("keep-tail-redact-phone", {"phone": {"style": "redact", "keep_tail": 2}}, "CONFIG_KEEP_UNUSED",
         "keep_tail means nothing with style redact"),
        ("keep-tail-label-iban", {"iban": {"style": "label", "keep_tail": 4}}, "CONFIG_KEEP_UNUSED",
         "keep_tail means nothing with style label"),
        ("keep-tail-redact-ssn", {"ssn": {"style": "redact", "keep_tail": 1}}, "CONFIG_KEEP_UNUSED",
         "keep_tail means nothing with style redact"),
        ("keep-tail-label-email", {"email": {"style": "label", "keep_tail": 1}}, "CONFIG_KEEP_UNUSED",
         "keep_tail means nothing with style label"),
    ]
    for slug, cfg, code, note in errs:
        V.error("config-error-%s" % slug, note, cfg, code, text="Card 4111 1111 1111 1111.")
    return V


# ---------------------------------------------------------------------------------------------
# examples.toml
# ---------------------------------------------------------------------------------------------
def gen_examples():
    V = Vectors()
    V.add("example-phone-plus-space", "RULES.md/DESIGN.md example: + 1 (123) 456 7890", [("phone", "+ 1 (123) 456 7890")])
    V.add("example-phone-uk-contiguous", "RULES.md/DESIGN.md example: +447966197542", [("phone", "+447966197542")])
    V.add("example-email-melissa", "RULES.md/DESIGN.md example: melissa@gmail.com", [("email", "melissa@gmail.com")])
    V.add("example-card-visa-spaces", "RULES.md/DESIGN.md example: 4111 1111 1111 1111", [("card", "4111 1111 1111 1111")])
    V.add("card-visa16-spaces-en", "tests/vectors/README.md example",
          ["My card is ", ("card", "4111 1111 1111 1111"), ", thanks"])
    V.add("example-card-preserve", "DESIGN.md preserve example", [("card", "4111 1111 1111 1111")],
          config={"card": {"style": "preserve"}})
    V.add("example-card-label", "DESIGN.md label example", [("card", "4111 1111 1111 1111")],
          config={"card": {"style": "label"}})
    V.add("example-card-redact", "DESIGN.md redact example", ["Card: ", ("card", "4111 1111 1111 1111"), "."],
          config={"card": {"style": "redact"}})
    V.add("example-email-preserve", "preserve on an email: j***.***@x.com", [("email", "john.doe@x.com")],
          config={"email": {"style": "preserve"}})
    V.add("example-email-one-char", "one-character local part is masked entirely", [("email", "a@example.com")])
    V.add("example-iban-print", "IBAN compact: last 4 letters/digits kept", [("iban", "DE89 3704 0044 0532 0130 00")])
    V.add("example-ssn", "SSN compact: last 4 digits kept", [("ssn", "536-22-1847")])
    V.add("example-nothing", "text with nothing to mask is returned unchanged", ["Hello, how are you?"])
    return V


# ---------------------------------------------------------------------------------------------
# redteam.toml: the red-team corpus (sources/redteam_cases.json, labels copied verbatim)
# ---------------------------------------------------------------------------------------------
REDTEAM_SOURCE = HERE / "sources" / "redteam_cases.json"
REDTEAM_FAMILY_KIND = {"phone": "phone", "card": "card", "iban": "iban", "ssn": "ssn", "email": "email"}

# Cases whose red-team label contradicts a documented rule of RULES.md.  The vector follows the
# rule: id -> (values that are masked under the rule, as (kind, text) in order, and the reason).
# Everything else follows the red-team's labels.
NOT_BOUNDED = ("letters glued to a phone make it no phone (PHONE: phone numbers are bounded by characters "
               "that are not letters or digits)")
NO_SSN_SEP = ("'/' never separates an SSN (SSN: groups joined by space or dash separators; dots only after "
              "an SSN word)")
REDTEAM_TRADEOFFS = {
    533: ([], NOT_BOUNDED),
    676: ([], "slashes are not card separators (CARD: space, dash or dot joints); the four-digit groups "
              "continue each other, so no piece is a phone either"),
    935: ([], NO_SSN_SEP),
    946: ([("phone", "536-22-8417-00")],
          "a phone word that is the nearest key word ('call') makes a bare run of 7-15 digits a phone "
          "(PHONE rule 6); 3-2-4-2 is not SSN-shaped"),
    1280: ([("phone", "12345678")],
           "a phone word that is the nearest key word ('cell') makes a bare number a phone (PHONE rule 6)"),
    1341: ([("phone", "1732183200")],
           "a phone word that is the nearest key word makes a bare number a phone (PHONE rule 6); only a "
           "13-digit Unix time in milliseconds is excluded, not a 10-digit one in seconds"),
    1356: ([("phone", "0123 4567 89")],
           "a trunk-0 number grouped 4-4-2 is a national phone (PHONE rule 3) unless labelled; a verb ('is') "
           "links the label 'account' to it only when no phone word comes before the label ('call me'), to "
           "fail closed (Key words)"),
    1409: ([("phone", "612 345 678 15")],
           "a group of two digits joined by the same space continues the number (Continuation: '15' itself is "
           "not glued to a word or sign), so with the phone word 'llámame' the phone is the whole run "
           "(PHONE rule 6)"),
    1135: ([("ssn", "1759013776")],
           "a national number that plays the SSN's part, named by its own word and passing its check, is "
           "masked as SSN (SSN: national numbers), to fail closed: a customer's tax number is theirs"),
}


def redteam_kind(case, value: str) -> str:
    """The kind of a labelled value.

    The corpus labels a value's kind through its theme (phone-*, card-*, iban-*, ssn*, email*;
    the phones of neg-near-context); lines of several kinds (mixed, trap-words) are told apart by
    the value's shape.
    """
    family = case["theme"].split("-")[0]
    if family in REDTEAM_FAMILY_KIND:
        return REDTEAM_FAMILY_KIND[family]
    if case["theme"] == "neg-near-context":
        return "phone"
    if "@" in value:
        return "email"
    if re.match(r"[A-Za-z]{2} ?\d\d", value):
        return "iban"
    digits = ascii_digits(value)
    if card_valid(digits) and not value.lstrip().startswith(("+", "(", "0")):
        return "card"
    if re.fullmatch(r"\d{3}([- ])\d{2}\1\d{4}", value) and ssn_ok(digits):
        return "ssn"
    return "phone"


def redteam_parts(text: str, values):
    """Split text into the parts of Vectors.add, finding each (kind, value) left to right."""
    parts, pos = [], 0
    for kind, v in values:
        i = text.find(v, pos)
        assert i >= 0, (text, v)
        parts.append(text[pos:i])
        parts.append((kind, v))
        pos = i + len(v)
    parts.append(text[pos:])
    return parts


def redteam_cases():
    doc = json.loads(REDTEAM_SOURCE.read_text(encoding="utf-8"))
    return doc["cases"]


def gen_redteam():
    V = Vectors()
    cases = redteam_cases()
    ambiguous = [c for c in cases if c["ambiguous"]]
    optional = [c for c in cases if c["optional"] and not c["ambiguous"]]
    used = set()
    for c in cases:
        if c["ambiguous"] or c["optional"]:
            continue
        family = c["theme"].split("-")[0]
        labelled = [(redteam_kind(c, v), v) for v in c["values"]]
        note = "red-team case %d, theme %s (%s)" % (c["id"], c["theme"], c["lang"])
        if c["note"]:
            note += ": " + c["note"]
        values = labelled
        if c["id"] in REDTEAM_TRADEOFFS:
            values, reason = REDTEAM_TRADEOFFS[c["id"]]
            used.add(c["id"])
            shown = ", ".join("%s %s" % kv for kv in labelled) or "nothing"
            note += "; red-team label: %s; documented trade-off: %s" % (shown, reason)
        V.add("redteam-%s-%d" % (family, c["id"]), note, redteam_parts(c["text"], values), flags={"redteam"})
    assert used == set(REDTEAM_TRADEOFFS), sorted(set(REDTEAM_TRADEOFFS) - used)
    V.header = [
        "# Red-team corpus: tests/vectors/sources/redteam_cases.json (%d labelled cases)." % len(cases),
        "# One vector per firm case (%d); skipped: %d ambiguous cases and %d cases with optional spans"
        % (len(V.items), len(ambiguous), len(optional)),
        "# (no single right answer). %d vectors differ from the red-team's label where RULES.md"
        % len(REDTEAM_TRADEOFFS),
        "# documents a trade-off (see their notes).",
    ]
    return V


FILES = {
    "examples.toml": gen_examples,
    "cards.toml": gen_cards,
    "ibans.toml": gen_ibans,
    "ssn.toml": gen_ssn,
    "emails.toml": gen_emails,
    "phones.toml": gen_phones,
    "negatives.toml": gen_negatives,
    "unicode.toml": gen_unicode,
    "overlaps.toml": gen_overlaps,
    "styles.toml": gen_styles,
    "config.toml": gen_config,
    "redteam.toml": gen_redteam,
}

# ---------------------------------------------------------------------------------------------
# TOML writing
# ---------------------------------------------------------------------------------------------


def _escape_visibly(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if ch == " ":
        return False
    if cat in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cs", "Cn"):
        return True
    return not ch.isascii() and (cat == "Pd" or ch == "\u2212")


def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif _escape_visibly(ch):
            out.append("\\u%04X" % o if o <= 0xFFFF else "\\U%08X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join("%s = %s" % (k, toml_value(x)) for k, x in v.items()) + " }"
    raise TypeError(type(v))


def render(vectors, header=()) -> str:
    lines = ["# Generated by tests/vectors/generate.py -- do not edit by hand.",
             "# Format: tests/vectors/README.md; rules: crates/piimask/RULES.md."] + list(header) + [""]
    for v in vectors:
        lines.append("[[test]]")
        for key in ("name", "note", "input", "config", "output", "error"):
            if key in v:
                lines.append("%s = %s" % (key, toml_value(v[key])))
        if "matches" in v:
            if not v["matches"]:
                lines.append("matches = []")
            else:
                lines.append("matches = [")
                for m in v["matches"]:
                    lines.append("  %s," % toml_value(m))
                lines.append("]")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Independent scanners used by the verification pass
# ---------------------------------------------------------------------------------------------
CARD_SEPS = SPACES + DASHES + DOTS
IBAN_SEPS = SPACES + DASHES + DOTS


def card_candidates(s: str):
    groups, i = [], 0
    while i < len(s):
        if is_digit(s[i]):
            j = i
            while j < len(s) and is_digit(s[j]):
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    chunks, cur = [], []
    for g in groups:
        if cur and g[0] - cur[-1][1] == 1 and s[cur[-1][1]] in CARD_SEPS:
            cur.append(g)
        else:
            if cur:
                chunks.append(cur)
            cur = [g]
    if cur:
        chunks.append(cur)
    found = []
    for chunk in chunks:
        # a decimal number: two groups joined by a dot (RULES.md, CARD)
        decimal = len(chunk) == 2 and s[chunk[0][1]] in DOTS
        # after a `+` (a phone number's sign), only the whole chunk may be a card (RULES.md, CARD)
        start = chunk[0][0]
        plus = s[max(0, start - 1):start] == "+" or s[max(0, start - 2):start] == "+ "
        for a in range(len(chunk)):
            for b in range(a, len(chunk)):
                digits = "".join(ascii_digits(s[st:en]) for st, en in chunk[a:b + 1])
                # ... nor its fraction; and one kind of separator between a card's groups
                fraction = decimal and (a, b) == (1, 1)
                mixed = len({sep_kind(s[st - 1]) for st, _ in chunk[a + 1:b + 1]}) > 1
                cut_after_plus = plus and a == 0 and b < len(chunk) - 1
                # no card starts with a group of two or three digits inside a run joined one way
                short_inside = (a > 0 and chunk[a][1] - chunk[a][0] in (2, 3) and a + 1 < len(chunk)
                                and sep_kind(s[chunk[a][0] - 1]) == sep_kind(s[chunk[a + 1][0] - 1]))
                if (card_valid(digits) and not (decimal and (a, b) == (0, 1)) and not fraction and not mixed
                        and not cut_after_plus and not short_inside):
                    found.append((chunk[a][0], chunk[b][1]))
    return found


def is_word_after_sep(s: str, at: int, upper_code: bool) -> bool:
    """A sentence word after a separator ends an IBAN-shaped run: five ASCII letters or more, or
    lower-case letters after an upper-case country code (RULES.md, IBAN)."""
    end = at
    while end < len(s) and s[end].isascii() and s[end].isalpha():
        end += 1
    word = s[at:end]
    return len(word) >= 5 or (upper_code and any(c.islower() for c in word))


def iban_candidates(s: str):
    """(start, end, valid) for every IBAN-shaped candidate (character offsets)."""
    out = []
    n = len(s)
    is_al = lambda c: c.isascii() and c.isalnum()  # noqa: E731
    for i in range(n - 1):
        a, b = s[i], s[i + 1]
        if not (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()):
            continue
        # An upper-case code may follow a letter of another case or script (a new word).
        new_word = (a + b).isupper() and i > 0 and s[i - 1].isalpha() and not (s[i - 1].isascii() and s[i - 1].isupper())
        if i > 0 and is_alnum(s[i - 1]) and not new_word:
            continue
        cc = (a + b).upper()
        if cc not in IBAN_COUNTRIES:
            continue
        length, struct = IBAN_COUNTRIES[cc]
        starts = [i + 2]
        if (a + b).isupper() and i + 2 < n and s[i + 2] in SPACES:
            starts.append(i + 3)
        for j in starts:
            if j + 2 > n or not (s[j].isascii() and s[j].isdigit() and s[j + 1].isascii() and s[j + 1].isdigit()):
                continue
            got = [s[j], s[j + 1]]
            p = j + 2
            while len(got) < length - 2:
                if p < n and is_al(s[p]):
                    got.append(s[p])
                    p += 1
                elif p + 1 < n and s[p] in IBAN_SEPS and is_al(s[p + 1]) and not is_word_after_sep(s, p + 1, (a + b).isupper()):
                    p += 1
                else:
                    break
            if len(got) != length - 2 or (p < n and is_alnum(s[p])):
                continue
            compact = cc + "".join(got).upper()
            if iban_shape(compact):
                out.append((i, p, iban_valid(compact)))
    # An IBAN's print form that fits no registry entry (no IBANs in that country, or a wrong
    # length) is an account number written as an IBAN: a known non-IBAN (RULES.md).
    for m in PRINT_FORM_RE.finditer(s):
        groups = m.group(0).count(m.group(1))
        chars = len(m.group(0)) - groups
        if groups >= 3 and 15 <= chars <= 34 and not any(a < m.end() and m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), False))
    return out


PRINT_FORM_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}([ -])[A-Z0-9]{4}(?:\1[A-Z0-9]{4})*(?:\1[A-Z0-9]{1,3})?"
    r"(?![A-Za-z0-9])(?!\1[A-Z0-9])")


def digit_groups(s: str):
    groups, i = [], 0
    while i < len(s):
        if is_digit(s[i]):
            j = i
            while j < len(s) and is_digit(s[j]):
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    return groups


def sep_kind(c: str):
    if c in SPACES:
        return "space"
    if c in DASHES:
        return "dash"
    if c in DOTS:
        return "dot"
    if c in "/\uff0f":
        return "slash"
    return None


def context_near(s: str, start: int, end: int, regex) -> bool:
    """A context word on the same line within 64 characters of s[start:end]."""
    line_start = max(s.rfind("\n", 0, start), s.rfind("\r", 0, start)) + 1
    nl = [x for x in (s.find("\n", end), s.find("\r", end)) if x != -1]
    line_end = min(nl) if nl else len(s)
    for m in regex.finditer(s, line_start, line_end):
        if m.end() <= start and start - m.end() <= 64:
            return True
        if m.start() >= end and m.start() - end <= 64:
            return True
    return False


def ssn_candidates(s: str):
    """(start, end, valid) for AAA-GG-SSSS shapes and bare 9-digit groups near a context word."""
    out = []
    groups = digit_groups(s)
    bounded = lambda a, b: (a == 0 or not is_alnum(s[a - 1])) and (b == len(s) or not is_alnum(s[b]))  # noqa: E731
    for gi in range(len(groups) - 2):
        g = groups[gi:gi + 3]
        if [e - b for b, e in g] != [3, 2, 4]:
            continue
        if g[1][0] - g[0][1] != 1 or g[2][0] - g[1][1] != 1:
            continue
        k1, k2 = sep_kind(s[g[0][1]]), sep_kind(s[g[1][1]])
        if k1 != k2 or k1 not in ("space", "dash"):
            continue
        a, b = g[0][0], g[2][1]
        if not bounded(a, b):
            continue
        if a >= 2 and sep_kind(s[a - 1]) == k1 and is_digit(s[a - 2]):
            continue
        if b + 1 < len(s) and sep_kind(s[b]) == k1 and is_digit(s[b + 1]):
            continue
        # a dash glued to a word makes it a slice of a longer token (`B-536-22-8417`,
        # `536-22-8417-B`), after it unless an SSN word says what it is
        if a >= 2 and s[a - 1] == "-" and is_alnum(s[a - 2]) and not is_digit(s[a - 2]):
            continue
        if b + 1 < len(s) and s[b] == "-" and is_alnum(s[b + 1]) and not context_near(s, a, b, SSN_CONTEXT_RE):
            continue
        out.append((a, b, ssn_ok(ascii_digits(s[a:b]))))
    for a, b in groups:
        if b - a == 9 and bounded(a, b) and context_near(s, a, b, SSN_CONTEXT_RE):
            out.append((a, b, ssn_ok(ascii_digits(s[a:b]))))
    return out


PHONE_SHAPES = {(3, 3, 4), (3, 3, 2, 2), (3, 7), (3, 4, 4), (2, 4, 4), (2, 5, 4), (3, 3, 3), (3, 2, 2, 2),
                (2, 3, 2, 2), (3, 2, 3), (2, 2, 2, 2)}


def phone_chunks(s: str):
    """Maximal chunks of digit groups joined by one phone separator (or parentheses)."""
    groups = digit_groups(s)
    chunks, cur = [], []
    for g in groups:
        if cur:
            gap = s[cur[-1][1]:g[0]]
            ok = (len(gap) == 1 and sep_kind(gap)) or gap in ("(", ") ", ")", ")-", " (") or \
                 gap in ("\uff09", "\uff08") or (len(gap) == 2 and gap[0] in ")\uff09" and sep_kind(gap[1]))
            if ok:
                cur.append(g)
                continue
            chunks.append(cur)
        cur = [g]
    if cur:
        chunks.append(cur)
    return chunks


def phone_review(s: str):
    """Rough phone candidates, no exclusions (dates, prices, IPv4, non-IBANs are not applied).

    Every run of consecutive groups of every chunk is tried, so that a candidate hiding inside
    a longer value is seen too.  Used to eyeball unmatched digits (--review); never asserted.
    """
    out = []
    for chunk in phone_chunks(s):
        seps = [s[chunk[i][1]:chunk[i + 1][0]] for i in range(len(chunk) - 1)]
        kinds = [sep_kind(x[-1]) if x[-1] not in "()\uff08\uff09" else "paren" for x in seps]
        for i in range(len(chunk)):
            for j in range(i, len(chunk)):
                sub = chunk[i:j + 1]
                a, b = sub[0][0], sub[-1][1]
                if a > 0 and s[a - 1] in "(\uff08":
                    a -= 1
                plus = a > 0 and s[a - 1] in "+\uff0b" or (a > 1 and s[a - 1] == " " and s[a - 2] in "+\uff0b")
                if plus:
                    a = a - 1 if s[a - 1] in "+\uff0b" else a - 2
                if (a > 0 and is_alnum(s[a - 1])) or (b < len(s) and is_alnum(s[b])):
                    continue
                digits = ascii_digits(s[a:b])
                sizes = tuple(e - st for st, e in sub)
                inner = set(kinds[i:j])
                before = kinds[i - 1] if i > 0 else None
                after = kinds[j] if j < len(kinds) else None
                at_end = j == len(chunk) - 1 or (after not in inner if inner else True)
                why = []
                if plus and 8 <= len(digits) <= 15:
                    why.append("plus")
                if i == 0 and digits.startswith(("00", "011")):
                    why.append("intl-prefix")
                if digits[0] == "0" and len(digits) > 1 and digits[1] != "0" and at_end:
                    if (len(sub) == 1 and 10 <= len(digits) <= 12) or (2 <= sizes[0] <= 5 and 9 <= len(digits) <= 12):
                        why.append("trunk0")
                if sizes[0] == 1 and digits[0] in "18" and len(digits) == 11:
                    why.append("trunk1/8")
                if sizes in PHONE_SHAPES and len(inner) == 1:
                    k = next(iter(inner))
                    if before != k and after != k:
                        why.append("shape")
                if s[a] in "(\uff08" and 8 <= len(digits) <= 12:
                    why.append("parens")
                if i == 0 and j == len(chunk) - 1 and 7 <= len(digits) <= 15 and context_near(s, a, b, PHONE_CONTEXT_RE):
                    why.append("context")
                if why:
                    out.append((a, b, ",".join(why)))
    return out


def email_ok(text: str) -> bool:
    if "@" not in text and "\uff20" not in text:
        text = text.replace("%40", "@", 1)
    local, _, domain = text.replace("\uff20", "@").partition("@")
    labels = domain.split(".")
    tld = labels[-1]
    tld_ok = tld.lower().startswith("xn--") or (len(tld) >= 2 and all(is_letter(c) for c in tld))
    return bool(local) and len(local) <= 64 and len(labels) >= 2 and all(labels) and tld_ok


# ---------------------------------------------------------------------------------------------
# Verification pass
# ---------------------------------------------------------------------------------------------
REVIEW = []


def verify(rendered: dict, built: dict) -> int:
    names = set()
    total = 0
    for fname, text in rendered.items():
        parsed = tomllib.loads(text)["test"]
        mine = built[fname]
        assert len(parsed) == len(mine), fname
        for p, v in zip(parsed, mine):
            total += 1
            where = "%s: %s" % (fname, p.get("name"))
            for key in ("name", "note", "input", "config", "output", "matches", "error"):
                assert p.get(key) == v.get(key), (where, key, p.get(key), v.get(key))
            assert p["name"] not in names, "duplicate name " + where
            names.add(p["name"])
            assert p["note"], where
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", p["name"]), where
            inp = p["input"]
            raw = inp.encode()
            if "error" in p:
                assert "output" not in p and "matches" not in p, where
                continue
            assert "output" in p and "matches" in p, where
            cfg = p.get("config")
            last = 0
            out = b""
            spans = []
            rounds = "rounds" in v["_flags"]
            if rounds:
                # Masking in more than one round: outside the matches the output is the input;
                # each match is masked as on its own, or (the values the rounds joined) all mask
                # characters but the last four digits of the whole run.
                pattern, at = "", 0
                for m in p["matches"]:
                    seg = m["text"]
                    pattern += re.escape(raw[at:m["start"]].decode())
                    pattern += "(?:%s|\\*+%s)" % (re.escape(mask_value(m["kind"], seg, cfg)),
                                                  re.escape(ascii_digits(seg)[-4:]))
                    at = m["end"]
                pattern += re.escape(raw[at:].decode())
                assert re.fullmatch(pattern, p["output"]), where
            for m in p["matches"]:
                assert m["kind"] in KINDS, where
                assert last <= m["start"] < m["end"] <= len(raw), where
                seg = raw[m["start"]:m["end"]].decode()
                assert seg == m["text"], where
                out += raw[last:m["start"]] + mask_value(m["kind"], seg, cfg).encode()
                last = m["end"]
                cs = len(raw[:m["start"]].decode())
                spans.append((m["kind"], cs, cs + len(seg)))
                # each match is valid for its kind (a run masked in rounds is several values)
                if rounds and m["kind"] == "phone":
                    continue
                if m["kind"] == "card":
                    assert card_valid(ascii_digits(seg)), where
                elif m["kind"] == "iban":
                    # (NFKC reads full-width letters and digits as ASCII ones.)
                    compact = "".join(c for c in unicodedata.normalize("NFKC", seg) if c.isascii() and c.isalnum())
                    assert iban_valid(compact) or national_account_ok(seg) or unregistered_iban_ok(seg), where
                elif m["kind"] == "ssn":
                    digits = ascii_digits(seg)
                    assert ssn_ok(digits) or nir_ok(digits) or national_id_ok(digits) or korean_rrn_shape_ok(digits) or chinese_id_ok(seg) or hetu_ok(seg) or taiwan_id_ok(seg) or spanish_id_ok(seg) or nino_ok(seg) or codice_fiscale_ok(seg) or corsican_nir_ok(seg) \
                        or danish_cpr_ok(digits) or philippine_shape_ok(seg), where
                elif m["kind"] == "email":
                    assert email_ok(seg), where
                elif m["kind"] == "phone":
                    # E.164: at most 15 digits, not counting a `00` or `011` prefix (nor an
                    # extension)
                    extension = PHONE_EXTENSION.fullmatch(seg)
                    digits = ascii_digits(extension.group(1) if extension else seg)
                    prefix = 2 if digits.startswith("00") else 3 if digits.startswith("011") else 0
                    assert 7 <= len(digits) - prefix <= 15, where
                    assert is_digit(seg[-1]) and (is_digit(seg[0]) or seg[0] in "+\uff0b(\uff08"
                                                  or seg[:3].upper() == "%2B"), where
            out += raw[last:]
            assert rounds or out.decode() == p["output"], (where, out.decode(), p["output"])
            flags = v["_flags"]
            enabled = (cfg or {}).get("kinds", KINDS)
            inside = lambda s, e: any(a <= s and e <= b for _k, a, b in spans)  # noqa: E731
            # Red-team vectors carry the red-team's labels (or a documented rule): what this file's
            # rough scanners see outside their matches is listed by --review, not asserted (the
            # scanners know nothing of key words, continuation or codes).
            redteam = "redteam" in flags

            def check(cond, what):
                if redteam:
                    if not cond:
                        REVIEW.append("%s: %s in %r" % (where, what, inp))
                else:
                    assert cond, (where, what)
            # nothing that looks like PII outside the expected matches unless the vector says so
            if "loose" not in flags and not redteam:
                for ci, ch in enumerate(inp):
                    if is_digit(ch) or ch == "@":
                        assert inside(ci, ci + 1), (where, "stray", ch, ci)
            ibans = iban_candidates(inp)
            non_iban = [(s, e) for s, e, ok in ibans if not ok]
            if non_iban and not redteam:
                assert "nonban" in flags, (where, "unexpected IBAN-shaped non-IBAN", non_iban)
            if "iban" in enabled:
                for s, e, ok in ibans:
                    if ok:
                        check(any(kk == "iban" and a == s and b == e for kk, a, b in spans) or inside(s, e),
                              "IBAN not expected %r" % inp[s:e])
            else:
                assert not [1 for *_x, ok in ibans if ok] or "loose" in flags, where
            if "ssn" in enabled:
                for s, e, ok in ssn_candidates(inp):
                    if ok and not any(not (e <= a or b <= s) for a, b in non_iban):
                        check(inside(s, e), "SSN candidate outside matches %r" % inp[s:e])
            for s, e, why in phone_review(inp):
                if not inside(s, e):
                    REVIEW.append("%s: %r (%s) in %r" % (where, inp[s:e], why, inp))
            if "card" in enabled and "context-card" not in flags:
                for s, e in card_candidates(inp):
                    if any(not (e <= a or b <= s) for a, b in non_iban):
                        continue
                    check(inside(s, e), "card candidate outside matches %r" % inp[s:e])
            # matches must be bounded as RULES.md says (never inside a longer run of digits; phones
            # and SSNs not glued to letters, except letters of scripts written without spaces)
            for kk, a, b in spans:
                assert a == 0 or not is_digit(inp[a - 1]), where
                assert b == len(inp) or not is_digit(inp[b]), where
                if kk in ("phone", "ssn"):
                    assert (a == 0 or not is_alnum(inp[a - 1]) or is_nospace_letter(inp[a - 1])
                            or hebrew_prefix_before(inp, a) or is_arabic_letter(inp[a - 1])
                            or GLUED_VALUE_WORD_RE.search(inp[:a])), where
                    assert (b == len(inp) or not is_alnum(inp[b]) or is_nospace_letter(inp[b])
                            or (kk == "phone" and re.match(r"(?i)(x|ext\.?)[0-9]", inp[b:]))), where
                if kk == "ssn":
                    assert not SSN_CONTEXT_RE.search(inp[a:b]), where
    return total


def build():
    built, rendered = {}, {}
    for fname, fn in FILES.items():
        got = fn()
        vs = got.items
        built[fname] = vs
        rendered[fname] = render([{k: x for k, x in v.items() if not k.startswith("_")} for v in vs],
                                 getattr(got, "header", ()))
    total = verify(rendered, built)
    return built, rendered, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if a committed file differs")
    ap.add_argument("--review", action="store_true",
                    help="list rough phone-like candidates left unmatched (negatives to double-check by hand)")
    args = ap.parse_args()
    built, rendered, total = build()
    if args.review:
        print("\n".join(REVIEW))
        return 0
    stale = sorted(p.name for p in HERE.glob("*.toml") if p.name not in rendered)
    if args.check:
        bad = []
        for fname, text in rendered.items():
            path = HERE / fname
            if not path.exists():
                bad.append("%s: missing" % fname)
            elif path.read_text(encoding="utf-8") != text:
                bad.append("%s: differs from what generate.py writes" % fname)
        bad += ["%s: not written by generate.py" % s for s in stale]
        for b in bad:
            print("generate.py --check: " + b, file=sys.stderr)
        if bad:
            return 1
        print("generate.py --check: %d files, %d vectors up to date" % (len(rendered), total))
        return 0
    for fname, text in rendered.items():
        path = HERE / fname
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
    for fname in rendered:
        print("%-16s %4d vectors" % (fname, len(built[fname])))
    print("%-16s %4d vectors" % ("total", total))
    for s in stale:
        print("warning: %s is not written by generate.py" % s, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
