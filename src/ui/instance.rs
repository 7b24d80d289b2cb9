//! What every component of one widget instance shares: its ids, its status region, its
//! root element and its dispatcher, provided as a yew context.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::state::Action;

/// What every component of one instance shares: its id prefix, its status region, and
/// its root element (to find fields by id within this instance only).
#[derive(Clone, PartialEq)]
pub struct Instance {
    pub prefix: AttrValue,
    pub announce: Callback<String>,
    pub root: NodeRef,
    pub dispatch: Callback<Action>,
    /// The level of the instance's own heading; sections go below it.
    pub heading_level: u8,
    /// How many heading levels the flow's sections sit below the instance's own heading
    /// (1 in the whole flow, where they sit inside a phase).
    pub nested: u8,
    /// A pointer button is down in this instance (a click is under way).
    pub pointer_down: Rc<std::cell::Cell<bool>>,
}

impl Instance {
    /// The heading tag `depth` levels below a section's level (at most h6): sections
    /// sit one level below the instance's own heading, or two inside a phase.
    pub fn heading(&self, depth: u8) -> String {
        format!("h{}", (self.heading_level + self.nested + depth).min(6))
    }

    /// An id unique to this instance on the page.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// The DOM id of a field's input in this instance.
    pub fn field_id(&self, field: FieldKey) -> String {
        self.id(&field.name())
    }

    /// A link's click handler that moves focus to field `id` instead of navigating.
    pub fn focus_on_click(&self, id: &str) -> Callback<MouseEvent> {
        let instance = self.clone();
        let id = id.to_owned();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            instance.focus(&id);
        })
    }

    /// Moves focus to the element with `id` in this instance, scrolling it into view.
    pub fn focus(&self, id: &str) {
        let Some(root) = self.root.cast::<web_sys::Element>() else {
            return;
        };
        if let Ok(Some(element)) = root.query_selector(&format!("#{id}")) {
            element.scroll_into_view();
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }
}

/// The instance context; every component is rendered inside [`App`]'s provider.
#[hook]
pub fn use_instance() -> Instance {
    use_context::<Instance>().unwrap_or_else(|| Instance {
        prefix: "imh".into(),
        announce: Callback::noop(),
        root: NodeRef::default(),
        dispatch: Callback::noop(),
        heading_level: 2,
        nested: 0,
        pointer_down: Rc::default(),
    })
}
