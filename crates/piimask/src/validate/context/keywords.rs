//! Finding key words: one aho-corasick DFA over the `WORDS` table (`words.rs`),
//! walked by hand over short windows, and [`KeyCursor`], which searches each byte of a
//! haystack about once as the scanner's chunks move through it.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use super::Key;
use super::words::WORDS;
use crate::scan::chars::{
    char_at, char_before, is_boundary_letter, is_boundary_word_char, is_spaceless_script,
};
use crate::validate::email;

/// Byte kind: an ASCII letter or a byte of a non-ASCII character.
const LETTER: u8 = 2;
/// Byte kind: `\n` or `\r`.
const LINE_BREAK: u8 = 4;

/// A compiled set of key words.
#[derive(Debug, Clone)]
pub(crate) struct KeyWords {
    automaton: DFA,
    /// The automaton's unanchored start state.
    start: StateID,
    /// Per pattern: what it says, and its [`Shape`].
    info: Vec<(Key, Shape)>,
    /// The longest pattern, in bytes.
    longest: usize,
    /// Per byte value: [`LETTER`], [`LINE_BREAK`].
    byte_kinds: [u8; 256],
    /// Bit `a << 8 | b`: some key word holds byte `a` right before byte `b` (either case of
    /// an ASCII letter), so a match may cross the boundary between them.
    pairs: Box<[u64; 1024]>,
    /// Bit `a << 8 | b` (as in `pairs`): some phone or SSN word ends in byte `a` then byte
    /// `b`; see [`KeyWords::value_word_may_end_at`].
    value_ends: Box<[u64; 1024]>,
    /// The same for the phone and SSN stems alone (`telefon*`), which letters may follow.
    value_stem_ends: Box<[u64; 1024]>,
}

/// How a key word may stand in the text.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// Letters may follow it (a stem: `telefon*`).
    stem: bool,
    /// Letters may precede it (a compound part: `*rechnung*`).
    compound: bool,
    /// A shorter key word is a prefix of it (`ring` of `ring til`).
    has_prefix_word: bool,
}

/// One key word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) key: Key,
    /// Where the automaton's match ended (`end` goes on to the end of a stem's word).
    pub(super) matched_end: usize,
}

/// Key-word hits, held inline while they are few (a chat message holds one or two), so
/// that a message with a key word allocates nothing for them.
type Hits = smallvec::SmallVec<[Hit; 2]>;

impl KeyWords {
    /// The key words, compiled once per process and shared by every masker (they do not
    /// depend on the configuration).
    pub(crate) fn shared() -> &'static KeyWords {
        static WORDS: std::sync::LazyLock<KeyWords> = std::sync::LazyLock::new(KeyWords::new);
        &WORDS
    }

    fn new() -> KeyWords {
        let mut patterns = Vec::new();
        let mut info = Vec::new();
        for &(word, key) in WORDS {
            let (word, compound) = match word.strip_prefix('*') {
                Some(word) => (word, true),
                None => (word, false),
            };
            let (text, stem) = match word.strip_suffix('*') {
                Some(text) => (text, true),
                None => (word, false),
            };
            // ASCII letters are matched case-insensitively by the automaton; for the others
            // add the lower-case, upper-case and capitalised spellings.
            let mut spellings = vec![text.to_lowercase(), text.to_uppercase(), capitalise(text)];
            spellings.sort();
            spellings.dedup();
            for spelling in spellings {
                patterns.push(spelling);
                info.push((key, Shape { stem, compound, has_prefix_word: false }));
            }
        }
        // A DFA walked by `next_match` below: the searches are short (a few words before a
        // number), so the per-search set-up of `AhoCorasick::find_iter` cost more than the
        // walk itself. No prefilter: start states are then never special.
        let automaton = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&patterns)
            .unwrap_or_else(|err| unreachable!("key word patterns are valid: {err}"));
        let start = automaton
            .start_state(Anchored::No)
            .unwrap_or_else(|err| unreachable!("the DFA has an unanchored start state: {err}"));
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        for ((_, shape), has_prefix) in info.iter_mut().zip(has_prefix_word(&patterns)) {
            shape.has_prefix_word = has_prefix;
        }
        let mut byte_kinds = [0u8; 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut value_ends = Box::new([0u64; 1024]);
        let mut value_stem_ends = Box::new([0u64; 1024]);
        for (pattern, &(key, shape)) in patterns.iter().zip(&info) {
            for pair in pattern.as_bytes().windows(2) {
                set_pair(&mut pairs, pair[0], pair[1]);
            }
            // (Every phone and SSN word is two bytes long or more: `ph`, `wa`, `☎`.)
            if matches!(key, Key::Phone | Key::Ssn)
                && let Some(&[a, b]) = pattern.as_bytes().last_chunk::<2>()
            {
                set_pair(&mut value_ends, a, b);
                if shape.stem {
                    set_pair(&mut value_stem_ends, a, b);
                }
            }
        }
        for (b, kinds) in (0..=u8::MAX).zip(&mut byte_kinds) {
            if b.is_ascii_alphabetic() || b >= 0x80 {
                *kinds |= LETTER;
            }
            if matches!(b, b'\n' | b'\r') {
                *kinds |= LINE_BREAK;
            }
        }
        KeyWords { automaton, start, info, longest, byte_kinds, pairs, value_ends, value_stem_ends }
    }

    /// Whether a key word holds byte `a` right before byte `b`.
    #[inline]
    fn pair_in_patterns(&self, a: u8, b: u8) -> bool {
        has_pair(&self.pairs, a, b)
    }

    /// The last boundary after `floor` and before `to`, on the line of `to`, that no key
    /// word crosses and that has a letter (or a non-ASCII character) between it and `to`;
    /// `None` if there is none.
    pub(super) fn boundary_before(&self, hay: &[u8], floor: usize, to: usize) -> Option<usize> {
        // A table lookup per byte and one per pair of bytes (`may_cross`); `floor + 1 <= at
        // < to` keeps both bytes of the pair in the haystack.
        let kinds = &self.byte_kinds;
        let mut at = to;
        let mut letters = false;
        while at > floor + 1 {
            at -= 1;
            let here = kinds[usize::from(hay[at])];
            if here & LINE_BREAK != 0 {
                return None;
            }
            letters |= here & LETTER != 0;
            if letters && !self.pair_in_patterns(hay[at - 1], hay[at]) {
                return Some(at);
            }
        }
        None
    }

    /// Whether a key word may cross the boundary before `at`: some key word holds the two
    /// bytes around it, one right after the other (`l m` in `call me`, but not `l p`). A
    /// search may start at a boundary no key word crosses and find exactly what a search
    /// from further back finds after it: a match found from further back that ends after
    /// the boundary starts at or after it.
    #[inline]
    fn may_cross(&self, hay: &[u8], at: usize) -> bool {
        at > 0 && at < hay.len() && self.pair_in_patterns(hay[at - 1], hay[at])
    }

    /// The leftmost-longest key word in `hay[from..to]`: its start, end and pattern index.
    /// (The search loop of `AhoCorasick::find`, without its set-up: walk the DFA until it
    /// dies, remembering the last match state passed.)
    #[inline]
    fn next_match(&self, hay: &[u8], from: usize, to: usize) -> Option<(usize, usize, usize)> {
        let dfa = &self.automaton;
        let mut state = self.start;
        let mut found = None;
        for (at, &b) in hay.get(from..to)?.iter().enumerate() {
            state = dfa.next_state(Anchored::No, state, b);
            if dfa.is_special(state) {
                if dfa.is_dead(state) {
                    break;
                }
                if dfa.is_match(state) {
                    let pattern = dfa.match_pattern(state, 0);
                    let end = from + at + 1;
                    found = Some((end - dfa.pattern_len(pattern), end, pattern.as_usize()));
                }
            }
        }
        found
    }

    /// Whether `hay` holds a phone, number or SSN key word anywhere.
    pub(crate) fn has_context_word(&self, hay: &[u8]) -> bool {
        let mut hits = Hits::new();
        self.find_in(hay, (0, hay.len()), None, &mut hits);
        hits.iter().any(|h| matches!(h.key, Key::Phone | Key::Number | Key::Ssn))
    }

    /// Whether the local part of `email`, an address the validator found, may hold a key
    /// word the search counted as one: a word it did not see inside an address, because the
    /// local part holds characters beyond the plain ones [`in_email_local_part`] reads
    /// (`sipariş~rad@…`). Masking erases such a word.
    pub(crate) fn may_count_in_local_part(&self, email: &[u8]) -> bool {
        // (Most local parts are plain up to their `@`: read from the front.)
        if email.iter().find(|&&b| !is_local_part_byte(b)).is_none_or(|&b| b == b'@') {
            return false;
        }
        let local = &email[..email::last_at_sign(email).unwrap_or(email.len())];
        let mut hits = Hits::new();
        self.find_in(local, (0, local.len()), None, &mut hits);
        !hits.is_empty()
    }

    /// Where a phone or SSN key word ends right at `end` starts, where a hyphen glues it to
    /// a number as a colon would (`Mob-9876543210`, `SSN-123-45-6789`), or where it is typed
    /// straight onto the number (`tel13520668194`).
    pub(crate) fn value_word_before(&self, hay: &[u8], end: usize) -> Option<usize> {
        if self.value_word_may_end_at(hay, end) { self.value_word_found_at(hay, end) } else { None }
    }

    /// [`KeyWords::value_word_before`] by a key-word search of the words before `end`.
    fn value_word_found_at(&self, hay: &[u8], end: usize) -> Option<usize> {
        // Only the last two words before it are searched (`Mob`, `contact no`): a code's
        // letters (`ORD-2025-903905`) are passed over in a few steps.
        let floor = end.saturating_sub(self.longest);
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80 || b == b'.';
        let mut from = end;
        for word in 0..2 {
            while from > floor && word_byte(hay[from - 1]) {
                from -= 1;
            }
            if word == 1 || from == floor || hay[from - 1] != b' ' {
                break;
            }
            from -= 1;
        }
        while from > 0 && hay.get(from).is_some_and(|b| b & 0xC0 == 0x80) {
            from -= 1;
        }
        let mut hits = Hits::new();
        self.find_in(hay, (from, end), None, &mut hits);
        // (A number word inside the phone word's own stem does not count: `Telefonnummer`.)
        hits.iter()
            .rev()
            .find(|hit| hit.end == end && hit.key != Key::Number)
            .filter(|hit| matches!(hit.key, Key::Phone | Key::Ssn))
            .map(|hit| hit.start)
    }

    /// A quick test that [`KeyWords::value_word_before`] may find one: some phone or SSN word
    /// ends in the two bytes before `end`, or a stem ends in two bytes followed only by
    /// letters up to `end`. A code such as `ORD-2025-…` is passed over in a few dozen
    /// instructions instead of the 700 or so of a key-word search (3 MB of clean chat has
    /// about 3 400 codes). (A hit ending at `end` is a phone or SSN word matched there, or a
    /// stem matched earlier whose word's letters run on to `end`: either way, the last two
    /// bytes of its pattern stand where this looks.)
    fn value_word_may_end_at(&self, hay: &[u8], end: usize) -> bool {
        let floor = end.saturating_sub(self.longest);
        let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
        let mut last = end;
        let mut table = &self.value_ends;
        while last > floor + 1 {
            last -= 1;
            if has_pair(table, hay[last - 1], hay[last]) {
                return true;
            }
            if !letter(hay[last]) {
                return false;
            }
            table = &self.value_stem_ends;
        }
        // Too near the start of the text or window to tell: search.
        true
    }

    /// Pushes every key word in `hay[from..to]` that starts at or after `not_before` onto
    /// `hits`, left to right.
    fn find_in(&self, hay: &[u8], (from, to): (usize, usize), not_before: Option<usize>, hits: &mut Hits) {
        let mut at = from;
        while let Some((start, end, pattern)) = self.next_match(hay, at, to) {
            at = end;
            if not_before.is_some_and(|bound| start < bound) {
                continue;
            }
            if in_email_local_part(hay, end) {
                // A phrase running into an email's local part (`social securitymelissa@…`):
                // its words before the local part may still be key words (`social`), which
                // they are once masking has erased the local part. (One level: the words
                // found there are not searched again.)
                let local_start = start.max(end - local_part_before(hay, end));
                let mut inner = start;
                while local_start < end
                    && let Some((start, end, pattern)) = self.next_match(hay, inner, local_start)
                {
                    inner = end;
                    if !in_email_local_part(hay, end) {
                        self.push_hit(hay, (start, end, pattern), hits);
                    }
                }
                continue;
            }
            at = self.push_hit_or_shorter(hay, (start, end, pattern), hits);
        }
    }

    /// Pushes the automaton's match as a hit (see [`KeyWords::push_hit`]); when it runs into
    /// a longer word, the longest key word at the same place that ends before it instead
    /// (`ring tilbake`: not `ring til`, but `ring`). Returns where the search goes on.
    #[inline(always)]
    fn push_hit_or_shorter(&self, hay: &[u8], found: (usize, usize, usize), hits: &mut Hits) -> usize {
        if self.push_hit(hay, found, hits) {
            self.push_shorter(hay, found, hits);
        }
        found.1
    }

    /// The rare half of [`KeyWords::push_hit_or_shorter`]: pushes the longest key word that
    /// starts where `found` does, ends before it, and stands whole.
    #[cold]
    #[inline(never)]
    fn push_shorter(&self, hay: &[u8], found: (usize, usize, usize), hits: &mut Hits) {
        let mut found = found;
        while let Some(shorter) =
            self.next_match(hay, found.0, found.1 - 1).filter(|shorter| shorter.0 == found.0)
        {
            if !self.push_hit(hay, shorter, hits) {
                return;
            }
            found = shorter;
        }
    }

    /// Pushes the automaton's match as a hit when it stands as its pattern requires: whole
    /// word, stem or compound part; not one of piimask's own labels. Returns whether it was
    /// rejected only for running into a longer word and a shorter key word may fit there.
    fn push_hit(&self, hay: &[u8], (start, end, pattern): (usize, usize, usize), hits: &mut Hits) -> bool {
        let (key, Shape { stem, compound, has_prefix_word }) = self.info[pattern];
        // (A phone word of a script written without spaces may follow a number's last
        // digit: `打62594057搵我`.)
        let clean_start = compound
            || match char_before(hay, start) {
                Some((c, _)) if c.is_ascii_digit() && matches!(key, Key::Phone | Key::Ssn) => {
                    char_at(hay, start).is_some_and(|(c, _)| is_spaceless_script(c))
                }
                before => !before.is_some_and(|(c, _)| is_boundary_word_char(c)),
            };
        let clean_end = stem || !char_at(hay, end).is_some_and(|(c, _)| is_boundary_letter(c));
        // `[PHONE]`, `[SSN]`: piimask's own labels are not context.
        let label = start > 0 && hay[start - 1] == b'[' && hay.get(end) == Some(&b']');
        // Nor is a label or code word inside an email's domain (`…@shop-id.com`); a phone or
        // SSN word there is kept, as it can only make more numbers values.
        let in_domain = || matches!(key, Key::Label | Key::Code | Key::Card) && in_email_domain(hay, start);
        if clean_start && clean_end && !label && !in_domain() {
            // A stem covers the rest of its word (`rooms`, `Bestellung`).
            let mut word_end = end;
            while stem && let Some((_, len)) = char_at(hay, word_end).filter(|&(c, _)| is_boundary_letter(c))
            {
                word_end += len;
            }
            hits.push(Hit { start, end: word_end, key, matched_end: end });
        }
        has_prefix_word && clean_start && !clean_end
    }
}

/// Per pattern: whether a shorter pattern is a prefix of it, ASCII case aside. In sorted
/// order a pattern's prefixes come before it, each a prefix of the next: a stack of the
/// prefixes of the pattern at hand finds them in one pass (comparing every pair cost 50 M
/// instructions at start-up).
fn has_prefix_word(patterns: &[String]) -> Vec<bool> {
    let lower: Vec<Vec<u8>> =
        patterns.iter().map(|pattern| pattern.as_bytes().to_ascii_lowercase()).collect();
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_by(|&a, &b| lower[a].cmp(&lower[b]));
    let mut has_prefix = vec![false; patterns.len()];
    let mut stack: Vec<usize> = Vec::new();
    for &i in &order {
        while stack.last().is_some_and(|&top| !lower[i].starts_with(&lower[top])) {
            stack.pop();
        }
        // (A spelling equal to the top, case aside, has the top's prefixes.)
        has_prefix[i] = match stack.last() {
            Some(&top) if lower[top] == lower[i] => has_prefix[top],
            top => top.is_some(),
        };
        stack.push(i);
    }
    has_prefix
}

/// Whether the word ending at `end` is part of an email's local part (`phone.support@…`,
/// `id_0@…`): masking erases it, so it must not count as context before masking either.
fn in_email_local_part(hay: &[u8], end: usize) -> bool {
    let token = hay[end..].iter().take(64).position(|&b| !is_local_part_byte(b));
    token.is_some_and(|len| email::at_sign_len(hay, end + len).is_some())
}

/// Whether the word starting at `start` is part of an email's domain: only domain bytes
/// (ASCII letters, digits, `-`, `.`, or bytes of non-ASCII letters) between it and an `@`
/// before it, at most 255 bytes back.
fn in_email_domain(hay: &[u8], start: usize) -> bool {
    let is_domain_byte = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | 0x80..);
    let domain = hay[..start].iter().rev().take(255).take_while(|b| is_domain_byte(b)).count();
    start > domain && hay[start - domain - 1] == b'@'
}

/// How many bytes of local-part characters come right before `end` (at most 64).
fn local_part_before(hay: &[u8], end: usize) -> usize {
    hay[..end].iter().rev().take(64).take_while(|&&b| is_local_part_byte(b)).count()
}

/// The bytes [`in_email_local_part`] takes for a local part.
fn is_local_part_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".-_+%'".contains(&b)
}

/// Sets bit `a << 8 | b` of `table`, for both cases of each ASCII letter.
fn set_pair(table: &mut [u64; 1024], a: u8, b: u8) {
    for a in [a.to_ascii_lowercase(), a.to_ascii_uppercase()] {
        for b in [b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
            let bit = usize::from(a) << 8 | usize::from(b);
            table[bit >> 6] |= 1 << (bit & 63);
        }
    }
}

/// Whether bit `a << 8 | b` of `table` is set (see [`set_pair`]).
#[inline]
fn has_pair(table: &[u64; 1024], a: u8, b: u8) -> bool {
    let bit = usize::from(a) << 8 | usize::from(b);
    table[bit >> 6] >> (bit & 63) & 1 != 0
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// The key words of one haystack, searched left to right, each byte about once: the
/// windows of successive chunks start no earlier than the previous ones (chunks are
/// visited in order), so only the part of a window past what was searched is searched,
/// and hits that fall behind the window are forgotten. A window may end before the last
/// one did (the part before a chunk, asked for after the whole window of the chunk
/// before): it is then answered from the hits kept.
#[derive(Debug, Default)]
pub(crate) struct KeyCursor {
    /// Hits that may still fall in a window, in the order of their starts.
    hits: Hits,
    /// The text before this offset has been searched.
    searched_to: usize,
    /// Hits of the last search of the text right before a chunk (see
    /// `ContextProbe::search_nearby`), kept apart from `hits` until merged.
    nearby: Hits,
    /// Spans of IBAN-shaped values: a label or code word inside one is one of its letter
    /// groups (`…4193 2707 871Y ID`, the end of a Mauritian IBAN), not a word about the next
    /// number, and is dropped from the hits.
    values: Vec<(usize, usize)>,
}

impl KeyCursor {
    /// Marks `span` as an IBAN-shaped value: the label and code words inside it, found or
    /// still to be found, are not context. (Only those: a phone or SSN word there would make
    /// more numbers values, never fewer, so it is kept, to fail closed.)
    pub(crate) fn exclude_labels_within(&mut self, span: (usize, usize)) {
        self.values.push(span);
        drop_labels_within(&self.values, &mut self.hits);
        drop_labels_within(&self.values, &mut self.nearby);
    }

    /// Forgets the hits of the last chunk's nearby search: a new chunk begins.
    pub(super) fn begin_chunk(&mut self) {
        self.nearby.clear();
    }

    /// The text before this offset has been searched.
    pub(super) fn searched_to(&self) -> usize {
        self.searched_to
    }

    /// The hits kept from earlier searches, in the order of their starts.
    pub(super) fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The hits of the last nearby search (see `ContextProbe::search_nearby`).
    pub(super) fn nearby(&self) -> &[Hit] {
        &self.nearby
    }

    /// Searches `hay[from..to]` on its own, right before a chunk, keeping the hits apart
    /// (in [`KeyCursor::nearby`]) until [`KeyCursor::keep_nearby`] merges them.
    pub(super) fn search_nearby(&mut self, words: &KeyWords, hay: &[u8], (from, to): (usize, usize)) {
        self.nearby.clear();
        words.find_in(hay, (from, to), None, &mut self.nearby);
        drop_labels_within(&self.values, &mut self.nearby);
    }

    /// Merges the nearby hits into the kept ones, once the window up to where the nearby
    /// search began has been covered: the text before `searched_to` is then searched.
    pub(super) fn keep_nearby(&mut self, searched_to: usize) {
        self.hits.append(&mut self.nearby);
        self.searched_to = searched_to;
    }

    /// The hits inside `window`, after searching what was not searched yet.
    pub(super) fn cover(&mut self, words: &KeyWords, hay: &[u8], (start, end): (usize, usize)) -> &[Hit] {
        let behind = self.hits.iter().take_while(|h| h.end <= start).count();
        self.hits.drain(..behind);
        self.values.retain(|&(_, value_end)| value_end > start);
        let from = self.searched_to.max(start);
        if from < end {
            // Start a little earlier, to find whole a word cut by the end of the last search
            // or by the window's start (hits starting before the window are not returned);
            // what the last search found already is skipped, and so is anything starting
            // inside it (restarting inside `tax id` must not find its `id`, a label).
            // No key word crosses a line break, a digit or most punctuation: a search right
            // after one needs no look-back.
            let restart = if words.may_cross(hay, from) { from.saturating_sub(words.longest) } else { from };
            let restart = (restart..from).find(|&i| hay[i] & 0xC0 != 0x80).unwrap_or(from);
            let seen = self.hits.last().map(|h| h.matched_end);
            words.find_in(hay, (restart, end), seen, &mut self.hits);
            drop_labels_within(&self.values, &mut self.hits);
            self.searched_to = end;
        }
        let first = self.hits.partition_point(|h| h.start < start);
        let last = self.hits.partition_point(|h| h.start < end);
        &self.hits[first..last]
    }
}

/// Removes from `hits` the label, code and card words that start inside one of `values`.
fn drop_labels_within(values: &[(usize, usize)], hits: &mut Hits) {
    if values.is_empty() {
        return;
    }
    hits.retain(|hit| {
        !(matches!(hit.key, Key::Label | Key::Code | Key::Card)
            && values.iter().any(|&(start, end)| (start..end).contains(&hit.start)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::context::window::{back_chars, forward_chars};
    use proptest::prelude::*;

    proptest! {
        /// For windows that move left to right, the cursor gives exactly the hits a fresh
        /// search of each window gives.
        #[test]
        fn cursor_equals_fresh_searches(
            words in prop::collection::vec(prop::sample::select(vec![
                "tel", "order", "telefonnummer", "Kundennummer", "x", "12", "phone", "n°", " ", "  ", "\n", "é", "SSN", "mobile",
                " tax id", "id", " customer id", " my number", "number", "هو",
            ]), 0..60),
            cuts in prop::collection::vec(0usize..400, 1..8),
        ) {
            let text: String = words.concat();
            let hay = text.as_bytes();
            let words = KeyWords::shared();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(hay.len())).filter(|&c| text.is_char_boundary(c)).collect();
            cuts.sort();
            let mut cursor = KeyCursor::default();
            // A fresh search reads words whole: it starts early enough to see a phrase the
            // window's start cuts (`customer id` holds no separate `id`).
            let fresh_hits = |(from, to): (usize, usize)| {
                let mut fresh = Hits::new();
                let early = (from.saturating_sub(words.longest)..=from).find(|&i| text.is_char_boundary(i)).unwrap_or(from);
                words.find_in(hay, (early, to), None, &mut fresh);
                fresh.retain(|hit| hit.start >= from);
                fresh.to_vec()
            };
            for pair in cuts.windows(2) {
                let window = (back_chars(hay, pair[0], 20), forward_chars(hay, pair[1], 20));
                // The part before the chunk first, as `ContextProbe::hits_before` asks (a
                // chunk starts with a digit, which no key word holds).
                if hay.get(pair[0]).is_some_and(u8::is_ascii_digit) {
                    let before = (window.0, pair[0]);
                    let from_cursor: Vec<Hit> = cursor.cover(words, hay, before).to_vec();
                    prop_assert_eq!(from_cursor, fresh_hits(before), "{:?} {:?}", text, before);
                }
                let fresh = fresh_hits(window);
                let from_cursor: Vec<Hit> = cursor.cover(words, hay, window).to_vec();
                prop_assert_eq!(from_cursor, fresh, "{:?} {:?}", text, window);
            }
        }
    }

    /// Found by the leak oracle: a search restarted a few bytes back from where the last one
    /// stopped began inside `tax id` and found its `id` (a label), so the nine digits after
    /// `tax id` were read as labelled and left unmasked.
    #[test]
    fn a_restarted_search_does_not_find_a_word_inside_a_phrase() {
        let masker =
            crate::Masker::builder().style(crate::Kind::Phone, crate::Style::Preserve).build().unwrap();
        let text = "8364483 هو هو فضلك «+31 6 22378222» فضلك هو من tax id 309836308; ك فضلك ";
        let found: Vec<_> = masker.find_iter(text).map(|m| (m.kind(), &text[m.range()])).collect();
        assert_eq!(found, [(crate::Kind::Phone, "+31 6 22378222"), (crate::Kind::Ssn, "309836308")]);
    }

    proptest! {
        /// The quick test before a search for a hyphen-glued phone or SSN word never
        /// turns one away.
        #[test]
        fn value_word_quick_test_passes_every_value_word(
            words in prop::collection::vec(prop::sample::select(vec![
                "tel", "Mob", "order", "telefonnummer", "Kundennummer", "x", "12", "phone", "n°", " ", "-", ".",
                "é", "SSN", "mobile", "contact no", "no", "whatsapp", "ORD", "ph", "電話", "мобільний", "call me",
                "handy", "tax id", "ab",
            ]), 0..30),
        ) {
            let text: String = words.concat();
            let hay = text.as_bytes();
            let words = KeyWords::shared();
            for end in (0..=hay.len()).filter(|&end| text.is_char_boundary(end)) {
                if words.value_word_found_at(hay, end).is_some() {
                    prop_assert!(words.value_word_may_end_at(hay, end), "{:?} {}", text, end);
                }
            }
        }
    }

    #[test]
    fn value_word_quick_test_passes_each_phone_and_ssn_word() {
        let words = KeyWords::shared();
        for &(word, key) in WORDS.iter().filter(|(_, key)| matches!(key, Key::Phone | Key::Ssn)) {
            let bare = word.trim_matches('*');
            for spelling in [bare.to_lowercase(), bare.to_uppercase(), capitalise(bare)] {
                let mut text = format!("my {spelling}");
                if word.ends_with('*') {
                    text.push_str("ungen");
                }
                let hay = text.as_bytes();
                assert!(words.value_word_may_end_at(hay, hay.len()), "{word} {key:?}: {text:?}");
                let found = words.value_word_found_at(hay, hay.len());
                assert_eq!(words.value_word_before(hay, hay.len()), found, "{text:?}");
            }
        }
    }

    #[test]
    fn prefix_words_are_found_case_aside() {
        let patterns = ["ring til", "RING", "ring", "no", "nr.", "Ring me", "rin"].map(String::from);
        assert_eq!(has_prefix_word(&patterns), [true, true, true, false, false, true, false]);
    }
}
