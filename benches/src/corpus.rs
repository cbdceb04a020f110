//! Seeded, deterministic chat corpora for throughput runs: lines of
//! `[YYYY-MM-DD HH:MM:SS] agent|customer: text` in English, French, Spanish, Ukrainian and
//! German, with accents, emoji, prices, dates, times, order and tracking numbers, and PII
//! at one of three densities:
//!
//! - [`Density::Realistic`]: about 2% of messages hold one value;
//! - [`Density::Clean`]: no value, and no number that validates as one (order and tracking
//!   numbers are drawn so that none is a card, IBAN, SSN or phone);
//! - [`Density::Dense`]: every message holds one to three values of mixed kinds and formats.
//!
//! The same seed and size always give the same bytes (ChaCha8, whose output is stable
//! across `rand_chacha` versions), so figures from different runs and tools compare.
//! `cargo run --release -p piimask-benches --bin corpus -- realistic 50` writes one into
//! `target/corpus/` for tools outside Rust (the peer comparison).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How much PII a corpus holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Density {
    /// About 2% of messages hold one value.
    Realistic,
    /// No value, no number that validates as one.
    Clean,
    /// Every message holds one to three values.
    Dense,
}

impl Density {
    /// Every density.
    pub const ALL: [Density; 3] = [Density::Realistic, Density::Clean, Density::Dense];

    /// Its name (`realistic`, `clean`, `dense`).
    pub fn name(self) -> &'static str {
        match self {
            Density::Realistic => "realistic",
            Density::Clean => "clean",
            Density::Dense => "dense",
        }
    }

    /// The density with this name.
    pub fn from_name(name: &str) -> Option<Density> {
        Density::ALL.into_iter().find(|d| d.name() == name)
    }

    fn seed(self) -> u64 {
        match self {
            Density::Realistic => 0x5EED_0001,
            Density::Clean => 0x5EED_0002,
            Density::Dense => 0x5EED_0003,
        }
    }
}

/// A corpus of at least `size` bytes (whole lines, each ending in `\n`).
pub fn corpus(density: Density, size: usize) -> String {
    let mut generator = Generator { rng: ChaCha8Rng::seed_from_u64(density.seed()), density };
    let mut out = String::with_capacity(size + 512);
    let mut clock = 1_763_700_000u64; // 2025-11-21, in seconds
    while out.len() < size {
        clock += generator.rng.random_range(1..90);
        generator.line(clock, &mut out);
    }
    out
}

/// The corpus as separate messages (the text after `agent: ` / `customer: `), for
/// per-message and batch benchmarks.
pub fn messages(density: Density, size: usize) -> Vec<String> {
    corpus(density, size)
        .lines()
        .map(|line| line.split_once(": ").map_or(line, |(_, text)| text).to_string())
        .collect()
}

struct Generator {
    rng: ChaCha8Rng,
    density: Density,
}

/// Message templates per language: `{}` slots are filled with hard negatives or values.
/// `{o}` order number, `{t}` tracking number, `{p}` price, `{d}` date, `{h}` time,
/// `{x}` a PII value (or, when the message holds none, a hard negative).
const TEMPLATES: [&[&str]; 5] = [
    &[
        "Hi, I ordered on {d} and my order {o} still hasn't arrived 😕 can you check? {x}",
        "The tracking number {t} shows no movement since {d} at {h}.",
        "I was charged {p} twice for order {o}, please refund one of them. {x}",
        "Thanks for waiting! I can see order {o}, shipped {d}, total {p}.",
        "Could you confirm the delivery address? You can also reach me at {x}",
        "Sure, I've issued a refund of {p}; it takes 3-5 business days. Anything else?",
        "My package {t} was marked delivered at {h} but nothing here... {x}",
        "ok thanks a lot 👍",
        "Is there a discount code? The total was {p} and the site said 15% off.",
        "Our hours are 9:00-18:00 Mon-Fri; today is {d}. {x}",
    ],
    &[
        "Bonjour, ma commande {o} du {d} n'est toujours pas arrivée, pouvez-vous vérifier ? {x}",
        "Le numéro de suivi {t} n'a pas bougé depuis le {d} à {h}.",
        "J'ai été débité de {p} deux fois pour la commande {o}, merci de rembourser. {x}",
        "Merci de votre patience ! La commande {o}, expédiée le {d}, total {p}.",
        "Pouvez-vous confirmer l'adresse de livraison ? Vous pouvez me joindre au {x}",
        "C'est noté, remboursement de {p} effectué, délai de 3 à 5 jours ouvrés.",
        "Très bien, merci beaucoup 😊",
        "Le colis {t} est indiqué livré à {h} mais je n'ai rien reçu... {x}",
    ],
    &[
        "Hola, mi pedido {o} del {d} todavía no ha llegado, ¿pueden revisarlo? {x}",
        "El número de seguimiento {t} no se ha movido desde el {d} a las {h}.",
        "Me cobraron {p} dos veces por el pedido {o}, por favor devuélvanme uno. {x}",
        "¡Gracias por esperar! Veo el pedido {o}, enviado el {d}, total {p}.",
        "¿Puede confirmar la dirección de entrega? También me puede llamar al {x}",
        "Perfecto, muchas gracias 🙏",
        "Reembolso de {p} realizado; tarda entre 3 y 5 días hábiles.",
    ],
    &[
        "Добрий день, моє замовлення {o} від {d} досі не прийшло, перевірте, будь ласка. {x}",
        "Номер відстеження {t} не змінюється з {d}, {h}.",
        "З мене двічі списали {p} за замовлення {o}, поверніть, будь ласка. {x}",
        "Дякуємо за очікування! Замовлення {o}, відправлене {d}, сума {p}.",
        "Підтвердіть, будь ласка, адресу доставки. Мій номер {x}",
        "Дякую, все зрозуміло 🙂",
        "Повернення {p} оформлено, кошти надійдуть протягом 3–5 днів.",
    ],
    &[
        "Hallo, meine Bestellung {o} vom {d} ist immer noch nicht da, können Sie nachsehen? {x}",
        "Die Sendungsnummer {t} zeigt seit {d} um {h} keine Bewegung.",
        "Mir wurden {p} doppelt für Bestellung {o} abgebucht, bitte erstatten. {x}",
        "Danke für Ihre Geduld! Bestellung {o}, versandt am {d}, Summe {p}.",
        "Können Sie die Lieferadresse bestätigen? Sie erreichen mich unter {x}",
        "Alles klar, vielen Dank! 😀",
        "Erstattung über {p} ist veranlasst, Dauer 3–5 Werktage. Grüße aus Köln",
    ],
];

impl Generator {
    fn line(&mut self, clock: u64, out: &mut String) {
        let (date, time) = civil(clock);
        let who = if self.rng.random_bool(0.5) { "customer" } else { "agent" };
        out.push_str(&format!("[{date} {time}] {who}: "));
        let language = self.rng.random_range(0..TEMPLATES.len());
        let templates = TEMPLATES[language];
        let template = templates[self.rng.random_range(0..templates.len())];
        let values = match self.density {
            Density::Clean => 0,
            Density::Realistic => usize::from(self.rng.random_bool(0.02)),
            Density::Dense => self.rng.random_range(1..=3),
        };
        let mut placed = 0;
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let slot = rest.as_bytes().get(open + 1).copied().unwrap_or(b'x');
            rest = &rest[open + 3..];
            match slot {
                b'o' => self.order(out),
                b't' => self.tracking(out),
                b'p' => self.price(language, out),
                b'd' => out.push_str(&self.date(language)),
                b'h' => out.push_str(&format!(
                    "{}:{:02}",
                    self.rng.random_range(8..20),
                    self.rng.random_range(0..60)
                )),
                _ if placed < values => {
                    self.value(out);
                    placed += 1;
                }
                _ => {}
            }
        }
        out.push_str(rest);
        // Dense messages carry their remaining values at the end.
        while placed < values {
            out.push_str(" / ");
            self.value(out);
            placed += 1;
        }
        out.push('\n');
    }

    /// An order number: `#A-19121`, `ORD-2025-004512`, or 7 to 9 plain digits that are
    /// not a phone (they start with `1` and follow `#`).
    fn order(&mut self, out: &mut String) {
        match self.rng.random_range(0..3) {
            0 => out.push_str(&format!("#A-{}", self.rng.random_range(10_000..99_999))),
            1 => out.push_str(&format!("ORD-2025-{:06}", self.rng.random_range(0..999_999))),
            _ => out.push_str(&format!("#{}", self.rng.random_range(1_000_000..199_999_999))),
        }
    }

    /// A tracking number: `1Z…` (UPS), `JD01…` (DHL), or 16 digits starting with `1` but not
    /// `18` (the only card range there is JCB's legacy `1800`, and no phone number is that
    /// long); one in five passes Luhn, as real ones may.
    fn tracking(&mut self, out: &mut String) {
        match self.rng.random_range(0..3) {
            0 => {
                out.push_str("1Z");
                for _ in 0..16 {
                    let c = b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ"[self.rng.random_range(0..33)];
                    out.push(char::from(c));
                }
            }
            1 => out.push_str(&format!("JD01{:016}", self.rng.random_range(0..9_999_999_999_999_999u64))),
            _ => {
                let mut digits: Vec<u8> = vec![1, self.rng.random_range(0..8)];
                digits.extend((0..13).map(|_| self.rng.random_range(0..10u8)));
                if self.rng.random_bool(0.2) {
                    digits.push(luhn_check_digit(&digits));
                } else {
                    digits.push((luhn_check_digit(&digits) + 1) % 10);
                }
                out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
            }
        }
    }

    fn price(&mut self, language: usize, out: &mut String) {
        let (euros, cents) = (self.rng.random_range(1..2000), self.rng.random_range(0..100));
        match language {
            0 => out.push_str(&format!("${euros}.{cents:02}")),
            3 => out.push_str(&format!("{euros},{cents:02} грн")),
            _ => out.push_str(&format!("{euros},{cents:02} €")),
        }
    }

    fn date(&mut self, language: usize) -> String {
        let (day, month) = (self.rng.random_range(1..29), self.rng.random_range(1..13));
        match (language, self.rng.random_range(0..3)) {
            (_, 0) => format!("2025-{month:02}-{day:02}"),
            (0, _) => format!("{month}/{day}/2025"),
            (4 | 3, _) => format!("{day:02}.{month:02}.2025"),
            _ => format!("{day:02}/{month:02}/2025"),
        }
    }

    /// A value of a random kind in one of its written forms.
    fn value(&mut self, out: &mut String) {
        let value = match self.rng.random_range(0..5) {
            0 => self.card(),
            1 => self.iban(),
            2 => self.ssn(),
            3 => self.email(),
            _ => self.phone(),
        };
        out.push_str(&value);
    }

    fn card(&mut self) -> String {
        let (prefix, length): (&str, usize) =
            [("4", 16), ("51", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("35", 16)]
                [self.rng.random_range(0..7)];
        let mut digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
        while digits.len() < length - 1 {
            digits.push(self.rng.random_range(0..10));
        }
        digits.push(luhn_check_digit(&digits));
        let plain: String = digits.iter().map(|&d| char::from(b'0' + d)).collect();
        match self.rng.random_range(0..3) {
            0 => plain,
            1 => group(&plain, 4, " "),
            _ => group(&plain, 4, "-"),
        }
    }

    fn iban(&mut self) -> String {
        let (country, bban_digits) =
            [("DE", 18), ("FR", 23), ("ES", 20), ("NL", 14), ("GB", 18)][self.rng.random_range(0..5)];
        let mut bban: String =
            (0..bban_digits).map(|_| char::from(b'0' + self.rng.random_range(0..10u8))).collect();
        if country == "NL" {
            bban = format!("ABNA{}", &bban[..10]);
        }
        if country == "GB" {
            bban = format!("NWBK{}", &bban[..14]);
        }
        let check = iban_check(country, &bban);
        let iban = format!("{country}{check:02}{bban}");
        if self.rng.random_bool(0.5) { group(&iban, 4, " ") } else { iban }
    }

    fn ssn(&mut self) -> String {
        let area = loop {
            let area = self.rng.random_range(1..900);
            if area != 666 {
                break area;
            }
        };
        let (group_number, serial) = (self.rng.random_range(1..100), self.rng.random_range(1..10_000));
        format!("{area:03}-{group_number:02}-{serial:04}")
    }

    fn email(&mut self) -> String {
        let names = ["melissa", "j.dupont", "ana.garcia", "olena.koval", "k_mueller", "support+2024"];
        let domains = ["gmail.com", "yahoo.fr", "outlook.es", "ukr.net", "web.de", "example.co.uk"];
        format!(
            "{}{}@{}",
            names[self.rng.random_range(0..names.len())],
            self.rng.random_range(1..99),
            domains[self.rng.random_range(0..domains.len())]
        )
    }

    fn phone(&mut self) -> String {
        let digits = |n: usize, rng: &mut ChaCha8Rng| -> String {
            (0..n).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect()
        };
        match self.rng.random_range(0..6) {
            0 => format!("+44 7{} {}", digits(3, &mut self.rng), digits(6, &mut self.rng)),
            1 => format!(
                "+33 6 {} {} {} {}",
                digits(2, &mut self.rng),
                digits(2, &mut self.rng),
                digits(2, &mut self.rng),
                digits(2, &mut self.rng)
            ),
            2 => format!("(555) {}-{}", 200 + self.rng.random_range(0..700), digits(4, &mut self.rng)),
            3 => format!("+49 151 {}", digits(8, &mut self.rng)),
            4 => format!(
                "+380 67 {} {} {}",
                digits(3, &mut self.rng),
                digits(2, &mut self.rng),
                digits(2, &mut self.rng)
            ),
            _ => format!(
                "+34 6{} {} {}",
                digits(2, &mut self.rng),
                digits(3, &mut self.rng),
                digits(3, &mut self.rng)
            ),
        }
    }
}

fn group(text: &str, size: usize, separator: &str) -> String {
    text.as_bytes()
        .chunks(size)
        .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The Luhn check digit completing `digits`.
fn luhn_check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The two IBAN check digits for `country` and `bban` (ISO 13616 mod 97).
fn iban_check(country: &str, bban: &str) -> u32 {
    let rearranged = format!("{bban}{country}00");
    let mut remainder = 0u32;
    for c in rearranged.chars() {
        let value = c.to_digit(36).unwrap_or(0);
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    98 - remainder
}

/// The civil date and time of a Unix time (UTC), as `YYYY-MM-DD` and `HH:MM:SS`.
fn civil(seconds: u64) -> (String, String) {
    let days = (seconds / 86_400) as i64;
    let rem = seconds % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        format!("{:02}:{:02}:{:02}", rem / 3600, rem / 60 % 60, rem % 60),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use piimask::Masker;

    #[test]
    fn corpora_are_deterministic_and_sized() {
        for density in Density::ALL {
            let a = corpus(density, 100_000);
            assert!(a.len() >= 100_000 && a.ends_with('\n'));
            assert_eq!(a, corpus(density, 100_000), "{}", density.name());
        }
    }

    #[test]
    fn densities_hold_what_they_say() {
        let masker = Masker::default();
        let lines = |density| messages(density, 300_000);
        let clean = lines(Density::Clean);
        let leaked: Vec<&String> = clean.iter().filter(|m| masker.is_match(m)).take(3).collect();
        assert!(leaked.is_empty(), "clean messages with a value: {leaked:?}");
        let realistic = lines(Density::Realistic);
        let with_value =
            realistic.iter().filter(|m| masker.is_match(m)).count() as f64 / realistic.len() as f64;
        assert!((0.01..0.04).contains(&with_value), "{with_value}");
        let dense = lines(Density::Dense);
        let with_value = dense.iter().filter(|m| masker.is_match(m)).count() as f64 / dense.len() as f64;
        assert!(with_value > 0.97, "{with_value}");
    }

    #[test]
    fn generated_values_are_valid() {
        assert_eq!(luhn_check_digit(&[4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 1);
        assert_eq!(iban_check("DE", "370400440532013000"), 89);
        assert_eq!(civil(1_763_700_000), ("2025-11-21".to_string(), "04:40:00".to_string()));
    }
}
