//! Fuzz target `mask`: decodes the input as a [`MaskInput`] and asserts its properties (see
//! `piimask_fuzz_properties`). On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{FuzzInput, MaskInput};

fuzz_target!(|input: MaskInput| input.assert());
