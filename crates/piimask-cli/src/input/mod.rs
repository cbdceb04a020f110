//! Input formats: plain text (any bytes, masked line block by line block), JSONL records
//! (masked in place), and the small JSON lexer JSONL relies on.

pub mod json;
pub mod jsonl;
pub mod text;
