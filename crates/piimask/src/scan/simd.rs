//! The SIMD levels of stage 1 (x86-64): the anchor test of `classify` on 16 (SSE2) or 32
//! (AVX2) bytes at once. An anchor byte is an ASCII digit, `@`, or one of the lead bytes of
//! the non-ASCII digits piimask reads (`0xD9`, `0xDB`: Arabic-Indic; `0xE0`: Devanagari and
//! other Indic scripts; `0xEF`: full-width). Each level returns exactly what the scalar
//! level returns; the tail shorter than one vector goes to the scalar code.
//!
//! This is the only `unsafe` code in piimask: vector loads from a slice (always in bounds,
//! checked by the loop condition) and calls into `#[target_feature]` functions, made only
//! after the CPU feature was detected.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

use super::classify::next_anchor_scalar;

/// The first anchor at or after `from` (SSE2 is part of x86-64, so always available).
pub(crate) fn next_anchor_sse2(hay: &[u8], from: usize) -> usize {
    // SAFETY: every x86-64 CPU has SSE2.
    unsafe { sse2(hay, from) }
}

/// The first anchor at or after `from`; falls back to SSE2 if the CPU lacks AVX2 (a masker
/// never holds a level its CPU lacks, so this is only a safety net).
pub(crate) fn next_anchor_avx2(hay: &[u8], from: usize) -> usize {
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 was just detected (the check is a cached atomic load).
        unsafe { avx2(hay, from) }
    } else {
        next_anchor_sse2(hay, from)
    }
}

#[target_feature(enable = "sse2")]
fn sse2(hay: &[u8], from: usize) -> usize {
    let mut i = from;
    let zero = _mm_set1_epi8(0x30);
    let nine = _mm_set1_epi8(0x39);
    let specials = [0x40u8, 0xD9, 0xDB, 0xE0, 0xEF].map(|b| _mm_set1_epi8(b as i8));
    while i + 16 <= hay.len() {
        // SAFETY: `i + 16 <= hay.len()`, so the 16 bytes read are inside `hay`.
        let v = unsafe { _mm_loadu_si128(hay.as_ptr().add(i).cast()) };
        let digit =
            _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, zero), v), _mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
        let mut hits = digit;
        for special in specials {
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, special));
        }
        let mask = _mm_movemask_epi8(hits) as u32;
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    next_anchor_scalar(hay, i)
}

#[target_feature(enable = "avx2")]
fn avx2(hay: &[u8], from: usize) -> usize {
    let mut i = from;
    let zero = _mm256_set1_epi8(0x30);
    let nine = _mm256_set1_epi8(0x39);
    let specials = [0x40u8, 0xD9, 0xDB, 0xE0, 0xEF].map(|b| _mm256_set1_epi8(b as i8));
    while i + 32 <= hay.len() {
        // SAFETY: `i + 32 <= hay.len()`, so the 32 bytes read are inside `hay`.
        let v = unsafe { _mm256_loadu_si256(hay.as_ptr().add(i).cast()) };
        let digit = _mm256_and_si256(
            _mm256_cmpeq_epi8(_mm256_max_epu8(v, zero), v),
            _mm256_cmpeq_epi8(_mm256_min_epu8(v, nine), v),
        );
        let mut hits = digit;
        for special in specials {
            hits = _mm256_or_si256(hits, _mm256_cmpeq_epi8(v, special));
        }
        let mask = _mm256_movemask_epi8(hits) as u32;
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 32;
    }
    // AVX2 implies SSE2, so this call needs no `unsafe`.
    sse2(hay, i)
}
