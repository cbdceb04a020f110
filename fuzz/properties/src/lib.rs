//! The properties piimask's fuzz targets assert, as plain functions: the cargo-fuzz targets in
//! `fuzz/fuzz_targets/` call them under libFuzzer, and ordinary `cargo test` calls the very
//! same functions over the seed corpus, the minimised crashes in `fuzz/regressions/` and a
//! deterministic batch of mutated inputs (`tests/smoke.rs`).
//!
//! Every target decodes its input from raw bytes with one layout ([`Target::decode`]), so a
//! crash file found by libFuzzer replays byte for byte in an ordinary test, and every input's
//! `Debug` is a ready-to-paste Rust reproduction.
//!
//! | target | property |
//! |---|---|
//! | [`Target::Mask`] | no panic; matches ordered, in bounds, on UTF-8; text and byte APIs agree; no mask keeps more than its head and tail; masking is idempotent and leaves nothing to find |
//! | [`Target::Stream`] | any chunking through `StreamMasker`, `MaskWriter`, `Splitter` and `mask_reader` gives the whole-buffer output |
//! | [`Target::Simd`] | every stage-1 level of [`piimask::Level::available`] finds and masks exactly what the scalar level does |
//! | [`Target::Jsonl`] | the CLI's record masking: no panic; valid JSON stays valid JSON of the same shape, each field masked as the core masks it; malformed records fail closed; a second pass changes nothing |
//! | [`Target::Template`] | parse/render never panic; errors point inside the source; rendered text holds no `<`/`>` and nothing left to find |
//! | [`Target::Capi`] | the C ABI's exports (`bindings/c` as the rlib `piimask_capi`) with NULL pointers, lengths over `PTRDIFF_MAX`, in-place and tiny buffers: never `PIIMASK_INTERNAL`; the status and out-parameters the header documents; the core's output; no write past a capacity; errors holding no text of the input; everything freed |
//!
//! A new target is one more [`Target`] variant (`decode`, `name`, [`Target::ALL`]), an input
//! type whose `Debug` is a reproduction, a file in `fuzz/fuzz_targets/` with its `[[bin]]`
//! in `fuzz/Cargo.toml`, its seeds in [`seeds`], and a `smoke_<name>` test in
//! `tests/smoke.rs`; the regression replay picks it up from [`Target::ALL`].

mod capi;
mod config;
mod jsonl;
mod mask;
pub mod mutate;
pub mod repro;
pub mod seeds;
mod stream;
mod template;

pub use capi::{CAPI_PREFIX_BYTES, CapiInput};
pub use config::{CONFIG_BYTES, config_bytes, decode_config};
pub use jsonl::JsonlInput;
pub use mask::{MaskInput, SimdInput};
pub use stream::StreamInput;
pub use template::TemplateInput;

/// A property check's verdict: `Err` names the property that failed.
pub type Verdict = Result<(), String>;

/// Returns `Err(message)` from the enclosing check when `condition` is false.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}
pub(crate) use ensure;

/// Implements `arbitrary::Arbitrary` for an input type through its `decode`, so that the
/// typed fuzz targets and [`Target::decode`] read the same bytes the same way.
macro_rules! arbitrary_via_decode {
    ($ty:ty) => {
        impl<'a> arbitrary::Arbitrary<'a> for $ty {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                let len = u.arbitrary_len::<u8>()?;
                Ok(<$ty>::decode(u.bytes(len)?))
            }

            fn arbitrary_take_rest(u: arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                Ok(<$ty>::decode(u.take_rest()))
            }
        }
    };
}
pub(crate) use arbitrary_via_decode;

/// A fuzz target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// `Masker::mask` and friends on arbitrary bytes with an arbitrary configuration.
    Mask,
    /// The stream masker and its adapters under arbitrary chunking.
    Stream,
    /// Every stage-1 classifier level against the scalar one.
    Simd,
    /// The CLI's JSONL record masking.
    Jsonl,
    /// Quick-reply template parsing and rendering.
    Template,
    /// The C ABI's exports, called as a C program calls them.
    Capi,
}

impl Target {
    /// Every target; the smoke test and the regression replay iterate over this.
    pub const ALL: [Target; 6] =
        [Target::Mask, Target::Stream, Target::Simd, Target::Jsonl, Target::Template, Target::Capi];

    /// The target's name: its file in `fuzz/fuzz_targets/` and its folder in
    /// `fuzz/regressions/` and `fuzz/corpus/`.
    pub const fn name(self) -> &'static str {
        match self {
            Target::Mask => "mask",
            Target::Stream => "stream",
            Target::Simd => "simd",
            Target::Jsonl => "jsonl",
            Target::Template => "template",
            Target::Capi => "capi",
        }
    }

    /// The target called `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.name() == name)
    }

    /// Decodes raw fuzzer bytes into this target's input, exactly as the fuzz target does.
    pub fn decode(self, data: &[u8]) -> Box<dyn FuzzInput> {
        match self {
            Target::Mask => Box::new(MaskInput::decode(data)),
            Target::Stream => Box::new(StreamInput::decode(data)),
            Target::Simd => Box::new(SimdInput::decode(data)),
            Target::Jsonl => Box::new(JsonlInput::decode(data)),
            Target::Template => Box::new(TemplateInput::decode(data)),
            Target::Capi => Box::new(CapiInput::decode(data)),
        }
    }

    /// Decodes `data` and checks the target's properties (a panic inside the code under
    /// test propagates).
    pub fn check(self, data: &[u8]) -> Verdict {
        self.decode(data).check()
    }
}

/// A decoded fuzz input: checks its properties, and prints as a Rust reproduction.
pub trait FuzzInput: std::fmt::Debug {
    /// Checks every property of the target on this input.
    fn check(&self) -> Verdict;

    /// Checks, and panics with the failed property and a ready-to-paste reproduction (what
    /// the fuzz targets call).
    fn assert(&self) {
        if let Err(failure) = self.check() {
            panic!("property failed: {failure}\nreproduction:\n{self:?}");
        }
    }
}
