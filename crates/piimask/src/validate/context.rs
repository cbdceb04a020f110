//! Context words ("tel", "téléphone", "SSN", ...) that let bare digit runs count as phone
//! numbers or SSNs when they are on the same line, within 64 characters of the number.
//!
//! Words are found with one aho-corasick automaton per purpose; a cursor remembers how far
//! the text has been searched so that the whole scan stays linear.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use crate::scan::chars::{char_at, char_before, is_letter, is_word_char};

/// How far from a number a context word may be, in characters.
pub(crate) const CONTEXT_WINDOW: usize = 64;

/// Phone context words. A trailing `*` marks a stem: the word may continue with letters
/// (`telefon*` matches `Telefonnummer`); other words must end at a non-letter.
const PHONE_WORDS: &[&str] = &[
    // English
    "phone*",
    "telephone*",
    "tel",
    "mobile*",
    "cell",
    "cellphone*",
    "call me",
    "text me",
    "whatsapp*",
    "fax",
    "contact number",
    "landline*",
    // French
    "téléphone*",
    "telephone*",
    "tél",
    "portable*",
    "joignable*",
    "appelez-moi",
    "appelle-moi",
    "numéro de portable",
    "rappeler au",
    "rappelez-moi",
    // Spanish
    "teléfono*",
    "telefono*",
    "móvil*",
    "movil*",
    "celular*",
    "llámame",
    "llamame",
    "llámeme",
    // German
    "telefon*",
    "handy*",
    "mobil*",
    "rufnummer*",
    "festnetz*",
    "ruf mich an",
    "rückruf*",
    // Ukrainian and Russian
    "телефон*",
    "тел",
    "мобільн*",
    "мобильн*",
    "подзвоніть",
    "зателефонуйте",
    "дзвоніть",
    "позвоните",
    "звоните",
    "вайбер*",
    "viber*",
    // Italian, Dutch, Portuguese, Polish
    "telefono*",
    "cellulare*",
    "telefoon*",
    "mobiel*",
    "bel me",
    "telefone*",
    "telemóvel*",
    "komórk*",
    "telegram*",
    "signal",
];

/// SSN context words.
const SSN_WORDS: &[&str] = &[
    "ssn*",
    "social security*",
    "soc sec",
    "soc. sec",
    "ss#",
    "ss #",
    "itin",
    "itins",
    "tax id*",
    "taxpayer id*",
    "tin",
];

/// A compiled set of context words.
#[derive(Debug, Clone)]
pub(crate) struct ContextWords {
    automaton: AhoCorasick,
    /// For each pattern: whether it may be followed by letters.
    stem: Vec<bool>,
}

impl ContextWords {
    pub(crate) fn phone() -> ContextWords {
        ContextWords::new(PHONE_WORDS)
    }

    pub(crate) fn ssn() -> ContextWords {
        ContextWords::new(SSN_WORDS)
    }

    fn new(words: &[&str]) -> ContextWords {
        let mut patterns = Vec::new();
        let mut stem = Vec::new();
        for word in words {
            let (text, is_stem) = match word.strip_suffix('*') {
                Some(text) => (text, true),
                None => (*word, false),
            };
            // ASCII letters are matched case-insensitively by the automaton; for the others
            // add the lower-case, upper-case and capitalised spellings.
            let mut spellings = vec![text.to_lowercase(), text.to_uppercase(), capitalise(text)];
            spellings.sort();
            spellings.dedup();
            for spelling in spellings {
                patterns.push(spelling);
                stem.push(is_stem);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|err| unreachable!("context word patterns are valid: {err}"));
        ContextWords { automaton, stem }
    }

    /// The first context word starting at or after `from`, as a byte span.
    fn find_from(&self, hay: &[u8], mut from: usize) -> Option<(usize, usize)> {
        while from < hay.len() {
            let found = self.automaton.find(Input::new(hay).range(from..))?;
            let (start, end) = (found.start(), found.end());
            let clean_start = !char_before(hay, start).is_some_and(|(c, _)| is_word_char(c));
            let clean_end = self.stem[found.pattern().as_usize()]
                || !char_at(hay, end).is_some_and(|(c, _)| is_letter(c));
            // `[PHONE]`, `[SSN]`: piimask's own labels are not context.
            let label = start > 0 && hay[start - 1] == b'[' && hay.get(end) == Some(&b']');
            if clean_start && clean_end && !label {
                return Some((start, end));
            }
            from = start + 1;
        }
        None
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// How far one set of context words has been searched in one haystack.
///
/// Queries must come with non-decreasing window starts and ends (chunks are visited left
/// to right), which makes the total search work linear in the haystack.
#[derive(Debug, Default, Clone)]
pub(crate) struct ContextCursor {
    /// Every word starting before this offset has been seen.
    searched_to: usize,
    /// The last word seen that starts before `searched_to`.
    last: Option<(usize, usize)>,
    /// The first word at or after `searched_to`, once found.
    next: Option<(usize, usize)>,
    exhausted: bool,
}

impl ContextCursor {
    /// Whether a word of `words` overlaps `window`.
    fn any_in(&mut self, words: &ContextWords, hay: &[u8], window: (usize, usize)) -> bool {
        let (window_start, window_end) = window;
        loop {
            if let Some(word) = self.next {
                if word.0 >= window_end {
                    break;
                }
                self.last = Some(word);
                self.next = None;
                self.searched_to = word.0 + 1;
                continue;
            }
            if self.exhausted || self.searched_to >= window_end {
                break;
            }
            match words.find_from(hay, self.searched_to) {
                Some(word) => self.next = Some(word),
                None => self.exhausted = true,
            }
        }
        self.last.is_some_and(|(start, end)| end > window_start && start < window_end)
    }
}

/// Context lookups for one chunk, computed lazily and at most once per purpose.
#[derive(Debug)]
pub(crate) struct ContextProbe<'a> {
    hay: &'a [u8],
    phone_words: &'a ContextWords,
    ssn_words: &'a ContextWords,
    phone_cursor: &'a mut ContextCursor,
    ssn_cursor: &'a mut ContextCursor,
    span: (usize, usize),
    window: Option<(usize, usize)>,
    phone: Option<bool>,
    ssn: Option<bool>,
}

impl<'a> ContextProbe<'a> {
    pub(crate) fn new(
        hay: &'a [u8],
        (phone_words, ssn_words): (&'a ContextWords, &'a ContextWords),
        (phone_cursor, ssn_cursor): (&'a mut ContextCursor, &'a mut ContextCursor),
        span: (usize, usize),
    ) -> ContextProbe<'a> {
        ContextProbe {
            hay,
            phone_words,
            ssn_words,
            phone_cursor,
            ssn_cursor,
            span,
            window: None,
            phone: None,
            ssn: None,
        }
    }

    /// Whether a phone context word is near the chunk.
    pub(crate) fn phone(&mut self) -> bool {
        if let Some(found) = self.phone {
            return found;
        }
        let window = self.window();
        let found = self.phone_cursor.any_in(self.phone_words, self.hay, window);
        self.phone = Some(found);
        found
    }

    /// Whether an SSN context word is near the chunk.
    pub(crate) fn ssn(&mut self) -> bool {
        if let Some(found) = self.ssn {
            return found;
        }
        let window = self.window();
        let found = self.ssn_cursor.any_in(self.ssn_words, self.hay, window);
        self.ssn = Some(found);
        found
    }

    /// The chunk widened by 64 characters on each side, without crossing a line break.
    fn window(&mut self) -> (usize, usize) {
        if let Some(window) = self.window {
            return window;
        }
        let hay = self.hay;
        let is_break = |b: u8| b == b'\n' || b == b'\r';
        let mut start = self.span.0;
        let mut chars = 0;
        while start > 0 && chars < CONTEXT_WINDOW {
            let Some((_, prev)) = char_before(hay, start).or(Some(('\u{FFFD}', start - 1))) else {
                break;
            };
            if is_break(hay[prev]) {
                break;
            }
            start = prev;
            chars += 1;
        }
        let mut end = self.span.1;
        chars = 0;
        while end < hay.len() && chars < CONTEXT_WINDOW && !is_break(hay[end]) {
            end += char_at(hay, end).map_or(1, |(_, len)| len);
            chars += 1;
        }
        let window = (start, end);
        self.window = Some(window);
        window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(words: &ContextWords, text: &str, number: &str) -> bool {
        let start = text.find(number).unwrap();
        let mut cursor = ContextCursor::default();
        let mut other = ContextCursor::default();
        let mut probe = ContextProbe::new(
            text.as_bytes(),
            (words, words),
            (&mut cursor, &mut other),
            (start, start + number.len()),
        );
        probe.phone()
    }

    #[test]
    fn words_match_case_insensitively_with_boundaries() {
        let phone = ContextWords::phone();
        assert!(near(&phone, "Mon TÉLÉPHONE: 0612345678", "0612345678"));
        assert!(near(&phone, "Telefonnummer 030123456", "030123456"));
        assert!(near(&phone, "мій Телефон 0501234567", "0501234567"));
        assert!(near(&phone, "tel.12345678", "12345678"));
        assert!(!near(&phone, "hotel 12345678", "12345678"), "tel inside a word");
        assert!(!near(&phone, "tell me 12345678", "12345678"), "tel is a whole word");
        assert!(!near(&phone, "phone\n12345678", "12345678"), "other line");
        assert!(!near(&phone, "[PHONE] 12345678", "12345678"), "a label is no context");
        let far = format!("phone {} 12345678", "x".repeat(70));
        assert!(!near(&phone, &far, "12345678"), "too far");
    }

    #[test]
    fn cursor_is_monotone_and_finds_every_window() {
        let words = ContextWords::ssn();
        let text = "a 111 SSN b 222 c 333 ssn d 444";
        let hay = text.as_bytes();
        let mut cursor = ContextCursor::default();
        let found: Vec<bool> = ["111", "222", "333", "444"]
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap();
                cursor.any_in(&words, hay, (s.saturating_sub(4), s + 7))
            })
            .collect();
        assert_eq!(found, [true, true, true, true]);
        let mut cursor = ContextCursor::default();
        assert!(!cursor.any_in(&words, hay, (0, 2)));
        assert!(cursor.any_in(&words, hay, (0, 9)));
    }
}
