//! Fuzz target `jsonl`: decodes the input as a [`JsonlInput`] and asserts its properties (see
//! `piimask_fuzz_properties`). On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{FuzzInput, JsonlInput};

fuzz_target!(|input: JsonlInput| input.assert());
