//! Rust literals for reproductions: every input's `Debug` is code that rebuilds it.

use piimask::MaskerConfig;

/// A Rust expression of type `Vec<u8>` holding `bytes`: a string literal when they are
/// UTF-8 (readable), a byte-string literal otherwise.
pub fn bytes_expr(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => format!("{}.as_bytes().to_vec()", str_literal(text)),
        Err(_) => format!("{}.to_vec()", byte_literal(bytes)),
    }
}

/// A Rust string literal holding `text`.
pub fn str_literal(text: &str) -> String {
    // `str`'s Debug writes valid Rust string-literal syntax (escapes `"`, `\`, controls).
    format!("{text:?}")
}

/// A Rust byte-string literal holding `bytes`.
pub fn byte_literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push_str("b\"");
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// A Rust raw string literal holding `text`, with as many `#` as it needs.
pub fn raw_literal(text: &str) -> String {
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
}

/// A Rust expression that rebuilds `config` (which may be invalid: validation happens in
/// `build()`, and parsing accepts every configuration this crate generates).
pub fn config_expr(config: &MaskerConfig) -> String {
    format!("piimask::MaskerConfig::from_json({}).unwrap()", raw_literal(&config.to_json()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_they_must() {
        assert_eq!(byte_literal(b"a\"\\\n\xff"), r#"b"a\"\\\n\xff""#);
        assert_eq!(raw_literal(r##"{"c":"#"}"##), "r##\"{\"c\":\"#\"}\"##");
        assert_eq!(bytes_expr("é".as_bytes()), "\"é\".as_bytes().to_vec()");
        let config = MaskerConfig { mask_char: '#', ..MaskerConfig::default() };
        let expr = config_expr(&config);
        let json = expr.split_once("r##\"").unwrap().1.rsplit_once("\"##").unwrap().0;
        assert_eq!(MaskerConfig::from_json(json).unwrap(), config);
    }
}
