//! Converts byte offsets (what piimask reports) to code points (Python `str` indices) and
//! UTF-16 code units (JavaScript, Java, .NET strings). A wrong unit is how masks land in
//! the wrong place and leak, so every binding converts here, in one tested place.

/// Converts ascending byte offsets into one text, in a single pass over it.
///
/// Offsets may come in any order, but ascending ones cost only the distance between them.
///
/// # Example
/// ```
/// use piimask::offsets::OffsetConverter;
/// let text = "añ😀b";
/// let mut offsets = OffsetConverter::new(text);
/// assert_eq!(offsets.to_char(3), Some(2));   // after "añ"
/// assert_eq!(offsets.to_utf16(7), Some(4));  // the emoji is 2 UTF-16 units
/// assert_eq!(offsets.to_char(8), Some(4));
/// assert_eq!(offsets.to_char(2), None);      // inside "ñ": not a char boundary
/// ```
#[derive(Clone, Debug)]
pub struct OffsetConverter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl<'t> OffsetConverter<'t> {
    /// A converter for offsets into `text`.
    pub fn new(text: &'t str) -> OffsetConverter<'t> {
        OffsetConverter { text, byte: 0, chars: 0, utf16: 0 }
    }

    /// The code-point offset of byte offset `byte`, or `None` when it is not a char
    /// boundary of the text.
    pub fn to_char(&mut self, byte: usize) -> Option<usize> {
        self.seek(byte).then_some(self.chars)
    }

    /// The UTF-16 offset of byte offset `byte`, or `None` when it is not a char boundary.
    pub fn to_utf16(&mut self, byte: usize) -> Option<usize> {
        self.seek(byte).then_some(self.utf16)
    }

    fn seek(&mut self, byte: usize) -> bool {
        if !self.text.is_char_boundary(byte) {
            return false;
        }
        if byte < self.byte {
            (self.byte, self.chars, self.utf16) = (0, 0, 0);
        }
        for c in self.text[self.byte..byte].chars() {
            self.chars += 1;
            self.utf16 += c.len_utf16();
        }
        self.byte = byte;
        true
    }
}

/// The code-point offset of a byte offset (`None` when not on a char boundary).
///
/// # Example
/// ```
/// assert_eq!(piimask::offsets::char_offset("€5", 3), Some(1));
/// ```
pub fn char_offset(text: &str, byte: usize) -> Option<usize> {
    OffsetConverter::new(text).to_char(byte)
}

/// The UTF-16 offset of a byte offset (`None` when not on a char boundary).
///
/// # Example
/// ```
/// assert_eq!(piimask::offsets::utf16_offset("😀5", 4), Some(2));
/// ```
pub fn utf16_offset(text: &str, byte: usize) -> Option<usize> {
    OffsetConverter::new(text).to_utf16(byte)
}

/// The byte offset of a code-point offset (`None` past the end).
///
/// # Example
/// ```
/// assert_eq!(piimask::offsets::byte_offset("añb", 2), Some(3));
/// assert_eq!(piimask::offsets::byte_offset("añb", 3), Some(4));
/// assert_eq!(piimask::offsets::byte_offset("añb", 4), None);
/// ```
pub fn byte_offset(text: &str, char_index: usize) -> Option<usize> {
    text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).nth(char_index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_order_offsets_restart() {
        let text = "😀😀😀";
        let mut offsets = OffsetConverter::new(text);
        assert_eq!(offsets.to_utf16(8), Some(4));
        assert_eq!(offsets.to_utf16(4), Some(2));
        assert_eq!(offsets.to_char(12), Some(3));
        assert_eq!(offsets.to_char(13), None);
    }
}
