//! One environment row: role, address, the redirect URI it gives with a copy button, and
//! its findings with one-click fixes.

use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::{EnvironmentReport, Report, Role};
use crate::widget::field::FieldKey;
use crate::widget::state::{is_pasted_list, Action, EnvironmentRow};

use super::copy_button::CopyButton;
use super::findings::Findings;
use super::reveal::use_reveal;
use super::uri::Uri;
use super::use_instance;

#[derive(Properties, Clone)]
pub struct EnvironmentRowProps {
    pub index: usize,
    pub row: EnvironmentRow,
    /// The whole report, shared by every row rather than copied into each.
    pub report: Rc<Report>,
    /// Where this row's entries are in the report (several when a list was pasted in).
    pub entries: Range<usize>,
    pub removable: bool,
    /// Whether the address's and the version's messages show yet.
    pub shown: bool,
    pub version_shown: bool,
    /// A required answer that is missing (no environment at all), shown at the address.
    pub missing: Option<AttrValue>,
}

impl EnvironmentRowProps {
    fn entries(&self) -> &[EnvironmentReport] {
        self.report
            .environments
            .entries
            .get(self.entries.clone())
            .unwrap_or_default()
    }
}

/// Equal when what the row shows is equal: its own entries, not the rest of the report.
impl PartialEq for EnvironmentRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.removable == other.removable
            && self.shown == other.shown
            && self.version_shown == other.version_shown
            && self.missing == other.missing
            && self.row == other.row
            && self.entries() == other.entries()
    }
}

/// The select's value for a role.
fn role_value(role: &Role) -> &str {
    match role {
        Role::Other(_) => "other",
        named => named.key(),
    }
}

fn role_from_value(value: &str) -> Option<Role> {
    match value {
        "" => None,
        "other" => Some(Role::Other(String::new())),
        key => Some(Role::parse(key)),
    }
}

#[component]
pub fn EnvironmentRowView(props: &EnvironmentRowProps) -> Html {
    let instance = use_instance();
    let row = &props.row;
    let id = row.id;
    let number = props.index + 1;
    let url_id = instance.field_id(FieldKey::RowUrl(id));
    let role_id = instance.id(&format!("row-{id}-role"));
    let name_id = instance.id(&format!("row-{id}-role-name"));
    let findings_id = instance.id(&format!("row-{id}-findings"));
    let version_id = instance.field_id(FieldKey::RowVersion(id));

    let suggested = row
        .role
        .is_none()
        .then(|| props.entries().first().and_then(|e| e.role.clone()))
        .flatten();
    let shown_role = row.role.clone().or_else(|| suggested.clone());
    let selected = shown_role.as_ref().map_or("", role_value).to_owned();
    let name = shown_role
        .as_ref()
        .map_or(format!("environment {number}"), |r| {
            format!("environment {number} ({})", r.label())
        });

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

    let shown = props.shown;
    let has_error = props.missing.is_some()
        || (shown && props.entries().iter().any(EnvironmentReport::has_error));
    let has_findings = props.missing.is_some()
        || (shown && props.entries().iter().any(|e| !e.findings.is_empty()));
    let several = props.entries().len() > 1;
    let role_options = [
        ("production", "Production"),
        ("uat", "UAT"),
        ("training", "Training"),
        ("test", "Test"),
        ("other", "Other"),
    ];

    html! {
        <li class="imh-row" data-testid="environment-row">
            <div class="imh-row-fields">
                <div class="imh-field">
                    <label class="imh-label" for={role_id.clone()}>
                        {"Role"}<span class="imh-visually-hidden">{format!(" of environment {number}")}</span>
                    </label>
                    <select id={role_id} class="imh-select" onchange={on_role} data-testid="role">
                        if shown_role.is_none() {
                            <option value="" selected=true>{"Choose a role"}</option>
                        }
                        { for role_options.iter().map(|(value, label)| html! {
                            <option value={*value} selected={selected == *value}>{ *label }</option>
                        }) }
                    </select>
                    if suggested.is_some() {
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
                        aria-invalid={has_error.then_some("true")}
                        aria-describedby={has_findings.then(|| findings_id.clone())}
                        data-testid="environment-url" />
                </div>
                if props.removable {
                    <button type="button" class="imh-button" onclick={on_remove} data-testid="remove-environment">
                        {"Remove"}<span class="imh-visually-hidden">{format!(" {name}")}</span>
                    </button>
                }
            </div>
            if matches!(row.role, Some(Role::Other(_))) {
                <div class="imh-field">
                    <label class="imh-label" for={name_id.clone()}>{format!("Name of environment {number}")}</label>
                    <input id={name_id} class="imh-input" type="text" oninput={on_role_name}
                        value={match &row.role { Some(Role::Other(name)) => name.clone(), _ => String::new() }}
                        placeholder="For example, Staging" data-testid="role-name" />
                </div>
            }
            { version_field(&version_id, number, &row.version,
                props.entries().first().and_then(|e| e.version.as_ref()), props.version_shown, on_version, reveal_version.left) }
            <div id={findings_id}>
                if let Some(missing) = &props.missing {
                    <Findings findings={Vec::new()} missing={missing.clone()} id={instance.id(&format!("row-{id}-missing"))} />
                }
                { for props.entries().iter().map(|entry| {
                    let label = entry.role.as_ref().map_or(format!("environment {number}"), |r| r.label().to_owned());
                    html! {
                        <div class="imh-entry">
                            if several {
                                <p class="imh-hint"><code>{ entry.cleaned.clone() }</code></p>
                            }
                            if let Some(uri) = &entry.redirect_uri {
                                <div class="imh-uri-line">
                                    <span class="imh-uri-label">{"Redirect URI"}</span>
                                    <Uri text={AttrValue::from(uri.as_str().to_owned())} testid="redirect-uri" />
                                    <CopyButton text={uri.as_str().to_owned()} label="Copy" small=true
                                        what={format!("redirect URI for {label}")}
                                        copied_message={format!("Redirect URI for {label} copied.")}
                                        confirmation="Redirect URI copied"
                                        testid={format!("copy-uri-{id}-{}", entry.part)} />
                                </div>
                            }
                            <Findings findings={if shown { entry.findings.clone() } else { Vec::new() }}
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
    value: &str,
    report: Option<&crate::core::VersionReport>,
    shown: bool,
    on_input: Callback<InputEvent>,
    on_leave: Callback<FocusEvent>,
) -> Html {
    let findings = report
        .filter(|_| shown)
        .map(|r| r.findings.clone())
        .unwrap_or_default();
    let invalid = findings.iter().any(|f| f.is_error()).then_some("true");
    let mut described = format!("{id}-hint");
    if !findings.is_empty() {
        described.push_str(&format!(" {id}-findings"));
    }
    let decision = report
        .filter(|r| r.path != crate::core::ConfigPath::Undecided)
        .map(|r| r.reason.clone());
    // Most environments run the one version: the field waits behind a summary, open once
    // it holds something (or has something to say).
    let open = !value.is_empty() || !findings.is_empty();
    html! {
        <details class="imh-field imh-row-version" {open}>
            <summary data-testid="environment-version-toggle">
                {"This environment runs another version"}<span class="imh-visually-hidden">{format!(" (environment {number})")}</span>
            </summary>
            <label class="imh-label" for={id.to_owned()}>
                {"Version, if different"}<span class="imh-visually-hidden">{format!(" for environment {number}")}</span>
            </label>
            <p class="imh-hint" id={format!("{id}-hint")}>{"Only if this environment runs another Clio Operate version than the one in the Clio Operate version field, for example a UAT upgraded first."}</p>
            <input id={id.to_owned()} class="imh-input" type="text" value={value.to_owned()}
                oninput={on_input} onblur={on_leave} spellcheck="false" autocomplete="off" inputmode="decimal"
                aria-invalid={invalid} aria-describedby={described}
                data-testid="environment-version" />
            if let Some(decision) = decision {
                <p class="imh-hint" data-testid="environment-version-decision">{ decision }</p>
            }
            <Findings {findings} id={format!("{id}-findings")} />
        </details>
    }
}
