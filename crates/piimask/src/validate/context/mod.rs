//! Key words near a number, on its line within 64 characters: phone words ("tel",
//! "téléphone") let a bare digit run count as a phone, SSN words as an SSN, and label
//! words ("order", "Kundennummer", "IMEI", "SKU") say the number is something else. The
//! nearest key word before a number decides; number words ("number", "n°", "№") are weak
//! and only decide when nothing nearer-but-stronger is found.
//!
//! Words are found with one aho-corasick automaton over a bounded window per chunk, so the
//! whole scan stays linear.
//!
//! - [`words`]: the key-word table, what each word says ([`Key`]);
//! - [`keywords`]: the automaton built from it ([`KeyWords`]) and the per-haystack search
//!   cursor ([`KeyCursor`]);
//! - [`window`]: the character windows on a line that bound a search;
//! - [`probe`]: the questions a validator asks about one chunk ([`ContextProbe`]).

mod keywords;
mod probe;
mod window;
mod words;

pub(crate) use keywords::{KeyCursor, KeyWords};
pub(crate) use probe::{ContextProbe, NumberWord};

/// How far from a number a key word may be, in characters.
pub(crate) const CONTEXT_WINDOW: usize = 64;

/// What a key word says about a nearby number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// It is a phone number.
    Phone,
    /// "number", "n°": says nothing by itself; connects a label to its number.
    Number,
    /// It is an SSN.
    Ssn,
    /// It is some other identifier or quantity (order, invoice, IMEI, postcode...).
    Label,
    /// It is a product or parcel code (EAN, ISBN, tracking): not even a card.
    Code,
    /// "card": the number after it is a card or nothing. Not a label in front of the
    /// number (a phone number may follow the card it names: `card 4111… 0612345678`), but
    /// it decides as one (no phone or SSN word nearer), and it turns the word for number
    /// after it into a card's (`Kart numaram 3042 319995 9027`).
    Card,
}
