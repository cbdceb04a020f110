#!/usr/bin/env python3
"""Write the sample contact-center transcript export used by the demo and the CLI tests.

    python3 tests/data/generate_transcript.py          # (re)write transcript.jsonl + transcript_pii.json
    python3 tests/data/generate_transcript.py --check  # exit 1 if the committed files differ

Python 3.11, standard library only, deterministic (fixed seed). Every PII value is synthetic and
built here: Luhn check digits, ISO 7064 mod-97 IBAN check digits (and the national check digits
of FR, ES, IT and NL bank accounts) are computed by this script on its own, never by the piimask
core, so that a wrong rule in the core can never validate its own test data.

transcript.jsonl is one compact JSON object per line (session headers, messages, internal notes,
status events). transcript_pii.json lists every PII value inserted, as
{"line": N, "kind": "card|iban|ssn|email|phone", "value": "..."} where value is the text exactly
as it appears after JSON decoding (for a JSON number: its decimal digits).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path
import random

SEED = 20250311
HERE = Path(__file__).resolve().parent
OUT_JSONL = HERE / "transcript.jsonl"
OUT_PII = HERE / "transcript_pii.json"

NBSP = "\u00a0"
NNBSP = "\u202f"

# --------------------------------------------------------------------------------------------
# Checksums (independent of the core)
# --------------------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(payload: str) -> str:
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError("unreachable")


def iban_value(s: str) -> int:
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(compact: str) -> bool:
    return iban_value(compact.upper()) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    check = 98 - iban_value(cc + "00" + bban) % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_ok(iban)
    return iban


IBAN_LENGTHS = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "UA": 29, "IT": 27, "NL": 18, "PL": 28}


def fr_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def es_control(ten: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    v = 11 - sum(int(c) * w for c, w in zip(ten, weights)) % 11
    return {11: "0", 10: "1"}.get(v, str(v))


IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def it_cin(abi: str, cab: str, conto: str) -> str:
    total = 0
    for i, ch in enumerate(abi + cab + conto):
        idx = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += IT_ODD[idx] if i % 2 == 0 else idx
    return chr(ord("A") + total % 26)


def nl_elfproef(account: str) -> bool:
    return sum(int(c) * w for c, w in zip(account, range(10, 0, -1))) % 11 == 0


# --------------------------------------------------------------------------------------------
# Synthetic PII builders
# --------------------------------------------------------------------------------------------


class Pii:
    """Builds PII values with a private RNG; round-robins brands, countries and written forms."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.form_counter: dict[str, int] = {}
        self.advance = True

    def d(self, n: int, first_nonzero: bool = False) -> str:
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.r.choice("123456789") + s[1:]
        return s

    def next_form(self, key: str, n: int) -> int:
        i = self.form_counter.get(key, 0)
        if self.advance:
            self.form_counter[key] = i + 1
        return i % n

    # ---- cards ----
    def card_digits(self, brand: str) -> str:
        r = self.r
        if brand == "visa":
            prefix, length = r.choice(["4539", "4556", "4916", "4485", "4716", "4929", "4532", "4024007"]), 16
        elif brand == "mc":
            prefix, length = r.choice(["51", "52", "53", "54", "55"]), 16
        elif brand == "mc2":
            prefix, length = str(r.randint(2221, 2720)), 16
        elif brand == "amex":
            prefix, length = r.choice(["34", "37"]), 15
        elif brand == "mir":
            prefix, length = r.choice(["2200", "2201", "2202", "2203", "2204"]), 16
        elif brand == "unionpay":
            prefix, length = r.choice(["6212", "6214", "6217"]), 19
        elif brand == "jcb":
            prefix, length = str(r.randint(3528, 3589)), 16
        elif brand == "maestro":
            prefix, length = "6759", 16
        else:
            raise ValueError(brand)
        payload = prefix + self.d(length - 1 - len(prefix))
        pan = payload + luhn_check_digit(payload)
        assert luhn_ok(pan) and len(pan) == length
        return pan

    def card(self, brand: str) -> str:
        pan = self.card_digits(brand)
        if brand == "amex":
            form = self.next_form("amex", 2)
            sep = " " if form == 0 else "-"
            return f"{pan[:4]}{sep}{pan[4:10]}{sep}{pan[10:]}"
        if len(pan) == 19:
            form = self.next_form("card19", 2)
            if form == 0:
                return f"{pan[:4]} {pan[4:8]} {pan[8:12]} {pan[12:]}"
            return " ".join(pan[i:i + 4] for i in range(0, 19, 4))
        form = self.next_form("card16", 5)
        if form == 0:
            return " ".join(pan[i:i + 4] for i in range(0, 16, 4))
        if form == 1:
            return "-".join(pan[i:i + 4] for i in range(0, 16, 4))
        if form == 2:
            return pan
        if form == 3:
            return NBSP.join(pan[i:i + 4] for i in range(0, 16, 4))
        return " ".join(pan[i:i + 4] for i in range(0, 16, 4))

    # ---- IBANs ----
    def iban_compact(self, cc: str) -> str:
        r, d = self.r, self.d
        if cc == "DE":
            bban = r.choice(["37040044", "10010010", "50010517", "70020270", "12030000", "43060967"]) + d(10)
        elif cc == "FR":
            bank = r.choice(["30004", "30003", "20041", "10278", "30002"])
            branch, account = d(5), d(11)
            bban = bank + branch + account + fr_rib_key(bank, branch, account)
        elif cc == "ES":
            bank = r.choice(["2100", "0049", "0182", "0081", "2080"])
            branch, account = d(4), d(10)
            bban = bank + branch + es_control("00" + bank + branch) + es_control(account) + account
        elif cc == "GB":
            bban = r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + d(6) + d(8)
        elif cc == "UA":
            bban = r.choice(["305299", "322001", "300346", "380805"]) + "00000" + r.choice(["2620", "2625", "2600"]) + d(10)
        elif cc == "IT":
            abi = r.choice(["03069", "02008", "05034", "03062"])
            cab, conto = d(5), "0000" + d(8)
            bban = it_cin(abi, cab, conto) + abi + cab + conto
        elif cc == "NL":
            while True:
                account = "0" + d(9)
                if nl_elfproef(account):
                    break
            bban = r.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO"]) + account
        elif cc == "PL":
            bban = r.choice(["10202892", "11402004", "10501445", "24901044"]) + d(16)
        else:
            raise ValueError(cc)
        iban = iban_make(cc, bban)
        assert len(iban) == IBAN_LENGTHS[cc], (cc, iban)
        return iban

    def iban(self, cc: str) -> str:
        compact = self.iban_compact(cc)
        form = self.next_form("iban", 6)
        groups = [compact[i:i + 4] for i in range(0, len(compact), 4)]
        if form in (0, 2, 4):
            return " ".join(groups)
        if form == 1:
            return compact
        if form == 3:
            return NBSP.join(groups)
        return " ".join(groups).lower()

    # ---- SSNs ----
    def ssn_parts(self, itin: bool = False) -> tuple[str, str, str]:
        r = self.r
        while True:
            if itin:
                area = str(r.randint(900, 999))
                group = str(r.choice(list(range(70, 89)) + [90, 91, 92, 94, 95, 96, 97, 98, 99]))
            else:
                area = f"{r.randint(1, 899):03d}"
                group = f"{r.randint(1, 99):02d}"
            serial = f"{r.randint(1, 9999):04d}"
            if area in ("000", "666") or (area, group, serial) in (("078", "05", "1120"), ("219", "09", "9999"), ("457", "55", "5462"), ("123", "45", "6789")):
                continue
            return area, group, serial

    def ssn(self, form: str = "dash") -> str:
        a, g, s = self.ssn_parts(itin=(form == "itin"))
        if form == "space":
            return f"{a} {g} {s}"
        if form == "bare":
            return f"{a}{g}{s}"
        if form == "u2010":
            return f"{a}\u2010{g}\u2010{s}"
        return f"{a}-{g}-{s}"

    # ---- phones: returns (written form, international digits) ----
    def phone_digits(self, market: str) -> str:
        """International digits only (WhatsApp IDs); does not use up a written form."""
        self.advance = False
        try:
            return self.phone(market)[1]
        finally:
            self.advance = True

    def phone(self, market: str) -> tuple[str, str]:
        r, d = self.r, self.d
        if market == "uk":
            mob = "7" + r.choice("1234579") + d(8)
            f = self.next_form("uk", 4)
            forms = [f"+44 {mob[:4]} {mob[4:]}", f"0{mob[:4]} {mob[4:]}", f"+44{mob}", f"+44 (0){mob[:4]} {mob[4:]}"]
            return forms[f], "44" + mob
        if market == "us":
            npa = r.choice(["201", "212", "312", "415", "503", "617", "646", "718", "919", "555"])
            nxx = r.choice("23456789") + d(2)
            while nxx[1:] == "11":
                nxx = r.choice("23456789") + d(2)
            line = d(4)
            f = self.next_form("us", 4)
            if f == 2:
                nxx, line = "555", "01" + d(2)
            forms = [f"({npa}) {nxx}-{line}", f"+1 {npa}-{nxx}-{line}", f"({npa}) {nxx}-{line}", f"{npa}.{nxx}.{line}"]
            return forms[f], "1" + npa + nxx + line
        if market == "fr":
            mob = r.choice("67") + d(8)
            p = [mob[1:3], mob[3:5], mob[5:7], mob[7:9]]
            f = self.next_form("fr", 6)
            forms = [
                f"0{mob[0]} {' '.join(p)}",
                f"+33 {mob[0]} {' '.join(p)}",
                f"0{mob[0]}.{'.'.join(p)}",
                f"0{mob}",
                f"+33 (0){mob[0]} {' '.join(p)}",
                f"0{mob[0]}{NNBSP}{NNBSP.join(p)}",
            ]
            return forms[f], "33" + mob
        if market == "es":
            mob = "6" + d(8)
            f = self.next_form("es", 4)
            forms = [
                f"{mob[:3]} {mob[3:6]} {mob[6:]}",
                f"+34 {mob[:3]} {mob[3:5]} {mob[5:7]} {mob[7:]}",
                f"{mob[:3]} {mob[3:5]} {mob[5:7]} {mob[7:]}",
                f"+34{mob}",
            ]
            return forms[f], "34" + mob
        if market == "ua":
            op = r.choice(["50", "66", "95", "99", "67", "68", "96", "97", "98", "63", "73", "93"])
            sub = d(7, first_nonzero=True)
            f = self.next_form("ua", 5)
            forms = [
                f"0{op} {sub[:3]} {sub[3:5]} {sub[5:]}",
                f"+380 {op} {sub[:3]} {sub[3:]}",
                f"(0{op}) {sub[:3]}-{sub[3:5]}-{sub[5:]}",
                f"+38 0{op} {sub[:3]} {sub[3:5]} {sub[5:]}",
                f"+380{op}{sub}",
            ]
            return forms[f], "380" + op + sub
        if market == "de":
            f = self.next_form("de", 6)
            if f == 5:
                nsn = "15" + r.choice("1279") + d(8, first_nonzero=True)
                return f"0049 {nsn[:3]} {nsn[3:]}", "49" + nsn
            if f == 0:
                nsn = "15" + r.choice("1279") + d(8, first_nonzero=True)
                return f"0{nsn[:3]} {nsn[3:]}", "49" + nsn
            if f == 1:
                nsn = "30" + d(7, first_nonzero=True)
                return f"+49 30 {nsn[2:]}", "49" + nsn
            if f == 2:
                nsn = "17" + r.choice("0123456789") + d(7, first_nonzero=True)
                return f"+49 {nsn[:3]} {nsn[3:]}", "49" + nsn
            if f == 3:
                nsn = "89" + d(7, first_nonzero=True)
                return f"+49 (0)89 {nsn[2:]}", "49" + nsn
            nsn = "511" + d(7, first_nonzero=True)
            return f"0511/{nsn[3:]}", "49" + nsn
        if market == "it":
            mob = "3" + r.choice("2345789") + d(8)
            f = self.next_form("it", 3)
            forms = [f"+39 {mob[:3]} {mob[3:6]} {mob[6:]}", f"{mob[:3]} {mob[3:6]} {mob[6:]}", f"+39 06 {d(4, True)} {d(4)}"]
            return forms[f], "39" + mob
        if market == "nl":
            mob = "6" + d(8, first_nonzero=True)
            f = self.next_form("nl", 3)
            forms = [f"0{mob[0]}-{mob[1:]}", f"+31 {mob[0]} {mob[1:]}", f"0{mob[0]} {mob[1:]}"]
            return forms[f], "31" + mob
        raise ValueError(market)


TRANSLIT_UK = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ'",
    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "", ""],
))


def ascii_slug(name: str) -> str:
    name = name.lower().replace("ß", "ss").replace("ı", "i").replace("ł", "l")
    name = "".join(TRANSLIT_UK.get(c, c) for c in name)
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if c.isascii() and (c.isalnum() or c in " -"))


EMAIL_DOMAINS = {
    "en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "aol.com"],
    "en-GB": ["gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "outlook.com"],
    "fr": ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "outlook.fr"],
    "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
    "uk": ["ukr.net", "gmail.com", "i.ua", "meta.ua"],
    "de": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
    "it": ["libero.it", "gmail.com", "virgilio.it"],
    "nl": ["ziggo.nl", "gmail.com", "kpnmail.nl", "hotmail.nl"],
}


# --------------------------------------------------------------------------------------------
# People, queues
# --------------------------------------------------------------------------------------------

AGENTS = {
    "en": [("Emma Hughes", "A-1042"), ("James Carter", "A-1107"), ("Priya Nair", "A-1215"), ("Tom Fletcher", "A-1033"), ("Grace Okafor", "A-1290")],
    "fr": [("Marie Laurent", "A-2014"), ("Antoine Girard", "A-2031"), ("Camille Roux", "A-2077"), ("Sébastien Morel", "A-2102")],
    "es": [("Lucía Romero", "A-3008"), ("Carlos Vidal", "A-3019"), ("Marta Gil", "A-3044")],
    "uk": [("Олена Савчук", "A-4011"), ("Андрій Литвин", "A-4023"), ("Ірина Поліщук", "A-4057")],
    "de": [("Jonas Krüger", "A-5002"), ("Lena Vogel", "A-5018"), ("Markus Wolf", "A-5066")],
    "it": [("Giulia Ferri", "A-6003"), ("Marco Rinaldi", "A-6010")],
    "nl": [("Sanne Bakker", "A-7001"), ("Daan Visser", "A-7004")],
}

QUEUES = {
    "en": {"payment": "EN-Payments", "delivery": "EN-Orders", "billing": "EN-Billing", "account": "EN-Accounts", "tech": "EN-TechSupport", "tax": "US-Tax-Support"},
    "fr": {"payment": "FR-Paiements", "delivery": "FR-Livraison", "billing": "FR-Facturation", "account": "FR-Compte-Client", "tech": "FR-Support-Technique"},
    "es": {"payment": "ES-Pagos", "delivery": "ES-Pedidos", "billing": "ES-Facturación", "account": "ES-Cuentas", "tech": "ES-Soporte"},
    "uk": {"payment": "UA-Оплата", "delivery": "UA-Доставка", "billing": "UA-Повернення", "account": "UA-Кабінет", "tech": "UA-Техпідтримка"},
    "de": {"payment": "DE-Zahlungen", "delivery": "DE-Versand", "billing": "DE-Erstattungen", "account": "DE-Kundenkonto", "tech": "DE-Technik"},
    "it": {"payment": "IT-Pagamenti", "billing": "IT-Rimborsi"},
    "nl": {"account": "NL-Klantenservice", "billing": "NL-Retouren"},
}

TEAMS = {
    "en": ["Payments", "Returns", "Tier 2"], "fr": ["Paiements", "Retours", "Niveau 2"],
    "es": ["Pagos", "Devoluciones", "Nivel 2"], "uk": ["повернень", "оплат", "другої лінії"],
    "de": ["Zahlungen", "Retouren", "2nd Level"], "it": ["Rimborsi"], "nl": ["Retouren"],
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}

# --------------------------------------------------------------------------------------------
# Sentence templates, per language. {placeholders} are filled by Session.value().
# --------------------------------------------------------------------------------------------

T: dict[str, dict] = {}

T["en"] = {
    "status": {
        "agent_joined": ["{agent} joined the chat", "Agent {agent} ({agent_id}) joined the chat"],
        "transferred": ["Chat transferred from {agent} to queue {queue2}", "{agent} transferred the chat to {agent2}"],
        "conference": ["{agent2} was added to the conversation (conference)"],
        "customer_left": ["Customer left the chat", "The visitor closed the chat window"],
        "chat_ended": ["Chat ended by {agent} after {mins} min", "Chat closed – duration 00:{mm}:{ss}"],
        "queued": ["Customer queued in {queue} – position {n}, estimated wait {mins} min"],
    },
    "bot": [
        "Hi 👋 I'm Nova, the virtual assistant. Type your order number (e.g. #A-12345) or pick a topic below.",
        "Welcome to ShopNow support! Agents are available Mon–Fri 8:00–20:00 EST. Current wait: about {mins} min.",
    ],
    "open": {
        "payment": [
            "hi, my payment keeps failing on order #{order}. tried {n} times since {time}, total is {amount} 😩",
            "Hello, I was charged twice for order #{order} ({amount} each) on {date}, can someone check??",
        ],
        "travel": [
            "Hi there, I'm travelling for work and my card gets declined at checkout. Cart total {amount}, {qty} items, order #{order}",
        ],
        "delivery": [
            "Hey, order #{order} was supposed to arrive on {date} and tracking {track} hasn't moved since {time} yesterday",
            "My parcel says delivered at {time} but there's nothing at my door. Order #{order}, {qty} items",
        ],
        "billing": [
            "Hi, I returned {qty} items from order #{order} on {date} and still no refund of {amount}. It's been {days} days.",
            "Hello, I sent back order #{order} ({qty} items) on {date}, the refund of {amount} still isn't there. RMA {n6}",
        ],
        "account": [
            "hi i need to change the contact details on my account, moved house last week. customer no. C-{n6}",
            "Hello, new phone + new email since {date}, how do I update my profile? Account C-{n6}",
        ],
        "tech": [
            "My router keeps dropping the connection every {n} minutes. Model RT-{model}, firmware {ver}",
            "Wi-Fi drops every evening since the firmware update to {ver}, router RT-{model}. Speedtest shows {n2} Mbps instead of 500",
        ],
        "tax": [
            "Hi, I got a letter about my {year} tax return (notice CP{n2}, ref. {n6}) saying my identity couldn't be verified",
            "Hello, I got IRS letter 5071C asking me to verify my identity for my {year} return, can you help with the online verification?",
        ],
    },
    "greet": [
        "Hi {cust}, this is {agent}. Thanks for waiting! Let me pull up your account 🙂",
        "Hello {cust}! My name is {agent}, I'll be helping you today. Give me 1-2 minutes to review the case.",
        "Good morning {cust}, {agent} here from the support team. I've got your chat history in front of me.",
    ],
    "ask": {
        "card": ["Could you tell me which card you used? Just the brand and the last 4 digits please.",
                 "Which card did you try? I only need the last four digits, never the CVV."],
        "iban": ["For the refund of {amount} I'll need the bank account it should go to (IBAN), since the original card has expired."],
        "phone": ["What's the best number to reach you on if we get disconnected?"],
        "email": ["Can you confirm the email address on the account?"],
        "ssn": ["To verify your identity I need the last 4 digits of your SSN and your date of birth."],
        "contact": ["Sure! Please send me the new email address and phone number you'd like on file."],
        "payment": ["Can you confirm the exact amount and the time of the charge?"],
        "delivery": ["Let me check with the carrier. Can you confirm the delivery ZIP/postcode?"],
        "billing": ["Do you have the tracking number of the return parcel?"],
        "account": ["Sure, can you confirm your customer number and postcode first?"],
        "tech": ["Could you restart the router and tell me what the status LED shows? Also, which IP does your laptop get (Settings > Wi-Fi > Details)?"],
        "tax": ["Do you have the date on the letter and the form number printed at the top right?"],
    },
    "pii": {
        "card": ["ok here's the full number so you can check: {card} (exp {exp})",
                 "Card number {card}, it's the one I always use. Order total was {amount}",
                 "I used this one → {card} , valid thru {exp}"],
        "iban": ["Please use my account {iban}, name on the account is {custfull}.",
                 "IBAN: {iban}\nthanks!"],
        "phone": ["You can call me on {phone}, anytime after {time}", "my cell is {phone} – pls text first"],
        "email": ["It's {email}", "the email is {email} (or maybe I used {email2} back in {year}?)"],
        "ssn": ["sure, full SSN is {ssn} if that helps, DOB {dob}",
                "My SSN is {ssn} and my wife's ITIN is {itin}, we file jointly. Her cell is {phone_us}"],
        "contact": ["new email: {email}\nphone: {phone}\nthanks a lot!"],
    },
    "after": {
        "card": ["Thanks. For your security please don't send full card numbers in chat – I've flagged the message so it gets masked. I can see the attempts of {amount} at {time} and {time2}."],
        "ssn": ["Thank you, identity verified ✅ Please note we only ever need the last 4 digits; the full number will be masked in our records."],
        "iban": ["Got it, the refund of {amount} will be sent to the account ending in {iban_last4} within 3–5 business days."],
        "email": ["Thanks! I've updated the email on your account to {echo_email} ✅"],
        "phone": ["Perfect, I've added {echo_phone} as your callback number."],
        "contact": ["Done! Email and phone are updated, you'll get a confirmation SMS within {mins} minutes."],
    },
    "plain": {
        "payment": ["ok. it was {amount} with shipping, I tried at {time} and again at {time2}"],
        "travel": ["It worked fine last week in Toronto, {price2} at a hotel. Bank app shows nothing blocked"],
        "delivery": ["postcode is {zip}. I was home all day from 9 to 5 😕"],
        "billing": ["The return label was RL-{n6}, dropped at the UPS store #{n4} on {date}"],
        "account": ["postcode is {zip}, the old phone ended in {last4}"],
        "tech": ["LED is orange. Laptop shows IP {ip}, gateway {ip2}"],
        "tax": ["the letter is dated {date}, form 5071C, and says respond within 30 days"],
        "generic": ["one more thing: I also have order #{order2} for {price}, is that one ok?"],
    },
    "resolve": {
        "payment": ["I can see two authorization holds of {amount} – only one was captured, the other will drop off in 3–5 business days.\nYour order #{order} is confirmed and ships on {date2}."],
        "travel": ["Our fraud filter blocked the attempt because of the billing country. I've whitelisted it for 24h,\nplease retry checkout now – the basket (#{order}, {amount}) is still reserved."],
        "delivery": ["I've opened a trace with the carrier (case {ticket}).\nIf nothing turns up by {date2} we'll send a replacement or refund the full {amount}, your choice."],
        "billing": ["Thanks for your patience! The refund of {amount} was issued today at {time}.\nDepending on your bank it takes 5–10 days to show up. Reference: RF-{n6}"],
        "account": ["All set ✅\nYour new contact details are saved; a confirmation goes out within {mins} minutes. For security, other devices are logged out – just sign in again with \"Continue\"."],
        "tech": ["Please try this:\n1. Open 192.168.1.1 in your browser\n2. Go to Advanced > Firmware and update to {ver2}\n3. Reboot and wait ~{n} min\nLet me know if the LED turns white."],
        "tax": ["I've added a note to your file. You'll receive a new verification letter within 7–10 days; until then the refund of {price} stays on hold.\nReference for your records: {ticket}"],
    },
    "thanks": ["thanks so much!! 🙏", "Great, thank you {agent}", "ok cool, thats all. thx", "perfect, have a nice day"],
    "close": ["You're welcome! Is there anything else I can help you with today?",
              "Thanks for contacting us, have a great day! Chat ref: {ticket}",
              "Glad I could help 😊 You'll receive a short survey (2 questions) by email."],
    "handover": ["Hi {cust}, I'm {agent} from the {team} team, I've read the conversation above. Give me a sec."],
    "note": {
        "plain": ["Cx contacted us twice before about #{order}. Offered {pct}% voucher, declined.",
                  "Escalated to tier 2, ticket {ticket}. SLA 48h.",
                  "Verified via security question, no 2FA reset needed. Ticket {ticket}"],
        "payment": ["Double charge confirmed in PSP dashboard, auth IDs {auth} / {auth2}"],
        "phone": ["Callback requested for tomorrow {time} on {echo_phone}"],
        "email": ["Customer email changed to {echo_email}, verification sent"],
        "iban": ["Refund IBAN {echo_iban} added manually (customer sent it in chat)"],
        "ssn": ["ID check done with SSN {echo_ssn} – REMOVE from notes after QA!!"],
        "card": ["Card on file checked against the declined attempt of {amount}"],
    },
}

T["fr"] = {
    "status": {
        "agent_joined": ["{agent} a rejoint la conversation", "Le conseiller {agent} a rejoint le chat"],
        "transferred": ["Conversation transférée vers la file {queue2}", "{agent} a transféré la conversation à {agent2}"],
        "conference": ["{agent2} a été ajouté(e) à la conversation"],
        "customer_left": ["Le client a quitté la conversation", "Le visiteur a fermé la fenêtre de chat"],
        "chat_ended": ["Conversation terminée par {agent} (durée {mins} min)"],
        "queued": ["Client en file d'attente {queue} – position {n}, attente estimée {mins} min"],
    },
    "bot": [
        "Bonjour 👋 Je suis l'assistant virtuel. Indiquez votre numéro de commande (ex. : n° 1234567) ou choisissez un thème.",
        "Merci pour votre message ! Nos conseillers sont disponibles du lundi au samedi de 9h à 19h. Temps d'attente estimé : {mins} min.",
    ],
    "open": {
        "payment": ["Bonjour, mon paiement est refusé pour la commande n° {order} ({amount}), j'ai essayé {n} fois depuis {time}",
                    "Bonjour, j’ai été débitée deux fois de {amount} le {date} pour la même commande !!"],
        "delivery": ["Bonjour, ma commande n° {order} devait arriver le {date} et le suivi Colissimo {track} n'a pas bougé depuis 4 jours",
                     "bonjour je n'ai tjs pas recu mon colis, commande {order}, {qty} articles"],
        "billing": ["Bonjour, j'ai retourné {qty} articles de la commande n° {order} le {date}, toujours pas de remboursement ({amount})",
                    "Bonsoir, colis retourné le {date} (commande n° {order}), le remboursement de {amount} n'apparaît toujours pas"],
        "account": ["Bonjour, je souhaite modifier mes coordonnées, j'ai changé de numéro et d'adresse mail",
                    "Bonjour, nouveau portable et nouvelle adresse mail depuis le {date}, comment mettre à jour mon compte ?"],
        "tech": ["Bonjour, ma box redémarre toute seule toutes les {n} minutes depuis la mise à jour {ver}",
                 "L'appli plante au démarrage (version {ver}, Android 14). Déjà réinstallée 2 fois."],
    },
    "greet": [
        "Bonjour {cust}, je m'appelle {agent} et je prends en charge votre demande 🙂",
        "Bonjour {cust} ! {agent} du service client, merci de votre patience. Je regarde votre dossier.",
        "Bonjour et merci pour votre attente. Je consulte votre dossier, un instant s'il vous plaît.",
    ],
    "ask": {
        "card": ["Avec quelle carte avez-vous payé ? Les 4 derniers chiffres suffisent."],
        "iban": ["Pour le remboursement de {amount}, pouvez-vous m'indiquer l'IBAN du compte à créditer ? La carte d'origine a expiré."],
        "phone": ["À quel numéro le livreur peut-il vous joindre ?"],
        "email": ["Pouvez-vous me confirmer l'adresse e-mail du compte ?"],
        "contact": ["Bien sûr. Quels sont le nouveau numéro de téléphone et la nouvelle adresse e-mail ?"],
        "payment": ["Pouvez-vous me confirmer le montant exact débité et l'heure ?"],
        "delivery": ["Pouvez-vous me confirmer le code postal de livraison ?"],
        "billing": ["Avez-vous le numéro de suivi du retour ?"],
        "account": ["Pouvez-vous me confirmer votre numéro client et votre code postal ?"],
        "tech": ["Pouvez-vous me donner la version du firmware (Menu > Infos) et l'adresse IP affichée ?"],
    },
    "pii": {
        "card": ["C'est la CB n°{card} exp {exp}",
                 "voilà le numéro complet : {card} (expire le {exp})",
                 "Carte {card}, c'est celle que j'utilise d'habitude"],
        "iban": ["Voici mon IBAN : {iban}\nTitulaire : {custfull}", "IBAN {iban}, c'est mon compte joint"],
        "phone": ["Mon portable : {phone}, je suis dispo après {time}", "vous pouvez m'appeler au {phone} merci"],
        "email": ["C'est {email}"],
        "contact": ["Nouveau numéro : {phone}\nNouvel e-mail : {email}\nMerci !"],
    },
    "after": {
        "card": ["Merci. Par sécurité, n'envoyez jamais le numéro complet de votre carte par chat 🙏 Je vois bien la tentative refusée de {amount} à {time}."],
        "iban": ["Merci, le remboursement de {amount} sera effectué sur le compte se terminant par {iban_last4} sous 5 jours ouvrés."],
        "phone": ["C'est noté, le livreur vous contactera au {echo_phone} avant son passage."],
        "email": ["Merci, l'adresse {echo_email} est bien rattachée au compte."],
        "contact": ["C'est fait ✅ Un SMS de confirmation vous sera envoyé d'ici {mins} minutes."],
    },
    "plain": {
        "payment": ["C'était {amount} frais de port inclus, la 1ère fois à {time} puis à {time2}"],
        "delivery": ["Code postal {zip}, j'étais chez moi toute la journée 😕"],
        "billing": ["Oui, le n° de suivi du retour est {track2}, déposé en point relais le {date}"],
        "account": ["Numéro client C-{n6}, code postal {zip}"],
        "tech": ["Firmware {ver}, IP {ip}, la box affiche « Synchro en cours »"],
        "generic": ["Ah et j'ai aussi la commande n° {order2} à {price}, elle est bien partie ?"],
    },
    "resolve": {
        "payment": ["J'ai vérifié : il s'agit d'une pré-autorisation de {amount}, elle sera libérée sous 3 à 5 jours.\nVotre commande n° {order} est bien validée, expédition prévue le {date2}."],
        "delivery": ["J'ai ouvert une enquête auprès de Colissimo (dossier {ticket}).\nSans nouvelles d'ici le {date2}, nous vous renverrons la commande ou rembourserons {amount}, au choix."],
        "billing": ["Le remboursement de {amount} a été validé aujourd'hui à {time}.\nComptez 5 à 10 jours selon votre banque. Référence : RB-{n6}"],
        "account": ["Vos coordonnées sont à jour ✅\nUn mail de confirmation vous sera envoyé d'ici {mins} minutes, pensez à vérifier les spams."],
        "tech": ["Merci ! Voici la marche à suivre :\n1. Ouvrez http://192.168.1.1\n2. Menu « Système » > « Mise à jour » > version {ver2}\n3. Redémarrez la box (environ {n} min)\nTenez-moi au courant."],
    },
    "thanks": ["Merci beaucoup !", "Super merci bcp 🙏", "D'accord, merci pour votre aide, bonne journée"],
    "close": ["Je vous en prie ! Puis-je vous aider pour autre chose ?",
              "Merci de nous avoir contactés, belle journée ! Réf. de la conversation : {ticket}"],
    "handover": ["Bonjour {cust}, {agent} du service {team}, j'ai bien lu l'historique. Je reprends votre demande."],
    "note": {
        "plain": ["Client déjà venu le {date} pour la même commande. Geste commercial de {pct}% proposé, refusé.",
                  "Escaladé niveau 2, ticket {ticket}, SLA 48h"],
        "phone": ["Rappel demandé le {date2} à {time} au {echo_phone}"],
        "iban": ["IBAN de remboursement saisi à la main : {echo_iban} (envoyé par le client dans le chat !)"],
        "email": ["E-mail modifié → {echo_email}, mail de vérification envoyé"],
        "card": ["Carte enregistrée vérifiée, tentative refusée de {amount}"],
    },
}

T["es"] = {
    "status": {
        "agent_joined": ["{agent} se ha unido al chat"],
        "transferred": ["Chat transferido a la cola {queue2}", "{agent} transfirió la conversación a {agent2}"],
        "conference": ["{agent2} se ha unido a la conferencia"],
        "customer_left": ["El cliente ha abandonado el chat"],
        "chat_ended": ["Chat finalizado por {agent} (duración {mins} min)"],
        "queued": ["Cliente en cola {queue} – posición {n}, espera estimada {mins} min"],
    },
    "bot": [
        "¡Hola! 👋 Soy el asistente virtual. Escribe tu número de pedido (p. ej. ES-123456) o elige una opción.",
        "Gracias por escribirnos. Eres el número {n} en la cola, tiempo estimado de espera: {mins} min.",
    ],
    "open": {
        "delivery": ["Hola, mi pedido {order} tenía que llegar el {date} y el seguimiento {track} no se mueve desde hace 3 días",
                     "hola buenas, el repartidor dice q no estaba en casa pero estuve toda la tarde 😡 pedido {order}"],
        "payment": ["Hola, me rechaza el pago del pedido {order} ({amount}), lo he intentado {n} veces",
                    "Buenas, me habéis cobrado {amount} dos veces el {date}"],
        "billing": ["Hola, devolví {qty} artículos del pedido {order} el {date} y aún no me habéis devuelto {amount}"],
        "account": ["Hola, quiero cambiar el correo de mi cuenta, el antiguo ya no lo uso"],
        "tech": ["Buenas, la app se cierra sola desde la versión {ver}, tengo un iPhone 13 con iOS 17.{n}"],
    },
    "greet": ["¡Hola {cust}! Soy {agent} y voy a ayudarte con tu consulta 🙂",
              "Buenas tardes {cust}, te atiende {agent}. Dame un par de minutos para revisar tu caso."],
    "ask": {
        "phone": ["¿Me indicas un teléfono de contacto para que el repartidor pueda llamarte?"],
        "card": ["¿Con qué tarjeta intentaste pagar? Solo necesito los 4 últimos dígitos."],
        "iban": ["Para el reembolso de {amount} necesito el IBAN de la cuenta donde quieres recibirlo."],
        "email": ["Claro, ¿cuál es la nueva dirección de correo?"],
        "delivery": ["¿Me confirmas el código postal de entrega?"],
        "payment": ["¿Qué importe exacto te aparece en el banco?"],
        "billing": ["¿Tienes el número de la devolución?"],
        "account": ["¿Me confirmas tu número de cliente?"],
        "tech": ["¿Qué versión de la app tienes instalada? (Ajustes > Acerca de)"],
    },
    "pii": {
        "phone": ["mi móvil es {phone}, llamad después de las {time} porfa", "Sí, el teléfono es {phone}"],
        "card": ["La tarjeta es {card}, caduca {exp}", "es esta: {card} , la de siempre"],
        "iban": ["Mi IBAN es {iban}\nTitular: {custfull}", "Os paso el IBAN: {iban}"],
        "email": ["Es {email}, gracias", "pon {email} por favor"],
    },
    "after": {
        "phone": ["Perfecto, he añadido el {echo_phone} a la entrega. El repartidor te llamará antes de pasar 🚚"],
        "card": ["Gracias. Por seguridad, no envíes nunca el número completo de la tarjeta por chat 🙏 Veo el intento rechazado de {amount} a las {time}."],
        "iban": ["Gracias, el reembolso de {amount} se hará a la cuenta que termina en {iban_last4} en 3-5 días hábiles."],
        "email": ["¡Listo! He cambiado el correo a {echo_email} ✅ Te llegará un email de confirmación."],
    },
    "plain": {
        "delivery": ["El código postal es {zip}, portal 3, 2.º B"],
        "payment": ["Me aparecen dos cargos de {amount}, uno a las {time} y otro a las {time2}"],
        "billing": ["Sí, la devolución es la DV-{n6}, la entregué en la oficina de Correos el {date}"],
        "account": ["Es el CL-{n6}, código postal {zip}"],
        "tech": ["Versión {ver}, ocupa {size} MB, ya la reinstalé"],
        "generic": ["Otra cosa, el pedido {order2} de {price} también está bien?"],
    },
    "resolve": {
        "delivery": ["He abierto una incidencia con la agencia de transporte (ref. {ticket}).\nLa nueva entrega está prevista para el {date2} entre las 9:00 y las 14:00."],
        "payment": ["Uno de los cargos es solo una retención de {amount}, se liberará en 3-5 días.\nTu pedido {order} está confirmado y sale el {date2}."],
        "billing": ["El reembolso de {amount} se ha emitido hoy a las {time}.\nPuede tardar hasta 10 días en verse en tu banco. Referencia: RE-{n6}"],
        "account": ["Ya está actualizado ✅\nCierra sesión y vuelve a entrar; si no te deja, usa \"¿Olvidaste tu contraseña?\"."],
        "tech": ["Es un error conocido de la {ver}. Actualiza a la {ver2} desde la App Store y reinicia el móvil.\nSi sigue fallando, avísanos."],
    },
    "thanks": ["¡Muchas gracias!", "vale, gracias 👍", "Genial, muchas gracias {agent}"],
    "close": ["¡A ti! ¿Puedo ayudarte en algo más?", "Gracias por contactar con nosotros, ¡que tengas un buen día! Ref.: {ticket}"],
    "handover": ["Hola {cust}, soy {agent} del equipo de {team}. He leído la conversación, sigo yo."],
    "note": {
        "plain": ["Cliente ya contactó el {date} por el mismo pedido. Ofrecido cupón del {pct}%", "Escalado a nivel 2, ticket {ticket}"],
        "phone": ["Entrega reprogramada, tel. de contacto {echo_phone}"],
        "iban": ["IBAN para reembolso: {echo_iban}"],
        "email": ["Email cambiado a {echo_email}"],
        "card": ["Tarjeta guardada revisada, intento rechazado de {amount}"],
    },
}

T["uk"] = {
    "status": {
        "agent_joined": ["Оператор {agent} приєднується до розмови"],
        "transferred": ["Розмову передано в чергу {queue2}", "Розмову передано: {agent} → {agent2}"],
        "conference": ["До розмови додано оператора {agent2}"],
        "customer_left": ["Клієнт залишив розмову"],
        "chat_ended": ["Розмову завершено, тривалість {mins} хв"],
        "queued": ["Клієнт у черзі {queue}, позиція {n}, очікування ~{mins} хв"],
    },
    "bot": [
        "Вітаємо! 👋 Я віртуальний помічник. Напишіть номер замовлення або ТТН, і я передам вас оператору.",
        "Дякуємо за звернення! Ви {n}-й у черзі, орієнтовний час очікування — {mins} хв.",
    ],
    "open": {
        "delivery": ["Добрий день! Замовлення № {order} мало прийти {date}, а по ТТН {track} досі «Відправлення прямує до міста одержувача» 😕",
                     "Привіт, посилка приїхала на відділення № {branch}, але там кажуть що її вже повернули?? ТТН {track}"],
        "billing": ["Доброго дня. Товар повернуто {date} (замовлення № {order}), а гроші {amount} так і не прийшли."],
        "payment": ["Не проходить оплата карткою, сума {amount}, кількість спроб — {n}. Пише «Операцію відхилено банком»"],
        "account": ["Здрастуйте, не можу змінити пошту в особистому кабінеті, пише помилка 403"],
        "tech": ["Не працює застосунок після оновлення до версії {ver}, Android 14, Samsung A{n2}"],
    },
    "greet": ["Вітаю, {cust}! Мене звати {agent}, зараз перевірю ваше звернення 🙂",
              "Доброго дня! Оператор {agent} на зв'язку. Дайте мені 2–3 хвилини, будь ласка."],
    "ask": {
        "phone": ["Підкажіть, будь ласка, номер телефону одержувача — він потрібен для запиту в Нову пошту."],
        "iban": ["Для повернення коштів потрібен ваш рахунок IBAN (29 символів, починається з UA)."],
        "card": ["Якою карткою ви оплачували? Достатньо останніх 4 цифр."],
        "email": ["Яку нову адресу електронної пошти вказати?"],
        "delivery": ["Підкажіть номер відділення і місто, будь ласка."],
        "billing": ["Підкажіть номер повернення, будь ласка."],
        "payment": ["О котрій годині були спроби оплати?"],
        "account": ["Яким браузером ви користуєтесь?"],
        "tech": ["Яка версія застосунку зараз встановлена?"],
    },
    "pii": {
        "phone": ["Мій номер {phone}, дзвоніть після {time}", "Телефон одержувача: {phone} (це мама, Галина)"],
        "iban": ["Ось: {iban}\nОтримувач — {custfull}", "IBAN {iban}, ПриватБанк"],
        "card": ["Картка {card}, термін до {exp}", "Оплачувала ось цією: {card}"],
        "email": ["Нова пошта: {email}", "Вкажіть, будь ласка, {email}"],
    },
    "after": {
        "phone": ["Дякую! Запит по ТТН {track} створено, з вами зв'яжуться за номером {echo_phone} протягом 24 годин."],
        "iban": ["Дякую, заявку на повернення {amount} створено. Кошти надійдуть на рахунок, що закінчується на {iban_last4}, протягом 3–5 банківських днів."],
        "card": ["Дякую. Будь ласка, не надсилайте повний номер картки в чаті 🙏 Бачу відхилену спробу на {amount} о {time}."],
        "email": ["Готово ✅ Адресу змінено на {echo_email}, лист-підтвердження вже надіслано."],
    },
    "plain": {
        "delivery": ["Відділення № {branch}, Київ. Вже {days} днів чекаю"],
        "billing": ["Повернення оформлено {date}, номер повернення R-{n6}"],
        "payment": ["Спроби були о {time} і о {time2}, сума {amount}"],
        "account": ["Chrome 122.0.{n4}.{n3}, кеш уже очищено, не допомагає"],
        "tech": ["Версія {ver}, {n} ГБ вільного місця, перевстановлення не допомогло"],
        "generic": ["І ще: замовлення № {order2} на {price} теж в дорозі?"],
    },
    "resolve": {
        "delivery": ["Перевірено: посилка на сортувальному центрі, доставка очікується {date2}.\nЯкщо до {date2} не надійде — відправимо нову безкоштовно."],
        "billing": ["Повернення {amount} оформлено сьогодні о {time}.\nНомер операції: RF-{n6}. Строк зарахування — до 5 банківських днів."],
        "payment": ["Спробуйте, будь ласка, ще раз через 10–15 хвилин або оберіть «Оплата частинами» (до {n} платежів без переплати).\nЗамовлення № {order} зарезервоване до {date2}."],
        "account": ["Адресу змінено. Будь ласка, вийдіть з акаунту й увійдіть знову.\nЯкщо помилка 403 повториться — надішліть скріншот."],
        "tech": ["Дякуємо! Виправлення вже є у версії {ver2}, оновіть застосунок у Google Play.\nЯкщо не допоможе: Налаштування → Застосунки → Очистити кеш."],
    },
    "thanks": ["Дякую велике! 🙏", "Добре, дякую", "Зрозуміло, дякую за допомогу"],
    "close": ["Раді допомогти! Гарного дня 🌻", "Чи можу я ще чимось допомогти?"],
    "handover": ["Вітаю, {cust}! На зв'язку {agent}, відділ {team}. Бачу історію розмови, зараз перевірю."],
    "note": {
        "plain": ["Клієнт звертався {date} з тим самим питанням, тікет {ticket}", "Запит до НП створено, номер {n6}"],
        "phone": ["Передзвонити {date2} о {time} на {echo_phone}"],
        "iban": ["IBAN для повернення: {echo_iban} (перевірено, ПІБ збігається)"],
        "email": ["Змінено email на {echo_email} за запитом клієнта"],
        "card": ["Перевірено збережену картку, відхилена спроба {amount}"],
    },
}

T["de"] = {
    "status": {
        "agent_joined": ["{agent} ist dem Chat beigetreten"],
        "transferred": ["Chat an Warteschlange {queue2} weitergeleitet", "{agent} hat den Chat an {agent2} übergeben"],
        "conference": ["{agent2} wurde zur Konferenz hinzugefügt"],
        "customer_left": ["Kunde hat den Chat verlassen"],
        "chat_ended": ["Chat beendet von {agent} (Dauer {mins} Min.)"],
        "queued": ["Kunde in Warteschlange {queue}, Position {n}, geschätzte Wartezeit {mins} Min."],
    },
    "bot": [
        "Hallo 👋 Ich bin der digitale Assistent. Bitte nennen Sie Ihre Bestellnummer (z. B. 4711-20931) oder wählen Sie ein Thema.",
        "Danke für Ihre Nachricht! Sie sind Nr. {n} in der Warteschlange, geschätzte Wartezeit {mins} Min.",
    ],
    "open": {
        "payment": ["Hallo, meine Zahlung für Bestellung {order} über {amount} wird immer abgelehnt, schon {n}x probiert",
                    "Guten Tag, mir wurden am {date} zweimal {amount} abgebucht!"],
        "billing": ["Hallo, ich habe {qty} Artikel aus Bestellung {order} am {date} zurückgeschickt und noch keine Erstattung über {amount} erhalten",
                    "Guten Tag, ich möchte die Rückzahlung für Bestellung {order} ({amount}) bitte aufs Konto statt auf die Kreditkarte"],
        "account": ["Hallo, ich habe eine neue Handynummer und E-Mail, wie ändere ich das im Kundenkonto?"],
        "delivery": ["Hallo, laut Sendungsverfolgung {track} wurde mein Paket am {date} um {time} Uhr zugestellt, ist aber nicht da"],
        "tech": ["Mein Router verliert alle {n} Minuten die Verbindung, Firmware {ver}, Modell FB-{model}"],
    },
    "greet": ["Hallo {cust}, mein Name ist {agent}. Ich schaue mir das gleich an 🙂",
              "Guten Tag {cust}, hier ist {agent} vom Kundenservice. Einen Moment bitte, ich prüfe Ihr Anliegen."],
    "ask": {
        "card": ["Mit welcher Karte haben Sie bezahlt? Die letzten 4 Ziffern reichen völlig."],
        "iban": ["Für die Erstattung von {amount} benötige ich bitte Ihre IBAN."],
        "contact": ["Gerne. Wie lauten die neue Handynummer und die neue E-Mail-Adresse?"],
        "phone": ["Unter welcher Nummer erreicht Sie der Zusteller?"],
        "payment": ["Können Sie mir den genauen Betrag und die Uhrzeit der Abbuchung nennen?"],
        "billing": ["Haben Sie die Sendungsnummer der Rücksendung?"],
        "delivery": ["Gibt es einen Nachbarn oder eine Packstation in der Nähe? Welche PLZ?"],
        "account": ["Haben Sie noch Zugriff auf die alte Nummer?"],
        "tech": ["Welche IP-Adresse bekommt Ihr Laptop? (cmd → ipconfig)"],
    },
    "pii": {
        "card": ["Das ist die Karte {card}, gültig bis {exp}", "Kartennummer: {card}"],
        "iban": ["Meine IBAN lautet {iban}\nKontoinhaber: {custfull}", "Bitte auf mein polnisches Konto: {iban}, geht das?"],
        "contact": ["Neue Nummer: {phone}\nNeue Mail: {email}\nDanke!"],
        "phone": ["Handy: {phone}"],
    },
    "after": {
        "card": ["Danke. Bitte senden Sie aus Sicherheitsgründen nie die vollständige Kartennummer im Chat 🙏 Ich sehe die abgelehnte Zahlung über {amount} um {time} Uhr."],
        "iban": ["Danke, die Erstattung über {amount} geht innerhalb von 3–5 Werktagen auf das Konto mit Endung {iban_last4}."],
        "contact": ["Erledigt ✅ Sie erhalten in den nächsten {mins} Minuten eine Bestätigungs-SMS."],
        "phone": ["Danke, der Zusteller meldet sich unter {echo_phone}."],
    },
    "plain": {
        "payment": ["Es waren {amount} inkl. Versand, um {time} und nochmal um {time2} Uhr"],
        "billing": ["Ja, Rücksendung per DHL, Sendungsnummer {track2}, abgegeben am {date}"],
        "delivery": ["PLZ {zip}, Packstation {n3} wäre ok"],
        "account": ["Die alte Nummer habe ich nicht mehr, Vertrag ist seit {date} gekündigt"],
        "tech": ["Laptop hat {ip}, Gateway {ip2}, WLAN 5 GHz"],
        "generic": ["Und Bestellung {order2} über {price} ist schon unterwegs, oder?"],
    },
    "resolve": {
        "payment": ["Es handelt sich um eine Vorautorisierung über {amount}, die in 3–5 Tagen automatisch freigegeben wird.\nIhre Bestellung {order} ist bestätigt und wird am {date2} verschickt."],
        "billing": ["Die Erstattung über {amount} wurde heute um {time} Uhr angewiesen.\nJe nach Bank dauert die Gutschrift 2–5 Werktage. Referenz: ER-{n6}"],
        "delivery": ["Ich habe einen Nachforschungsauftrag bei DHL gestartet (Vorgang {ticket}).\nFalls das Paket bis {date2} nicht auftaucht, erhalten Sie Ersatz oder {amount} zurück."],
        "account": ["Ihre Kontaktdaten sind aktualisiert ✅\nBitte melden Sie sich einmal ab und wieder an."],
        "tech": ["Bitte gehen Sie so vor:\n1. http://192.168.178.1 öffnen\n2. System > Update > Version {ver2} installieren\n3. Router neu starten (ca. {n} Min.)\nMelden Sie sich gern, falls das Problem bleibt."],
    },
    "thanks": ["Vielen Dank!", "super, danke 👍", "Alles klar, danke für die schnelle Hilfe"],
    "close": ["Gern geschehen! Kann ich sonst noch etwas für Sie tun?", "Vielen Dank für Ihre Anfrage und einen schönen Tag! Referenz: {ticket}"],
    "handover": ["Hallo {cust}, hier ist {agent} aus dem Team {team}. Ich habe den Verlauf gelesen und übernehme."],
    "note": {
        "plain": ["Kunde hat am {date} schon wegen derselben Bestellung angerufen, Gutschein {pct}% angeboten", "An 2nd Level eskaliert, Ticket {ticket}"],
        "phone": ["Rückruf gewünscht am {date2} um {time} unter {echo_phone}"],
        "iban": ["Erstattungs-IBAN manuell erfasst: {echo_iban}"],
        "email": ["E-Mail geändert auf {echo_email}, Bestätigung verschickt"],
        "card": ["Hinterlegte Karte geprüft – abgelaufen, daher Erstattung über {amount} aufs Konto"],
    },
}

T["it"] = {
    "status": {
        "agent_joined": ["L'operatore {agent} ha preso in carico la chat"],
        "transferred": ["Chat trasferita alla coda {queue2}"],
        "conference": ["{agent2} è stato aggiunto alla conversazione"],
        "customer_left": ["Il cliente ha lasciato la chat"],
        "chat_ended": ["Chat chiusa da {agent} (durata {mins} min)"],
        "queued": ["Cliente in coda {queue}, posizione {n}"],
    },
    "bot": ["Ciao 👋 Sono l'assistente virtuale. Scrivi il numero d'ordine (es. 2025/12345) oppure scegli un argomento."],
    "open": {
        "payment": ["Buongiorno, il pagamento dell'ordine n. {order} ({amount}) viene rifiutato, ho provato {n} volte"],
        "billing": ["Salve, ho restituito {qty} articoli il {date} (ordine n. {order}) ma non ho ancora ricevuto il rimborso di {amount}"],
    },
    "greet": ["Buongiorno {cust}, sono {agent} e ti aiuto io 🙂", "Ciao {cust}! Qui {agent} del servizio clienti, controllo subito l'ordine n. {order}."],
    "ask": {
        "card": ["Con quale carta hai pagato? Bastano le ultime 4 cifre."],
        "iban": ["Per il rimborso di {amount} mi serve l'IBAN del conto su cui accreditarlo."],
        "payment": ["Che importo vedi addebitato?"],
        "billing": ["Hai il numero del reso?"],
    },
    "pii": {
        "card": ["È questa: {card}, scadenza {exp}"],
        "iban": ["Ecco l'IBAN: {iban}\nIntestatario: {custfull}"],
    },
    "after": {
        "card": ["Grazie. Per sicurezza non inviare mai il numero completo della carta in chat 🙏 Vedo il tentativo rifiutato di {amount} alle {time}."],
        "iban": ["Perfetto, il rimborso di {amount} sarà accreditato sul conto che termina con {iban_last4} entro 5 giorni lavorativi."],
    },
    "plain": {
        "payment": ["L'importo era {amount}, spedizione inclusa, ultimo tentativo alle {time}"],
        "billing": ["Il reso è il n. RS-{n6}, consegnato al punto BRT il {date}"],
        "generic": ["Già che ci sono: l'ordine n. {order2} da {price} è partito?"],
    },
    "resolve": {
        "payment": ["Si tratta di una pre-autorizzazione di {amount}, verrà sbloccata in 3-5 giorni.\nL'ordine n. {order} è confermato, spedizione prevista il {date2}."],
        "billing": ["Il rimborso di {amount} è stato emesso oggi alle {time}.\nRiferimento: RM-{n6}"],
    },
    "thanks": ["Grazie mille!", "Perfetto, grazie 😊"],
    "close": ["Prego! Posso aiutarti in altro?", "Grazie per averci contattato, buona giornata!"],
    "handover": ["Ciao {cust}, sono {agent} del team {team}, ho letto la conversazione e continuo io."],
    "note": {
        "plain": ["Cliente già contattato il {date}, offerto buono del {pct}%"],
        "iban": ["IBAN per rimborso: {echo_iban}"],
        "card": ["Carta salvata verificata, tentativo rifiutato di {amount}"],
    },
}

T["nl"] = {
    "status": {
        "agent_joined": ["{agent} neemt deel aan de chat"],
        "transferred": ["Chat doorgezet naar wachtrij {queue2}"],
        "conference": ["{agent2} is toegevoegd aan het gesprek"],
        "customer_left": ["Klant heeft de chat verlaten"],
        "chat_ended": ["Chat beëindigd door {agent} (duur {mins} min)"],
        "queued": ["Klant in wachtrij {queue}, positie {n}"],
    },
    "bot": ["Hoi 👋 Ik ben de digitale assistent. Typ je bestelnummer (bijv. #1234567) of kies een onderwerp."],
    "open": {
        "account": ["Hallo, ik heb een nieuw mobiel nummer, kunnen jullie dat aanpassen in mijn account? Klantnummer K-{n6}"],
        "billing": ["Goedemiddag, ik heb {qty} artikelen geretourneerd op {date} (bestelling #{order}) maar nog geen terugbetaling van {amount} ontvangen"],
    },
    "greet": ["Hoi {cust}, je spreekt met {agent}. Ik help je graag verder 🙂", "Goedemiddag {cust}, {agent} hier van de klantenservice. Ik kijk even mee."],
    "ask": {
        "phone": ["Natuurlijk! Wat is je nieuwe nummer?"],
        "iban": ["Voor de terugbetaling van {amount} heb ik je IBAN nodig."],
        "account": ["Heb je nog toegang tot het oude nummer?"],
        "billing": ["Heb je de retourcode bij de hand?"],
    },
    "pii": {
        "phone": ["Mijn nieuwe nummer is {phone}"],
        "iban": ["IBAN: {iban} t.n.v. {custfull}"],
    },
    "after": {
        "phone": ["Top, ik heb {echo_phone} opgeslagen als je nieuwe nummer ✅"],
        "iban": ["Dank je, de terugbetaling van {amount} staat binnen 3 werkdagen op de rekening eindigend op {iban_last4}."],
    },
    "plain": {
        "account": ["Het oude nummer eindigt op {last4}, dat heb ik niet meer"],
        "billing": ["Retourcode RT-{n6}, afgegeven bij het PostNL-punt op {date}"],
        "generic": ["En bestelling #{order2} van {price}, is die al verzonden?"],
    },
    "resolve": {
        "account": ["Je gegevens zijn bijgewerkt ✅\nJe ontvangt binnen {mins} minuten een bevestigingsmail."],
        "billing": ["De terugbetaling van {amount} is vandaag om {time} verwerkt.\nReferentie: TB-{n6}"],
    },
    "thanks": ["Dank je wel!", "Super, bedankt 👍"],
    "close": ["Graag gedaan! Kan ik je nog ergens anders mee helpen?", "Bedankt voor je bericht en een fijne dag verder!"],
    "handover": ["Hoi {cust}, {agent} hier van het team {team}. Ik neem het gesprek over."],
    "note": {
        "plain": ["Klant belde eerder op {date}, ticket {ticket}"],
        "phone": ["Nummer gewijzigd naar {echo_phone} op verzoek klant"],
        "iban": ["IBAN voor terugbetaling: {echo_iban}"],
    },
}

HELLO = {
    "en": ["hi", "Hi there", "hello?"], "fr": ["Bonjour", "bonjour ?"], "es": ["Hola", "hola buenas"],
    "uk": ["Добрий день", "Доброго дня!"], "de": ["Hallo", "Guten Tag"], "it": ["Buongiorno"], "nl": ["Hallo"],
}
GREETING = re.compile(r"(?i)(?:(?:hi|hello|hey|bonjour|bonsoir|hola|buenas|hallo|guten|buongiorno|salve|goedemiddag)\b|добр|привіт|здрастуйте)")
NUDGE = {
    "en": ["hello?? anyone there", "still waiting… 10 min now"], "fr": ["Allô ? il y a quelqu'un ?", "toujours personne ? ça fait 10 min"],
    "es": ["¿hola? ¿hay alguien?", "llevo 10 minutos esperando..."], "uk": ["Алло, ви тут?", "Чекаю вже 10 хвилин..."],
    "de": ["Hallo? Ist da jemand?", "warte jetzt schon 10 Min..."], "it": ["C'è qualcuno?"], "nl": ["Hallo? Is er iemand?"],
}

# One-off lines with their own shape (nested meta, forms, pasted text), keyed by name.
SPECIAL = {
    "en_form": "Submitted the contact form: name {custfull}, reason \"update details\", {qty} fields",
    "fr_photo": "Voici la capture du suivi, plus rien depuis le {date} à {time} 📦",
    "de_invoice": "Anbei die Rechnung RE-{n6} vom {date} über {price}",
    "es_receipt": "Te adjunto el justificante de la devolución, importe {amount} 🧾",
    "uk_screen": "Ось скріншот помилки, версія {ver}",
    "en_paste": "I copied this from my bank statement:\n\"POS DECLINED {time} {amount} MERCHANT ID 4471-{n3} TERMINAL T{n4}\"",
    "fr_url": "Vous pouvez suivre le remboursement ici : {url} (réf. RB-{n6})",
    "en_masked": "I can see the card ending in {last4} and the email {masked_email} on the account – is that still correct?",
}

# --------------------------------------------------------------------------------------------
# Session plans: (lang, region, topic, channel, header, [customer PII kinds with options], extras)
#   header: which PII the header carries: "email", "phone", "phone_num" (JSON number),
#           "name_phone" (customer name is a phone number), "email+phone", or "" (name only)
#   extras: "short" (customer leaves early), "transfer", "conference", "card_on_file",
#           "note_pii", "form", "photo", "paste", "url", "masked", "queued"
# --------------------------------------------------------------------------------------------

PLANS = [
    ("en", "US", "payment", "livechat", "email", [("card", {"brand": "visa"})], ["card_on_file", "paste"]),
    ("fr", "FR", "payment", "web", "email+phone", [("card", {"brand": "mc", "tpl": 0})], ["queued"]),
    ("es", "ES", "delivery", "whatsapp", "phone_num", [("phone", {"tpl": 0})], ["note_pii"]),
    ("uk", "UA", "delivery", "livechat", "", [("phone", {})], ["transfer"]),
    ("de", "DE", "payment", "web", "email+phone", [("card", {"brand": "mc"})], []),
    ("en", "US", "tax", "web", "email", [("ssn", {"form": "dash", "tpl": 0})], ["note_pii"]),
    ("fr", "FR", "delivery", "whatsapp", "name_phone", [], ["photo"]),
    ("es", "ES", "payment", "livechat", "email", [("card", {"brand": "mc2"})], []),
    ("de", "DE", "billing", "livechat", "email+phone", [("iban", {"cc": "DE", "tpl": 0})], ["note_pii"]),
    ("uk", "UA", "billing", "web", "email+phone", [("iban", {"cc": "UA"})], []),
    ("en", "GB", "account", "web", "", [("contact", {"market": "uk"})], ["form", "masked"]),
    ("fr", "FR", "billing", "livechat", "email+phone", [("iban", {"cc": "FR", "tpl": 0})], ["url"]),
    ("it", "IT", "payment", "web", "email", [], []),
    ("nl", "NL", "account", "whatsapp", "phone_num", [("phone", {})], []),
    ("en", "GB", "billing", "livechat", "email+phone", [("iban", {"cc": "GB"})], ["transfer"]),
    ("es", "ES", "billing", "web", "email+phone", [("iban", {"cc": "ES"})], ["photo"]),
    ("de", "DE", "account", "livechat", "", [("contact", {})], []),
    ("fr", "FR", "account", "web", "", [("contact", {})], ["note_pii"]),
    ("en", "US", "tech", "livechat", "email+phone", [], ["conference"]),
    ("uk", "UA", "payment", "livechat", "phone", [], []),
    ("en", "US", "payment", "web", "name_phone", [("card", {"brand": "amex"})], []),
    ("es", "ES", "account", "livechat", "phone", [("email", {})], []),
    ("de", "DE", "delivery", "whatsapp", "name_phone", [], ["short"]),
    ("en", "US", "tax", "livechat", "phone", [("ssn", {"form": "space", "tpl": 1})], ["note_pii", "transfer"]),
    ("uk", "UA", "account", "web", "email+phone", [("email", {"cyrillic": True})], []),
    ("it", "IT", "billing", "livechat", "email+phone", [("iban", {"cc": "IT"})], ["note_pii"]),
    ("en", "GB", "travel", "whatsapp", "phone_num", [("card", {"brand": "unionpay"})], []),
    ("de", "DE", "billing", "web", "email+phone", [("iban", {"cc": "PL", "tpl": 1})], ["card_on_file"]),
    ("fr", "FR", "payment", "livechat", "phone", [("card", {"brand": "visa", "tpl": 0})], ["transfer"]),
    ("en", "US", "travel", "livechat", "email", [("card", {"brand": "jcb"})], []),
    ("nl", "NL", "billing", "web", "email+phone", [("iban", {"cc": "NL"})], []),
    ("uk", "UA", "tech", "web", "", [], ["short"]),
    ("en", "GB", "travel", "web", "email+phone", [("card", {"brand": "mir"})], ["card_on_file"]),
    ("fr", "FR", "delivery", "livechat", "email", [("phone", {"tpl": 0})], ["note_pii"]),
    ("de", "DE", "tech", "livechat", "phone", [], []),
    ("es", "ES", "payment", "whatsapp", "phone_num", [], ["short", "queued"]),
    ("en", "US", "tax", "web", "email", [("ssn", {"form": "u2010", "tpl": 0})], []),
    ("uk", "UA", "delivery", "whatsapp", "name_phone", [], ["short"]),
]

CUSTOMERS = {
    "en": ["Melissa Grant", "Jordan Reyes", "Aisha Khan", "Ben Whitaker", "Chloe Bennett", "Marcus O'Neil", "Daniel Kim",
           "Rachel Moore", "Wei Li", "Haruto Sato", "Aigerim Nurlanovna", "Kevin Brooks", "Emily Carter"],
    "fr": ["Hélène Dubois", "Julien Moreau", "Manon Lefèvre", "Nicolas Garnier", "Élodie Martin", "Théo Rousseau",
           "Sandrine Perrin", "Françoise Bérard", "Mathis Fontaine"],
    "es": ["Laura Fernández", "Javier Ortega", "María José Ruiz", "Álvaro Navarro", "Carmen Díaz", "Pablo Sánchez", "Nerea Etxeberria"],
    "uk": ["Олеся Коваль", "Андрій Шевчук", "Ірина Бондаренко", "Тарас Мельник", "Оксана Ткаченко", "Дмитро Гнатюк", "Юлія Кравець"],
    "de": ["Lukas Becker", "Anna Schäfer", "Jürgen Weiß", "Katrin Hoffmann", "Mehmet Yılmaz", "Agnieszka Nowak", "Felix Braun"],
    "it": ["Chiara Romano", "Alessandro Conti"],
    "nl": ["Femke de Vries", "Daan Jansen"],
}
# The travel sessions (UnionPay, JCB, Mir) get matching customers.
TRAVEL_NAMES = {"unionpay": "Wei Li", "jcb": "Haruto Sato", "mir": "Aigerim Nurlanovna"}

TRANSFER = {
    ("uk", "delivery"): ("UA-Доставка-L2", "другої лінії"),
    ("en", "billing"): ("EN-Refunds", "Refunds"),
    ("en", "tax"): ("US-Tax-Tier2", "Tier 2"),
    ("fr", "payment"): ("FR-Paiements-N2", "Paiements niveau 2"),
}

MARKET = {"en": "uk", "fr": "fr", "es": "es", "uk": "ua", "de": "de", "it": "it", "nl": "nl"}
MARKET_US = {"US": "us", "GB": "uk"}

# --------------------------------------------------------------------------------------------
# Session rendering
# --------------------------------------------------------------------------------------------

PII_KEYS = {"card", "iban", "phone", "phone_us", "email", "email2", "ssn", "itin"}


class Filler(dict):
    def __init__(self, session: "Session", opts: dict):
        super().__init__()
        self.session = session
        self.opts = opts
        self.found: list[tuple[str, str]] = []

    def __missing__(self, key):
        value = self.session.value(key, self)
        self[key] = value
        return value


class Session:
    def __init__(self, rng: random.Random, pii: Pii, plan: tuple, start: dt.datetime, index: int, used_names: dict):
        self.r = rng
        self.pii = pii
        self.lang, self.region, self.topic, self.channel, self.header_kind, self.items, self.extras = plan
        self.t = start
        self.index = index
        self.records: list[dict] = []
        self.cache: dict[str, str] = {}
        self.last: dict[str, str] = {}
        self.last_time = (9, 0)
        self.lang_t = T[self.lang]
        agents = AGENTS[self.lang]
        self.agent_full, self.agent_id = agents[index % len(agents)]
        self.agent2_full, self.agent2_id = agents[(index + 1) % len(agents)]
        brand = next((o.get("brand") for k, o in self.items if k == "card"), None)
        if self.topic == "travel" and brand in TRAVEL_NAMES:
            self.cust_full = TRAVEL_NAMES[brand]
        else:
            pool = [n for n in CUSTOMERS[self.lang] if n not in TRAVEL_NAMES.values()]
            i = used_names.get(self.lang, 0)
            used_names[self.lang] = i + 1
            self.cust_full = pool[i % len(pool)]
        self.cust_first = self.cust_full.split()[0]
        self.sid = self.make_sid()
        self.queue = QUEUES[self.lang][self.topic if self.topic != "travel" else "payment"]

    # ---- helpers ----
    def make_sid(self) -> str:
        prefix = {"livechat": "lc", "whatsapp": "wa", "web": "wb"}[self.channel]
        while True:
            body = "".join(self.r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(10))
            if not re.search(r"\d{3}", body):
                return f"{prefix}_{body}"

    def tick(self, lo: int = 8, hi: int = 95) -> str:
        self.t += dt.timedelta(seconds=self.r.randint(lo, hi), milliseconds=self.r.randint(0, 999))
        return iso(self.t)

    def d(self, n: int, nz: bool = True) -> str:
        return self.pii.d(n, first_nonzero=nz)

    def market(self) -> str:
        if self.lang == "en":
            return MARKET_US[self.region]
        return MARKET[self.lang]

    def money(self, amount: float) -> str:
        lang = self.lang
        whole, cents = f"{amount:.2f}".split(".")
        if lang == "en":
            sym = "$" if self.region == "US" else "£"
            return f"{sym}{int(whole):,}.{cents}"
        if lang == "fr":
            grp = self.r.choice([" ", NNBSP, NBSP])
            w = f"{int(whole):,}".replace(",", grp)
            return f"{w},{cents}{NBSP if self.r.random() < 0.5 else ' '}€"
        if lang in ("es", "de", "it"):
            w = f"{int(whole):,}".replace(",", ".")
            return f"{w},{cents} €"
        if lang == "nl":
            w = f"{int(whole):,}".replace(",", ".")
            return f"€ {w},{cents}"
        if lang == "uk":
            w = f"{int(whole):,}".replace(",", NBSP)
            if self.r.random() < 0.5:
                return f"{w}{NBSP}грн"
            return f"{w},{cents} ₴"
        raise ValueError(lang)

    def amount(self) -> float:
        r = self.r
        base = r.choice([r.randint(9, 99), r.randint(100, 499), r.randint(500, 2400)])
        return base + r.choice([0.99, 0.0, 0.5, 0.95, 0.49])

    def date_str(self, delta_days: int) -> str:
        day = (self.t + dt.timedelta(days=delta_days)).date()
        lang = self.lang
        if self.r.random() < 0.4:
            m = MONTHS[lang][day.month - 1]
            return {"en": f"{m} {day.day}" if self.region == "US" else f"{day.day} {m}",
                    "fr": f"{day.day} {m}", "es": f"{day.day} de {m}", "uk": f"{day.day} {m}",
                    "de": f"{day.day}. {m}", "it": f"{day.day} {m}", "nl": f"{day.day} {m}"}[lang]
        if lang == "en" and self.region == "US":
            return f"{day.month:02d}/{day.day:02d}/{day.year}"
        if lang in ("de", "uk"):
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        if lang == "nl":
            return f"{day.day:02d}-{day.month:02d}-{day.year}"
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    def time_str(self, after: tuple[int, int] | None = None) -> str:
        h, m = self.r.randint(8, 20), self.r.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 12, 47])
        if after:
            total = after[0] * 60 + after[1] + self.r.randint(4, 55)
            h, m = total // 60, total % 60
        self.last_time = (h, m)
        if self.lang == "en" and self.region == "US":
            return f"{(h - 1) % 12 + 1}:{m:02d} {'PM' if h >= 12 else 'AM'}"
        if self.lang == "fr" and self.r.random() < 0.5:
            return f"{h}h{m:02d}"
        return f"{h}:{m:02d}"

    def new_email(self, opts: dict | None = None) -> str:
        opts = opts or {}
        slug = ascii_slug(self.cust_full).split()
        first, last = slug[0], slug[-1]
        if opts.get("cyrillic"):
            parts = self.cust_full.lower().split()
            return f"{parts[0]}.{parts[-1]}@ukr.net"
        r = self.r
        style = r.randint(0, 5)
        local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{r.randint(70, 99)}", f"{first}.{last}+shop",
                 f"{last}.{first}", f"{first}_{last[:3]}{r.randint(1, 9)}"][style]
        domain = r.choice(EMAIL_DOMAINS["en-GB" if self.lang == "en" and self.region == "GB" else self.lang])
        if r.random() < 0.12:
            local = local.capitalize()
        return f"{local}@{domain}"

    def record_pii(self, f: Filler, kind: str, value: str) -> str:
        f.found.append((kind, value))
        self.last[kind] = value
        return value

    # ---- placeholder values ----
    def value(self, key: str, f: Filler) -> str:
        r = self.r
        lang = self.lang
        cached = {"order", "order2", "track", "track2", "amount", "ticket", "model", "ver", "ver2", "zip", "branch", "year", "queue2", "team"}
        if key in cached and key in self.cache:
            return self.cache[key]
        v = self._value(key, f)
        if key in cached:
            self.cache[key] = v
        return v

    def _value(self, key: str, f: Filler) -> str:
        r, d, lang, opts = self.r, self.d, self.lang, f.opts
        # ---- PII ----
        if key == "card":
            return self.record_pii(f, "card", self.pii.card(opts.get("brand", "visa")))
        if key == "iban":
            return self.record_pii(f, "iban", self.pii.iban(opts.get("cc", "DE")))
        if key == "phone":
            return self.record_pii(f, "phone", self.pii.phone(opts.get("market", self.market()))[0])
        if key == "phone_us":
            return self.record_pii(f, "phone", self.pii.phone("us")[0])
        if key in ("email", "email2"):
            return self.record_pii(f, "email", self.new_email(opts if key == "email" else None))
        if key == "ssn":
            return self.record_pii(f, "ssn", self.pii.ssn(opts.get("form", "dash")))
        if key == "itin":
            itin = self.pii.ssn("itin")
            f.found.append(("ssn", itin))
            return itin
        if key.startswith("echo_"):
            kind = key[5:]
            if kind in self.last:
                return self.record_pii(f, kind, self.last[kind])
            return self._value({"phone": "phone", "email": "email", "iban": "iban", "ssn": "ssn", "card": "card"}[kind], f)
        if key == "iban_last4":
            return self.last.get("iban", "0000")[-4:]
        if key == "masked_email":
            e = self.new_email()
            local, dom = e.split("@")
            return local[0] + "*" * (len(local) - 1) + "@" + dom
        # ---- people, places ----
        if key == "agent":
            return self.agent_full.split()[0]
        if key == "agent_id":
            return self.agent_id
        if key == "agent2":
            return self.agent2_full.split()[0]
        if key == "cust":
            return self.cust_first
        if key == "custfull":
            return self.cust_full
        if key == "queue":
            return self.queue
        if key == "queue2":
            qs = [q for q in QUEUES[lang].values() if q != self.queue]
            return r.choice(qs) if qs else self.queue
        if key == "team":
            return r.choice(TEAMS[lang])
        # ---- non-PII numbers ----
        if key in ("order", "order2"):
            return {"en": f"A-{d(5)}", "fr": d(7), "es": f"ES-{d(6)}", "uk": d(7), "de": f"{d(4)}-{d(5)}",
                    "it": f"2025/{d(5)}", "nl": d(7)}[lang]
        if key in ("track", "track2"):
            if lang == "en":
                return f"1Z{d(3)}{r.choice('ABEFWX')}{r.choice('ABEFWX')}{d(11)}"
            if lang == "fr":
                return f"6A{d(11)}"
            if lang == "es":
                return f"PK{d(8)}ES"
            if lang == "uk":
                while True:
                    ttn = "2045" + d(10, nz=False)
                    if not luhn_ok(ttn):
                        return ttn
            if lang == "de":
                while True:
                    dhl = "3404" + d(8, nz=False)
                    if not luhn_ok(dhl):
                        return dhl
            return f"3SNLD{d(7)}"
        if key in ("price", "price2"):
            return self.money(self.amount())
        if key == "amount":
            return self.money(self.amount())
        if key in ("date",):
            return self.date_str(-r.randint(2, 20))
        if key == "date2":
            return self.date_str(r.randint(1, 9))
        if key == "time":
            return self.time_str()
        if key == "time2":
            return self.time_str(after=self.last_time)
        if key == "exp":
            return f"{r.randint(1, 12):02d}/{r.randint(26, 30)}"
        if key == "dob":
            return f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/{r.randint(1958, 2001)}"
        if key == "qty":
            return str(r.randint(2, 6))
        if key == "n":
            return str(r.randint(2, 9))
        if key == "n2":
            return str(r.randint(11, 99))
        if key == "n3":
            return str(r.randint(101, 989))
        if key == "n4":
            return str(r.randint(1001, 9899))
        if key == "n6":
            return d(6)
        if key == "last4":
            return d(4, nz=False)
        if key == "days":
            return str(r.randint(8, 21))
        if key == "pct":
            return str(r.choice([10, 15, 20, 25]))
        if key == "mins":
            return str(r.randint(2, 19))
        if key == "mm":
            return f"{r.randint(3, 29):02d}"
        if key == "ss":
            return f"{r.randint(0, 59):02d}"
        if key == "size":
            return str(r.randint(120, 480))
        if key in ("ver", "ver2"):
            return f"{r.randint(2, 7)}.{r.randint(0, 14)}.{r.randint(0, 9)}"
        if key == "model":
            return f"{r.choice(['AX', 'N', ''])}{r.randint(3, 75) * 100}"
        if key == "ip":
            return f"192.168.{r.choice([0, 1, 178])}.{r.randint(20, 199)}"
        if key == "ip2":
            return r.choice(["192.168.1.1", "192.168.0.1", "10.0.0.1", "192.168.178.1"])
        if key == "zip":
            if lang == "en":
                return d(5) if self.region == "US" else f"{r.choice(['SW', 'NW', 'M', 'LS', 'BS'])}{r.randint(1, 19)} {r.randint(1, 9)}{r.choice('ABDEFG')}{r.choice('HJLNPQ')}"
            return {"fr": f"{r.choice(['75', '69', '13', '33', '59'])}0{r.randint(0, 2)}{r.randint(0, 9)}",
                    "es": f"{r.choice(['28', '08', '41', '46'])}0{r.randint(10, 99)}",
                    "de": f"{r.choice(['10', '20', '50', '80', '60'])}{d(3, nz=False)}"}.get(lang, d(5))
        if key == "branch":
            return str(r.randint(1, 320))
        if key == "ticket":
            return r.choice([f"INC{d(7)}", f"TCK-{d(6)}", f"CS-{d(5)}"])
        if key in ("auth", "auth2"):
            return "".join(r.choice("0123456789ABCDEF") for _ in range(6))
        if key == "year":
            return str(r.choice([2023, 2024]))
        if key == "url":
            return f"https://aide.shopnow.example/fr/remboursements/{self.value('order', f)}?lang=fr"
        raise KeyError(key)

    # ---- line builders ----
    def fill(self, template: str, opts: dict | None = None) -> tuple[str, list]:
        f = Filler(self, opts or {})
        text = template.format_map(f)
        for kind, value in f.found:
            assert value in text, (value, text)
        return text, f.found

    def pick(self, seq: list, salt: int = 0):
        return seq[(self.index + salt) % len(seq)] if len(seq) > 1 else seq[0]

    def add(self, rec: dict, pii: list):
        self.records.append({"rec": rec, "pii": list(pii)})

    def message(self, sender: str, template: str, opts: dict | None = None, meta: dict | None = None, extra_pii=()):
        text, found = self.fill(template, opts)
        rec = {"type": "message", "session_id": self.sid, "ts": self.tick(), "from": sender, "text": text}
        if meta:
            rec["meta"] = meta
        self.add(rec, found + list(extra_pii))

    def note(self, template: str, meta: dict | None = None, extra_pii=()):
        text, found = self.fill(template)
        rec = {"type": "note", "session_id": self.sid, "ts": self.tick(20, 120), "author": self.agent_full, "text": text}
        if meta:
            rec["meta"] = meta
        self.add(rec, found + list(extra_pii))

    def status(self, event: str, meta: dict | None = None):
        text, found = self.fill(self.pick(self.lang_t["status"][event], len(self.records)))
        rec = {"type": "status", "session_id": self.sid, "ts": self.tick(2, 30), "event": event, "text": text}
        if meta:
            rec["meta"] = meta
        self.add(rec, found)

    def header(self):
        customer: dict = {}
        pii: list = []
        hk = self.header_kind
        phone_form, phone_digits = None, None
        if hk == "phone_num":
            phone_digits = self.pii.phone_digits(self.market())
        elif hk in ("phone", "name_phone", "email+phone"):
            phone_form, phone_digits = self.pii.phone(self.market())
        if hk == "name_phone":
            customer["name"] = phone_form
            pii.append(("phone", phone_form))
        elif self.channel == "whatsapp" and self.r.random() < 0.6:
            customer["name"] = self.cust_first + self.r.choice([" ✨", " 🌸", "", " :)"])
        elif self.r.random() < 0.2:
            customer["name"] = self.cust_full.lower()
        else:
            customer["name"] = self.cust_full
        if hk in ("email", "email+phone"):
            e = self.new_email()
            customer["email"] = e
            pii.append(("email", e))
            self.last["email"] = e
        if hk == "phone_num":
            customer["phone"] = int(phone_digits)
            pii.append(("phone", phone_digits))
        elif hk in ("phone", "email+phone"):
            customer["phone"] = phone_form
            pii.append(("phone", phone_form))
        if hk == "name_phone" and self.channel == "whatsapp":
            customer["wa_profile"] = self.cust_first
        rec = {"type": "session", "session_id": self.sid, "channel": self.channel, "queue": self.queue,
               "started_at": iso(self.t), "customer": customer,
               "agent": {"name": self.agent_full, "id": self.agent_id}, "language": self.lang}
        self.add(rec, pii)

    # ---- the conversation ----
    def run(self):
        r, L = self.r, self.lang_t
        tk = self.topic
        self.header()
        if self.channel == "whatsapp" or "short" in self.extras or (self.channel == "web" and r.random() < 0.45):
            meta = None
            if self.channel == "web" and self.index % 3 == 0:
                meta = {"buttons": [{"label": "📦 " + ("Track order" if self.lang == "en" else "Suivi" if self.lang == "fr" else "Tracking"), "payload": "TRACK_ORDER"},
                                    {"label": "💳 Payment", "payload": "PAYMENT"}, {"label": "🧑 Agent", "payload": "HANDOFF"}]}
            self.message("bot", self.pick(L["bot"]), meta=meta)
        opener = self.pick(L["open"][tk], 1)
        if r.random() < 0.3 and not GREETING.match(opener):
            self.message("customer", self.pick(HELLO[self.lang], 8))
        self.message("customer", opener)
        if "photo" in self.extras:
            name, key = {"fr": ("Screenshot_20250309_1842.jpg", "fr_photo"), "es": ("justificante_cargo.pdf", "es_receipt")}[self.lang]
            self.message("customer", SPECIAL[key], meta={"attachments": [{"name": name, "size": r.randint(40000, 2900000), "mime": "image/jpeg" if name.endswith("jpg") else "application/pdf"}], "tags": ["delivery" if self.lang == "fr" else "billing"]})
        if "short" in self.extras:
            if self.lang == "uk" and tk == "tech":
                self.message("customer", SPECIAL["uk_screen"], meta={"attachments": [{"name": "Screenshot_20250312_104107.png", "size": r.randint(90000, 400000)}]})
            if "queued" in self.extras:
                self.status("queued")
            self.message("customer", self.pick(NUDGE[self.lang]))
            self.status("customer_left")
            return
        if "queued" in self.extras:
            self.status("queued")
        if r.random() < 0.15:
            self.message("customer", self.pick(NUDGE[self.lang]))
        self.status("agent_joined", meta={"agent_id": self.agent_id} if self.index % 4 == 0 else None)
        first = self.items[0] if self.items else None
        greet = self.pick(L["greet"], 2)
        ask = self.pick(L["ask"][first[0]], 3) if first else L["ask"][tk][0]
        sep = "\n" if r.random() < 0.3 else " "
        if "form" in self.extras or "masked" in self.extras:
            self.message("agent", greet)
        else:
            self.message("agent", greet + sep + ask, first[1] if first else None)
        if "form" in self.extras:
            f_email = self.new_email()
            f_phone = self.pii.phone(self.market())[0]
            self.message("customer", SPECIAL["en_form"], meta={"form": {"email": f_email, "phone": f_phone, "consent": True}},
                         extra_pii=[("email", f_email), ("phone", f_phone)])
        if "masked" in self.extras:
            self.message("agent", SPECIAL["en_masked"] + " " + ask)
        if not self.items:
            self.message("customer", L["plain"][tk][0])
        for n, (kind, opts) in enumerate(self.items):
            if n > 0:
                self.message("agent", self.pick(L["ask"][kind], 3), opts)
            tpl = L["pii"][kind]
            t = tpl[opts["tpl"]] if "tpl" in opts else self.pick(tpl, 4)
            self.message("customer", t, opts)
            if kind == "ssn" or (kind == "card" and r.random() < 0.7) or r.random() < 0.25:
                self.message("agent", self.pick(L["after"][kind]), opts)
        if "paste" in self.extras:
            self.message("customer", SPECIAL["en_paste"])
        if self.items and r.random() < 0.75:
            generic = tk not in ("tax", "travel") and r.random() < 0.4
            self.message("customer", L["plain"]["generic"][0] if generic else L["plain"][tk][0])
        if "transfer" in self.extras:
            q2, team = TRANSFER[(self.lang, tk)]
            self.cache["queue2"], self.cache["team"] = q2, team
            self.status("transferred", meta={"from_queue": self.queue, "to_queue": q2})
            self.agent_full, self.agent2_full = self.agent2_full, self.agent_full
            self.agent_id, self.agent2_id = self.agent2_id, self.agent_id
            self.status("agent_joined")
            self.message("agent", L["handover"][0])
        if "conference" in self.extras:
            self.status("conference")
        meta = None
        if self.index % 5 == 1:
            meta = {"quick_reply": {"shortcut": f"#{tk}", "template_id": f"tpl-{self.d(3)}"}, "tags": [tk, "resolved"]}
        self.message("agent", L["resolve"][tk][0], meta=meta)
        if "url" in self.extras:
            self.message("agent", SPECIAL["fr_url"])
        if "card_on_file" in self.extras:
            brand = "visa" if self.lang == "en" and self.region == "US" else "mc"
            pan = self.pii.card_digits(brand)
            self.note(L["note"]["card"][0], meta={"crm": {"customer_id": f"C-{self.d(7)}", "card_on_file": int(pan), "exp": self.value("exp", Filler(self, {}))}},
                      extra_pii=[("card", pan)])
        if "note_pii" in self.extras:
            kinds = [k for k, _ in self.items if k in L["note"]]
            kinds += [k for k in ("email", "phone") if k in self.last and k in L["note"]]
            kind = kinds[0] if kinds else "phone"
            if kind == "contact":
                kind = "phone"
            self.note(L["note"][kind][0])
        elif r.random() < 0.15:
            self.note(self.pick(L["note"].get(tk) or L["note"]["plain"], 5))
        if r.random() < 0.75:
            self.message("customer", self.pick(L["thanks"], 6))
        if r.random() < 0.22:
            self.message("agent", self.pick(L["close"], 7))
        self.status("customer_left" if r.random() < 0.4 else "chat_ended")


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


# --------------------------------------------------------------------------------------------
# JSON writer with controllable escapes
# --------------------------------------------------------------------------------------------


def u_escape(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def enc_str(s: str, esc: dict | None) -> str:
    flags = [False] * len(s)
    esc = esc or {}
    for value, style in esc.get("spans", []):
        start = s.find(value)
        while start >= 0:
            k = 0
            for i in range(start, start + len(value)):
                ch = s[i]
                if ch.isdigit():
                    if style == "all" or (style == "some" and k % 2 == 0) or style == "all+sep":
                        flags[i] = True
                    k += 1
                elif style == "all+sep":
                    flags[i] = True
            start = s.find(value, start + len(value))
    chars = esc.get("chars", "")
    out = ['"']
    for i, ch in enumerate(s):
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        elif flags[i] or (esc.get("ascii") and ord(ch) > 0x7E) or ch in chars:
            out.append(u_escape(ch))
        elif ch == "/" and esc.get("slash"):
            out.append("\\/")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def enc(v, esc: dict | None) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return enc_str(v, esc)
    if isinstance(v, list):
        return "[" + ",".join(enc(x, esc) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(enc_str(k, None) + ":" + enc(x, esc) for k, x in v.items()) + "}"
    raise TypeError(type(v))


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


def build() -> tuple[str, str, dict]:
    rng = random.Random(SEED)
    pii = Pii(random.Random(SEED + 1))
    t = dt.datetime(2025, 3, 10, 8, 3, 17, 412000)
    records: list[dict] = []
    used_names: dict = {}
    for i, plan in enumerate(PLANS):
        s = Session(rng, pii, plan, t, i, used_names)
        s.run()
        records.extend(s.records)
        t += dt.timedelta(minutes=rng.randint(25, 170), seconds=rng.randint(0, 59))
        if t.hour >= 20:
            t = (t + dt.timedelta(days=1)).replace(hour=8, minute=rng.randint(0, 30))

    choose_escapes(records, random.Random(SEED + 2))

    lines = []
    pii_rows = []
    for n, item in enumerate(records, start=1):
        rec = item["rec"]
        line = enc(rec, item.get("esc"))
        assert json.loads(line) == rec, line
        if not item.get("esc"):
            assert line == json.dumps(rec, ensure_ascii=False, separators=(",", ":")), line
        lines.append(line)
        seen = set()
        for kind, value in item["pii"]:
            if (kind, value) in seen:
                continue
            seen.add((kind, value))
            pii_rows.append({"line": n, "kind": kind, "value": value})
    jsonl = "\n".join(lines) + "\n"
    pii_json = "[\n" + ",\n".join("  " + visible(json.dumps(row, ensure_ascii=False, separators=(", ", ": "))) for row in pii_rows) + "\n]\n"
    stats = validate(jsonl, pii_json)
    return jsonl, pii_json, stats


def visible(s: str) -> str:
    """Escape invisible separators in the PII list so that a reader sees them."""
    for ch in (NBSP, NNBSP, "\u2009", "\u2010", "\u2011", "\u2013"):
        s = s.replace(ch, u_escape(ch))
    return s


def choose_escapes(records: list[dict], r: random.Random) -> None:
    """Pick the lines that carry JSON \\uXXXX escapes, \\/ escapes, and so on."""
    def text_of(item):
        return item["rec"].get("text", "")

    # 1. digits of a card or phone number written as \u00XX (at least 5 lines)
    cands = [i for i, it in enumerate(records)
             if it["rec"]["type"] in ("message", "note") and any(k in ("card", "phone") and v in text_of(it) for k, v in it["pii"])]
    digit_lines = sorted(r.sample(cands, 7))
    styles = ["all", "all+sep", "some", "all", "all+sep", "some", "all"]
    for i, style in zip(digit_lines, styles):
        spans = [(v, style) for k, v in records[i]["pii"] if k in ("card", "phone") and v in text_of(records[i])]
        records[i]["esc"] = {"spans": spans[:1]}
    taken = set(digit_lines)
    # 2. whole line written with ensure_ascii (accents, Cyrillic, emoji as surrogate pairs)
    def non_ascii(it):
        return any(ord(c) > 0x7E for c in text_of(it))
    cyr = [i for i, it in enumerate(records) if i not in taken and re.search("[а-яіїєґ]", text_of(it), re.I)]
    emoji = [i for i, it in enumerate(records) if i not in taken and i not in cyr and any(ord(c) > 0xFFFF for c in text_of(it))]
    latin = [i for i, it in enumerate(records) if i not in taken and i not in cyr and i not in emoji and non_ascii(it)
             and re.search("[éèàçñüöäßíóúá]", text_of(it))]
    for i in r.sample(cyr, 3):
        records[i]["esc"] = {"ascii": True}
        taken.add(i)
    for i in r.sample(emoji, 2):
        records[i]["esc"] = {"ascii": True}
        taken.add(i)
    latin = [i for i in latin if i not in taken]
    for n, i in enumerate(r.sample(latin, 5)):
        if n < 2:
            records[i]["esc"] = {"ascii": True}
        else:
            records[i]["esc"] = {"chars": "éèàçñüöäßíóúá"}  # only some accented letters, as some exporters do
        taken.add(i)
    # 3. one PII-free header with an escaped name; one line with escaped slashes in a URL
    for i, it in enumerate(records):
        if it["rec"]["type"] == "message" and "https://" in text_of(it) and i not in taken:
            it["esc"] = {"slash": True}
            break


# --------------------------------------------------------------------------------------------
# Validation and an independent completeness scan (every PII-shaped value must be listed)
# --------------------------------------------------------------------------------------------


def leaves(v, out: list) -> list:
    if isinstance(v, dict):
        for k, x in v.items():
            out.append(k)
            leaves(x, out)
    elif isinstance(v, list):
        for x in v:
            leaves(x, out)
    elif isinstance(v, bool) or v is None:
        pass
    elif isinstance(v, int):
        out.append(str(v))
    elif isinstance(v, str):
        out.append(v)
    return out


SEP = "[ \u00a0\u202f\u2009\u2010-\u2015./-]"
CARD_RE = re.compile(rf"(?<![0-9])[0-9](?:{SEP}?[0-9]){{11,18}}(?![0-9])")
IBAN_RE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}[0-9]{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30})")
EMAIL_RE = re.compile(r"[^\s@<>()\"',;:]+@[^\s@<>()\"',;:]+\.[^\s@<>()\"',;:.]+")
PHONE_RE = re.compile(r"(?:\+|(?<![0-9])0)[0-9 ().\u00a0\u202f/-]{7,20}[0-9]")
SSN_RE = re.compile(r"(?<![0-9])[0-9]{3}[ \u2010-][0-9]{2}[ \u2010-][0-9]{4}(?![0-9])")


def validate(jsonl: str, pii_json: str) -> dict:
    lines = jsonl.split("\n")[:-1]
    rows = json.loads(pii_json)
    decoded = [json.loads(line) for line in lines]
    strings = [leaves(obj, []) for obj in decoded]
    by_line: dict[int, list] = {}
    for row in rows:
        assert set(row) == {"line", "kind", "value"}, row
        n, kind, value = row["line"], row["kind"], row["value"]
        assert kind in ("card", "iban", "ssn", "email", "phone"), row
        assert any(value in s for s in strings[n - 1]), row
        digits = "".join(c for c in value if c.isdigit())
        if kind == "card":
            assert luhn_ok(digits) and 12 <= len(digits) <= 19, row
        if kind == "iban":
            compact = re.sub(r"[\s\u00a0]", "", value).upper()
            assert iban_ok(compact) and len(compact) == IBAN_LENGTHS[compact[:2]], row
        if kind == "ssn":
            assert len(digits) == 9 and digits[:3] not in ("000", "666") and digits[3:5] != "00" and digits[5:] != "0000", row
        by_line.setdefault(n, []).append(row)

    # completeness: anything PII-shaped in the text must be listed for its line
    for n, ss in enumerate(strings, start=1):
        listed = [row["value"] for row in by_line.get(n, [])]
        for s in ss:
            def covered(m):
                return any(m in v or v in m for v in listed)
            for m in CARD_RE.findall(s):
                dg = re.sub(r"\D", "", m)
                if luhn_ok(dg) and not covered(m):
                    raise AssertionError(f"line {n}: unlisted Luhn-valid number {m!r}")
            for m in IBAN_RE.findall(s):
                c = re.sub(r"[ \u00a0]", "", m).upper()
                cc = c[:2]
                ln = IBAN_LENGTHS.get(cc)
                if ln and len(c) >= ln and iban_ok(c[:ln]) and not covered(m[: ln + ln // 4]):
                    raise AssertionError(f"line {n}: unlisted IBAN {m!r}")
            for m in EMAIL_RE.findall(s):
                local = m.split("@")[0]
                if len(local) > 1 and set(local[1:]) == {"*"}:
                    continue  # already masked
                if not covered(m.rstrip(".")):
                    raise AssertionError(f"line {n}: unlisted email {m!r}")
            for m in PHONE_RE.findall(s):
                if len(re.sub(r"\D", "", m)) >= 9 and not covered(m.strip()):
                    raise AssertionError(f"line {n}: unlisted phone-like {m!r}")
            for m in SSN_RE.findall(s):
                if not covered(m):
                    raise AssertionError(f"line {n}: unlisted SSN-like {m!r}")

    # format checks
    for line, obj in zip(lines, decoded):
        assert enc(obj, None) == line or "\\u" in line or "\\/" in line, line
        assert obj["type"] in ("session", "message", "note", "status")
    stats = {
        "lines": len(lines),
        "bytes": len(jsonl.encode()),
        "sessions": sum(o["type"] == "session" for o in decoded),
        "customer_messages": sum(o["type"] == "message" and o["from"] == "customer" for o in decoded),
        "customer_messages_with_pii": len({r["line"] for r in rows if decoded[r["line"] - 1].get("from") == "customer"}),
        "lines_with_u_escapes": sum("\\u" in line for line in lines),
        "lines_with_escaped_digits": sum(bool(re.search(r"\\u003[0-9]", line)) for line in lines),
        "lines_with_newlines": sum("\\n" in line for line in lines),
        "lines_with_quotes": sum('\\"' in line for line in lines),
        "pii": {k: sum(r["kind"] == k for r in rows) for k in ("card", "iban", "ssn", "email", "phone")},
        "languages": sorted({o["language"] for o in decoded if o["type"] == "session"}),
    }
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from what would be written")
    ap.add_argument("--stats", action="store_true", help="print counts")
    args = ap.parse_args()
    jsonl, pii_json, stats = build()
    if args.stats:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
    if args.check:
        stale = [p.name for p, want in ((OUT_JSONL, jsonl), (OUT_PII, pii_json))
                 if not p.exists() or p.read_bytes() != want.encode("utf-8")]
        if stale:
            print(f"generate_transcript.py --check: out of date: {', '.join(stale)}", file=sys.stderr)
            return 1
        return 0
    OUT_JSONL.write_bytes(jsonl.encode("utf-8"))
    OUT_PII.write_bytes(pii_json.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
