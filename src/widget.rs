//! The widget model: one instance's session (the reader's answers, the host's setup, the
//! reader's progress) and every decision about the widget rather than about iManage, with
//! no browser dependency. It sits between the rule book ([`crate::core`]) and the yew
//! shell, which only renders it and dispatches [`state::Action`]s.

pub mod check;
pub mod codec;
pub mod delivery;
pub mod field;
pub mod messages;
pub mod options;
pub mod phases;
pub mod prefill;
pub mod process;
pub mod state;
pub mod status;
pub mod text;
pub mod view;
