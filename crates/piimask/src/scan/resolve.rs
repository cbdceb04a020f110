//! Overlap resolution: validated candidates that overlap merge into one match covering
//! their union, with the kind of the longest candidate (ties: EMAIL, IBAN, CARD, SSN, PHONE).
//! A merged match is released only once no later candidate can still touch it; a phone match
//! then takes in the extension written after it (`validate::extension`).

use super::{Candidate, Candidates};
use crate::kind::Kind;
use crate::span::{Match, Span};
use crate::validate::extension::extension_end;

/// No candidate starts more than this many bytes before the anchor it was found from
/// (an email's local part is at most 64 characters, 256 bytes, before its `@`; a phone's
/// `+ (` or an IBAN's `SV ` a few bytes before its first digit).
pub(crate) const LOOKBACK: usize = 4 * 64 + 8;

/// Candidates waiting to be merged, sorted by start.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    /// `pending[head..]` wait; the ones before `head` were released. Inline while few, so
    /// that a message with a value or two allocates nothing here; released ones are dropped
    /// at the next `absorb` (no shift per match, so releasing stays linear).
    pending: Candidates,
    head: usize,
}

impl Resolver {
    /// Takes the candidates the scanner just found (emptying `found`) and keeps the
    /// pending ones sorted by start.
    pub(crate) fn absorb(&mut self, found: &mut Candidates) {
        if self.head > 0 {
            self.pending.drain(..self.head);
            self.head = 0;
        }
        self.pending.extend(found.drain(..));
        if self.pending.len() > 1 {
            self.pending.sort_by_key(|c| (c.start, c.end));
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.head == self.pending.len()
    }

    /// The next merged match, if it is final: when `scanned_to` is given, only a match that
    /// ends at least `LOOKBACK` bytes before it (no later candidate can reach it).
    pub(crate) fn pop(&mut self, hay: &[u8], scanned_to: Option<usize>) -> Option<Match> {
        let waiting = &self.pending[self.head..];
        let first = *waiting.first()?;
        let mut end = first.end;
        let mut merged = 1;
        for candidate in &waiting[1..] {
            if candidate.start >= end {
                break;
            }
            end = end.max(candidate.end);
            merged += 1;
        }
        if scanned_to.is_some_and(|to| end + LOOKBACK > to) {
            return None;
        }
        // The kind is decided once, when the match is final (the scanner asks again after
        // every chunk until then); a lone candidate keeps its own.
        let kind = match merged {
            1 => first.kind,
            _ => {
                let ranked = |c: &Candidate| (c.kind, char_count(hay, c.start, c.end));
                let others = waiting[1..merged].iter().map(ranked);
                others.fold(ranked(&first), |best, other| if outranks(other, best) { other } else { best }).0
            }
        };
        self.head += merged;
        if self.head == self.pending.len() {
            self.pending.clear();
            self.head = 0;
        }
        // A phone number takes in the extension written after it (`555-0187x204`), unless
        // the next match starts inside it.
        let end = match kind {
            Kind::Phone => extension_end(hay, end)
                .filter(|&with_extension| {
                    self.pending.get(self.head).is_none_or(|next| next.start >= with_extension)
                })
                .unwrap_or(end),
            _ => end,
        };
        Some(Match::new(kind, Span::new(first.start, end)))
    }
}

/// Whether a candidate `(kind, length in chars)` gives its kind to a merged match over the
/// current best: the longest wins, ties go by kind order. Exception, to fail closed: a
/// digit kind (card, SSN, phone) never wins over an overlapping EMAIL or IBAN, because its
/// mask keeps letters readable that theirs would hide.
fn outranks(candidate: (Kind, usize), best: (Kind, usize)) -> bool {
    let masks_letters = |kind: Kind| matches!(kind, Kind::Email | Kind::Iban);
    if masks_letters(candidate.0) != masks_letters(best.0) {
        return masks_letters(candidate.0);
    }
    candidate.1 > best.1 || (candidate.1 == best.1 && candidate.0.tie_rank() < best.0.tie_rank())
}

/// Characters (code points) in `hay[start..end]`: bytes that are not UTF-8 continuations.
fn char_count(hay: &[u8], start: usize, end: usize) -> usize {
    hay[start..end].iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(hay: &str, candidates: &[(usize, usize, Kind)]) -> Vec<(usize, usize, Kind)> {
        let mut resolver = Resolver::default();
        let mut found: Candidates =
            candidates.iter().map(|&(start, end, kind)| Candidate::new(start, end, kind)).collect();
        resolver.absorb(&mut found);
        std::iter::from_fn(|| resolver.pop(hay.as_bytes(), None))
            .map(|m| (m.start(), m.end(), m.kind()))
            .collect()
    }

    #[test]
    fn overlapping_candidates_merge_with_the_longest_kind() {
        let hay = "x".repeat(40);
        assert_eq!(resolve(&hay, &[(0, 20, Kind::Email), (5, 16, Kind::Card)]), [(0, 20, Kind::Email)]);
        assert_eq!(
            resolve(&hay, &[(0, 10, Kind::Phone), (10, 20, Kind::Card)]),
            [(0, 10, Kind::Phone), (10, 20, Kind::Card)],
            "touching spans stay apart"
        );
        assert_eq!(
            resolve(&hay, &[(0, 10, Kind::Phone), (2, 12, Kind::Card), (11, 30, Kind::Iban)]),
            [(0, 30, Kind::Iban)],
            "chains merge"
        );
        assert_eq!(resolve(&hay, &[(0, 10, Kind::Phone), (0, 10, Kind::Ssn)]), [(0, 10, Kind::Ssn)], "tie");
        assert_eq!(
            resolve(&hay, &[(0, 19, Kind::Card), (15, 28, Kind::Email)]),
            [(0, 28, Kind::Email)],
            "a card never hides an email's letters from its mask"
        );
    }

    #[test]
    fn a_match_waits_until_nothing_can_reach_it() {
        let hay = "y".repeat(200);
        let mut resolver = Resolver::default();
        resolver.absorb(&mut smallvec::smallvec![Candidate::new(10, 20, Kind::Card)]);
        assert_eq!(resolver.pop(hay.as_bytes(), Some(50)), None);
        assert!(resolver.pop(hay.as_bytes(), Some(20 + LOOKBACK)).is_some());
        assert!(resolver.is_empty());
    }

    /// Released matches are dropped lazily: candidates absorbed after some were released
    /// merge with the ones still waiting, and nothing is released twice.
    #[test]
    fn candidates_absorbed_after_a_release_merge_with_those_waiting() {
        let hay = "z".repeat(2000);
        let mut resolver = Resolver::default();
        let card = |start: usize, end: usize| Candidate::new(start, end, Kind::Card);
        let mut first: Candidates = (0..6).map(|i| card(100 * i, 100 * i + 20)).collect();
        resolver.absorb(&mut first);
        assert!(first.is_empty());
        let released = std::iter::from_fn(|| resolver.pop(hay.as_bytes(), Some(300 + LOOKBACK)));
        assert_eq!(released.map(|m| m.start()).collect::<Vec<_>>(), [0, 100, 200]);
        resolver.absorb(&mut smallvec::smallvec![card(515, 530), card(290, 310)]);
        let rest: Vec<_> =
            std::iter::from_fn(|| resolver.pop(hay.as_bytes(), None)).map(|m| (m.start(), m.end())).collect();
        assert_eq!(rest, [(290, 320), (400, 420), (500, 530)]);
        assert!(resolver.is_empty());
    }
}
