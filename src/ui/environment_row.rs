//! One environment row: role, address, the redirect URI it gives with a copy button, and
//! its findings with one-click fixes.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::Role;
use crate::widget::field::FieldKey;
use crate::widget::state::{is_pasted_list, Action};
use crate::widget::view::environments::{
    role_from_value, role_value, RowView, VersionView, ROLE_OPTIONS,
};

use super::copy_button::CopyButton;
use super::findings::Findings;
use super::reveal::use_reveal;
use super::uri::Uri;
use super::use_instance;

#[derive(Properties, PartialEq)]
pub struct EnvironmentRowProps {
    pub row: RowView,
}

#[component]
pub fn EnvironmentRowView(props: &EnvironmentRowProps) -> Html {
    let instance = use_instance();
    let row = &props.row;
    let id = row.id;
    let number = row.number;
    let url_id = instance.field_id(FieldKey::RowUrl(id));
    let role_id = instance.id(&format!("row-{id}-role"));
    let name_id = instance.id(&format!("row-{id}-role-name"));
    let findings_id = instance.id(&format!("row-{id}-findings"));
    let version_id = instance.field_id(FieldKey::RowVersion(id));

    let selected = row.role.as_ref().map_or("", role_value).to_owned();
    let name = &row.name;

    let dispatch = instance.dispatch.clone();
    let on_role = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            dispatch.emit(Action::SetRowRole {
                id,
                role: role_from_value(&select.value()),
            });
        })
    };
    let on_role_name = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetRowRole {
                id,
                role: Some(Role::Other(input.value())),
            });
        })
    };
    let reveal_url = use_reveal(FieldKey::RowUrl(id));
    let reveal_version = use_reveal(FieldKey::RowVersion(id));
    let on_version = {
        let dispatch = dispatch.clone();
        let typed = reveal_version.typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetText {
                field: FieldKey::RowVersion(id),
                text: input.value(),
            });
            typed.emit(());
        })
    };
    let on_url = {
        let dispatch = dispatch.clone();
        let typed = reveal_url.typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetText {
                field: FieldKey::RowUrl(id),
                text: input.value(),
            });
            typed.emit(());
        })
    };
    // A single-line input would flatten a pasted list; a list becomes rows instead.
    let on_paste = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(text) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .and_then(|data| data.get_data("text").ok())
            else {
                return;
            };
            // The model says what the paste did (the status region reads it).
            if is_pasted_list(&text) {
                event.prevent_default();
                dispatch.emit(Action::PasteIntoRow { id, text });
            }
        })
    };
    let on_remove = {
        let dispatch = dispatch.clone();
        let announce = instance.announce.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::RemoveRow { id });
            announce.emit(format!("Removed {name}."));
        })
    };

    html! {
        <li class="imh-row" data-testid="environment-row">
            <div class="imh-row-fields">
                <div class="imh-field">
                    <label class="imh-label" for={role_id.clone()}>
                        {"Role"}<span class="imh-visually-hidden">{format!(" of environment {number}")}</span>
                    </label>
                    <select id={role_id} class="imh-select" onchange={on_role} data-testid="role">
                        if row.role.is_none() {
                            <option value="" selected=true>{"Choose a role"}</option>
                        }
                        { for ROLE_OPTIONS.iter().map(|(value, label)| html! {
                            <option value={*value} selected={selected == *value}>{ *label }</option>
                        }) }
                    </select>
                    if row.suggested {
                        <span class="imh-suggested">{"Suggested from the address"}</span>
                    }
                </div>
                <div class="imh-field">
                    <label class="imh-label" for={url_id.clone()}>
                        {"Address"}<span class="imh-visually-hidden">{format!(" of environment {number}")}</span>
                    </label>
                    <input id={url_id} class="imh-input imh-input-mono" type="text" value={row.url.clone()}
                        oninput={on_url} onpaste={on_paste} onblur={reveal_url.left}
                        placeholder="https://yourfirm.example.com" spellcheck="false" autocomplete="off" autocapitalize="off"
                        aria-invalid={row.invalid.then_some("true")}
                        aria-describedby={row.described.then(|| findings_id.clone())}
                        data-testid="environment-url" />
                </div>
                if row.removable {
                    <button type="button" class="imh-button" onclick={on_remove} data-testid="remove-environment">
                        {"Remove"}<span class="imh-visually-hidden">{format!(" {name}")}</span>
                    </button>
                }
            </div>
            if let Some(other_name) = &row.other_name {
                <div class="imh-field">
                    <label class="imh-label" for={name_id.clone()}>{format!("Name of environment {number}")}</label>
                    <input id={name_id} class="imh-input" type="text" oninput={on_role_name}
                        value={other_name.clone()}
                        placeholder="For example, Staging" data-testid="role-name" />
                </div>
            }
            { version_field(&version_id, number, &row.version, on_version, reveal_version.left) }
            <div id={findings_id}>
                if let Some(missing) = &row.missing {
                    <Findings findings={Vec::new()} missing={AttrValue::from(missing.clone())} id={instance.id(&format!("row-{id}-missing"))} />
                }
                { for row.entries.iter().map(|entry| {
                    let label = &entry.label;
                    html! {
                        <div class="imh-entry">
                            if let Some(cleaned) = &entry.cleaned {
                                <p class="imh-hint"><code>{ cleaned.clone() }</code></p>
                            }
                            if let Some(uri) = &entry.redirect_uri {
                                <div class="imh-uri-line">
                                    <span class="imh-uri-label">{"Redirect URI"}</span>
                                    <Uri text={AttrValue::from(uri.clone())} testid="redirect-uri" />
                                    <CopyButton text={uri.clone()} label="Copy" small=true
                                        what={format!("redirect URI for {label}")}
                                        copied_message={format!("Redirect URI for {label} copied.")}
                                        confirmation="Redirect URI copied"
                                        testid={format!("copy-uri-{id}-{}", entry.part)} />
                                </div>
                            }
                            <Findings findings={entry.findings.clone()}
                                target={Some(FieldKey::RowUrl(id))}
                                context={format!("for {name}")}
                                id={format!("{}-{}", instance.id(&format!("row-{id}-entry")), entry.part)} />
                        </div>
                    }
                }) }
            </div>
        </li>
    }
}

/// The environment's own version, for firms whose environments run different versions
/// (UAT is often upgraded first); empty means the Clio Operate version field applies.
fn version_field(
    id: &str,
    number: usize,
    view: &VersionView,
    on_input: Callback<InputEvent>,
    on_leave: Callback<FocusEvent>,
) -> Html {
    let mut described = format!("{id}-hint");
    if !view.findings.is_empty() {
        described.push_str(&format!(" {id}-findings"));
    }
    html! {
        <details class="imh-field imh-row-version" open={view.open}>
            <summary data-testid="environment-version-toggle">
                {"This environment runs another version"}<span class="imh-visually-hidden">{format!(" (environment {number})")}</span>
            </summary>
            <label class="imh-label" for={id.to_owned()}>
                {"Version, if different"}<span class="imh-visually-hidden">{format!(" for environment {number}")}</span>
            </label>
            <p class="imh-hint" id={format!("{id}-hint")}>{"Only if this environment runs another Clio Operate version than the one in the Clio Operate version field, for example a UAT upgraded first."}</p>
            <input id={id.to_owned()} class="imh-input" type="text" value={view.value.clone()}
                oninput={on_input} onblur={on_leave} spellcheck="false" autocomplete="off" inputmode="decimal"
                aria-invalid={view.invalid().then_some("true")} aria-describedby={described}
                data-testid="environment-version" />
            if let Some(decision) = &view.decision {
                <p class="imh-hint" data-testid="environment-version-decision">{ decision.clone() }</p>
            }
            <Findings findings={view.findings.clone()} id={format!("{id}-findings")} />
        </details>
    }
}
