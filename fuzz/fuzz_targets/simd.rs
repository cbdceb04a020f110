//! Fuzz target `simd`: decodes the input as a [`SimdInput`] and asserts its properties (see
//! `piimask_fuzz_properties`). On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{FuzzInput, SimdInput};

fuzz_target!(|input: SimdInput| input.assert());
