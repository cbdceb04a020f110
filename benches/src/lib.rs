//! Corpora for the benchmarks, built outside the timed code.

pub mod hostile;

use std::path::Path;

pub mod baseline;
pub mod corpus;

/// The chat texts of the sample transcript export (every `text` field), one per line.
pub fn sample_texts() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/transcript.jsonl");
    let export = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    export
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// The sample texts repeated (newline-separated) until the corpus is at least `size` bytes.
pub fn repeated_corpus(size: usize) -> String {
    let texts = sample_texts();
    let mut corpus = String::with_capacity(size + 4096);
    while corpus.len() < size {
        for text in &texts {
            corpus.push_str(text);
            corpus.push('\n');
        }
    }
    corpus
}

/// A 120-byte chat message with no sensitive value (but a date, a time and a price).
pub const MESSAGE_CLEAN: &str = "Hi! My order from 21/11 still hasn't arrived, it was 49,99 € and tracking says 10:30 yesterday. Can you help me asap?!";

/// A 120-byte chat message with one card number.
pub const MESSAGE_CARD: &str = "Hello, please charge my card 4111 1111 1111 1111 for the order from yesterday, the total was 49,99 € thanks a lot :-)!";

/// Title and tag words of the generated text-block library, by language (accents and
/// Cyrillic included, as agents write them).
const LIBRARY_WORDS: [(&str, &[&str]); 5] = [
    (
        "en",
        &[
            "refund",
            "order",
            "delivery",
            "delay",
            "card",
            "blocked",
            "password",
            "reset",
            "account",
            "greeting",
            "closing",
            "transfer",
            "team",
            "hold",
            "callback",
            "invoice",
            "address",
            "change",
            "return",
            "label",
            "warranty",
            "repair",
            "subscription",
            "cancel",
            "upgrade",
            "payment",
            "failed",
            "identity",
            "check",
            "store",
        ],
    ),
    (
        "fr",
        &[
            "remboursement",
            "commande",
            "livraison",
            "retard",
            "carte",
            "bloquée",
            "mot",
            "passe",
            "compte",
            "réponse",
            "attente",
            "clôture",
            "transfert",
            "équipe",
            "rappel",
            "facture",
            "adresse",
            "modification",
            "retour",
            "étiquette",
            "garantie",
            "réparation",
            "abonnement",
            "résiliation",
            "paiement",
            "échoué",
            "identité",
            "vérification",
            "magasin",
            "délai",
        ],
    ),
    (
        "es",
        &[
            "reembolso",
            "pedido",
            "entrega",
            "retraso",
            "tarjeta",
            "bloqueada",
            "contraseña",
            "cuenta",
            "saludo",
            "despedida",
            "transferencia",
            "equipo",
            "espera",
            "llamada",
            "factura",
            "dirección",
            "cambio",
            "devolución",
            "etiqueta",
            "garantía",
            "reparación",
            "suscripción",
            "cancelación",
            "pago",
            "fallido",
            "identidad",
            "verificación",
            "tienda",
            "envío",
            "plazo",
        ],
    ),
    (
        "uk",
        &[
            "повернення",
            "замовлення",
            "доставка",
            "затримка",
            "картка",
            "заблоковано",
            "пароль",
            "обліковий",
            "запис",
            "привіт",
            "завершення",
            "передавання",
            "відділ",
            "очікування",
            "дзвінок",
            "рахунок",
            "адреса",
            "зміна",
            "гарантія",
            "ремонт",
            "підписка",
            "скасування",
            "оплата",
            "помилка",
            "перевірка",
            "особа",
            "магазин",
            "термін",
            "відповідь",
            "запит",
        ],
    ),
    (
        "de",
        &[
            "erstattung",
            "bestellung",
            "lieferung",
            "verzögerung",
            "karte",
            "gesperrt",
            "passwort",
            "konto",
            "begrüßung",
            "abschied",
            "weiterleitung",
            "team",
            "warten",
            "rückruf",
            "rechnung",
            "adresse",
            "änderung",
            "rücksendung",
            "etikett",
            "garantie",
            "reparatur",
            "abonnement",
            "kündigung",
            "zahlung",
            "fehlgeschlagen",
            "identität",
            "prüfung",
            "filiale",
            "versand",
            "frist",
        ],
    ),
];

/// A text-block library of `blocks` blocks in TOML (the shipped form), generated
/// deterministically: five languages in turn, titles of 2 to 5 words, 1 to 3 tags, unique
/// shortcuts `word-N`, bodies with variables.
pub fn generated_library(blocks: usize) -> String {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    let mut out = String::with_capacity(blocks * 220);
    for index in 0..blocks {
        let (language, words) = LIBRARY_WORDS[index % LIBRARY_WORDS.len()];
        let mut pick = |count: usize| (0..count).map(|_| words[next(words.len())]).collect::<Vec<_>>();
        let title = pick(2 + index % 4);
        let tags = pick(1 + index % 3);
        let mut title_text = title.join(" ");
        if let Some(first) = title_text.chars().next() {
            title_text = first.to_uppercase().chain(title_text.chars().skip(1)).collect();
        }
        // A JSON string is a valid TOML basic string.
        let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
        let tags_text = tags.iter().map(|tag| quote(tag)).collect::<Vec<_>>().join(", ");
        let body = format!("{title_text} <customer.name>, <order.id>: {}.", title.join(" "));
        out.push_str(&format!(
            "[[block]]\nshortcut = {}\ntitle = {}\nbody = {}\ntags = [{tags_text}]\nlanguage = \"{language}\"\n\n",
            quote(&format!("{}-{index}", title[0])),
            quote(&title_text),
            quote(&body),
        ));
    }
    out
}

/// The queries of the search benchmark: what agents type after `#`, from one letter to a
/// few words, in the five languages, with and without accents, and misses (the benchmark
/// adds exact shortcuts).
pub const SEARCH_QUERIES: [&str; 15] = [
    "#r",
    "#re",
    "#ref",
    "#refund",
    "#reponse",
    "#réponse att",
    "#ver",
    "#прив",
    "#повернення",
    "#rück",
    "#ruckerstattung",
    "#carte bloq",
    "#tarjeta",
    "#zzz",
    "#",
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_generated_library_is_valid() {
        let library = piimask::TextBlockLibrary::parse(&super::generated_library(5000)).unwrap();
        assert_eq!(library.len(), 5000);
        assert!(library.search("#reponse", 10).len() == 10);
    }

    #[test]
    fn messages_are_120_bytes() {
        assert_eq!(super::MESSAGE_CLEAN.len(), 120);
        assert_eq!(super::MESSAGE_CARD.len(), 120);
    }
}
