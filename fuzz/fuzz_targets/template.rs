//! Fuzz target `template`: decodes the input as a [`TemplateInput`] and asserts its properties (see
//! `piimask_fuzz_properties`). On failure the panic message holds a reproduction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz_properties::{FuzzInput, TemplateInput};

fuzz_target!(|input: TemplateInput| input.assert());
