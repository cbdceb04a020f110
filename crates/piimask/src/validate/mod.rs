//! Stage 2: the exact validators, one file per kind, plus what several kinds share:
//! context words (`context`) and the numbers that are never phones or SSNs (`numbers`).

pub(crate) mod card;
pub(crate) mod context;
pub(crate) mod email;
pub(crate) mod extension;
pub(crate) mod iban;
pub(crate) mod national_id;
pub(crate) mod numbers;
pub(crate) mod phone;
pub(crate) mod ssn;
