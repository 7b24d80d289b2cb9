//! The yew shell: renders the core's report and dispatches the reader's actions to the
//! form reducer. No rule or decision lives here.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::form::{FormAction, FormState};
use crate::core::{analyze, Finding, Report, Severity, Timestamp};

/// One widget instance's reducer: the core's [`FormState`] behind yew's `Reducible`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form(pub FormState);

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        Rc::new(Form(Rc::unwrap_or_clone(self).0.reduce(action)))
    }
}

/// Options an embedding page sets for one instance.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Prefix that makes every id in this instance unique on the page.
    pub instance: AttrValue,
    #[prop_or_default]
    pub support_email: AttrValue,
}

fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let form = use_reducer(|| Form(FormState::with_support_email(&props.support_email)));
    let report: Rc<Report> = use_memo(form.clone(), |form| {
        analyze(&form.0.to_request(Some(now())))
    });
    let id = |name: &str| format!("{}-{name}", props.instance);
    let row = form.0.rows[0].clone();
    let oninput = {
        let form = form.dispatcher();
        Callback::from(move |event: InputEvent| {
            let target: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            form.dispatch(FormAction::SetRowUrl {
                id: row.id,
                url: target.value(),
            });
        })
    };
    html! {
        <section class="imh" aria-labelledby={id("title")}>
            <h2 id={id("title")} class="imh-title">{"Redirect URIs to register"}</h2>
            <label for={id("urls")} class="imh-label">{"Clio Operate environment URLs, one per line"}</label>
            <textarea id={id("urls")} class="imh-input" rows="4" value={form.0.rows[0].url.clone()} {oninput}
                data-testid="environment-urls" spellcheck="false" autocomplete="off" />
            <ul class="imh-results" data-testid="results">
                { for report.environments.entries.iter().map(|entry| html! {
                    <li class="imh-result">
                        <div class="imh-entry">{ &entry.cleaned }</div>
                        if let Some(uri) = &entry.redirect_uri {
                            <code class="imh-uri" data-testid="redirect-uri">{ uri.as_str() }</code>
                        }
                        <ul class="imh-findings">{ for entry.findings.iter().map(finding) }</ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn finding(finding: &Finding) -> Html {
    let class = match finding.severity {
        Severity::Error => "imh-finding imh-error",
        Severity::Warning => "imh-finding imh-warning",
        Severity::Info => "imh-finding imh-info",
    };
    html! {
        <li class={class} data-code={finding.code.as_str()}>
            { &finding.message }{" "}{ &finding.fix }
        </li>
    }
}
