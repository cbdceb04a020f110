//! [`ContextProbe`]: what the key words near one chunk say about it (a phone, an SSN, a
//! label, a code, a card), the nearest deciding word first.

use super::keywords::{Hit, KeyCursor, KeyWords};
use super::window::{back_chars, forward_chars};
use super::{CONTEXT_WINDOW, Key};
use crate::scan::chars::{
    char_at, char_before, is_boundary_letter, is_boundary_word_char, is_letter, is_word_char,
};

/// Key-word lookups for one chunk.
#[derive(Debug)]
pub(crate) struct ContextProbe<'a> {
    hay: &'a [u8],
    words: &'a KeyWords,
    cursor: &'a mut KeyCursor,
    span: (usize, usize),
    /// The window around the chunk: where it starts and ends, each computed on first use.
    window_start: Option<usize>,
    window_end: Option<usize>,
    /// The answer of [`ContextProbe::nearest_before`], computed on first use.
    nearest: Option<(Option<Hit>, bool)>,
    /// The answer of [`ContextProbe::search_nearby`], computed on first use.
    nearby_from: Option<Option<usize>>,
    /// The masker's mask characters, which no answer may read as text (masked digits must
    /// read as the digits did: see [`ContextProbe::key_after`]).
    mask_chars: [char; 5],
}

impl<'a> ContextProbe<'a> {
    /// A probe for the chunk at `span`, searching with `cursor`.
    pub(crate) fn new(
        hay: &'a [u8],
        words: &'a KeyWords,
        cursor: &'a mut KeyCursor,
        span: (usize, usize),
    ) -> Self {
        cursor.begin_chunk();
        ContextProbe {
            hay,
            words,
            cursor,
            span,
            window_start: None,
            window_end: None,
            nearest: None,
            nearby_from: None,
            mask_chars: ['*'; 5],
        }
    }

    /// The probe reading `mask_chars` as the masker's own (never as text).
    pub(crate) fn masked_by(mut self, mask_chars: [char; 5]) -> Self {
        self.mask_chars = mask_chars;
        self
    }

    /// Every key word in the window around the chunk: 64 characters on each side, on the
    /// chunk's line.
    fn hits(&mut self) -> &[Hit] {
        let window = (self.window_start(), self.window_end());
        self.cursor.cover(self.words, self.hay, window)
    }

    /// The key words in the window before the chunk. Most questions are answered by the
    /// nearest key word before a number, so the text after it is searched only when asked
    /// (by [`ContextProbe::hits`]); no key word holds a digit, so none crosses the
    /// chunk's start.
    fn hits_before(&mut self) -> &[Hit] {
        let start = self.window_start();
        self.cursor.cover(self.words, self.hay, (start, self.span.0))
    }

    /// Where the window before the chunk starts (computed on first use: most chunks never
    /// need the window after them).
    fn window_start(&mut self) -> usize {
        let (hay, span) = (self.hay, self.span);
        *self.window_start.get_or_insert_with(|| back_chars(hay, span.0, CONTEXT_WINDOW))
    }

    /// Where the window after the chunk ends (computed on first use).
    fn window_end(&mut self) -> usize {
        let (hay, span) = (self.hay, self.span);
        *self.window_end.get_or_insert_with(|| forward_chars(hay, span.1, CONTEXT_WINDOW))
    }

    /// The nearest key word before the chunk that is not a number word, and whether a
    /// number word came first.
    fn nearest_before(&mut self) -> (Option<Hit>, bool) {
        if let Some(nearest) = self.nearest {
            return nearest;
        }
        let nearest = match self.nearby() {
            Some(from) => match last_deciding(self.cursor.nearby().iter()) {
                found @ (Some(_), _) => found,
                (None, _) => {
                    // Nothing decides right before the chunk: search the rest of the window,
                    // up to where the nearby search began, and keep both parts' hits.
                    let window_start = self.window_start();
                    self.cursor.cover(self.words, self.hay, (window_start, from));
                    self.cursor.keep_nearby(self.span.0);
                    self.deciding_before()
                }
            },
            None => self.deciding_before(),
        };
        self.nearest = Some(nearest);
        nearest
    }

    /// [`ContextProbe::nearest_before`] from the hits of the whole window before the chunk.
    fn deciding_before(&mut self) -> (Option<Hit>, bool) {
        let start = self.span.0;
        last_deciding(self.hits_before().iter().filter(|h| h.end <= start))
    }

    /// Searches only the text right before the chunk: from the last boundary before it that
    /// no key word crosses (see `KeyWords::may_cross`), so that the search finds exactly the
    /// key words a search of the whole window finds there. Most chunks have their label
    /// right before them (`…esperar! Veo el pedido #112348661`), which then decides after
    /// reading a few words instead of the whole window. Leaves the hits in the cursor's
    /// `nearby` and returns where the search began; `None` when the cursor has searched
    /// there already or there is no such boundary.
    fn nearby(&mut self) -> Option<usize> {
        if let Some(from) = self.nearby_from {
            return from;
        }
        let from = self.search_nearby();
        self.nearby_from = Some(from);
        from
    }

    /// The search of [`ContextProbe::nearby`] (run once per probe).
    fn search_nearby(&mut self) -> Option<usize> {
        let start = self.span.0;
        if self.cursor.searched_to() >= start {
            return None;
        }
        let from = self.words.boundary_before(self.hay, self.cursor.searched_to(), start)?;
        // Inside the window: at most as many bytes back as the window has characters, or
        // checked.
        if start - from > CONTEXT_WINDOW && from < self.window_start() {
            return None;
        }
        self.cursor.search_nearby(self.words, self.hay, (from, start));
        Some(from)
    }

    /// The key word right in front of the chunk: nothing but punctuation, spaces and number
    /// words between (`order number: 4509…`, `Kundennummer 0170…`).
    fn adjacent_before(&mut self) -> Option<Key> {
        // When nothing decides in the text right before the chunk and a word stands there,
        // the deciding word is further back and that word comes between: nothing is
        // adjacent, and the rest of the window need not be searched.
        if self.nearest.is_none()
            && let Some(from) = self.nearby()
            && last_deciding(self.cursor.nearby().iter()).0.is_none()
            && self.word_outside_nearby_hits(from)
        {
            return None;
        }
        let mut hit = self.nearest_before().0?;
        // A label in brackets that close before the number names the number before them
        // (`1Z… (UPS número de seguimiento) 4823-…`, `1-296-00343-4 (ISBN); 4940…`).
        if matches!(hit.key, Key::Label | Key::Code) && closes_bracket(&self.hay[hit.end..self.span.0]) {
            return None;
        }
        // A verb or an article may link a label to its number: `my order number is 0750…`,
        // `die Bestellnr. ist 0329…`, `mi número de cliente es el 0013…`.
        let gap = self.gap_words(hit.end, self.span.0);
        if gap.words != gap.links || gap.links > 2 {
            return None;
        }
        // A phone word that only qualifies a label before it leaves the label in front
        // (`sipariş numaram 0117…`: my order number; `facture téléphone n° …`). Such a label
        // ends in a letter, at most one short word before the phone word.
        if hit.key == Key::Phone {
            if !self.letter_before(hit.start) || !self.modified_by_label(hit) {
                return Some(Key::Phone);
            }
            hit.key = Key::Label;
        }
        // A label that only says where a number word's number is kept names no identifier:
        // `the number on the account is 0211…`, `die Nummer im Kundenkonto ist 030 …`.
        if hit.key == Key::Label && self.number_word_placed_by(hit) {
            return None;
        }
        if gap.words == 0 {
            return Some(hit.key);
        }
        // Not when a phone or SSN word comes before the label (`the phone number on the order
        // is 07911…`), unless it starts the label's phrase (`mi número de orden es …`, `il
        // mio numero d'ordine è …`).
        let phone_words: smallvec::SmallVec<[Hit; 4]> =
            self.hits_before().iter().filter(|h| matches!(h.key, Key::Phone | Key::Ssn)).copied().collect();
        let linked = phone_words.iter().all(|word| {
            word.start == hit.start || (word.end <= hit.start && self.joins_label(word.end, hit.start))
        });
        linked.then_some(hit.key)
    }

    /// Whether a number word stands before `label` with a phrase between that places the
    /// number at the label's thing instead of naming it (`the number on the account`,
    /// `number linked to my account`, `die Nummer im Kundenkonto`, `el número asociado a mi
    /// cuenta`, `numret på kontot`): one to five words, each a placing preposition or
    /// participle ([`is_placing_word`]), a word joining it to the thing
    /// ([`is_placing_join_word`]), an article or possessive, at least one of them placing;
    /// commas may set the phrase off (`номер, привязанный к аккаунту`). A genitive (`number of
    /// the order`, `numéro de commande`) names the label's number, and so does a number word
    /// that ends a label's own phrase (`order number on the account`).
    #[cold]
    fn number_word_placed_by(&mut self, label: Hit) -> bool {
        let hay = self.hay;
        // Most labels have no placing word before them: decided without searching the
        // window for the number word.
        let from = back_chars(hay, label.start, PLACING_PHRASE);
        let placing_before = std::str::from_utf8(&hay[from..label.start])
            .is_ok_and(|text| text.split(|c: char| !c.is_alphabetic()).any(is_placing_word));
        if !placing_before {
            return false;
        }
        let hits = self.hits_before();
        let before: smallvec::SmallVec<[Hit; 8]> =
            hits.iter().rev().filter(|h| h.end <= label.start).take(4).copied().collect();
        for (i, number) in before.iter().enumerate() {
            if number.key != Key::Number {
                return false;
            }
            let Some(phrase) = std::str::from_utf8(&hay[number.end..label.start])
                .ok()
                .filter(|p| p.chars().count() <= PLACING_PHRASE)
            else {
                return false;
            };
            let words = phrase.split([' ', ',', '\'', '\u{2019}', '\u{A0}']).filter(|w| !w.is_empty());
            let (mut count, mut placing) = (0, false);
            let fits = words.into_iter().all(|word| {
                count += 1;
                let places = is_placing_word(word);
                placing |= places;
                count <= 5 && (places || is_placing_join_word(word) || is_trailing_link_word(word.as_bytes()))
            });
            if !(fits && placing) {
                continue;
            }
            // The number word must not end a label's phrase of its own (`order number`,
            // `Kundennummer`, `n° de commande`).
            return match before.get(i + 1) {
                Some(owner) if matches!(owner.key, Key::Label | Key::Code | Key::Card) => {
                    owner.end <= number.start && self.gap_words(owner.end, number.start).words > 1
                }
                _ => true,
            };
        }
        false
    }

    /// Whether a letter stands before `at`, spaces skipped.
    fn letter_before(&self, at: usize) -> bool {
        let mut at = at;
        while at > 0 && self.hay[at - 1] == b' ' {
            at -= 1;
        }
        char_before(self.hay, at).is_some_and(|(c, _)| is_letter(c))
    }

    /// Whether the text from `from` to `to` (between a phone word and a label) makes one
    /// phrase of them: nothing but spaces, apostrophes and at most one preposition (`de`,
    /// `d'`, `of`).
    fn joins_label(&self, from: usize, to: usize) -> bool {
        self.joined_by(from, to, &[PREPOSITIONS])
    }

    /// Whether the text from `from` to `to` is nothing but spaces, apostrophes and at most
    /// one word of `prepositions`.
    fn joined_by(&self, from: usize, to: usize, prepositions: &[&[&[u8]]]) -> bool {
        let text = &self.hay[from..to];
        let mut words = text.split(|&b| matches!(b, b' ' | b'\'')).filter(|word| !word.is_empty());
        let first = words.next();
        let listed = |word: &[u8]| {
            prepositions.iter().flat_map(|list| list.iter()).any(|p| word.eq_ignore_ascii_case(p))
        };
        words.next().is_none() && first.is_none_or(listed) && !text.is_empty() && text.len() <= 8
    }

    /// Whether a word character stands between `from` and the chunk outside the hits of
    /// the nearby search (all number words here): [`ContextProbe::gap_words`] would count
    /// a word.
    fn word_outside_nearby_hits(&self, from: usize) -> bool {
        if self.hay[from] & 0xC0 == 0x80 {
            return false;
        }
        // A stem's hit runs on over the letters after its match (`замовленняé`), so a hit
        // from before `from` may cover the letters there: look from the first non-letter.
        let mut at = from;
        while let Some((_, len)) = char_at(self.hay, at).filter(|&(c, _)| is_boundary_letter(c)) {
            at += len;
        }
        let mut hits = self.cursor.nearby().iter().peekable();
        while at < self.span.0 {
            if let Some(hit) = hits.next_if(|hit| hit.start <= at) {
                at = at.max(hit.end);
                continue;
            }
            let (c, len) = char_at(self.hay, at).unwrap_or(('\u{FFFD}', 1));
            if is_boundary_word_char(c) {
                // A link word may stand between a label and its number: the whole window
                // decides then.
                let word_end = self.word_end(at);
                if !is_link_word(&self.hay[at..word_end]) {
                    return true;
                }
                at = word_end;
                continue;
            }
            at += len;
        }
        false
    }

    /// Where the word starting at `at` ends (see `is_boundary_word_char`), at most at the
    /// chunk's start.
    fn word_end(&self, mut at: usize) -> usize {
        while at < self.span.0
            && let Some((c, len)) = char_at(self.hay, at)
            && is_boundary_word_char(c)
        {
            at += len;
        }
        at.min(self.span.0)
    }

    /// Counts the words between `from` and `to`, number words skipped.
    fn gap_words(&self, from: usize, to: usize) -> Gap {
        let mut gap = Gap { words: 0, longest: 0, links: 0 };
        let (mut current, mut word_start) = (0, from);
        let mut at = from;
        while at < to {
            if let Some(number) = (self.cursor.hits().iter().chain(self.cursor.nearby()))
                .find(|h| h.key == Key::Number && h.start == at && h.end <= to)
            {
                gap.end_word(&self.hay[word_start..at], &mut current);
                at = number.end;
                continue;
            }
            let (c, len) = char_at(self.hay, at).unwrap_or(('\u{FFFD}', 1));
            if is_boundary_word_char(c) {
                if current == 0 {
                    gap.words += 1;
                    word_start = at;
                }
                current += 1;
                gap.longest = gap.longest.max(current);
            } else {
                gap.end_word(&self.hay[word_start..at], &mut current);
            }
            at += len;
        }
        gap.end_word(&self.hay[word_start..at], &mut current);
        gap
    }

    /// Whether the nearest key word after the chunk is `key` (`612345678 is my phone`), with
    /// no digit between, and followed only by words and sentence punctuation: a word followed
    /// by a number, a mask or a label introduces that instead. (The masker's mask characters
    /// are never read as text here, so masking what follows can only turn the answer to no.)
    fn key_after(&mut self, key: Key) -> bool {
        let end = self.span.1;
        let Some(hit) = self.hits().iter().find(|h| h.start >= end && h.key != Key::Number).copied() else {
            return false;
        };
        // An emoji after a number decorates the message (`qty 30 70 20 90 📱`, `order id
        // #05-34357-86774, 📞`); before one, it introduces it (`📞 0612…`).
        if !char_at(self.hay, hit.start).is_some_and(|(c, _)| c.is_alphabetic()) {
            return false;
        }
        // `after`: the text after the key word, whose sentence ends at a break (`arayın -
        // 05/02/2024 tarihli …`: what follows the dash is another sentence's). A dot right
        // after a short word is an abbreviation's (`тел. +7 …`), no break.
        let abbreviation =
            std::str::from_utf8(&self.hay[hit.start..hit.end]).is_ok_and(|w| w.chars().count() <= 4);
        let plain = |from: usize, to: usize, after: bool| {
            let mut at = from;
            while at < to {
                let Some((c, len)) = char_at(self.hay, at) else { return false };
                if self.mask_chars.contains(&c) {
                    return false;
                }
                let spaced = || self.hay.get(at + len).is_none_or(u8::is_ascii_whitespace);
                let sentence_dot = c == '.' && !(at == from && abbreviation);
                // (The end of a JSON string ends its sentence: a record masked as text,
                // `…전화 주세요","customer": …`.)
                let json_string_end =
                    || c == '"' && matches!(self.hay.get(at + 1), Some(b',' | b'}' | b']' | b':'));
                if c == '\n'
                    || c == '\r'
                    || (after
                        && (matches!(c, '|' | '—' | '–' | ';' | '!' | '?')
                            || ((sentence_dot || c == '-') && spaced())
                            || json_string_end()))
                {
                    return true;
                }
                // Closing brackets end a sentence too: a JSON record's last string ends `"}`.
                // (Letters with their combining marks: `নম্বরে`, `करें`.)
                let word_or_punctuation = is_letter(c)
                    || c.is_whitespace()
                    || matches!(
                        c,
                        '.' | ',' | '!' | '?' | ';' | ':' | '(' | ')' | ']' | '}' | '"' | '\'' | '-'
                    )
                    // Chat's other sentence breaks (`… pe call karo | mere details`), and
                    // an email's own characters: an address after the phone word
                    // introduces no number.
                    || matches!(c, '|' | '/' | '—' | '–' | '…' | '«' | '»' | '“' | '”' | '„' | '@');
                if !word_or_punctuation {
                    return false;
                }
                at += len;
            }
            true
        };
        hit.key == key
            && plain(end, hit.start, false)
            && plain(hit.end, self.hay.len().min(hit.end + 24), true)
    }

    /// Whether a phone word makes the chunk a phone number: the nearest key word before it
    /// decides; failing one, a phone word right after it.
    pub(crate) fn phone(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) if hit.key == Key::Phone => !self.modified_by_label(hit),
            // A label with another number between names that number: a phone word after this
            // one still decides (`order #27613 … | mujhe 7413551221 pe call karo`).
            (Some(hit), _) if self.digit_between(hit.end, self.span.0) => self.key_after(Key::Phone),
            (Some(_), _) => false,
            (None, _) => self.key_after(Key::Phone),
        }
    }

    /// Whether a phone word decides (see [`ContextProbe::phone`]) and stands right before the
    /// chunk, no word and no digit between (`phone #2484418591`).
    pub(crate) fn phone_word_adjacent(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) if hit.key == Key::Phone && !self.modified_by_label(hit) => {
                self.gap_words(hit.end, self.span.0).words == 0 && !self.digit_between(hit.end, self.span.0)
            }
            _ => false,
        }
    }

    /// Whether a phone word decides (see [`ContextProbe::phone`]) and stands close before
    /// the chunk, at most three words and no digit between: `call me on 71 127 287`,
    /// `позвоните мне по номеру 21 333 183` (eight-digit plans group their numbers as
    /// amounts are grouped), `tel 333.74068`.
    pub(crate) fn phone_word_close(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) if hit.key == Key::Phone && !self.modified_by_label(hit) => {
                self.gap_words(hit.end, self.span.0).words <= 3 && !self.digit_between(hit.end, self.span.0)
            }
            _ => false,
        }
    }

    /// The number word that alone names the chunk, if one does: the nearest key word before
    /// it is a number word (`numer`, `číslo`, `número`, `नंबर`), not the end of a compound
    /// (`Vorgangsnummer`), with only verbs, articles and "to" between (`troquei o número para
    /// …`; any other word says whose number it is: `número de socio …`), and no label, code
    /// or value word before it in its phrase, no digit between them (`order number …`). The
    /// caller decides whether that word, in the languages that write it, makes the chunk a
    /// mobile number (abbreviations such as `no.`, `nr` and `№` do not).
    pub(crate) fn number_word_alone(&mut self) -> Option<NumberWord<'a>> {
        let (deciding, number_word) = self.nearest_before();
        if !number_word {
            return None;
        }
        let start = self.span.0;
        let word =
            self.hits_before().iter().rev().find(|h| h.end <= start && h.key == Key::Number).copied()?;
        let hay = self.hay;
        let text = std::str::from_utf8(&hay[word.start..word.matched_end]).ok()?;
        if char_before(hay, word.start).is_some_and(|(c, _)| is_letter(c))
            || deciding.is_some_and(|hit| !self.digit_between(hit.end, word.start))
            || self.digit_between(word.end, start)
        {
            return None;
        }
        let mut gap_words = 0;
        let only_links = words_of(std::str::from_utf8(&hay[word.end..start]).ok()?).all(|part| {
            gap_words += 1;
            gap_words <= 3 && (is_link_word(part.as_bytes()) || is_to_word(part.as_bytes()))
        });
        // The word right before it, when only spaces come between.
        let head = std::str::from_utf8(&hay[back_chars(hay, word.start, 32)..word.start]).ok()?;
        let trimmed = head.trim_end();
        let before = (trimmed.len() < head.len() && trimmed.ends_with(is_word_char))
            .then(|| words_of(trimmed).next_back())
            .flatten();
        only_links.then_some(NumberWord { text, before })
    }

    /// Whether the phone word `hit` only qualifies a label right before it: `facture
    /// téléphone n° …`, `замовлення телефону №…`, `fatura do telemóvel …` (a phone bill,
    /// a phone order), `sipariş numaram …` (my order number). At most one short word may
    /// come between, and the phrase must say so: a preposition between (`do`), the label's
    /// number word between (`my order number handy: …`), a number sign right after the
    /// phone word (`n°`, `№`: English writes neither), a phone word in the genitive
    /// (`заказ телефона`), or a phone word that is itself "my number" (`numaram`).
    /// Otherwise the phone word is a verb or the head of the phrase (`order call 0612…`,
    /// `order phone 0612…`): a phone.
    fn modified_by_label(&mut self, hit: Hit) -> bool {
        let Some(label) =
            self.hits_before().iter().rev().find(|h| h.end <= hit.start && h.key != Key::Number).copied()
        else {
            return false;
        };
        // (A label with a number between names that number: `cvv 911 номер телефону 0504…`.)
        if !matches!(label.key, Key::Label | Key::Code | Key::Card)
            || self.digit_between(label.end, hit.start)
        {
            return false;
        }
        let gap = self.gap_words(label.end, hit.start);
        if gap.words > 1 || gap.longest > 3 {
            return false;
        }
        let hay = self.hay;
        let number_word_between = self
            .hits_before()
            .iter()
            .any(|h| h.key == Key::Number && h.start >= label.end && h.end <= hit.start);
        let number_sign_after = self.hits_before().iter().any(|h| {
            h.key == Key::Number
                && h.start >= hit.end
                && h.start - hit.end <= 2
                && hay[hit.end..h.start].iter().all(|&b| b == b' ')
                && is_number_sign(&hay[h.start..h.end])
        });
        let preposition_between =
            gap.words == 1 && self.joined_by(label.end, hit.start, &[PREPOSITIONS, CONTRACTED_OF]);
        let word = &hay[hit.start..hit.end];
        // A phone's own identifier, the phone word right after it or after "of", before a
        // number as long as one (14 digits or more): `IMEI telefon 0132…`, `IMEI hp …`,
        // `IMEI ya simu 35-…`, `IMEI של הטלפון …` (not `IMEI and phone …`, nor `IMEI phone
        // 0612345678`).
        let (start, end) = self.span;
        let device_label = is_device_id(&hay[label.start..label.end])
            && hay[start..end].iter().filter(|b| b.is_ascii_digit()).count() >= 14
            && (hay[label.end..hit.start].iter().all(|&b| b == b' ')
                || self.joined_by(label.end, hit.start, &[PREPOSITIONS, CONTRACTED_OF, DEVICE_OF]));
        device_label
            || preposition_between
            || number_word_between
            || number_sign_after
            || word.get(..7).is_some_and(|word| word.eq_ignore_ascii_case(b"numaram"))
            || is_genitive_phone_word(word)
    }

    /// Whether an SSN word makes a bare nine-digit chunk an SSN.
    pub(crate) fn ssn(&mut self) -> bool {
        self.ssn_word().is_some()
    }

    /// The SSN word that makes [`ContextProbe::ssn`] answer yes, as the text writes it (`my
    /// CPF is …` → `CPF`), so that a number's own name can say which number it is.
    pub(crate) fn ssn_word(&mut self) -> Option<&'a [u8]> {
        let hit = match self.nearest_before() {
            (Some(hit), _) => hit,
            (None, _) if self.key_after(Key::Ssn) => {
                let end = self.span.1;
                self.hits().iter().find(|h| h.start >= end && h.key != Key::Number).copied()?
            }
            (None, _) => return None,
        };
        (hit.key == Key::Ssn).then(|| &self.hay[hit.start..hit.end])
    }

    /// Whether the nearest deciding key word before the chunk is a label or a code word
    /// (`order #76059294`), so that neither [`ContextProbe::phone`] nor
    /// [`ContextProbe::ssn`] can answer yes (with a number between, only when no phone word
    /// follows: see [`ContextProbe::phone`]).
    pub(crate) fn other_key_decides(&mut self) -> bool {
        match self.nearest_before().0 {
            Some(hit) if matches!(hit.key, Key::Label | Key::Code | Key::Card) => {
                !self.digit_between(hit.end, self.span.0) || !self.key_after(Key::Phone)
            }
            _ => false,
        }
    }

    /// Whether a label word right in front says the chunk is an identifier or a quantity,
    /// not a phone or SSN.
    pub(crate) fn labelled(&mut self) -> bool {
        matches!(self.adjacent_before(), Some(Key::Label | Key::Code))
    }

    /// Whether a phone word right after the chunk says it is a phone number, so that a label
    /// in front does not make a number shaped like a phone an identifier (`about my order (201) 555-0123, call me`,
    /// `ご注文の件で 090-1234-5678 までお電話ください`): the phone word decides (see
    /// [`ContextProbe::phone`]'s second half), at most three words come between and no
    /// field separator (`|`, `;`, `/`), and no digit follows it in its clause (`suivi:
    /// 0975087378 | mon numéro de téléphone est le 09 94 81 82 56`: that word names the
    /// other number).
    fn phone_word_after(&mut self) -> bool {
        if !self.key_after(Key::Phone) {
            return false;
        }
        let end = self.span.1;
        let Some(hit) = self.hits().iter().find(|h| h.start >= end && h.key != Key::Number).copied() else {
            return false;
        };
        let hay = self.hay;
        if self.gap_words(end, hit.start).words > 3
            || hay[end..hit.start].iter().any(|&b| matches!(b, b'|' | b';' | b'/'))
        {
            return false;
        }
        // The clause ends at a field break, or at the end of a JSON string (`…전화 주세요",
        // "customer": …`, a record masked as text). A masked value in it is a number too, so
        // that masking the text again decides as the first time did.
        let clause = &hay[hit.end..hay.len().min(hit.end + 64)];
        let json_string_end =
            |at: usize| clause[at] == b'"' && matches!(clause.get(at + 1), Some(b',' | b'}' | b']' | b':'));
        let len = (0..clause.len())
            .find(|&at| matches!(clause[at], b'|' | b';' | b'\n' | b'\r') || json_string_end(at))
            .unwrap_or(clause.len());
        !String::from_utf8_lossy(&clause[..len])
            .chars()
            .any(|c| c.is_ascii_digit() || self.mask_chars.contains(&c))
    }

    /// Whether a label right in front says a number shaped like a phone is an identifier:
    /// [`ContextProbe::labelled`], unless [`ContextProbe::phone_word_after`].
    pub(crate) fn labelled_in_front(&mut self) -> bool {
        self.labelled() && !self.phone_word_after()
    }

    /// Whether a label says the chunk is an identifier, on either side: right in front
    /// ([`ContextProbe::labelled_in_front`]), or right after it with only link words between
    /// (`0424994928 is my order number`, `… c'est le n° de suivi`, `…が注文番号です`) when
    /// no phone or SSN word stands anywhere in the window (`07911 123456 is the order
    /// phone` stays a phone number). For phone readings, whose labels people also write
    /// after the number.
    pub(crate) fn labelled_either_side(&mut self) -> bool {
        self.labelled_in_front() || self.labelled_after()
    }

    /// Whether a label after the chunk says it is an identifier (the second half of
    /// [`ContextProbe::labelled_either_side`]); alone, for a number the label in front of the
    /// chunk does not name.
    pub(crate) fn labelled_after(&mut self) -> bool {
        let end = self.span.1;
        // Most numbers are followed by punctuation or another word, or come after a phone
        // word: decided without searching the window after them. A phone word with another
        // number between names that number (`iletişim (0212) 822 11 87. 28 Kasım tarihli
        // 3979928 numaralı sipariş`).
        if !self.link_word_at(end)
            || matches!(self.nearest_before().0, Some(hit)
                if matches!(hit.key, Key::Phone | Key::Ssn) && !self.digit_between(hit.end, self.span.0))
        {
            return false;
        }
        let hits = self.hits();
        let Some(label) = hits
            .iter()
            .find(|h| h.start >= end && !matches!(h.key, Key::Number | Key::Phone | Key::Ssn))
            .copied()
        else {
            return false;
        };
        if !matches!(label.key, Key::Label | Key::Code) {
            return false;
        }
        // Every phone or SSN word in the window must be the start of the label's phrase
        // (`… è il mio numero d'ordine`).
        let phone_words: smallvec::SmallVec<[Hit; 4]> =
            hits.iter().filter(|h| matches!(h.key, Key::Phone | Key::Ssn)).copied().collect();
        // (A "my number" phrase, or another phone word with a preposition between: `… hotline
        // commandes` is a phone line, `… это мой номер заказа` an order number.)
        // Phone words before it with a number between, or after a break that ends the
        // label's phrase, belong to other numbers.
        phone_words.iter().all(|word| {
            (word.end <= self.span.0 && self.digit_between(word.end, self.span.0))
                || (word.start >= label.end && self.break_between(label.end, word.start))
                || word.start >= end
                    && word.end <= label.start
                    && self.joins_label(word.end, label.start)
                    && (ends_with_number_word(&self.hay[word.start..word.end])
                        || self.hay[word.end..label.start].iter().any(u8::is_ascii_alphabetic))
        }) && self.links_only(end, label.start)
            && (self.numbered_label(end, label.end) || self.ends_phrase(label.end))
    }

    /// Whether the word after the number (ending at `end`) is Turkish "numbered" and the
    /// label after it (ending at `label_end`) names no phone line: `3979928 numaralı sipariş
    /// hiç gelmedi` is an order number, whatever the sentence goes on with, but `0850 123 45
    /// 67 numaralı sipariş hattı` the order line's.
    fn numbered_label(&self, end: usize, label_end: usize) -> bool {
        let word_at = |at: usize| {
            let at = if self.hay.get(at) == Some(&b' ') { at + 1 } else { at }.min(self.hay.len());
            &self.hay[at..letters_end(self.hay, at).max(at)]
        };
        matches!(std::str::from_utf8(word_at(end)), Ok("numaralı" | "Numaralı" | "nolu" | "Nolu" | "NOLU"))
            && !word_at(label_end).starts_with(b"hatt")
    }

    /// Whether sentence punctuation stands between `from` and `to`.
    fn break_between(&self, from: usize, to: usize) -> bool {
        self.hay.get(from..to).is_some_and(|between| {
            between.iter().any(|b| matches!(b, b',' | b';' | b'.' | b'!' | b'?' | b'|'))
                || std::str::from_utf8(between).is_ok_and(|text| text.contains(['—', '–']))
        })
    }

    /// Whether an ASCII digit stands between `from` and `to`.
    fn digit_between(&self, from: usize, to: usize) -> bool {
        self.hay.get(from..to).is_some_and(|between| between.iter().any(u8::is_ascii_digit))
    }

    /// Whether the label ending at `at` ends its phrase: after it only more labels (`… is
    /// the order ID`, `… c'est la référence de la commande`), number words, link words,
    /// `client` and Japanese copulas (`です`), then no other word: `… is the order line`
    /// names a phone line, `…注文受付ダイヤル` too.
    fn ends_phrase(&self, at: usize) -> bool {
        const AFTER: &[&str] = &[
            "です",
            "だ",
            "입니다",
            "예요",
            "이에요",
            "였어요",
            "của",
            "tôi",
            "saya",
            "client",
            "cliente",
            "klienta",
            "mele",
        ];
        let mut at = at;
        loop {
            if let Some(hit) = self
                .cursor
                .hits()
                .iter()
                .find(|h| matches!(h.key, Key::Number | Key::Label | Key::Code) && h.start == at)
            {
                at = hit.end;
                continue;
            }
            let Some((c, len)) = char_at(self.hay, at) else { return true };
            if c == ' ' || c == '\'' {
                at += len;
                continue;
            }
            if !c.is_alphabetic() {
                return true;
            }
            let rest = &self.hay[at..];
            let fits = |word: &[u8]| {
                rest.starts_with(word)
                    && !char_at(rest, word.len()).is_some_and(|(c, _)| is_boundary_letter(c))
            };
            if let Some(word) = AFTER.iter().find(|word| fits(word.as_bytes())) {
                at += word.len();
                continue;
            }
            let word_end = letters_end(self.hay, at);
            if word_end == at || !is_trailing_link_word(&self.hay[at..word_end]) {
                return false;
            }
            at = word_end;
        }
    }

    /// Whether a link word ([`is_trailing_link_word`], or a [link particle](is_link_particle))
    /// starts at `at`, after at most one space.
    fn link_word_at(&self, at: usize) -> bool {
        let at = if self.hay.get(at) == Some(&b' ') { at + 1 } else { at };
        match char_at(self.hay, at) {
            Some((c, _)) if is_link_particle(c) => true,
            _ => {
                let end = letters_end(self.hay, at);
                end > at && is_trailing_link_word(&self.hay[at..end])
            }
        }
    }

    /// Whether the text from `from` to `to` holds one to four words, each a link word
    /// ([`is_trailing_link_word`]), and between them only spaces, apostrophes (`c'est`) and
    /// key words other than labels (`n°`): no sentence punctuation, no digit.
    fn links_only(&self, from: usize, to: usize) -> bool {
        let (mut links, mut word_start, mut at) = (0, None::<usize>, from);
        // Ends the word being read, if any: `false` when it is no link word.
        let end_word = |word_start: &mut Option<usize>, at: usize, links: &mut usize| {
            let Some(start) = word_start.take() else { return true };
            *links += 1;
            is_trailing_link_word(&self.hay[start..at])
        };
        while at < to {
            // (A phone word here was checked to join the label: see `labelled_after`.)
            if let Some(number) = self.cursor.hits().iter().find(|h| {
                matches!(h.key, Key::Number | Key::Phone | Key::Ssn) && h.start == at && h.end <= to
            }) {
                if !end_word(&mut word_start, at, &mut links) {
                    return false;
                }
                at = number.end;
                continue;
            }
            let Some((c, len)) = char_at(self.hay, at) else { return false };
            if c.is_alphabetic() && is_boundary_word_char(c) {
                word_start.get_or_insert(at);
            } else {
                if !end_word(&mut word_start, at, &mut links) {
                    return false;
                }
                match c {
                    ' ' | '\u{A0}' | '\'' | '\u{2019}' => {}
                    // The copulas and particles of scripts written without spaces.
                    c if is_link_particle(c) => links += 1,
                    _ => return false,
                }
            }
            at += len;
        }
        // (`e` right before the label is Italian "and", not a typed `è`: `0245640592 e
        // versione: …`, `… e IMEI …` name another value.)
        let gap = self.hay[from..to].trim_ascii_end();
        let and_before_label = matches!(gap, [.., b' ', b'e' | b'E']) || matches!(gap, [b'e' | b'E']);
        end_word(&mut word_start, at, &mut links) && (1..=4).contains(&links) && !and_before_label
    }

    /// Whether a card word stands right in front of the chunk, no digit between (`tarjeta
    /// 4289 9978 05760`, `mi tarjeta es 4289…`): the number is a card or nothing.
    pub(crate) fn card_word_in_front(&mut self) -> bool {
        self.adjacent_before() == Some(Key::Card)
            && self.nearest_before().0.is_some_and(|hit| !self.digit_between(hit.end, self.span.0))
    }

    /// Whether a product or parcel code word right in front says the chunk is not a card.
    pub(crate) fn product_code(&mut self) -> bool {
        self.adjacent_before() == Some(Key::Code)
    }
}

/// Whether `gap` closes a bracket: `)`, `]`, or a full-width `）` or `】`.
fn closes_bracket(gap: &[u8]) -> bool {
    gap.iter().any(|&b| matches!(b, b')' | b']'))
        || gap.windows(3).any(|w| w == "）".as_bytes() || w == "】".as_bytes())
}

/// The words between a key word and a number (see `ContextProbe::gap_words`).
#[derive(Clone, Copy, Debug)]
struct Gap {
    /// How many words, number words not counted.
    words: usize,
    /// How long the longest is, in characters.
    longest: usize,
    /// How many of them are link words ([`is_link_word`]), counted while all of them are
    /// (and at most two).
    links: usize,
}

impl Gap {
    /// Ends the word being read (`current` characters so far, `word` its bytes), if any.
    #[inline]
    fn end_word(&mut self, word: &[u8], current: &mut usize) {
        if *current > 0 {
            // Only a gap of link words alone, at most two, links a label to its number: once
            // another word is read, the links no longer matter.
            if self.words <= 2 && self.links + 1 == self.words {
                self.links += usize::from(is_link_word(word));
            }
            *current = 0;
        }
    }
}

/// The country prefixes of European VAT numbers (see [`is_link_word`]).
const VAT_PREFIXES: [&[u8]; 28] = [
    b"AT", b"BE", b"BG", b"CY", b"CZ", b"DE", b"DK", b"EE", b"EL", b"ES", b"FI", b"FR", b"GB", b"HR", b"HU",
    b"IE", b"IT", b"LT", b"LU", b"LV", b"MT", b"NL", b"PL", b"PT", b"RO", b"SE", b"SI", b"SK",
];

/// Whether `word` is a verb or an article that links a label to its number (`order number
/// is …`, `Bestellnr. lautet …`, `número de cliente es el …`), in any case. Not the Polish
/// `to` nor the Finnish `on`: in English they link a label to a phone number (`send the
/// invoice to 0612…`, `the account on 07911…`). Also the country prefix of a European VAT
/// number, in capitals only (`USt-IdNr. DE 566 849 317`).
fn is_link_word(word: &[u8]) -> bool {
    if VAT_PREFIXES.contains(&word) {
        return true;
    }
    let mut lower = [0u8; 10];
    let Some(lower) = ascii_lowercase(word, &mut lower) else { return false };
    // (A `match` on the bytes: a few comparisons where a list would take one per word.)
    matches!(
        lower,
        b"is"
            | b"was"
            | b"the"
            | b"c"
            | b"ko"
            | b"ist"
            | b"lautet"
            | b"war"
            | b"est"
            | b"es"
            | b"era"
            | b"el"
            | b"le"
            | b"la"
            | b"il"
            | b"jest"
            | b"je"
            | b"este"
            | b"er"
    ) || matches!(
        std::str::from_utf8(lower),
        Ok("était" | "é" | "É" | "è" | "È" | "är" | "şu" | "Şu" | "είναι" | "это" | "là")
    )
}

/// A number word that alone names a number (see [`ContextProbe::number_word_alone`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumberWord<'a> {
    /// The number word as written (`Número`, `номер` of `номером`).
    pub(crate) text: &'a str,
    /// The word right before it, only spaces between (`my`, `the`, `loyalty`).
    pub(crate) before: Option<&'a str>,
}

/// The words of `text`: runs of letters (with their marks) and digits.
fn words_of(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|part| !part.is_empty())
}

/// Whether `word` says where a number goes (`troquei o número para …`, `zmieniłem numer na
/// …`, `change the number to …`) or that it is new (`mi número nuevo …`), in any case: it
/// may stand between a number word and the number it names alone (see
/// `ContextProbe::number_word_alone`).
fn is_to_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    let Some(lower) = ascii_lowercase(word, &mut lower) else { return false };
    matches!(
        lower,
        b"to" | b"para" | b"pra" | b"na" | b"auf" | b"op" | b"sur" | b"per" | b"a" | b"al" | b"au"
    ) || matches!(lower, b"nuevo" | b"novo" | b"nuovo" | b"ke")
        || matches!(std::str::from_utf8(lower), Ok("на" | "à" | "À" | "pe" | "है" | "पर"))
}

/// The most characters between a number word and the label that places it (see
/// `ContextProbe::number_word_placed_by`).
const PLACING_PHRASE: usize = 48;

/// Whether `word` places a number at a thing rather than naming the thing's number (see
/// `ContextProbe::number_word_placed_by`), in any case: the prepositions `on`, `in`, `at`,
/// `im`, `auf`, `sur`, `dans`, `en`, `på`, `op`, `na`, `в`, … and the participles `linked`,
/// `associated`, `registered`, `verknüpft`, `asociado`, `associé`, `kopplat`, … Not the
/// genitive prepositions (`of`, `de`, `do`, `di`, `du`), nor those that also say what a
/// number is for (`for`, `to`, `к`, `у`: `номер у заказа` is the order's).
fn is_placing_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        // English
        "on",
        "in",
        "at",
        "under",
        "against",
        "linked",
        "associated",
        "attached",
        "tied",
        "connected",
        "registered",
        "saved",
        "stored",
        "listed",
        // German
        "im",
        "auf",
        "am",
        "beim",
        "bei",
        "verknüpft",
        "hinterlegt",
        "verbunden",
        "gespeichert",
        // French
        "sur",
        "dans",
        "associé",
        "associée",
        "lié",
        "liée",
        "enregistré",
        "enregistrée",
        "rattaché",
        "rattachée",
        // Spanish, Portuguese, Italian
        "en",
        "asociado",
        "asociada",
        "vinculado",
        "vinculada",
        "registrado",
        "registrada",
        "ligado",
        "ligada",
        "associado",
        "associada",
        "cadastrado",
        "cadastrada",
        "no",
        "na",
        "em",
        "sul",
        "sulla",
        "nel",
        "nella",
        "associato",
        "associata",
        "collegato",
        "collegata",
        "registrato",
        "registrata",
        // Dutch, Swedish, Danish, Norwegian
        "op",
        "bij",
        "gekoppeld",
        "på",
        "i",
        "kopplat",
        "kopplad",
        "knyttet",
        "tilknyttet",
        "registreret",
        "registrert",
        "registrerat",
        // Polish, Ukrainian, Russian
        "w",
        "przypisany",
        "powiązany",
        "в",
        "на",
        "привязанный",
        "привязан",
        "привʼязаний",
        "прив'язаний",
        "указанный",
        "вказаний",
        // Tagalog, Arabic
        "sa",
        "في",
        "المسجل",
        "المرتبط",
    ];
    listed_in(WORDS, word)
}

/// Whether `word` may join a placing word to its thing (see
/// `ContextProbe::number_word_placed_by`): `linked to`, `associé à`, `asociado a`,
/// `kopplat till`, `gekoppeld aan`, `привязанный к`, … , and the words of a record's phrase
/// (`the number on file for my account`, `the number we have on your account`, `el número
/// que tengo en mi cuenta`), in any case.
fn is_placing_join_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "to", "with", "file", "for", "we", "you", "have", "has", "had", "mit", "zum", "dem", "den", "meinem",
        "meinen", "ihrem", "unserem", "à", "au", "a", "al", "ao", "con", "que", "tengo", "tiene", "tenemos",
        "tenho", "ho", "till", "aan", "do", "до", "к",
    ];
    listed_in(WORDS, word)
}

/// Whether `word` is one of `words`, in any case.
fn listed_in(words: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        return words.iter().any(|w| w.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    words.contains(&lower.as_str())
}

/// Whether `c` is a copula or particle of a script written without spaces that links a
/// number to a label after it (`是`, `が`, `は`, Korean `는`, `은`, `이`, `가`).
fn is_link_particle(c: char) -> bool {
    matches!(c, '是' | '为' | '為' | 'が' | 'は' | '는' | '은' | '이' | '가')
}

/// Where the letters of a script written with spaces that start at `at` end (`at` itself
/// when none does).
fn letters_end(hay: &[u8], at: usize) -> usize {
    let mut end = at;
    while let Some((_, len)) =
        char_at(hay, end).filter(|&(c, _)| c.is_alphabetic() && is_boundary_word_char(c))
    {
        end += len;
    }
    end
}

/// Whether `word` may stand between a number and a label written after it (`… is my order
/// number`, `… ist die Sendungsnummer`, `… es el número de seguimiento`, `… c'est le n° de
/// suivi`, `… to numer zamówienia`), in any case: the link words before a number, and the
/// possessives, articles and prepositions of a label's phrase.
fn is_trailing_link_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    let Some(lower) = ascii_lowercase(word, &mut lower) else { return false };
    is_link_word(word)
        || matches!(
            lower,
            b"my"
                | b"our"
                | b"your"
                | b"a"
                | b"an"
                | b"ce"
                | b"mon"
                | b"ma"
                | b"notre"
                | b"votre"
                | b"du"
                | b"mi"
                | b"su"
                | b"tu"
                | b"nuestro"
                | b"nuestra"
                | b"del"
                | b"meine"
                | b"mein"
                | b"meiner"
                | b"unsere"
                | b"unser"
                | b"die"
                | b"der"
                | b"das"
                | b"mijn"
                | b"onze"
                | b"de"
                | b"het"
                | b"o"
                | b"d"
                | b"meu"
                | b"minha"
                | b"nosso"
                | b"nossa"
                | b"do"
                | b"da"
                | b"di"
                | b"mio"
                | b"mia"
                | b"lo"
                | b"to"
                | b"moja"
                | b"moje"
                | b"nasz"
                | b"ez"
                | b"az"
                | b"min"
                | b"mitt"
                | b"mit"
                | b"benim"
                | b"on"
                | b"oli"
                | b"e"
                | b"fost"
                | b"volt"
                | b"adalah"
                | b"itu"
                | b"var"
                | b"mera"
                // Turkish "numbered" (`3979928 nolu sipariş`: order number 3979928).
                | b"nolu"
        )
        || matches!(
            std::str::from_utf8(lower),
            Ok("mój"
                | "мой"
                | "мій"
                | "моя"
                | "мое"
                | "моё"
                | "наш"
                | "це"
                | "був"
                | "была"
                | "был"
                | "là"
                | "היה"
                | "הוא"
                | "זה"
                | "هو"
                | "كان"
                | "numaralı"
                | "Numaralı")
        )
}

/// Whether a phone word ends with a word for number (`мой номер`, `mój numer`, `mi número`):
/// a "my number" phrase, which a label after it turns into that label's number.
fn ends_with_number_word(phrase: &[u8]) -> bool {
    const NUMBER_WORDS: &[&str] =
        &["number", "numer", "número", "numero", "numéro", "nummer", "номер", "číslo", "nomor"];
    NUMBER_WORDS.iter().any(|number| {
        phrase.len() >= number.len()
            && phrase[phrase.len() - number.len()..].eq_ignore_ascii_case(number.as_bytes())
    })
}

/// Prepositions that make one phrase of a label and a phone word ("of": `numero d'ordine`).
const PREPOSITIONS: &[&[u8]] = &[b"de", b"d", b"di", b"da", b"del", b"du", b"des", b"of"];

/// Contracted "of the" after a label, before the phone word that qualifies it (`fatura do
/// telemóvel`). Not in [`PREPOSITIONS`]: Polish `do` ("for") after a phone word starts a
/// phrase of its own (`mój numer do zamówienia`: my number, for the order).
const CONTRACTED_OF: &[&[u8]] = &[b"della", b"do", b"dos", b"das"];

/// "Of" between a phone's identifier and the phone word, in the languages whose word for it
/// is not in [`PREPOSITIONS`]: Swahili, Hebrew, Vietnamese, Indonesian and Malay.
const DEVICE_OF: &[&[u8]] = &["ya".as_bytes(), "של".as_bytes(), "của".as_bytes(), "dari".as_bytes()];

/// Whether a label names a phone's own identifier (IMEI, IMEISV, MEID, ICCID), which a
/// phone word after it only qualifies.
fn is_device_id(label: &[u8]) -> bool {
    ["imei", "imeisv", "meid", "iccid"].iter().any(|id| label.eq_ignore_ascii_case(id.as_bytes()))
}

/// Whether a number word is a sign that English does not use: `n°`, `nº`, `№`, `nr`, `n.`.
fn is_number_sign(word: &[u8]) -> bool {
    let word = word.strip_suffix(b".").unwrap_or(word);
    ["n°", "nº", "№", "nr", "n"].iter().any(|sign| word.eq_ignore_ascii_case(sign.as_bytes()))
}

/// Whether a phone word is in the genitive (`телефона`, `телефону`, `telefonu`): after a
/// label it names what the label is of (`заказ телефона …`, an order for a phone).
fn is_genitive_phone_word(word: &[u8]) -> bool {
    let Ok(word) = std::str::from_utf8(word) else { return false };
    let word = word.to_lowercase();
    ["телефона", "телефону", "мобильного", "мобільного", "telefonu", "komórki"].contains(&word.as_str())
}

/// `word` with its ASCII letters in lower case, in `buffer`; `None` when longer than it.
fn ascii_lowercase<'b>(word: &[u8], buffer: &'b mut [u8; 10]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..word.len())?;
    for (low, &b) in lower.iter_mut().zip(word) {
        *low = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// The last key word in `hits` (in text order) that is not a number word, and whether a
/// number word comes after it.
fn last_deciding<'h>(hits: impl DoubleEndedIterator<Item = &'h Hit>) -> (Option<Hit>, bool) {
    let mut number_word = false;
    for hit in hits.rev() {
        if hit.key == Key::Number {
            number_word = true;
        } else {
            return (Some(*hit), number_word);
        }
    }
    (None, number_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn probe<T>(text: &str, number: &str, f: impl FnOnce(&mut ContextProbe<'_>) -> T) -> T {
        let words = KeyWords::shared();
        let start = text.find(number).unwrap();
        let mut cursor = KeyCursor::default();
        let mut probe = ContextProbe::new(text.as_bytes(), words, &mut cursor, (start, start + number.len()));
        f(&mut probe)
    }

    fn phone(text: &str, number: &str) -> bool {
        probe(text, number, |p| p.phone())
    }

    #[test]
    fn phone_words_match_case_insensitively_with_boundaries() {
        assert!(phone("Mon TÉLÉPHONE: 0612345678", "0612345678"));
        assert!(phone("Telefonnummer 030123456", "030123456"));
        assert!(phone("мій Телефон 0501234567", "0501234567"));
        assert!(phone("tel.12345678", "12345678"));
        assert!(phone("我的电话13812345678谢谢", "13812345678"));
        assert!(!phone("hotel 12345678", "12345678"), "tel inside a word");
        assert!(!phone("tell me 12345678", "12345678"), "tel is a whole word");
        assert!(!phone("phone\n12345678", "12345678"), "other line");
        assert!(!phone("[PHONE] 12345678", "12345678"), "a label is no context");
        assert!(!phone("phone.support@x.com 12345678", "12345678"), "a word in an email is no context");
        let far = format!("phone {} 12345678", "x".repeat(70));
        assert!(!phone(&far, "12345678"), "too far");
        let near = format!("phone {} 12345678", "x".repeat(50));
        assert!(phone(&near, "12345678"), "within 64 characters");
        assert_eq!(back_chars("aé\nbçd".as_bytes(), 7, 64), 4, "stops at the line start");
        assert_eq!(forward_chars("aébc".as_bytes(), 0, 2), 3, "counts characters, not bytes");
    }
    #[test]
    fn a_key_word_cut_short_leaves_its_prefix_word() {
        assert!(phone("ring tilbake på 47770643", "47770643"), "a longer key word cut short leaves 'ring'");
    }

    #[test]
    fn the_nearest_key_word_decides() {
        assert!(!phone("my phone order 4509876123", "4509876123"));
        assert!(!phone("Mobilfunkvertrag, Kundennummer 1234567890", "1234567890"));
        assert!(!phone("Telefonrechnung Nr. 1234567890", "1234567890"), "a compound part");
        assert!(!phone("the phone I bought, order number 100234567", "100234567"));
        assert!(phone("my phone number is 612345678", "612345678"));
        assert!(phone("mi número es 612345678", "612345678"), "my number");
        assert!(!phone("The number 536221847 is on the form", "536221847"), "a number word alone");
        assert!(phone("612345678 is my phone", "612345678"), "after the number");
        assert!(phone("mujhe 7413551221 pe call karo | mere details", "7413551221"), "a bar ends a sentence");
        assert!(phone("7413551221 pe call karo — a@b.com", "7413551221"), "an email introduces no number");
        assert!(!phone("7413551221 pe call karo, 0612345678", "7413551221"), "the word introduces the next");
        assert!(!phone("7413551221 pe call karo ******5678", "7413551221"), "or a masked one");
        assert!(phone("7413551221 pe call karo | 0612345678", "7413551221"), "unless a break comes first");
        assert!(!phone("4463366770; тел. 89574985617", "4463366770"), "an abbreviation's dot is no break");
        assert!(phone("612345678 is my phone. 0698765432", "612345678"), "a sentence's dot is");
        let label_named_another =
            "mera order #27613 jo 6/4 ko kiya tha | mujhe 7413551221 pe call karo | details";
        assert!(phone(label_named_another, "7413551221"), "a label that names another number");
        assert!(!phone("mera order 7413551221 pe call karo", "7413551221"), "a label right before decides");
        assert!(phone("2129206291 numarasından arayın - 05/02/2024", "2129206291"), "a spaced dash breaks");
        assert!(!phone("2129206291 numarasından arayın-05/02/2024", "2129206291"), "a joining one does not");
        // Found by the fuzz smoke: a number masked with `,` (or `_`) after the phone word
        // must read as the digits did, or re-masking would change masked text.
        for mask in [',', '_', '|'] {
            let masked = format!("01310-100, telefone ({m}{m}) {m}{m}{m}{m}{m}-{m}{m}{m}{m}", m = mask);
            let words = KeyWords::shared();
            let mut cursor = KeyCursor::default();
            let probe = ContextProbe::new(masked.as_bytes(), words, &mut cursor, (0, 9));
            assert!(!probe.masked_by([mask; 5]).phone(), "mask {mask:?}");
        }
        assert!(!phone("01310-100, telefone (11) 98765-4321", "01310-100"));
        assert!(!phone("facture téléphone n° 1234567890", "1234567890"), "a phone bill");
        assert!(!phone("fatura do telemóvel 123456789", "123456789"), "a phone bill");
        assert!(phone("for the order call 0612345678", "0612345678"), "a verb after a label");
        assert!(phone("3 items call (555) 123-4567", "(555) 123-4567"), "a verb after a label");
        assert!(phone("order phone 0612345678", "0612345678"), "the head of the phrase");
        assert!(!phone("sipariş numaram 0117715642", "0117715642"), "my order number");
        assert!(
            !phone("I have my order number handy: 4509876123", "4509876123"),
            "number words are see-through"
        );
        assert!(
            !probe("tel. de contacto 646 694 322", "646 694 322", |p| p.labelled()),
            "contacto is no conta"
        );
        assert!(
            !phone("IL 62704-1234, phone (217) 555-0123", "62704-1234"),
            "the word introduces the next number"
        );
        assert!(probe("commande n° 0123456789", "0123456789", |p| p.labelled()));
        assert!(!probe("tél n° 0612345678", "0612345678", |p| p.labelled()));
        assert!(probe("EAN 4027000001239", "4027000001239", |p| p.product_code()));
        assert!(probe("account number: 0123456789", "0123456789", |p| p.labelled()));
        assert!(!probe("call my account manager at 0612345678", "0612345678", |p| p.labelled()));
        assert!(
            !phone("call my account manager at 0612345678", "0612345678"),
            "for context, the nearest word decides"
        );
    }

    #[test]
    fn a_label_that_places_a_number_word_names_no_identifier() {
        let labelled = |text: &str, number: &str| probe(text, number, |p| p.labelled());
        for text in [
            "the number on the account is 0211633791",
            "number linked to my account is 0211633791",
            "the number on file for my account is 0211633791",
            "die Nummer im Kundenkonto ist 0211633791",
            "el número asociado a mi cuenta es 0211633791",
            "numret på kontot är 0211633791",
            "номер, привязанный к аккаунту: 0211633791",
        ] {
            assert!(!labelled(text, "0211633791"), "{text}");
        }
        for text in [
            "my account number is 0211633791",
            "the number of the order is 0211633791",
            "the number for my order is 0211633791",
            "le numéro de la commande est 0211633791",
            "order number on the account is 0211633791",
            "Kundennummer im Konto ist 0211633791",
            "nº do chamado 0211633791",
            "номер у заказа 0211633791",
        ] {
            assert!(labelled(text, "0211633791"), "{text}");
        }
    }

    #[test]
    fn ssn_words() {
        assert!(probe("SSN: 123456789", "123456789", |p| p.ssn()));
        assert!(!probe("itinerary 123456789", "123456789", |p| p.ssn()));
        assert!(!probe("my SSN is on file, account number 123456789", "123456789", |p| p.ssn()));
        // The phrase `social security` runs into an email's local part, which masking
        // erases; its first word still counts, as it will once the local part is masked.
        assert!(probe("social securitymelissa@gmail.com number 536228417", "536228417", |p| p.ssn()));
        assert!(!probe("socialsecurity@gmail.com 536228417", "536228417", |p| p.ssn()));
        // Found by the leak oracle: a key word ending right before a local part (`ss #` then
        // `abc@`) was searched for again in a loop without end.
        assert!(!probe("ss #abc@x.com 536228417", "536228417", |p| p.ssn()));
        assert!(probe("social ss #abc@x.com 536228417", "536228417", |p| p.ssn()));
    }

    proptest! {
        /// The nearest key word before each number, read from the text right before it, is
        /// what a search of its whole window gives, and so are the questions built on it,
        /// for a cursor that goes on from one chunk to the next.
        #[test]
        fn nearby_search_equals_window_search(
            words in prop::collection::vec(prop::sample::select(vec![
                "tel", "order", "Kundennummer", "x", "7", " ", "  ", ", ", "! ", ": ", "\n", "é", "SSN", "mobile",
                " tax id", "id", " customer id", " my number", "number", "n°", "#", "pedido", "ss#", "замовлення", "номер",
                "call me", "😀", "facture téléphone", "appelez-moi", "code postal", "EAN", "tracking", "ok ",
                " is my ", " c'est le ", "mi número de orden", " es ", "sipariş numaram", "が", "mio numero d'",
            ]), 0..40),
            cuts in (0usize..40, 0usize..40),
        ) {
            let (first, second) = (cuts.0.min(cuts.1).min(words.len()), cuts.0.max(cuts.1).min(words.len()));
            let text = format!(
                "{}123456789{}987654321{}",
                words[..first].concat(),
                words[first..second].concat(),
                words[second..].concat()
            );
            let hay = text.as_bytes();
            let spans = [text.find("123456789"), text.find("987654321")].map(|at| at.map(|at| (at, at + 9)));
            let keys = KeyWords::shared();
            let ask = |probe: &mut ContextProbe<'_>| {
                let before = (probe.nearest_before(), probe.labelled(), probe.phone(), probe.ssn(), probe.product_code());
                (before, probe.labelled_either_side())
            };
            // Adjacency asked first may be answered from the nearby search alone.
            let ask_adjacent_first = |probe: &mut ContextProbe<'_>| {
                let (labelled, product_code) = (probe.labelled(), probe.product_code());
                let before = (probe.nearest_before(), labelled, probe.phone(), probe.ssn(), product_code);
                (before, probe.labelled_either_side())
            };
            let (mut cursor, mut adjacent_first, mut searched) =
                (KeyCursor::default(), KeyCursor::default(), KeyCursor::default());
            for span in spans.into_iter().flatten() {
                let answers = ask(&mut ContextProbe::new(hay, keys, &mut cursor, span));
                let adjacent = ask_adjacent_first(&mut ContextProbe::new(hay, keys, &mut adjacent_first, span));
                // A cursor that has searched the whole window first answers from its own hits.
                searched.cover(keys, hay, (back_chars(hay, span.0, CONTEXT_WINDOW), span.0));
                let whole = ask(&mut ContextProbe::new(hay, keys, &mut searched, span));
                prop_assert_eq!(answers, whole, "{:?} {:?}", text, span);
                prop_assert_eq!(adjacent, whole, "adjacency first: {:?} {:?}", text, span);
            }
        }
    }
}
