//! Fuzz target `stream`: decodes the input as a [`StreamInput`] and asserts its properties (see
//! `piimask_fuzz_properties`). On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{FuzzInput, StreamInput};

fuzz_target!(|input: StreamInput| input.assert());
