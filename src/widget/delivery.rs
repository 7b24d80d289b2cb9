//! How a message to Support reaches it: the registration request and the correction
//! message are delivered the same way (copy, e-mail link, text file), and what the widget
//! says about each delivery is decided here, so a copy is never claimed unless it happened.

use crate::core::diagnosis::FollowUp;
use crate::core::support_request::encode_mailto_component;
use crate::core::SupportRequest;

/// Which message it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// The registration request (redirect URIs, Customer ID, iManage URL).
    Request,
    /// The correction message the diagnosis writes.
    Correction,
}

/// A message ready to deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMessage {
    pub kind: MessageKind,
    pub subject: String,
    pub body: String,
    /// A `mailto:` link; when `mailto_is_short` its body only asks the reader to paste
    /// the copied message.
    pub mailto: String,
    pub mailto_is_short: bool,
    pub file_name: String,
}

/// What "Open in e-mail" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailPlan {
    /// The link carries the whole message: follow it.
    Open,
    /// The message is too long for a link: copy it first, and open the e-mail only once
    /// the copy succeeded (its body says the message is on the clipboard).
    CopyThenOpen,
}

impl OutgoingMessage {
    pub fn request(request: &SupportRequest) -> Self {
        OutgoingMessage {
            kind: MessageKind::Request,
            subject: request.subject.clone(),
            body: request.body.clone(),
            mailto: request.mailto.clone(),
            mailto_is_short: request.mailto_is_short,
            file_name: request.file_name.clone(),
        }
    }

    pub fn correction(follow_up: &FollowUp) -> Self {
        OutgoingMessage {
            kind: MessageKind::Correction,
            subject: follow_up.subject.clone(),
            body: follow_up.body.clone(),
            mailto: follow_up.mailto.clone(),
            mailto_is_short: follow_up.mailto_is_short,
            file_name: follow_up.file_name.clone(),
        }
    }

    /// The whole message as it is copied or downloaded.
    pub fn text(&self) -> String {
        format!("Subject: {}\n\n{}\n", self.subject, self.body)
    }

    /// A `data:` URL of the text. Percent-encoding as for mailto: also turns line breaks
    /// into CRLF, which Windows tools expect in a .txt file.
    pub fn download_href(&self) -> String {
        format!(
            "data:text/plain;charset=utf-8,{}",
            encode_mailto_component(&self.text())
        )
    }

    pub fn email_plan(&self) -> EmailPlan {
        if self.mailto_is_short {
            EmailPlan::CopyThenOpen
        } else {
            EmailPlan::Open
        }
    }

    /// The message's name in sentences: "request", "message".
    fn noun(&self) -> &'static str {
        match self.kind {
            MessageKind::Request => "request",
            MessageKind::Correction => "message",
        }
    }

    /// The label of the copy button.
    pub fn copy_label(&self) -> &'static str {
        match self.kind {
            MessageKind::Request => "Copy the request",
            MessageKind::Correction => "Copy the message for Support",
        }
    }

    /// What shows beside the copy button after a copy.
    pub fn confirmation(&self) -> &'static str {
        match self.kind {
            MessageKind::Request => "Request copied",
            MessageKind::Correction => "Message copied",
        }
    }

    /// What the status region says after a copy.
    pub fn copied(&self) -> String {
        let what = match self.kind {
            MessageKind::Request => "Request",
            MessageKind::Correction => "Message",
        };
        format!("{what} copied. Paste it into an e-mail or ticket to Clio Operate Support.")
    }

    /// What the status region says after "Open in e-mail", given whether the copy it
    /// needed succeeded (a link that carries the whole message needs none).
    pub fn email_outcome(&self, copied: bool) -> Option<String> {
        let noun = self.noun();
        match (self.email_plan(), copied) {
            (EmailPlan::Open, _) => Some(format!(
                "The {noun} is opening in your e-mail program. If nothing opens, use {} instead.",
                self.copy_label()
            )),
            (EmailPlan::CopyThenOpen, true) => Some(format!(
                "The {noun} is too long for an e-mail link, so it was copied: paste it into the new e-mail."
            )),
            (EmailPlan::CopyThenOpen, false) => Some(format!(
                "The {noun} is too long for an e-mail link, and copying is blocked here, so no e-mail was opened. Use {}, then paste it into an e-mail.",
                self.copy_label()
            )),
        }
    }

    /// What the status region says after the download.
    pub fn downloaded(&self) -> String {
        format!("The {} was downloaded as a text file.", self.noun())
    }
}
