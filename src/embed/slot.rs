//! Reusable hosts for widget instances. yew registers its event listeners on the element an
//! app is rendered into and never removes them, so a fresh host per mount would leave that
//! element and its listeners behind on every unmount. Instead each host keeps one small
//! [`Slot`] app for good: mounting renders a widget into a free host, unmounting renders
//! nothing and returns the host to the pool. Hosts (and their listeners) are bounded by
//! the most widgets a page has shown at once.

use std::cell::RefCell;

use web_sys::{Document, Element};
use yew::prelude::*;
use yew::AppHandle;

use crate::ui::{App, AppProps};

/// What a host shows: one widget, or nothing while it waits in the pool.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct SlotProps {
    pub app: Option<AppProps>,
}

#[function_component]
pub fn Slot(props: &SlotProps) -> Html {
    match &props.app {
        // Keyed by instance: a host reused before it rendered nothing must start a new
        // widget, never hand the last one's form to the next.
        Some(app) => html! { <App key={app.instance.to_string()} ..app.clone() /> },
        None => Html::default(),
    }
}

/// A host element (the `.imh-root` in a widget's shadow root) and the app rendered in it.
pub struct Host {
    pub root: Element,
    pub app: AppHandle<Slot>,
}

thread_local! {
    static POOL: RefCell<Vec<Host>> = const { RefCell::new(Vec::new()) };
}

impl Host {
    /// A free host from the pool, or a new one, showing nothing yet: the caller attaches
    /// `root` where the widget belongs, then [`Host::show`]s it.
    pub fn take(document: &Document) -> Result<Host, &'static str> {
        if let Some(host) = POOL.with(|pool| pool.borrow_mut().pop()) {
            return Ok(host);
        }
        let root = document
            .create_element("div")
            .map_err(|_| "the widget's root could not be created.")?;
        let _ = root.set_attribute("class", "imh-root");
        let app =
            yew::Renderer::<Slot>::with_root_and_props(root.clone(), SlotProps::default()).render();
        Ok(Host { root, app })
    }

    /// Shows `props`' widget: a new one after [`Host::take`], or new options for the same
    /// instance.
    pub fn show(&mut self, props: AppProps) {
        self.app.update(SlotProps { app: Some(props) });
    }

    /// Removes the widget (its components, timers and listeners go with it), detaches the
    /// host and keeps it for the next mount.
    pub fn release(mut self) {
        self.app.update(SlotProps { app: None });
        self.root.remove();
        POOL.with(|pool| pool.borrow_mut().push(self));
    }
}
