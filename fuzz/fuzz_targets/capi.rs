//! Fuzz target `capi`: decodes the input as a [`CapiInput`] and asserts its properties (see
//! `piimask_fuzz_properties`): the C ABI's exports called with NULLs, odd lengths and small
//! buffers. On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{CapiInput, FuzzInput};

fuzz_target!(|input: CapiInput| input.assert());
