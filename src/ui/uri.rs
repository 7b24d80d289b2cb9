//! An address in monospace that breaks only after `/`, `.` or `-` (see
//! [`uri_segments`]).

use yew::prelude::*;

use crate::widget::text::{prose_pieces, uri_segments, Piece};

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

/// A sentence whose addresses break only after `/`, `.` or `-`, like [`Uri`]'s, while
/// its words wrap as words.
pub fn prose(text: &str) -> Html {
    html! {
        { for prose_pieces(text).into_iter().map(|piece| match piece {
            Piece::Words(words) => html! { words.to_owned() },
            Piece::Address(address) => html! {
                <span class="imh-address">
                    { for uri_segments(address).into_iter().map(|segment| html! { <>{ segment.to_owned() }<wbr /></> }) }
                </span>
            },
        }) }
    }
}
