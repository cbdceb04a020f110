//! The five kinds of sensitive value piimask detects, and sets of them.
//! Names are stable: they appear in configurations, vectors, CLI output and bindings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ConfigError;

/// A kind of sensitive value.
///
/// # Example
/// ```
/// use piimask::Kind;
/// assert_eq!("phone".parse::<Kind>().unwrap(), Kind::Phone);
/// assert_eq!(Kind::Card.name(), "card");
/// assert_eq!(Kind::Iban.label(), "[IBAN]");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A payment card number (PAN): Luhn-valid, with a brand's IIN and length.
    Card,
    /// An international bank account number: registry country, exact length, mod-97.
    Iban,
    /// A US social security number or ITIN, a French social security number (NIR), a
    /// Spanish DNI or NIE, an Italian codice fiscale, a UK National Insurance number, or
    /// another national number that plays its part, named as such (BSN, SIN, РНОКПП,
    /// Steuer-IdNr).
    Ssn,
    /// An email address.
    Email,
    /// A phone number, international or national.
    Phone,
}

impl Kind {
    /// All kinds, in declaration order.
    pub const ALL: [Kind; 5] = [Kind::Card, Kind::Iban, Kind::Ssn, Kind::Email, Kind::Phone];

    /// The lower-case name used in configurations and output (`"card"`).
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Card => "card",
            Kind::Iban => "iban",
            Kind::Ssn => "ssn",
            Kind::Email => "email",
            Kind::Phone => "phone",
        }
    }

    /// The text the `label` style writes in place of a value (`"[CARD]"`).
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Card => "[CARD]",
            Kind::Iban => "[IBAN]",
            Kind::Ssn => "[SSN]",
            Kind::Email => "[EMAIL]",
            Kind::Phone => "[PHONE]",
        }
    }

    /// Rank used to break ties between overlapping candidates of equal length:
    /// EMAIL, IBAN, CARD, SSN, PHONE (lower wins).
    pub(crate) const fn tie_rank(self) -> u8 {
        match self {
            Kind::Email => 0,
            Kind::Iban => 1,
            Kind::Card => 2,
            Kind::Ssn => 3,
            Kind::Phone => 4,
        }
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Kind, ConfigError> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ConfigError::UnknownKind { name: s.to_string() })
    }
}

/// A set of kinds (a small bit set).
///
/// # Example
/// ```
/// use piimask::{Kind, KindSet};
/// let set: KindSet = [Kind::Card, Kind::Email].into_iter().collect();
/// assert!(set.contains(Kind::Card));
/// assert!(!set.contains(Kind::Phone));
/// assert_eq!(set.iter().collect::<Vec<_>>(), vec![Kind::Card, Kind::Email]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(u8);

impl KindSet {
    /// The empty set.
    pub const EMPTY: KindSet = KindSet(0);
    /// Every kind.
    pub const ALL: KindSet = KindSet(0b1_1111);

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// Adds `kind` to the set.
    pub fn insert(&mut self, kind: Kind) {
        self.0 |= 1 << kind as u8;
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |kind| self.contains(*kind))
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> KindSet {
        let mut set = KindSet::EMPTY;
        for kind in iter {
            set.insert(kind);
        }
        set
    }
}

impl fmt::Debug for KindSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for KindSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for KindSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KindSet, D::Error> {
        let kinds = Vec::<Kind>::deserialize(deserializer)?;
        Ok(kinds.into_iter().collect())
    }
}
