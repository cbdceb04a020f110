//! The SIMD levels of stage 1 (x86-64): the anchor test of `classify` on 16 (SSE2) or 32
//! (AVX2) bytes at once, giving a 64-bit mask of the anchors in a 64-byte block. An anchor
//! byte is an ASCII digit, `@`, or one of the lead bytes of the non-ASCII digits piimask
//! reads (`0xD9`, `0xDB`: Arabic-Indic; `0xE0`: Devanagari and other Indic scripts; `0xEF`:
//! full-width). Each level reports exactly the anchors the scalar level reports.
//!
//! This is the only `unsafe` code in piimask: vector loads from a slice or a stack buffer
//! (always in bounds, checked before each load) and calls into `#[target_feature]`
//! functions, made only after the CPU feature was detected.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

/// The bytes one mask covers.
const BLOCK: usize = 64;

/// The first 64-byte block at or after `from` holding an anchor (SSE2 is part of x86-64,
/// so always available); see `Level::next_anchor_block`.
pub(crate) fn next_anchor_block_sse2(hay: &[u8], from: usize) -> (usize, u64) {
    // SAFETY: every x86-64 CPU has SSE2.
    unsafe { sse2_block(hay, from) }
}

/// The first 64-byte block at or after `from` holding an anchor; see
/// `Level::next_anchor_block`. Falls back to SSE2 if the CPU lacks AVX2 (a masker never
/// holds a level its CPU lacks, so this is only a safety net).
pub(crate) fn next_anchor_block_avx2(hay: &[u8], from: usize) -> (usize, u64) {
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 was just detected (the check is a cached atomic load).
        unsafe { avx2_block(hay, from) }
    } else {
        next_anchor_block_sse2(hay, from)
    }
}

/// The anchor mask of the 64 bytes at `block` (bit `i` for byte `i`).
///
/// # Safety
/// `block` must be valid for reads of 64 bytes.
#[target_feature(enable = "sse2")]
unsafe fn sse2_mask(block: *const u8) -> u64 {
    let zero = _mm_set1_epi8(0x30);
    let nine = _mm_set1_epi8(0x39);
    let specials = [0x40u8, 0xD9, 0xDB, 0xE0, 0xEF].map(|b| _mm_set1_epi8(b as i8));
    let mut mask = 0u64;
    for quarter in 0..4 {
        // SAFETY: the caller guarantees 64 readable bytes at `block`.
        let v = unsafe { _mm_loadu_si128(block.add(16 * quarter).cast()) };
        let digit =
            _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, zero), v), _mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
        let mut hits = digit;
        for special in specials {
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, special));
        }
        mask |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * quarter);
    }
    mask
}

/// The anchor mask of the 64 bytes at `block` (bit `i` for byte `i`).
///
/// # Safety
/// `block` must be valid for reads of 64 bytes.
#[target_feature(enable = "avx2")]
unsafe fn avx2_mask(block: *const u8) -> u64 {
    let zero = _mm256_set1_epi8(0x30);
    let nine = _mm256_set1_epi8(0x39);
    let specials = [0x40u8, 0xD9, 0xDB, 0xE0, 0xEF].map(|b| _mm256_set1_epi8(b as i8));
    let mut mask = 0u64;
    for half in 0..2 {
        // SAFETY: the caller guarantees 64 readable bytes at `block`.
        let v = unsafe { _mm256_loadu_si256(block.add(32 * half).cast()) };
        let digit = _mm256_and_si256(
            _mm256_cmpeq_epi8(_mm256_max_epu8(v, zero), v),
            _mm256_cmpeq_epi8(_mm256_min_epu8(v, nine), v),
        );
        let mut hits = digit;
        for special in specials {
            hits = _mm256_or_si256(hits, _mm256_cmpeq_epi8(v, special));
        }
        mask |= u64::from(_mm256_movemask_epi8(hits) as u32) << (32 * half);
    }
    mask
}

/// One search loop for every level: whole blocks from `from` while they hold no anchor,
/// then the rest of the haystack (read as its last 64 bytes, or from a zero-padded copy
/// when the haystack is shorter; zero is no anchor).
macro_rules! block_search {
    ($hay:expr, $from:expr, $mask:ident) => {{
        let (hay, from): (&[u8], usize) = ($hay, $from);
        let mut at = from;
        while at + BLOCK <= hay.len() {
            // SAFETY: `at + 64 <= hay.len()`.
            let mask = unsafe { $mask(hay.as_ptr().add(at)) };
            if mask != 0 {
                return (at, mask);
            }
            at += BLOCK;
        }
        if at >= hay.len() {
            return (hay.len(), 0);
        }
        let mask = if let Some(last) = hay.len().checked_sub(BLOCK) {
            // SAFETY: `last + 64 == hay.len()`; `last < at < last + 64`.
            unsafe { $mask(hay.as_ptr().add(last)) >> (at - last) }
        } else {
            let mut padded = [0u8; BLOCK];
            padded[..hay.len() - at].copy_from_slice(&hay[at..]);
            // SAFETY: `padded` holds 64 bytes.
            unsafe { $mask(padded.as_ptr()) }
        };
        if mask == 0 { (hay.len(), 0) } else { (at, mask) }
    }};
}

#[target_feature(enable = "sse2")]
fn sse2_block(hay: &[u8], from: usize) -> (usize, u64) {
    block_search!(hay, from, sse2_mask)
}

#[target_feature(enable = "avx2")]
fn avx2_block(hay: &[u8], from: usize) -> (usize, u64) {
    block_search!(hay, from, avx2_mask)
}
