//! iManage Cloud setup helper: checks the Clio Operate environment URLs, iManage URL,
//! Customer ID and version a law-firm admin pastes, produces the exact redirect URIs to
//! register, picks the configuration path, and writes the support request.
//!
//! [`core`] holds every rule and decision and has no browser dependency; the `ui` shell
//! (yew) renders its report; `embed` mounts instances on a page and exposes the JS API.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use crate::core::{analyze, AnalysisRequest, Report};
