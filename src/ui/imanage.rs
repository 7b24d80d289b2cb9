//! Step 2: the iManage URL (standard or vanity) and the Customer ID.

use yew::prelude::*;

use crate::core::ImanageKind;
use crate::widget::field::FieldKey;
use crate::widget::messages::field_messages;
use crate::widget::state::Action;

use super::text_field::TextField;
use super::{use_instance, StepProps};

#[component]
pub fn ImanageStep(props: &StepProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("imanage-heading");
    let report = &props.report;
    let set = |field: FieldKey| {
        let dispatch = instance.dispatch.clone();
        Callback::from(move |text: String| dispatch.emit(Action::SetText { field, text }))
    };
    let kind = report.imanage.as_ref().and_then(|r| r.kind.clone());
    let kind_note = match kind {
        Some(ImanageKind::Standard) => {
            Some("This is the standard iManage Cloud address.".to_owned())
        }
        Some(ImanageKind::Vanity { subdomain }) => Some(format!(
            "This is your firm's own (vanity) address, with the name \u{201C}{subdomain}\u{201D}."
        )),
        _ => None,
    };
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Your iManage details" }</@>
            <TextField field={FieldKey::ImanageUrl} mono=true inputmode={AttrValue::Static("url")}
                hint={html! { <>
                    {"Most firms use "}<code>{"https://cloudimanage.com"}</code>{". If your firm signs in at its own address, such as "}
                    <code>{"https://yourfirm.cloudimanage.com"}</code>{" (a vanity URL), enter that instead."}
                </> }}
                value={props.form.answers().imanage_url.clone()} on_input={set(FieldKey::ImanageUrl)}
                messages={field_messages(&props.form, FieldKey::ImanageUrl, report.imanage.as_ref().map_or(&[][..], |r| &r.findings), &report.support_request)} />
            if let Some(note) = kind_note {
                <p class="imh-hint" data-testid="imanage-kind">{ note }</p>
            }
            <TextField field={FieldKey::CustomerId} inputmode={AttrValue::Static("numeric")}
                hint={html! { {"A unique identifier iManage assigns to your firm; it is not your login or firm name. It typically appears in iManage's onboarding documentation, in support tickets or correspondence from support@imanage.com, or in your iManage administration portal. If you are unsure, ask your iManage administrator or raise a ticket with iManage."} }}
                value={props.form.answers().customer_id.clone()} on_input={set(FieldKey::CustomerId)}
                messages={field_messages(&props.form, FieldKey::CustomerId, report.customer_id.as_ref().map_or(&[][..], |r| &r.findings), &report.support_request)} />
        </section>
    }
}
