//! Step 2: the iManage URL (standard or vanity) and the Customer ID.

use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::view::ImanageView;

use super::text_field::{set_text, TextField};
use super::use_instance;

#[derive(Properties, PartialEq)]
pub struct ImanageProps {
    pub view: ImanageView,
}

#[component]
pub fn ImanageStep(props: &ImanageProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("imanage-heading");
    let view = &props.view;
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Your iManage details" }</@>
            <TextField field={FieldKey::ImanageUrl} mono=true inputmode={AttrValue::Static("url")}
                hint={html! { <>
                    {"Most firms use "}<code>{"https://cloudimanage.com"}</code>{". If your firm signs in at its own address, such as "}
                    <code>{"https://yourfirm.cloudimanage.com"}</code>{" (a vanity URL), enter that instead."}
                </> }}
                view={view.url.clone()} on_input={set_text(&instance, FieldKey::ImanageUrl)} />
            if let Some(note) = &view.kind_note {
                <p class="imh-hint" data-testid="imanage-kind">{ note.clone() }</p>
            }
            <TextField field={FieldKey::CustomerId} inputmode={AttrValue::Static("numeric")}
                hint={html! { {"A unique identifier iManage assigns to your firm; it is not your login or firm name."} }}
                more={(AttrValue::Static("Where to find your Customer ID"), AttrValue::Static("It typically appears in iManage's onboarding documentation, in support tickets or correspondence from support@imanage.com, or in your iManage administration portal. If you are unsure, ask your iManage administrator or raise a ticket with iManage."))}
                view={view.customer_id.clone()} on_input={set_text(&instance, FieldKey::CustomerId)} />
        </section>
    }
}
