//! Reads a chunk: digit groups joined by single separators (a phone group may be wrapped in
//! parentheses), in a bounded window so that memory stays constant on any input.
//! Also marks the groups that form dates and IPv4 addresses, which no phone may touch.

use std::cell::Cell;

use arrayvec::ArrayVec;

use super::chars::{
    Class, Sep, char_at, char_before, classify, hebrew_prefix_before, is_boundary_letter, word_char_at,
    word_char_before,
};

/// No kind ever uses more digits than this (19-digit cards; `011` + 15 for phones).
pub(crate) const MAX_DIGITS: usize = 19;

/// How many groups the window holds.
const CAPACITY: usize = 48;

/// A start group is evaluated only when this many groups after it are loaded (or the chunk
/// is complete): enough for 19 one-digit groups plus the flags that look a few groups ahead.
pub(crate) const LOOKAHEAD: usize = 26;

/// How a group is joined to the group before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Joint {
    /// The first group of the chunk.
    Start,
    /// One separator character (or two spaces).
    Sep(Sep),
    /// A dash or slash with a space on each side (`0170 / 1234567`, `4532 - 0864`): it
    /// joins the groups, but as a separator of its own, so that numbers listed with it
    /// stay apart (`415-666-7777 - 800-443-1223`).
    Spaced(Sep),
    /// Nothing in between, next to a parenthesis: `(0)20`, `+1(201)`.
    Adjacent,
}

impl Joint {
    /// Whether two joints are separators of the same class.
    #[inline]
    pub(crate) fn same_sep(self, other: Joint) -> bool {
        matches!((self, other), (Joint::Sep(a), Joint::Sep(b)) | (Joint::Spaced(a), Joint::Spaced(b)) if a == b)
    }

    /// Whether a number joined by `self` is continued by a group joined by `neighbour`
    /// whatever separators they are: a spaced dash or slash binds looser than any other
    /// separator, so a run joined by it never ends or starts inside a number joined tighter
    /// (`7777 - 212` in `415-666-7777 - 212-443-1223` is no number).
    #[inline]
    pub(crate) fn binds_looser_than(self, neighbour: Joint) -> bool {
        matches!(self, Joint::Spaced(_)) && matches!(neighbour, Joint::Sep(_) | Joint::Adjacent)
    }

    #[inline]
    pub(crate) fn sep(self) -> Option<Sep> {
        match self {
            Joint::Sep(sep) | Joint::Spaced(sep) => Some(sep),
            _ => None,
        }
    }
}

/// Group flag: the group is one of exactly four dot-joined small groups (an IPv4 address).
pub(crate) const FLAG_IPV4: u8 = 1;
/// Group flag: the group is part of a date (`21.11.2026`, `2026-11-21`, `21/11/26`).
pub(crate) const FLAG_DATE: u8 = 2;
/// Group flag: the group is eight digits `YYYYMMDD` (`20261121`): a date when it stands
/// alone, but only a piece of a longer number when other groups join it (`+31 6 19820415`).
pub(crate) const FLAG_COMPACT_DATE: u8 = 4;

/// Group flag: the group is a trunk prefix and an area code in one pair of parentheses,
/// a separator between them (`(06 1)`): it is never read as the bare digits inside.
pub(crate) const FLAG_SPLIT_PAREN: u8 = 8;

/// How many leading digit values a group keeps inline (enough for dates, IPv4 parts,
/// prefixes); the rest are decoded from the haystack when a candidate is validated.
const HEAD: usize = 4;

/// A maximal run of digits, possibly in parentheses. Small (32 bytes) on purpose: chunks
/// hold many of them and most are read and dropped unvalidated.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group {
    /// Offset of the first digit, or of `(`.
    pub start: usize,
    /// Offset after the last digit, or after `)`.
    pub end: usize,
    /// Number of digits (may exceed `MAX_DIGITS`; such a group is in no match).
    pub len: usize,
    head: [u8; HEAD],
    pub joint: Joint,
    pub paren: bool,
    pub flags: u8,
}

impl Group {
    /// The first (up to four) digit values.
    #[inline]
    pub(crate) fn head(&self) -> &[u8] {
        &self.head[..self.len.min(HEAD)]
    }

    /// The group's digits as a number (only meaningful for groups of at most four digits).
    #[inline]
    pub(crate) fn value(&self) -> u32 {
        self.head().iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d))
    }

    /// Writes the group's digit values into `out` (as many as fit); returns how many.
    pub(crate) fn decode(&self, hay: &[u8], out: &mut [u8]) -> usize {
        // Plain ASCII digits: one byte each.
        if !self.paren && self.end - self.start == self.len {
            let count = self.len.min(out.len());
            for (slot, &b) in out.iter_mut().zip(&hay[self.start..self.start + count]) {
                *slot = b - b'0';
            }
            return count;
        }
        let mut pos = if self.paren { self.start + classify(hay, self.start).1 } else { self.start };
        let mut written = 0;
        while written < out.len() && pos < self.end {
            match classify(hay, pos) {
                (Class::Digit(value), len) => {
                    out[written] = value;
                    written += 1;
                    pos += len;
                }
                // A `+` inside `(+44)`.
                (_, len) => pos += len,
            }
        }
        written
    }
}

/// A window over one chunk of the haystack.
#[derive(Debug)]
pub(crate) struct Chunk<'h> {
    pub hay: &'h [u8],
    groups: ArrayVec<Group, CAPACITY>,
    /// Whether `groups[0]` is the first group of the chunk.
    pub at_chunk_start: bool,
    /// Whether the last loaded group is the last group of the chunk.
    pub complete: bool,
    /// Offset of a `+` (and optional space) right before the chunk's first group; or the
    /// first group's own start after a messaging link that drops the `+` (`wa.me/44…`).
    pub plus: Option<usize>,
    /// Whether a letter or digit touches the chunk's first group (its `(` or first digit).
    pub word_before_first: bool,
    /// Where the word glued to the chunk's first group ends, when that is what
    /// [`Chunk::word_before_first`] stands for: at its hyphen (`ABC-1234567`,
    /// `Mob-9876543210`) or at the chunk itself (`tel13520668194`). The scanner lets a phone
    /// or SSN word glued so stand before its number (see `scan::value_word_glued`).
    pub glued_word_end: Option<usize>,
    /// Whether a letter or digit touches the chunk's last character (valid once complete).
    pub word_after: bool,
    /// Offset of the chunk's first character (its `+` when it has one).
    pub start: usize,
    /// Total digits loaded so far.
    pub total_digits: usize,
    /// Length of the current run of dot-joined groups (for IPv4 flags).
    dot_run: usize,
    /// Cached: whether an amount's sign, code or unit surrounds the chunk (before its start,
    /// after its last group); computed once per chunk by `validate::numbers`.
    pub amount_before: Cell<Option<bool>>,
    pub amount_after: Cell<Option<bool>>,
    /// The masker's mask characters, each standing for a digit it masked where an amount's
    /// sign is told from a number's (`validate::numbers`): `… $ *******7310` reads as
    /// `… $ 0 123 564 7310` did, so that masked text reads as it did before.
    pub mask_chars: [char; 5],
}

impl<'h> Chunk<'h> {
    /// A chunk reader over `hay`; [`Chunk::begin`] starts each chunk.
    #[inline(always)]
    pub(crate) fn over(hay: &'h [u8]) -> Chunk<'h> {
        Chunk {
            hay,
            groups: ArrayVec::new(),
            at_chunk_start: true,
            complete: true,
            plus: None,
            word_before_first: false,
            glued_word_end: None,
            word_after: false,
            start: 0,
            total_digits: 0,
            dot_run: 0,
            amount_before: Cell::new(None),
            amount_after: Cell::new(None),
            mask_chars: ['*'; 5],
        }
    }

    /// A chunk starting at `anchor` (for tests; the scanner reuses one chunk).
    #[cfg(test)]
    pub(crate) fn new(hay: &'h [u8], anchor: usize) -> Chunk<'h> {
        let mut chunk = Chunk::over(hay);
        chunk.begin(anchor);
        chunk
    }

    /// Starts a new chunk at `anchor`, which must be the offset of a digit that no earlier
    /// chunk consumed.
    pub(crate) fn begin(&mut self, anchor: usize) {
        let hay = self.hay;
        self.groups.clear();
        self.at_chunk_start = true;
        self.complete = false;
        self.plus = None;
        self.word_before_first = false;
        self.glued_word_end = None;
        self.word_after = false;
        self.start = anchor;
        self.total_digits = 0;
        self.dot_run = 0;
        self.amount_before.set(None);
        self.amount_after.set(None);
        let chunk = self;
        // A country code in parentheses with its plus: `(+44) 7911 123456`.
        if let Some((first, open)) = plus_in_parentheses(hay, anchor) {
            chunk.plus = Some(open);
            chunk.start = open;
            chunk.word_before_first = glued_before(hay, open);
            chunk.push(first);
            return;
        }
        // A parenthesised first group: `(555) 123-4567`, `( 19 ) 3829-4427` (one space inside
        // each parenthesis allowed); or one spaced inside right before the anchor, whose
        // digits the fast paths passed over as a chunk too short for any kind.
        let open = match hay[..anchor] {
            [.., b'('] => Some(anchor - 1),
            [.., b'(', b' '] => Some(anchor - 2),
            [.., b')'] | [.., b')', b' '] => spaced_parenthesis_before(hay, anchor),
            [.., 0x80..=0xFF] => char_before(hay, anchor)
                .filter(|&(_, at)| classify(hay, at).0 == Class::Open)
                .map(|(_, at)| at),
            _ => None,
        };
        let first = open
            .and_then(|at| read_group(hay, at, Joint::Start))
            .or_else(|| read_group(hay, anchor, Joint::Start));
        let Some(first) = first else {
            chunk.complete = true;
            return;
        };
        chunk.plus =
            plus_before(hay, first.start).or_else(|| link_before(hay, first.start).then_some(first.start));
        chunk.start = chunk.plus.unwrap_or(first.start);
        // A URL-encoded plus ends in a letter (`%2B`): what stands before the `%` decides.
        let lead = chunk.plus.filter(|&plus| hay[plus] == b'%').unwrap_or(first.start);
        let word_glued = word_char_before(hay, lead) && !arabic_letter_before(hay, lead);
        let hyphen = if word_glued { None } else { hyphen_glued(hay, lead) };
        chunk.word_before_first = ((word_glued || hyphen.is_some()) && !hebrew_prefix_before(hay, lead))
            || minutes_of_time(hay, lead);
        let word_end = if word_glued { (!hay[lead - 1].is_ascii_digit()).then_some(lead) } else { hyphen };
        chunk.glued_word_end = word_end.filter(|_| chunk.word_before_first);
        chunk.push(first);
    }

    /// The loaded groups.
    #[inline]
    pub(crate) fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Whether group `s` is the first group of the chunk.
    #[inline]
    pub(crate) fn is_first(&self, s: usize) -> bool {
        s == 0 && self.at_chunk_start
    }

    /// Whether group `e` is the last group of the chunk.
    #[inline]
    pub(crate) fn is_last(&self, e: usize) -> bool {
        self.complete && e + 1 == self.groups.len()
    }

    /// How the group after `e` is joined to it (`Joint::Start` when there is none).
    #[inline]
    pub(crate) fn next_joint(&self, e: usize) -> Joint {
        self.groups().get(e + 1).map_or(Joint::Start, |g| g.joint)
    }

    /// Whether a match starting at group `s` (at its `(` or first digit) is not glued to a
    /// letter or digit before it.
    #[inline]
    pub(crate) fn starts_clean(&self, s: usize) -> bool {
        !self.is_first(s) || !self.word_before_first
    }

    /// Whether a match ending at group `e` is not glued to a letter or digit after it.
    #[inline]
    pub(crate) fn ends_clean(&self, e: usize) -> bool {
        !self.is_last(e) || !self.word_after
    }

    /// Whether the group after `e`, joined by `joint`, continues a number that would end at
    /// `e` (so that `e` cannot end it): it is joined the same way, has two digits or more,
    /// is not glued to a word or sign (`10h`, `24h`, `10€`), and does not start a new number
    /// with a trunk prefix (`06 12 34 56 78 09 87 65 43 21`); or, after a spaced dash or
    /// slash, it is joined tighter (see [`Joint::binds_looser_than`]). The first group of a
    /// date never continues it.
    /// A group too long to be in any value always continues the number, whatever follows
    /// it: its far end may be any distance away, and must not change this reading. A group
    /// of ten digits or more after a space and two groups does not (see below).
    pub(crate) fn continued_after(&self, e: usize, joint: Joint) -> bool {
        let Some(next) = self.groups().get(e + 1) else { return false };
        // A date starts there (`07426 389869 18.9.2025`): a date joins no number before it.
        if next.flags & FLAG_DATE != 0 {
            return false;
        }
        // So does a decimal number or a day and month that ends the chunk.
        if self.starts_short_number(e + 1) {
            return false;
        }
        if joint.binds_looser_than(next.joint) {
            return true;
        }
        if next.len > MAX_DIGITS {
            return next.joint.same_sep(joint);
        }
        // Nor a group of ten digits or more set apart by a space after two groups or more,
        // no group of a phone number's after its first (`0531 307 29 50 00719365875652`,
        // `(089) 35174410 3828159893`): a number of its own.
        if next.len >= 10 && e > 0 && self.groups()[e].len >= 2 && next.joint == Joint::Sep(Sep::Space) {
            return false;
        }
        if self.numbers_side_by_side(e + 1) {
            return false;
        }
        let glued =
            self.is_last(e + 1) && self.hay.get(next.end).is_some() && !ends_token(self.hay, next.end);
        let new_trunk = matches!(next.head(), [0, d, ..] if *d != 0) && !self.in_fours(e + 1);
        next.joint.same_sep(joint) && next.len >= 2 && !glued && !new_trunk
    }

    /// Whether group `i` starts a decimal number or a day and month that ends the chunk
    /// (`54.01` in `07400 123456 54.01`, `21.09` in `0170 1234567 21.09.`, `21/09` in `06 12
    /// 34 56 78 21/09`): the last group, of one or two digits, is joined to it by a point,
    /// or by a slash after a day and month, and the groups before it are joined otherwise.
    pub(crate) fn starts_short_number(&self, i: usize) -> bool {
        let groups = self.groups();
        let (Some(first), Some(last)) = (groups.get(i), groups.get(i + 1)) else { return false };
        first.len <= 3
            && last.len <= 2
            && self.is_last(i + 1)
            && first.joint.sep() != last.joint.sep()
            && match last.joint {
                Joint::Sep(Sep::Dot) => true,
                Joint::Sep(Sep::Slash) => day_and_month(first.value(), last.value()),
                _ => false,
            }
    }

    /// Whether group `e` and the groups before it joined the same way are all of four
    /// digits, at least three of them: a number written in fours (a card, an ICCID, a
    /// parcel number: `7055 7813 0172 9293`), where a group starting with `0` is one more
    /// group, not a new number's trunk (phones written in fours start no number with `0`).
    fn in_fours(&self, e: usize) -> bool {
        let groups = self.groups();
        let first = self.fours_before(e, groups[e].joint);
        groups[e].len == 4 && e - first >= 2 && groups[first..=e].iter().all(|g| g.len == 4 && !g.paren)
    }

    /// Whether group `s`, joined by a spaced dash or slash, and the groups before it, joined
    /// tighter, are two numbers side by side: 7 digits or more on either side
    /// (`982 071 184 / 981506207`, `982071184 / 981506207`), not an area code and its
    /// subscriber number (`0170 / 1234567`).
    fn numbers_side_by_side(&self, s: usize) -> bool {
        const WHOLE: usize = 7;
        let groups = self.groups();
        if s == 0 || !matches!(groups[s].joint, Joint::Spaced(_)) || groups[s].len < WHOLE {
            return false;
        }
        let mut before = 0;
        for group in groups[..s].iter().rev() {
            before += group.len;
            if before >= WHOLE {
                return true;
            }
            if matches!(group.joint, Joint::Spaced(_) | Joint::Start) {
                return false;
            }
        }
        false
    }

    /// The first of the four-digit groups right before group `e` that are joined to the
    /// next one by `joint`'s separator (`e` itself when none is).
    pub(crate) fn fours_before(&self, e: usize, joint: Joint) -> usize {
        let groups = self.groups();
        let mut first = e;
        while first > 0 && groups[first].joint.same_sep(joint) && groups[first - 1].len == 4 {
            first -= 1;
        }
        first
    }

    /// Whether a word in front of the chunk names the number starting at group `s`: `s`
    /// starts the chunk, or is joined to the group before it as one number is, not by a
    /// spaced dash or slash (`tracking 597133730061 - 4233-3700-0901-7011`) and not after a
    /// group of six digits or more, a number of its own (`ISBN 9788431417956 070-115 51 21`).
    pub(crate) fn named_from_front(&self, s: usize) -> bool {
        let groups = self.groups();
        self.is_first(s) || (!matches!(groups[s].joint, Joint::Spaced(_)) && s > 0 && groups[s - 1].len < 6)
    }

    /// Whether a number sign is glued in front of group `s`, the chunk's first: `#6048322`,
    /// the way order and ticket numbers are written.
    pub(crate) fn number_sign_before(&self, s: usize) -> bool {
        self.is_first(s) && self.start > 0 && self.hay[self.start - 1] == b'#'
    }

    /// Whether the group before `s`, joined to it by `joint`, makes `s` the middle of a
    /// longer grouped number: it is joined the same way and has two digits or more, unless
    /// the groups before `s` start with a trunk `0` and already form a whole national number
    /// (or a `+` and one run of 10-15 digits, or are one group of six digits or more), and `s`
    /// starts another with a trunk `0` or
    /// `00` (`06 12 34 56 78 09 87 65 43 21`); or, for a run joined by a spaced dash or slash,
    /// `s` is joined tighter to the group before it (see [`Joint::binds_looser_than`]).
    pub(crate) fn continued_before(&self, s: usize, joint: Joint) -> bool {
        let groups = self.groups();
        if s > 0 && joint.binds_looser_than(groups[s].joint) {
            return true;
        }
        if s == 0 || !groups[s].joint.same_sep(joint) {
            return false;
        }
        // A first group glued to letters (`AA1 01 2345 6784`) belongs to a code.
        if s == 1 && self.at_chunk_start && self.word_before_first {
            return true;
        }
        if groups[s - 1].len < 2 || self.numbers_side_by_side(s) {
            return false;
        }
        let trunk = |g: &Group| matches!(g.head(), [0, d, ..] if *d != 0);
        let mut digits = 0;
        let mut run_start = 0;
        for i in (0..s).rev() {
            digits += groups[i].len;
            run_start = i;
            if i == 0 || !groups[i].joint.same_sep(joint) {
                break;
            }
        }
        // (An international `00` may start the next number too: `06 12 34 56 78 0044 …`.)
        let next_number = trunk(&groups[s]) || matches!(groups[s].head(), [0, 0, ..]);
        // (So may a whole international number after a `+`, written in one run:
        // `+36209304329 0036 20 386 3414`.)
        // (So may a lone group of six digits or more: an identifier, a postcode, a reference
        // number: `Hà Nội 100000 0912 155 754`, `barcode 7341375833996 051 258 4124`.)
        let whole_before = if run_start == 0 && self.plus.is_some() {
            s == 1 && (10..=15).contains(&digits)
        } else {
            (trunk(&groups[run_start]) && (9..=12).contains(&digits)) || (run_start == s - 1 && digits >= 6)
        };
        !(next_number && whole_before)
    }

    /// Offset after the last loaded group.
    pub(crate) fn end(&self) -> usize {
        self.groups().last().map_or(self.start, |g| g.end)
    }

    /// Loads groups until the window is full or the chunk ends.
    pub(crate) fn fill(&mut self) {
        while !self.complete && !self.groups.is_full() {
            let Some(&last) = self.groups.last() else { return };
            match next_group(self.hay, &last) {
                Some(group) => self.push(group),
                None => {
                    self.complete = true;
                    self.unwrap_lone_parenthesised_group();
                    self.finish_dot_run();
                    self.mark_date_ending_at(self.groups.len());
                    let end = self.end();
                    self.word_after = word_char_at(self.hay, end) && !is_extension(self.hay, end);
                }
            }
        }
    }

    /// Drops the first `count` groups (already evaluated) to make room.
    pub(crate) fn drop_front(&mut self, count: usize) {
        self.groups.drain(..count);
        self.at_chunk_start = false;
    }

    /// A chunk that is one parenthesised group and nothing else (`(4111111111111111)`,
    /// `(0686091390)`), or nothing else before a spaced dash or slash, is read as the digits
    /// inside: parentheses around a whole number are punctuation, not an area code.
    fn unwrap_lone_parenthesised_group(&mut self) {
        if !(self.at_chunk_start
            && self.plus.is_none()
            && self.groups.len() == 1
            && self.groups[0].paren
            && self.groups[0].flags & FLAG_SPLIT_PAREN == 0)
        {
            return;
        }
        let hay = self.hay;
        let group = &mut self.groups[0];
        let Some((_, close)) = char_before(hay, group.end) else { return };
        group.start += classify(hay, group.start).1;
        group.end = close;
        group.paren = false;
        group.flags |= compact_date_flag(hay, group);
        self.start = group.start;
        self.word_before_first = glued_before(hay, group.start);
    }

    fn push(&mut self, mut group: Group) {
        // A spaced dash or slash ends a list item: a parenthesised group before it that is no
        // area code (seven digits or more) stands alone (`(0465918797) - 01-08-2026`).
        if matches!(group.joint, Joint::Spaced(_)) && self.groups.first().is_some_and(|first| first.len >= 7)
        {
            self.unwrap_lone_parenthesised_group();
        }
        group.flags |= compact_date_flag(self.hay, &group);
        self.total_digits += group.len;
        self.groups.push(group);
        if group.joint == Joint::Sep(Sep::Dot) {
            self.dot_run += 1;
        } else {
            self.finish_dot_run();
            self.dot_run = 1;
        }
        // The date that ends right before this group can now be judged.
        self.mark_date_ending_at(self.groups.len() - 1);
    }

    /// Marks the groups of the dot run that just ended as IPv4 when it is exactly four
    /// groups of one to three digits, each at most 255, the first without a leading `0`,
    /// and no `+` before them.
    fn finish_dot_run(&mut self) {
        let run = self.dot_run;
        let len = self.groups.len();
        let end = if self.complete { len } else { len.saturating_sub(1) };
        if run == 4 && end >= 4 {
            let groups = &mut self.groups[end - 4..end];
            // No address starts with `0` and more digits: `021.254.09.11` is a Bucharest
            // number, written in the trunk-prefix form of a phone.
            let trunk = groups[0].len > 1 && groups[0].head()[0] == 0;
            // Nor after a `+`, a phone number's sign: `+216.30.010.123`, `+238.221.12.34`.
            let signed = end == 4 && self.plus.is_some();
            if !trunk
                && !signed
                && groups.iter().all(|g| !g.paren && (1..=3).contains(&g.len) && g.value() <= 255)
            {
                for g in groups {
                    g.flags |= FLAG_IPV4;
                }
            }
        }
        self.dot_run = 0;
    }

    /// Whether the first group is exactly a country code after a `+`, or a three-digit one
    /// after `00` (the markets of six-digit numbers in pairs; `0049 12.03.24` stays a date).
    fn country_code_first(&self) -> bool {
        let first = &self.groups[0];
        let mut digits = [0u8; 5];
        let (from, len) = match (self.plus.is_some(), first.len) {
            (true, 1..=3) => (0, first.len),
            (false, 5) if first.head().starts_with(&[0, 0]) => (2, 3),
            _ => return false,
        };
        first.decode(self.hay, &mut digits);
        crate::validate::phone::country_code(&digits[from..from + len]).is_some_and(|(code, _)| code == len)
    }

    /// Judges whether groups `next - 3 .. next` form a date, now that the joint of the group
    /// at `next` (or the chunk end) is known.
    fn mark_date_ending_at(&mut self, next: usize) {
        if next < 3 || next > self.groups.len() {
            return;
        }
        let [a, b, c] = [&self.groups[next - 3], &self.groups[next - 2], &self.groups[next - 1]];
        // Right after a `+` or `00` and a country code, the groups are the national number
        // written with dots (`+687 20.12.34`, `00687 20.12.34`: New Caledonia), whatever day
        // and month they look like.
        if next == 4 && self.country_code_first() {
            return;
        }
        let Some(sep) = b.joint.sep() else { return };
        // A neighbour joined the same way continues the date; one joined by a spaced dash or
        // slash only when the date is spaced too (`+393910957560 - 08-07-2025`: a list).
        let continues = |joint: Joint| {
            joint.sep() == Some(sep) && (joint == b.joint || !matches!(joint, Joint::Spaced(_)))
        };
        let after = self.groups.get(next);
        let date = match sep {
            Sep::Dot | Sep::Slash | Sep::Dash => {
                !after.is_some_and(|g| continues(g.joint)) && is_date(a, b, c)
            }
            // `08 10 1972 09:13`: spaced, a date only when a time of day follows it.
            Sep::Space => after.is_some_and(|g| is_hour_of_time(self.hay, g)) && is_spaced_date(a, b, c),
        };
        if !(date && c.joint.sep() == Some(sep) && !a.paren && !b.paren && !c.paren) {
            return;
        }
        let first = if !continues(a.joint) {
            next - 3
        } else if sep != Sep::Space && self.date_range_to(next - 3) {
            next - 6
        } else {
            return;
        };
        for group in &mut self.groups[first..next] {
            group.flags |= FLAG_DATE;
        }
    }

    /// Whether the date of four-digit year starting at group `second` (joined to the group
    /// before it the way its own groups are) ends a range of two such dates: the three groups
    /// before it are one too, and nothing before them joins it the same way
    /// (`05-08-2025–07-08-2025`: an en dash joins them as an ASCII one would).
    #[cold]
    fn date_range_to(&self, second: usize) -> bool {
        let groups = &self.groups;
        let long = |d: &[Group]| d[0].len == 4 || d[2].len == 4;
        let Some(first) = second.checked_sub(3) else { return false };
        let (range, sep) = (&groups[first..second + 3], groups[second].joint.sep());
        long(&range[..3])
            && long(&range[3..])
            && is_date(&range[0], &range[1], &range[2])
            && range[1..].iter().all(|g| g.joint.sep() == sep && !g.paren)
            && !range[0].paren
            && (first == 0 || range[0].joint.sep() != sep)
            && (first > 0 || self.at_chunk_start)
    }
}

/// Day-month-year or month-day-year written with spaces (`08 10 1972`): a four-digit year
/// 1900-2099, so that only a calendar date reads so.
fn is_spaced_date(a: &Group, b: &Group, c: &Group) -> bool {
    (1..=2).contains(&a.len)
        && (1..=2).contains(&b.len)
        && c.len == 4
        && (1900..=2099).contains(&c.value())
        && day_and_month(a.value(), b.value())
}

/// Whether `group` is the hour of a time of day, `H:MM` or `HH:MM` (`09:13`), joined to the
/// group before it by a space.
pub(crate) fn is_hour_of_time(hay: &[u8], group: &Group) -> bool {
    group.joint == Joint::Sep(Sep::Space)
        && !group.paren
        && (1..=2).contains(&group.len)
        && group.value() <= 23
        && matches!(hay.get(group.end..group.end + 3), Some([b':', b'0'..=b'5', b'0'..=b'9']))
}

/// Whether `group` starts an amount written with a thousands comma after it, `1,479` or
/// `12,500` (the comma ends the chunk), joined to the group before it by a space:
/// `TEL:0081312536173 1,479円` ends its number before the price.
pub(crate) fn is_thousands_head(hay: &[u8], group: &Group) -> bool {
    group.joint == Joint::Sep(Sep::Space)
        && !group.paren
        && (1..=3).contains(&group.len)
        && group.head()[0] != 0
        && matches!(hay.get(group.end..group.end + 4), Some([b',', rest @ ..]) if rest.iter().all(u8::is_ascii_digit))
        && !hay.get(group.end + 4).is_some_and(u8::is_ascii_digit)
}

/// [`FLAG_COMPACT_DATE`] for a group of eight digits (not in parentheses) that read as a
/// date, else 0.
fn compact_date_flag(hay: &[u8], group: &Group) -> u8 {
    let mut eight = [0u8; 8];
    let date =
        group.len == 8 && !group.paren && group.decode(hay, &mut eight) == 8 && is_compact_date(&eight);
    if date { FLAG_COMPACT_DATE } else { 0 }
}

/// `YYYYMMDD` with a year 1900-2099 and a valid month and day: `20261121`.
fn is_compact_date(d: &[u8]) -> bool {
    let number =
        |range: std::ops::Range<usize>| d[range].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    matches!(number(0..2), 19 | 20) && (1..=12).contains(&number(4..6)) && (1..=31).contains(&number(6..8))
}

/// The characters outside ASCII, other than separators and closing brackets, that end a
/// token: full-width and ideographic punctuation of Chinese and Japanese text, the Arabic
/// comma and question mark, closing quotes and the ellipsis.
const TOKEN_ENDS: [char; 22] = [
    '，', '。', '、', '！', '？', '：', '；', '」', '』', '】', '،', '؟', '«', '»', '‹', '›', '“', '”', '„',
    '‘', '’', '…',
];

/// Whether the character at `at`, right after a group, ends the token the group is in:
/// whitespace, a line break, a separator, sentence punctuation or a closing quote (`»`,
/// `”`, `>`), also the full-width and ideographic marks of Chinese and Japanese text and
/// the Arabic comma and question mark (`+675 184 1234 5678，谢谢`), and hiragana, which
/// Japanese writes right after a number as its particle (`5587-1775-4965を`, `…5678まで`).
/// Anything else (a letter, `€`, `%`, a kanji unit: `円`) glues the group into a word:
/// `10h`, `24h`, `10€`.
fn ends_token(hay: &[u8], at: usize) -> bool {
    let b = hay[at];
    matches!(b, b'\n' | b'\r' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | b'"' | b'\'' | b'>')
        || matches!(classify(hay, at).0, Class::Sep(_) | Class::Close)
        || (b >= 0x80
            && char_at(hay, at)
                .is_some_and(|(c, _)| TOKEN_ENDS.contains(&c) || ('\u{3041}'..='\u{309F}').contains(&c)))
}

/// Whether an Arabic-script letter touches `at`: Arabic, Persian and Urdu chat often types
/// a word straight onto the number after it when the keyboard switches direction
/// (`رقمي0505575184`, `واتس0551402325`), and codes are not written in Arabic letters, so
/// such a word glues no number into a code.
fn arabic_letter_before(hay: &[u8], at: usize) -> bool {
    at > 0
        && hay[at - 1] >= 0x80
        && char_before(hay, at).is_some_and(|(c, _)| {
            c.is_alphabetic()
                && matches!(u32::from(c), 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
        })
}

/// Whether a word touches the chunk starting at `at` (Hebrew prefix letters do not).
fn glued_before(hay: &[u8], at: usize) -> bool {
    word_char_before(hay, at) && !hebrew_prefix_before(hay, at)
}

/// Whether the group at `at` follows a digit and a colon: the minutes or seconds of a time
/// (`23:25 / 8754-1944`), glued to its hour as a word would be, so that no phone number
/// starts there.
fn minutes_of_time(hay: &[u8], at: usize) -> bool {
    at >= 2 && hay[at - 1] == b':' && hay[at - 2].is_ascii_digit()
}

/// The hyphen that glues the group at `at` to a word: `CHE-123.456.789`, `ABC-1234567` are
/// identifiers.
fn hyphen_glued(hay: &[u8], at: usize) -> Option<usize> {
    char_before(hay, at).map(|(_, dash)| dash).filter(|&dash| {
        hay[dash] == b'-'
            && word_char_before(hay, dash)
            && !matches!(hay.get(dash.wrapping_sub(1)), Some(b'0'..=b'9'))
    })
}

/// An extension glued to a number: `555-0187x204`, `523-222-8888EXT623`, `…1482ext.63`.
fn is_extension(hay: &[u8], at: usize) -> bool {
    let rest = hay.get(at..).unwrap_or_default();
    let marker = match rest {
        [b'x' | b'X', ..] => 1,
        [e, x, t, dot, ..] if [*e, *x, *t].eq_ignore_ascii_case(b"ext") => 3 + usize::from(*dot == b'.'),
        _ => return false,
    };
    rest.get(marker).is_some_and(u8::is_ascii_digit)
}

/// `(+44)`: a `(`, a `+`, the digits of a country code at `anchor` (four at most: `(+1684)`,
/// American Samoa's with its area code), a `)`. Returns the group and the offset of the
/// `(`. A whole number in parentheses (`(+61732241333)`) is read from its `+`, as when it
/// is spaced (`(+61 7 3224 1333)`): the parentheses around it are no part of it.
fn plus_in_parentheses(hay: &[u8], anchor: usize) -> Option<(Group, usize)> {
    let (_, plus) = char_before(hay, anchor)?;
    if classify(hay, plus).0 != Class::Plus {
        return None;
    }
    let (_, open) = char_before(hay, plus)?;
    if classify(hay, open).0 != Class::Open {
        return None;
    }
    let mut group = read_group(hay, anchor, Joint::Start)?;
    let (class, len) = hay.get(group.end).map(|_| classify(hay, group.end))?;
    if class != Class::Close || group.len > 4 {
        return None;
    }
    group.start = open;
    group.end += len;
    group.paren = true;
    Some((group, open))
}

/// Whether two numbers of a date are a plausible day and month, in either order.
#[inline]
pub(crate) fn day_and_month(x: u32, y: u32) -> bool {
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    day_month(x, y) || day_month(y, x)
}

/// Day-month-year, month-day-year or year-month-day, with plausible values.
fn is_date(a: &Group, b: &Group, c: &Group) -> bool {
    match (a.len, b.len, c.len) {
        (1..=2, 1..=2, 4) | (1..=2, 1..=2, 2) => day_and_month(a.value(), b.value()),
        (4, 1..=2, 1..=2) => day_and_month(c.value(), b.value()),
        _ => false,
    }
}

/// Whether a messaging link that takes a number in international form without its `+` ends
/// right at `at`: `wa.me/447911123456`, `api.whatsapp.com/send?phone=447911123456` (any
/// `phone=` parameter). The digits are then read as if a `+` came before them.
fn link_before(hay: &[u8], at: usize) -> bool {
    const LINKS: [&[u8]; 2] = [b"wa.me/", b"phone="];
    LINKS.iter().any(|link| at >= link.len() && hay[at - link.len()..at].eq_ignore_ascii_case(link))
}

/// The offset of a `+` (optionally followed by one space, or URL-encoded as links carry it:
/// `tel:%2B447911123456`) that ends right at `at`, when the `+` itself does not follow a
/// letter (after a digit it still starts a number: `…0002+33 6 12 34 56 78` is a card then a
/// phone).
fn plus_before(hay: &[u8], at: usize) -> Option<usize> {
    let (_, prev) = char_before(hay, at)?;
    let plus = match classify(hay, prev).0 {
        _ if url_encoded_plus_before(hay, at) => at - 3,
        Class::Plus => prev,
        Class::Sep(Sep::Space) => {
            let (_, before) = char_before(hay, prev)?;
            (classify(hay, before).0 == Class::Plus).then_some(before)?
        }
        _ => return None,
    };
    (!char_before(hay, plus).is_some_and(|(c, _)| is_boundary_letter(c))).then_some(plus)
}

/// Whether a URL-encoded `+` (`%2B`) ends right at `at`.
pub(crate) fn url_encoded_plus_before(hay: &[u8], at: usize) -> bool {
    at >= 3 && hay[at - 3..at].eq_ignore_ascii_case(b"%2B")
}

/// Reads the group after `last`: one separator (or none after/before a parenthesis), then
/// digits or a parenthesised group.
fn next_group(hay: &[u8], last: &Group) -> Option<Group> {
    let at = last.end;
    if at >= hay.len() {
        return None;
    }
    let class_at = |i: usize| (i < hay.len()).then(|| classify(hay, i));
    let (class, len) = classify(hay, at);
    match class {
        // People also type a separator with spaces around it (`0170 / 1234567`,
        // `4532 - 0864`), or with a space after it only (`0176/ 12345678`), or two spaces;
        // each still joins two groups. (Not a space before it only: `41.51 -147.04` is a
        // pair of coordinates, `-147.04` a negative number.)
        Class::Sep(Sep::Space) => match class_at(at + len) {
            Some((Class::Sep(Sep::Space), second)) => {
                read_group(hay, at + len + second, Joint::Sep(Sep::Space))
            }
            Some((Class::Sep(sep @ (Sep::Dash | Sep::Slash)), middle)) => {
                let after = at + len + middle;
                match class_at(after) {
                    Some((Class::Sep(Sep::Space), third)) => {
                        read_group(hay, after + third, Joint::Spaced(sep))
                    }
                    _ => None,
                }
            }
            _ => read_group(hay, at + len, Joint::Sep(Sep::Space)),
        },
        // `0176/ 12345678`, `+49 176- 12345678`: as spaced on both sides.
        Class::Sep(sep @ (Sep::Dash | Sep::Slash)) => match hay.get(at + len) {
            // (A digit first, as in nearly every date and number, without classifying it.)
            Some(b'0'..=b'9') => read_group(hay, at + len, Joint::Sep(sep)),
            _ => match class_at(at + len) {
                Some((Class::Sep(Sep::Space), space)) => {
                    read_group(hay, at + len + space, Joint::Spaced(sep))
                }
                _ => read_group(hay, at + len, Joint::Sep(sep)),
            },
        },
        Class::Sep(sep) => read_group(hay, at + len, Joint::Sep(sep)),
        Class::Open => read_group(hay, at, Joint::Adjacent),
        Class::Digit(_) if last.paren => read_group(hay, at, Joint::Adjacent),
        _ => None,
    }
}

/// Where the `(` of a parenthesised group with a space inside it stands, when the group ends
/// right before `anchor` or one space before it: `( 19 ) 3829-4427`, `(19 ) 3829`,
/// `( 19)3829` (ASCII only; one to five digits inside).
fn spaced_parenthesis_before(hay: &[u8], anchor: usize) -> Option<usize> {
    let before = &hay[..anchor];
    let before = before.strip_suffix(b" ").unwrap_or(before);
    let inside = before.strip_suffix(b")")?;
    let digits_end = inside.strip_suffix(b" ").unwrap_or(inside);
    let digits = digits_end.iter().rev().take(6).take_while(|b| b.is_ascii_digit()).count();
    let digits_start = &digits_end[..digits_end.len() - digits];
    let open_at = digits_start.strip_suffix(b" ").unwrap_or(digits_start);
    let spaced = open_at.len() < digits_start.len() || digits_end.len() < inside.len();
    ((1..=5).contains(&digits) && spaced && open_at.ends_with(b"(")).then(|| open_at.len() - 1)
}

/// Reads a group starting at `at` (a digit, or `(` followed by digits and `)`).
fn read_group(hay: &[u8], at: usize, joint: Joint) -> Option<Group> {
    if at >= hay.len() {
        return None;
    }
    let mut pos = at;
    let paren = match classify(hay, at) {
        (Class::Open, len) => {
            // One space may stand inside each parenthesis: `( 19 )`.
            pos += len + usize::from(hay.get(at + len) == Some(&b' '));
            true
        }
        (Class::Digit(_), _) => false,
        _ => return None,
    };
    let mut group = Group { start: at, end: at, len: 0, head: [0; HEAD], joint, paren, flags: 0 };
    pos = read_digits(hay, pos, &mut group);
    if group.len == 0 {
        return None;
    }
    if paren {
        pos = close_parenthesised_group(hay, at, pos, &mut group)?;
    }
    group.end = pos;
    Some(group)
}

/// Reads the rest of a parenthesised group opened at `open` after its first digits, which
/// end at `pos`: a trunk's area code (see [`split_parenthesised_group`]; not when a space
/// follows the `(`: `( 06 1 )` is not read), an optional space, the `)`. Returns where the
/// group ends. (Out of line: most groups are not in parentheses.)
#[inline(never)]
fn close_parenthesised_group(hay: &[u8], open: usize, mut pos: usize, group: &mut Group) -> Option<usize> {
    let spaced_open = hay.get(open + classify(hay, open).1) == Some(&b' ');
    if hay.get(pos) == Some(&b' ') && hay.get(pos + 1) == Some(&b')') {
        pos += 1;
    } else if !spaced_open {
        pos = split_parenthesised_group(hay, pos, group)?;
    }
    match hay.get(pos).map(|_| classify(hay, pos)) {
        Some((Class::Close, len)) => Some(pos + len),
        _ => None,
    }
}

/// Reads the digits from `pos` into `group`; returns where they end.
#[inline(always)]
fn read_digits(hay: &[u8], mut pos: usize, group: &mut Group) -> usize {
    while pos < hay.len() {
        // ASCII digits first, one byte each.
        let b = hay[pos];
        if b.is_ascii_digit() {
            if group.len < HEAD {
                group.head[group.len] = b - b'0';
            }
            group.len += 1;
            pos += 1;
            continue;
        }
        match classify(hay, pos) {
            (Class::Digit(value), len) => {
                if group.len < HEAD {
                    group.head[group.len] = value;
                }
                group.len += 1;
                pos += len;
            }
            _ => break,
        }
    }
    pos
}

/// A trunk prefix and an area code in one pair of parentheses, a space or dash between them
/// (`(06 1) 234 5678`, `(06-30) 123 4567`, `(0 30) 1234567`), as the chunk's first group:
/// reads the area code (one to four digits) into `group` after its trunk, which ends at
/// `pos`. Returns where the group's digits end: `pos` when no separator follows the digits
/// read, `None` when one does but no area code fits.
fn split_parenthesised_group(hay: &[u8], pos: usize, group: &mut Group) -> Option<usize> {
    let Some((Class::Sep(Sep::Space | Sep::Dash), len)) = hay.get(pos).map(|_| classify(hay, pos)) else {
        return Some(pos);
    };
    let trunk = group.len;
    let area_starts = hay.get(pos + len).is_some_and(|b| matches!(b, b'1'..=b'9'));
    if group.joint != Joint::Start || !matches!(group.head(), [0] | [0, 6]) || !area_starts {
        return None;
    }
    let end = read_digits(hay, pos + len, group);
    if !(1..=4).contains(&(group.len - trunk)) {
        return None;
    }
    group.flags |= FLAG_SPLIT_PAREN;
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk_of(text: &str) -> Vec<(String, usize, Joint, u8)> {
        let hay = text.as_bytes();
        let anchor = hay.iter().position(u8::is_ascii_digit).unwrap();
        let mut chunk = Chunk::new(hay, anchor);
        chunk.fill();
        assert!(chunk.complete);
        chunk.groups().iter().map(|g| (text[g.start..g.end].to_string(), g.len, g.joint, g.flags)).collect()
    }

    #[test]
    fn groups_are_joined_by_single_separators() {
        let groups = chunk_of("x 06 12.34-56/78   99");
        let texts: Vec<_> = groups.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, ["06", "12", "34", "56", "78"]);
        assert_eq!(groups[1].2, Joint::Sep(Sep::Space));
        assert_eq!(groups[2].2, Joint::Sep(Sep::Dot));
        assert_eq!(groups[4].2, Joint::Sep(Sep::Slash));
    }

    #[test]
    fn parentheses_form_groups() {
        let texts: Vec<_> = chunk_of("+44 (0)20 7946").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["44", "(0)", "20", "7946"]);
        let texts: Vec<_> = chunk_of("(555)123-4567").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["(555)", "123", "4567"]);
        let texts: Vec<_> = chunk_of("(555 123").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["555", "123"]);
        let texts: Vec<_> = chunk_of("0170 / 1234567  89").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["0170", "1234567", "89"], "spaced and doubled separators");
        let texts: Vec<_> = chunk_of("(+44) 7911").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["(+44)", "7911"]);
        // One space inside each parenthesis, or either.
        for (text, first) in
            [("( 19 ) 3829-4427", "( 19 )"), ("(19 ) 3829", "(19 )"), ("x ( 19) 3829", "( 19)")]
        {
            let groups = chunk_of(text);
            assert_eq!((groups[0].0.as_str(), groups[0].1), (first, 2), "{text}");
            assert_eq!(groups[1].0, "3829", "{text}");
        }
        // Not two spaces, and not a trunk and an area code apart inside spaced parentheses.
        assert_eq!(chunk_of("(  19 ) 3829")[0].0, "19");
        assert_eq!(chunk_of("( 06 1 ) 234")[0].0, "06");
    }

    #[test]
    fn a_trunk_and_an_area_code_share_one_pair_of_parentheses() {
        let groups = chunk_of("(06 1) 234 5678");
        assert_eq!(groups[0].0, "(06 1)");
        assert_eq!((groups[0].1, groups[0].3), (3, FLAG_SPLIT_PAREN));
        let texts: Vec<_> = chunk_of("(0-30) 1234567").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["(0-30)", "1234567"]);
        // Not after another group, not two separators, not an area code of five digits or
        // starting with 0, not another trunk.
        let texts: Vec<_> = chunk_of("12 (0 30) 4567").into_iter().map(|g| g.0).collect();
        assert_eq!(texts, ["12"]);
        for text in ["(0 3 0) 4567", "(0 12345) 4567", "(0 030) 4567", "(07 30) 4567"] {
            assert!(chunk_of(text)[0].0 != text[..text.find(')').unwrap() + 1], "{text}");
        }
        // Alone, it stays in its parentheses.
        assert_eq!(chunk_of("(06 1)")[0].0, "(06 1)");
    }

    #[test]
    fn plus_is_found_before_the_chunk() {
        let hay = b"call + 1 (123) 456 7890";
        let chunk = Chunk::new(hay, 7);
        assert_eq!(chunk.plus, Some(5));
        let chunk = Chunk::new(b"a+447966197542", 2);
        assert_eq!(chunk.plus, None, "a + after a letter is no prefix");
        let chunk = Chunk::new(b"1+447966197542", 2);
        assert_eq!(chunk.plus, Some(1), "a + after a digit still is");
    }

    #[test]
    fn dates_and_ipv4_are_flagged() {
        let groups = chunk_of("on 01.12.2026 10");
        assert_eq!(groups[0].3 & FLAG_DATE, FLAG_DATE);
        assert_eq!(groups[3].3 & FLAG_DATE, 0);
        let groups = chunk_of("06.12.34.56.78");
        assert!(groups.iter().all(|g| g.3 == 0), "{groups:?}");
        let groups = chunk_of("ip 192.168.100.200 ok");
        assert!(groups.iter().all(|g| g.3 & FLAG_IPV4 != 0));
        let groups = chunk_of("1.2.3.4.5");
        assert!(groups.iter().all(|g| g.3 & FLAG_IPV4 == 0));
        let groups = chunk_of("tel +216.30.010.123");
        assert!(groups.iter().all(|g| g.3 & FLAG_IPV4 == 0), "{groups:?}");
        let groups = chunk_of("2026-11-21");
        assert!(groups.iter().all(|g| g.3 == FLAG_DATE));
        let groups = chunk_of("born 08 10 1972 09:13");
        assert_eq!(groups.iter().map(|g| g.3).collect::<Vec<_>>(), [FLAG_DATE, FLAG_DATE, FLAG_DATE, 0]);
        for undated in [
            "08 10 1972 ok",
            "08 10 1972 09 13",
            "08 10 1872 09:13",
            "08 10 1972 25:13",
            "07 08 10 1972 09:13",
        ] {
            let groups = chunk_of(undated);
            assert!(groups.iter().all(|g| g.3 == 0), "{undated}: {groups:?}");
        }
    }

    #[test]
    fn a_long_chunk_is_read_through_a_bounded_window() {
        let text = "1 ".repeat(1000);
        let hay = text.as_bytes();
        let mut chunk = Chunk::new(hay, 0);
        let mut seen = 0;
        loop {
            chunk.fill();
            let ready = if chunk.complete { chunk.groups().len() } else { chunk.groups().len() - LOOKAHEAD };
            seen += ready;
            if chunk.complete {
                break;
            }
            chunk.drop_front(ready);
        }
        assert_eq!(seen, 1000);
    }
}
