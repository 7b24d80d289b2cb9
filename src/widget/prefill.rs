//! Answers given from outside the reader's typing: by the embedding page's options or by
//! a link or saved draft. Applying one sets the fields it names and leaves the rest as the
//! reader left them.

use crate::core::EnvironmentInput;

use super::field::FieldKey;

/// Fields to fill in; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    /// Replaces every environment row; an empty list leaves one empty row.
    pub rows: Option<Vec<EnvironmentInput>>,
    pub imanage_url: Option<String>,
    pub customer_id: Option<String>,
    pub version: Option<String>,
    pub firm_name: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
}

impl Prefill {
    /// Whether it names no field at all.
    pub fn is_empty(&self) -> bool {
        *self == Prefill::default()
    }

    /// The single-value fields it sets.
    pub fn named_fields(&self) -> Vec<FieldKey> {
        [
            (FieldKey::ImanageUrl, &self.imanage_url),
            (FieldKey::CustomerId, &self.customer_id),
            (FieldKey::Version, &self.version),
            (FieldKey::FirmName, &self.firm_name),
            (FieldKey::ContactName, &self.contact_name),
            (FieldKey::ContactEmail, &self.contact_email),
        ]
        .into_iter()
        .filter(|(_, value)| value.is_some())
        .map(|(field, _)| field)
        .collect()
    }

    /// The slot for a single-value field; `None` for fields a prefill cannot set (rows
    /// come as a list, the diagnosis pastes are never prefilled).
    pub fn slot(&mut self, field: FieldKey) -> Option<&mut Option<String>> {
        match field {
            FieldKey::ImanageUrl => Some(&mut self.imanage_url),
            FieldKey::CustomerId => Some(&mut self.customer_id),
            FieldKey::Version => Some(&mut self.version),
            FieldKey::FirmName => Some(&mut self.firm_name),
            FieldKey::ContactName => Some(&mut self.contact_name),
            FieldKey::ContactEmail => Some(&mut self.contact_email),
            _ => None,
        }
    }
}
