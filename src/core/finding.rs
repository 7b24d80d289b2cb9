//! Findings: what the core tells the reader about one field, how bad it is, and how to fix it.

use serde::{Deserialize, Serialize};

/// How much a finding matters.
///
/// * `Error`: no trustworthy value can be produced; blocks the support request.
/// * `Warning`: a value was produced, but the input suggests a wrong address or a
///   mismatch the reader must confirm.
/// * `Info`: a harmless normalisation, told for transparency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The form field a finding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// One environment URL (the entry is given by where the finding is reported).
    Environment,
    /// The list of environments as a whole (duplicates, missing production…).
    Environments,
    ImanageUrl,
    CustomerId,
    Version,
    ContactEmail,
    /// The diagnosis: the URIs iManage confirmed.
    Registered,
    /// The diagnosis: the failing address or error text.
    Failing,
    /// The diagnosis: when the registration request was submitted.
    SubmittedAt,
}

impl Field {
    /// The field's name as the reader sees it on the form.
    pub fn label(self) -> &'static str {
        match self {
            Field::Environment => "Address",
            Field::Environments => "Environments",
            Field::ImanageUrl => "iManage URL",
            Field::CustomerId => "iManage Customer ID",
            Field::Version => "Clio Operate version",
            Field::ContactEmail => "Contact e-mail",
            Field::Registered => "Redirect URIs iManage confirmed",
            Field::Failing => "Failing address or error",
            Field::SubmittedAt => "Date Support submitted the request to iManage",
        }
    }
}

/// Stable identifiers for every finding; the serialised names never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    // Shared by every web address field.
    InvisibleCharactersRemoved,
    EmailAddress,
    SchemeAssumed,
    HttpUpgraded,
    UnsupportedScheme,
    SchemeWithoutSlashes,
    Backslash,
    Unparseable,
    Userinfo,
    PercentInHost,
    NonAsciiHost,
    PunycodeHost,
    UppercaseLowered,
    TrailingDotRemoved,
    DefaultPortRemoved,
    InvalidPort,
    PathDropped,
    // Environment URLs.
    IpAddress,
    Localhost,
    Wildcard,
    InvalidHostLabel,
    SingleLabelHost,
    HostTooLong,
    UnderscoreInHost,
    WwwPrefix,
    IdentityServerHost,
    NonDefaultPort,
    RedirectUriPasted,
    RedirectPathDiffers,
    RedirectUriTooLong,
    SeveralAddressesInOneBox,
    /// A label before the address (`Production: https://…`).
    LabelRead,
    /// A label before the address names another role than the one chosen.
    LabelRoleDiffers,
    /// Words after the address that are not part of it.
    NoteLeftOut,
    /// An address of another service (LinkedIn, Teams, a help desk, iManage) given as
    /// an environment.
    OtherService,
    // The environment list as a whole.
    DuplicateEnvironment,
    SameOriginTwoRoles,
    NoProduction,
    SingleEnvironment,
    // The iManage URL.
    ImanagePort,
    ImanageSubdomain,
    ImanageLookAlike,
    ImanageOtherDomain,
    ImanageNotCloud,
    ImanageSuffixTrick,
    // The Customer ID.
    CustomerIdNotDigits,
    CustomerIdLooksLikeClientId,
    CustomerIdLooksLikeShareId,
    CustomerIdLooksLikeAddress,
    // The version.
    VersionPadded,
    VersionBuildIgnored,
    VersionLeadingZeros,
    VersionMetadataIgnored,
    VersionTextIgnored,
    VersionPrerelease,
    VersionWildcard,
    VersionAmbiguous,
    VersionUnparseable,
    VersionSuffixUnknown,
    VersionSeveral,
    // Contact details.
    ContactEmailUnusual,
    // The diagnosis of invalid_redirect_uri.
    NoUriFound,
    RegisteredUnmatched,
    SubmittedDateUnreadable,
    SubmittedDateInFuture,
    SubmittedTimeAssumed,
    /// A submission time without a zone, and no offset given: read as UTC.
    SubmittedZoneAssumed,
    LinkUnwrapped,
    LinkHidesAddress,
    LinesJoined,
    CallbackAnswer,
    QuotedHistoryLeftOut,
    /// A sign-in's address (with `redirect_uri=`) pasted as the confirmation.
    SignInPastedAsConfirmation,
    NoEnvironmentsToCompare,
}

impl FindingCode {
    /// The stable code as serialised (`http-upgraded`), for logs, tests and test hooks.
    pub fn as_str(self) -> &'static str {
        use FindingCode::*;
        match self {
            InvisibleCharactersRemoved => "invisible-characters-removed",
            EmailAddress => "email-address",
            SchemeAssumed => "scheme-assumed",
            HttpUpgraded => "http-upgraded",
            UnsupportedScheme => "unsupported-scheme",
            SchemeWithoutSlashes => "scheme-without-slashes",
            Backslash => "backslash",
            Unparseable => "unparseable",
            Userinfo => "userinfo",
            PercentInHost => "percent-in-host",
            NonAsciiHost => "non-ascii-host",
            PunycodeHost => "punycode-host",
            UppercaseLowered => "uppercase-lowered",
            TrailingDotRemoved => "trailing-dot-removed",
            DefaultPortRemoved => "default-port-removed",
            InvalidPort => "invalid-port",
            PathDropped => "path-dropped",
            IpAddress => "ip-address",
            Localhost => "localhost",
            Wildcard => "wildcard",
            InvalidHostLabel => "invalid-host-label",
            SingleLabelHost => "single-label-host",
            HostTooLong => "host-too-long",
            UnderscoreInHost => "underscore-in-host",
            WwwPrefix => "www-prefix",
            IdentityServerHost => "identity-server-host",
            NonDefaultPort => "non-default-port",
            RedirectUriPasted => "redirect-uri-pasted",
            RedirectPathDiffers => "redirect-path-differs",
            RedirectUriTooLong => "redirect-uri-too-long",
            SeveralAddressesInOneBox => "several-addresses-in-one-box",
            LabelRead => "label-read",
            LabelRoleDiffers => "label-role-differs",
            NoteLeftOut => "note-left-out",
            OtherService => "other-service",
            DuplicateEnvironment => "duplicate-environment",
            SameOriginTwoRoles => "same-origin-two-roles",
            NoProduction => "no-production",
            SingleEnvironment => "single-environment",
            ImanagePort => "imanage-port",
            ImanageSubdomain => "imanage-subdomain",
            ImanageLookAlike => "imanage-look-alike",
            ImanageOtherDomain => "imanage-other-domain",
            ImanageNotCloud => "imanage-not-cloud",
            ImanageSuffixTrick => "imanage-suffix-trick",
            CustomerIdNotDigits => "customer-id-not-digits",
            CustomerIdLooksLikeClientId => "customer-id-looks-like-client-id",
            CustomerIdLooksLikeShareId => "customer-id-looks-like-share-id",
            CustomerIdLooksLikeAddress => "customer-id-looks-like-address",
            VersionPadded => "version-padded",
            VersionBuildIgnored => "version-build-ignored",
            VersionLeadingZeros => "version-leading-zeros",
            VersionMetadataIgnored => "version-metadata-ignored",
            VersionTextIgnored => "version-text-ignored",
            VersionPrerelease => "version-prerelease",
            VersionWildcard => "version-wildcard",
            VersionAmbiguous => "version-ambiguous",
            VersionUnparseable => "version-unparseable",
            VersionSuffixUnknown => "version-suffix-unknown",
            VersionSeveral => "version-several",
            ContactEmailUnusual => "contact-email-unusual",
            NoUriFound => "no-uri-found",
            RegisteredUnmatched => "registered-unmatched",
            SubmittedDateUnreadable => "submitted-date-unreadable",
            SubmittedDateInFuture => "submitted-date-in-future",
            SubmittedTimeAssumed => "submitted-time-assumed",
            SubmittedZoneAssumed => "submitted-zone-assumed",
            LinkUnwrapped => "link-unwrapped",
            LinkHidesAddress => "link-hides-address",
            LinesJoined => "lines-joined",
            CallbackAnswer => "callback-answer",
            QuotedHistoryLeftOut => "quoted-history-left-out",
            SignInPastedAsConfirmation => "sign-in-pasted-as-confirmation",
            NoEnvironmentsToCompare => "no-environments-to-compare",
        }
    }
}

/// A mechanical fix the interface can offer as one click, instead of rewriting the
/// reader's text silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FixAction {
    /// Replace the text of the field (or of the environment row) with `text`.
    #[serde(rename_all = "camelCase")]
    ReplaceText { label: String, text: String },
    /// Remove environment row `row`, which repeats another one.
    #[serde(rename_all = "camelCase")]
    RemoveRow { label: String, row: usize },
    /// Turn the addresses pasted into row `row` into one row each.
    #[serde(rename_all = "camelCase")]
    SplitRow { label: String, row: usize },
}

impl FixAction {
    /// The button text, e.g. "Use https".
    pub fn label(&self) -> &str {
        match self {
            FixAction::ReplaceText { label, .. }
            | FixAction::RemoveRow { label, .. }
            | FixAction::SplitRow { label, .. } => label,
        }
    }
}

/// One thing the core noticed about the reader's input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub field: Field,
    /// One plain sentence naming the field and the problem.
    pub message: String,
    /// What to do about it.
    pub fix: String,
    /// A one-click fix, where the fix is mechanical.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub action: Option<FixAction>,
}

impl Finding {
    pub fn new(
        code: FindingCode,
        severity: Severity,
        field: Field,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            field,
            message: message.into(),
            fix: fix.into(),
            action: None,
        }
    }

    pub fn error(
        code: FindingCode,
        field: Field,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Error, field, message, fix)
    }

    pub fn warning(
        code: FindingCode,
        field: Field,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Warning, field, message, fix)
    }

    pub fn info(
        code: FindingCode,
        field: Field,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Info, field, message, fix)
    }

    pub fn with_action(mut self, action: FixAction) -> Self {
        self.action = Some(action);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Counts of findings by severity, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeverityCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, findings: &[Finding]) {
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}
