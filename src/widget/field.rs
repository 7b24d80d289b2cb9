//! The one identity of every field the reader fills in: what the reducer changes, where a
//! finding or an error-summary link points, the field's label and its DOM id all come
//! from a [`FieldKey`], so they cannot drift apart.

use crate::core::Field;

/// Identifies an environment row for the life of the form (indices shift on removal).
pub type RowId = u32;

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldKey {
    /// The address of one environment row.
    RowUrl(RowId),
    /// The version of one environment row, when it differs from the version field.
    RowVersion(RowId),
    ImanageUrl,
    CustomerId,
    Version,
    FirmName,
    ContactName,
    ContactEmail,
    /// The diagnosis: the URIs iManage confirmed.
    Registered,
    /// The diagnosis: the failing address or error text.
    Failing,
    /// The diagnosis: when the request was submitted.
    SubmittedAt,
}

impl FieldKey {
    /// Where a field other than a row's comes in the form (the variants' order).
    pub fn order(self) -> u8 {
        match self {
            FieldKey::RowUrl(_) | FieldKey::RowVersion(_) => 0,
            FieldKey::ImanageUrl => 1,
            FieldKey::CustomerId => 2,
            FieldKey::Version => 3,
            FieldKey::FirmName => 4,
            FieldKey::ContactName => 5,
            FieldKey::ContactEmail => 6,
            FieldKey::Registered => 7,
            FieldKey::Failing => 8,
            FieldKey::SubmittedAt => 9,
        }
    }

    /// The field's name within one widget instance; the UI prefixes it to make the DOM
    /// id unique on the page, and uses it as the test hook.
    pub fn name(self) -> String {
        match self {
            FieldKey::RowUrl(row) => format!("row-{row}-url"),
            FieldKey::RowVersion(row) => format!("row-{row}-version"),
            other => other.fixed_name().to_owned(),
        }
    }

    fn fixed_name(self) -> &'static str {
        match self {
            FieldKey::RowUrl(_) | FieldKey::RowVersion(_) => "",
            FieldKey::ImanageUrl => "imanage-url",
            FieldKey::CustomerId => "customer-id",
            FieldKey::Version => "version",
            FieldKey::FirmName => "firm-name",
            FieldKey::ContactName => "contact-name",
            FieldKey::ContactEmail => "contact-email",
            FieldKey::Registered => "diagnosis-registered",
            FieldKey::Failing => "diagnosis-failing",
            FieldKey::SubmittedAt => "diagnosis-submitted",
        }
    }

    /// The field's visible label; messages about the field use the same words.
    pub fn label(self) -> &'static str {
        match self {
            FieldKey::RowUrl(_) => "Address",
            FieldKey::RowVersion(_) => "Version, if different",
            FieldKey::ImanageUrl => "iManage URL",
            FieldKey::CustomerId => "iManage Customer ID",
            FieldKey::Version => "Clio Operate version",
            FieldKey::FirmName => "Firm name",
            FieldKey::ContactName => "Your name",
            FieldKey::ContactEmail => "Your e-mail address",
            FieldKey::Registered => "Redirect URIs iManage confirmed",
            FieldKey::Failing => "The address in the browser when the error appeared",
            FieldKey::SubmittedAt => "When Clio Operate Support submitted the request to iManage",
        }
    }

    /// The field a finding of the rule book points at; `row` is the environment row the
    /// finding came from, when it came from one. Findings about the environments as a
    /// whole point at the first row.
    pub fn from_finding(field: Field, row: Option<RowId>, first_row: RowId) -> FieldKey {
        match field {
            Field::Environment | Field::Environments => FieldKey::RowUrl(row.unwrap_or(first_row)),
            Field::Version => row.map_or(FieldKey::Version, FieldKey::RowVersion),
            Field::ImanageUrl => FieldKey::ImanageUrl,
            Field::CustomerId => FieldKey::CustomerId,
            Field::ContactEmail => FieldKey::ContactEmail,
            Field::Registered => FieldKey::Registered,
            Field::Failing => FieldKey::Failing,
            Field::SubmittedAt => FieldKey::SubmittedAt,
        }
    }
}
