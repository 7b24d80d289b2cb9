//! iManage Cloud setup helper: checks the Clio Operate environment URLs, iManage URL,
//! Customer ID and version a law-firm admin pastes, produces the exact redirect URIs to
//! register, picks the configuration path, and writes the support request.
//!
//! [`core`] is the rule book (analysis only); [`widget`] is one instance's session model
//! and the widget's own decisions; neither has a browser dependency. The `ui` shell (yew)
//! renders them; `embed` mounts instances on a page and exposes the JS API.

pub mod core;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use crate::core::{analyze, AnalysisRequest, Report};
