//! The fuzzed masker configuration: a fixed-size prefix of every input decodes into a
//! [`MaskerConfig`], valid or not (all zero bytes = the default configuration).
//!
//! | byte | meaning |
//! |---|---|
//! | 0 | kinds: bit `k` set = kind `k` (card, iban, ssn, email, phone) *off*; all set = no kind (an error) |
//! | 1 | the mask character, an index into [`MASK_CHARS`] |
//! | 2 + 2k | kind `k`: bits 0-1 style (compact, preserve, label, redact); bit 2 keep_head set; bit 3 keep_tail set; bit 4 own mask character, [`MASK_CHARS`] index in bits 5-7 |
//! | 3 + 2k | kind `k`: keep_head in bits 0-3, keep_tail in bits 4-7 (over the caps: an error) |

use piimask::{Kind, MaskerConfig, Style};

/// How many bytes the configuration takes at the start of an input.
pub const CONFIG_BYTES: usize = 12;

/// Mask characters the fuzzer picks from: valid ones, separators and signs that the
/// scanner reads (valid too), and invalid ones (a letter, a digit, whitespace, `@`, `<`).
pub const MASK_CHARS: [char; 24] = [
    '*', '#', '•', '×', '█', '_', '-', '.', '+', '/', '(', ')', ':', '·', '\u{FF0A}', '~', 'x', '0', ' ',
    '@', '<', '٣', '\u{2013}', '\u{00A0}',
];

/// Decodes the configuration prefix (missing bytes count as zero).
pub fn decode_config(bytes: &[u8]) -> MaskerConfig {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mask_char = |index: u8| MASK_CHARS[usize::from(index) % MASK_CHARS.len()];
    let off = byte(0);
    let mut config = MaskerConfig {
        kinds: Kind::ALL.into_iter().filter(|kind| off & (1 << kind_bit(*kind)) == 0).collect(),
        mask_char: mask_char(byte(1)),
        ..MaskerConfig::default()
    };
    for kind in Kind::ALL {
        let (flags, keep) = (byte(2 + 2 * kind_bit(kind)), byte(3 + 2 * kind_bit(kind)));
        let options = config.options_mut(kind);
        options.style = Style::ALL[usize::from(flags & 3)];
        options.keep_head = (flags & 4 != 0).then_some(u32::from(keep & 0x0F));
        options.keep_tail = (flags & 8 != 0).then_some(u32::from(keep >> 4));
        options.mask_char = (flags & 16 != 0).then(|| mask_char(flags >> 5));
    }
    config
}

/// The configuration prefix giving every kind `style` with its default head and tail.
pub fn config_bytes(style: Style) -> [u8; CONFIG_BYTES] {
    let mut bytes = [0; CONFIG_BYTES];
    let index = Style::ALL.iter().position(|s| *s == style).unwrap_or(0) as u8;
    for kind in Kind::ALL {
        bytes[2 + 2 * kind_bit(kind)] = index;
    }
    bytes
}

fn kind_bit(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_are_the_default_configuration() {
        assert_eq!(decode_config(&[0; CONFIG_BYTES]), MaskerConfig::default());
        assert_eq!(decode_config(&[]), MaskerConfig::default());
        let preserve = decode_config(&config_bytes(Style::Preserve));
        assert!(Kind::ALL.iter().all(|k| preserve.options(*k).style == Style::Preserve));
        assert!(decode_config(&[0x1F]).kinds.is_empty());
    }

    #[test]
    fn every_decoded_configuration_parses_back() {
        // Reproductions rebuild configurations from their JSON form.
        for b in 0..=255u8 {
            let config = decode_config(&[b, b, b, b.rotate_left(3), b ^ 0x55, b, b, b, b, b, b, b]);
            assert_eq!(MaskerConfig::from_json(&config.to_json()).unwrap(), config);
        }
    }
}
