//! Step 5: the seven-step process with who does each step, the current one highlighted
//! from what the reader has done so far.

use yew::prelude::*;

use super::{use_instance, StepProps};

/// (what happens, who does it)
const PROCESS: [(&str, &str); 7] = [
    ("Gather your iManage Customer ID and the address of every environment.", "Your firm"),
    ("Send the registration request to Clio Operate Support.", "Your firm"),
    ("Support asks iManage to register your Customer ID and redirect URIs.", "Clio Operate Support"),
    ("Wait for iManage to confirm: allow 24 to 48 hours. Keep any e-mails from support@imanage.com as your record.", "iManage"),
    ("In each environment, configure the linked service as shown in step 3 above (Admin > Integrations > Manage Linked Services, or /admin/oauth).", "Your firm"),
    ("Link a fall-back iManage account: in Manage Linked Services, choose Link on the iManage service and sign in with iManage credentials in the window that opens; the service will then display as Linked. Clio Operate uses this account for people who have not linked their own account yet.", "Your firm"),
    ("Test in Document Administration > Template Explorer: browse the iManage workspace configured for Clio Operate document templates, create a folder and upload a document. If all three work, the integration is working.", "Your firm"),
];

#[component]
pub fn NextSteps(props: &StepProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("next-heading");
    // 0-based index of the step the reader is on.
    let current = if props.form.progress().request_delivered {
        3
    } else if props.report.support_request.ready {
        1
    } else {
        0
    };
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ instance.step_title(5, "What happens next") }</@>
            <ol class="imh-process" data-testid="process">
                { for PROCESS.iter().enumerate().map(|(index, (what, who))| {
                    let class = match index.cmp(&current) {
                        std::cmp::Ordering::Less => "imh-process-done",
                        std::cmp::Ordering::Equal => "imh-process-current",
                        std::cmp::Ordering::Greater => "",
                    };
                    html! {
                        <li {class} aria-current={(index == current).then_some("step")}>
                            { *what }
                            <span class="imh-who">{ format!("Who: {who}") }
                                if index == current { <span class="imh-visually-hidden">{" (you are here)"}</span> }
                                if index < current { <span class="imh-visually-hidden">{" (done)"}</span> }
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <p class="imh-hint">{"Still seeing invalid_redirect_uri 48 hours after Support submitted the request to iManage? Check that each registered redirect URI matches the one above exactly, and that the connection setting is Sharedo Production. Then contact Clio Operate Support."}</p>
        </section>
    }
}
