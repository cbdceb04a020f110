//! Hostile inputs through the core, 8 MB each (the `hostile` bench runs the same inputs at
//! 10 and 100 MB and checks that time grows linearly): long runs of digits, `@`,
//! separators, digits alternating with separators, full-width digits, lines of near-miss
//! IBANs; and invalid UTF-8 at every position of a card number. Each must not panic, must
//! leave masked output a fixpoint, and must keep the stream masker's memory bounded.
//! (The CLI's hostile JSON and CSV inputs are in `crates/piimask-cli/tests/hostile.rs`;
//! an 8 MB line and 8 million digits through the CLI are in `crates/piimask-cli/tests/cli.rs`.)

use std::borrow::Cow;

use piimask::stream::MAX_HOLD;
use piimask::{Kind, Masker, StreamMasker};
use piimask_benches::hostile::Hostile;

const SIZE: usize = 8 << 20;

/// Digits alternating with separators scan at a few MB/s (every digit starts a candidate
/// of every kind): 2 MB keeps the test short; the bench runs them at 100 MB.
fn size(hostile: Hostile) -> usize {
    match hostile {
        Hostile::DigitSpace | Hostile::DigitSeparators => 2 << 20,
        _ => SIZE,
    }
}

/// Masks through `mask` and the stream masker; checks what must hold for any input.
fn check(masker: &Masker, name: &str, text: &str) -> String {
    let masked = masker.mask(text).into_owned();
    let left: Vec<_> = masker.find_iter(&masked).take(3).collect();
    assert!(left.is_empty(), "{name}: masked output still holds {left:?}");
    let mut stream = StreamMasker::new(masker);
    let mut out = Vec::with_capacity(text.len());
    for chunk in text.as_bytes().chunks(64 << 10) {
        stream.feed(chunk, &mut out);
        assert!(stream.held() <= MAX_HOLD, "{name}: the stream masker holds {} bytes", stream.held());
    }
    stream.finish(&mut out);
    // Lines longer than MAX_HOLD with no quiet stretch are cut and digits around the cut
    // masked outright (fail closed), so only inputs with short lines must stream exactly;
    // the others must leave nothing to find.
    if text.lines().all(|line| line.len() < MAX_HOLD) {
        assert_eq!(out, masked.as_bytes(), "{name}: stream output differs from whole-buffer masking");
    } else {
        let left: Vec<_> = masker.find_iter_bytes(&out).take(3).collect();
        assert!(left.is_empty(), "{name}: streamed output still holds {left:?}");
    }
    masked
}

#[test]
fn hostile_texts_of_8_mb() {
    let masker = Masker::default();
    for hostile in Hostile::ALL {
        let text = hostile.text(size(hostile));
        let started = std::time::Instant::now();
        let masked = check(&masker, hostile.name(), &text);
        println!(
            "{}: {:.1} s (informational; linearity is checked by the bench)",
            hostile.name(),
            started.elapsed().as_secs_f64()
        );
        match hostile {
            // Nothing there can be a value: the text comes back borrowed, unchanged.
            Hostile::Digits | Hostile::Ats | Hostile::Separators | Hostile::FullWidthDigits => {
                assert!(matches!(masker.mask(&text), Cow::Borrowed(_)), "{}", hostile.name());
            }
            Hostile::NearMissIbans => {
                assert!(
                    masker.find_iter(&text).all(|m| m.kind() != Kind::Iban),
                    "a near miss was read as an IBAN"
                );
                // A value of IBAN shape whose check fails vetoes every other reading of its
                // digits. (Lines a character short are no IBAN shape: their `0044 …` may read
                // as a phone number, and is masked as one.)
                for line in [
                    "IBAN DE89 3704 0044 0532 0130 01\n",
                    "IBAN DE89370400440532013001\n",
                    "IBAN NL91ABNA041716430\n",
                ] {
                    assert_eq!(masked.matches(line).count(), text.matches(line).count(), "{line:?} changed");
                }
            }
            _ => assert_eq!(masked.lines().count(), text.lines().count()),
        }
    }
}

/// Every invalid UTF-8 sequence, inserted at every position of a card number (and
/// replacing every byte of it): never a panic, the invalid bytes pass through in place,
/// matches cover only valid UTF-8, the output is a fixpoint, and a card the invalid bytes
/// only touch from outside is still masked.
///
/// A card *split* by invalid bytes reads as two digit runs, as a card split by any other
/// non-separator would: `4111 1111 1111 111\xff1` keeps its digits (see the closing note of
/// issue 8: a Windows-1252 no-break space, byte A0, inside a card number is such a split).
#[test]
fn hostile_invalid_utf8_at_every_position_of_a_card_number() {
    let masker = Masker::default();
    let card: &[u8] = b"4111 1111 1111 1111";
    let invalid: [&[u8]; 6] = [b"\xff", b"\xc3", b"\x80", b"\xe2\x80", b"\xf0\x9f\x98", b"\xa0"];
    let mut inputs = Vec::new();
    for bad in invalid {
        for at in 0..=card.len() {
            let mut inserted = card.to_vec();
            inserted.splice(at..at, bad.iter().copied());
            inputs.push((inserted, bad, at == 0 || at == card.len()));
            if at < card.len() {
                let mut replaced = card.to_vec();
                replaced.splice(at..=at, bad.iter().copied());
                inputs.push((replaced, bad, false));
            }
        }
    }
    for (input, bad, outside) in inputs {
        for line in [input.clone(), [&b"card: "[..], &input, b" thanks\n"].concat()] {
            let out = masker.mask_bytes(&line);
            for found in masker.find_iter_bytes(&line) {
                assert!(std::str::from_utf8(&line[found.range()]).is_ok(), "{line:?}: {found:?}");
            }
            assert!(
                out.windows(bad.len()).any(|w| w == bad),
                "{line:?} -> {out:?}: the invalid bytes are gone"
            );
            assert!(masker.find_iter_bytes(&out).next().is_none(), "{line:?} -> {out:?} is not a fixpoint");
            if outside {
                let text = String::from_utf8_lossy(&out);
                assert!(text.contains("************1111"), "{line:?} -> {text:?}: the card is not masked");
            }
        }
    }
}
