//! An address in monospace that breaks only after `/`, `.` or `-` (see
//! [`uri_segments`]).

use yew::prelude::*;

use crate::widget::text::uri_segments;

#[derive(Properties, PartialEq, Clone)]
pub struct UriProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn Uri(props: &UriProps) -> Html {
    html! {
        <code class="imh-uri" data-testid={props.testid.clone()}>
            { for uri_segments(&props.text).into_iter().map(|segment| html! { <>{ segment.to_owned() }<wbr /></> }) }
        </code>
    }
}
