//! Options from `data-` attributes and the JS API: parsing, errors that name the key,
//! and how they prefill the form.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::Role;
use imanage_connect::widget::options::{MountOptions, Part};
use imanage_connect::widget::state::{Action, State};

fn from(attributes: &[(&'static str, &str)]) -> Result<MountOptions, String> {
    MountOptions::from_attributes(attributes.iter().map(|(n, v)| (*n, (*v).to_owned())))
}

#[test]
fn attributes_set_every_option() {
    let options = from(&[
        ("data-environments", "Production=https://a.example.com, UAT=https://a-uat.example.com; https://a-train.example.com"),
        ("data-imanage-url", "https://a.cloudimanage.com"),
        ("data-customer-id", "1764"),
        ("data-version", "7.10"),
        ("data-support-email", "support@operate.example"),
        ("data-show", "redirect-uris"),
        ("data-heading-level", "3"),
    ])
    .unwrap();
    assert_eq!(options.part(), Part::RedirectUris);
    assert_eq!(options.heading_level(), 3);
    let state = State::default().reduce(Action::Prefill(options.prefill()));
    let rows: Vec<(Option<Role>, &str)> = state
        .answers()
        .rows
        .iter()
        .map(|r| (r.role.clone(), r.url.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some(Role::Production), "https://a.example.com"),
            (Some(Role::Uat), "https://a-uat.example.com"),
            (None, "https://a-train.example.com"),
        ]
    );
    assert_eq!(state.answers().imanage_url, "https://a.cloudimanage.com");
    assert_eq!(state.answers().customer_id, "1764");
    assert_eq!(state.answers().version, "7.10");
    assert_eq!(
        options.support_email.as_deref(),
        Some("support@operate.example")
    );
}

#[test]
fn defaults_when_nothing_is_set() {
    let options = from(&[]).unwrap();
    assert_eq!(options.part(), Part::All);
    assert_eq!(options.heading_level(), 2);
    assert!(options.prefill().is_empty());
}

#[test]
fn bad_attributes_are_named() {
    let cases = [
        (("data-show", "everything"), "data-show is \u{201C}everything\u{201D}; it takes all, redirect-uris, path or diagnosis."),
        (("data-heading-level", "two"), "data-heading-level is \u{201C}two\u{201D}; it takes a number from 1 to 6."),
        (("data-heading-level", "9"), "data-heading-level is \u{201C}9\u{201D}; it takes a number from 1 to 6."),
        (("data-heading-level", "0"), "data-heading-level is \u{201C}0\u{201D}; it takes a number from 1 to 6."),
    ];
    for (attribute, message) in cases {
        assert_eq!(from(&[attribute]).unwrap_err(), message);
    }
}

#[test]
fn api_options_are_camel_case_and_refuse_unknown_keys() {
    let options: MountOptions = serde_json::from_str(
        r#"{"environments":[{"role":"uat","url":"a-uat.example.com"}],"show":"diagnosis","headingLevel":4,"supportEmail":"s@x.example"}"#,
    )
    .unwrap();
    assert_eq!(options.part(), Part::Diagnosis);
    assert_eq!(options.environment_rows().unwrap()[0].role, Some(Role::Uat));
    let text: MountOptions =
        serde_json::from_str(r#"{"environments":"a.example.com\nb.example.com"}"#).unwrap();
    assert_eq!(text.environment_rows().unwrap().len(), 2);
    let error = serde_json::from_str::<MountOptions>(r#"{"supportEmial":"x"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("supportEmial"), "{error}");
    let error = serde_json::from_str::<MountOptions>(r#"{"show":"all-of-it"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("all-of-it"), "{error}");
}

#[test]
fn updates_change_only_what_they_name() {
    let prefill = |attributes| Action::Prefill(from(attributes).unwrap().prefill());
    let typed = State::default()
        .reduce(prefill(&[("data-version", "7.10")]))
        .reduce(Action::SetText {
            field: imanage_connect::widget::field::FieldKey::CustomerId,
            text: "1764".into(),
        });
    let updated = typed.reduce(prefill(&[("data-version", "7.11.2")]));
    assert_eq!(updated.answers().version, "7.11.2");
    assert_eq!(updated.answers().customer_id, "1764");
}

#[test]
fn the_key_lists_match_the_serialised_shapes() {
    use imanage_connect::core::diagnosis::{ConnectionChoice, DiagnosisInput};
    use imanage_connect::core::{AnalysisRequest, EnvironmentInput, Timestamp};
    use imanage_connect::widget::options::{
        DIAGNOSIS_KEYS, ENVIRONMENT_KEYS, OPTION_KEYS, REQUEST_KEYS,
    };
    let keys = |value: serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let sorted = |list: &[&str]| -> Vec<String> {
        let mut list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        list.sort();
        list
    };
    let options = MountOptions {
        environments: Some(imanage_connect::widget::options::EnvironmentsOption::Text(
            String::new(),
        )),
        imanage_url: Some(String::new()),
        customer_id: Some(String::new()),
        version: Some(String::new()),
        support_email: Some(String::new()),
        show: Some(Part::All),
        heading_level: Some(2),
    };
    assert_eq!(
        keys(serde_json::to_value(&options).unwrap()),
        sorted(OPTION_KEYS)
    );
    let row = EnvironmentInput {
        role: Some(Role::Uat),
        url: String::new(),
        version: Some(String::new()),
    };
    assert_eq!(
        keys(serde_json::to_value(&row).unwrap()),
        sorted(ENVIRONMENT_KEYS)
    );
    let text = Some(String::new());
    let diagnosis = DiagnosisInput {
        registered: text.clone(),
        failing: text.clone(),
        submitted_at: text.clone(),
        connection: Some(ConnectionChoice::NotSure),
        utc_offset_minutes: Some(0),
    };
    assert_eq!(
        keys(serde_json::to_value(&diagnosis).unwrap()),
        sorted(DIAGNOSIS_KEYS)
    );
    let request = AnalysisRequest {
        environments: vec![row],
        imanage_url: text.clone(),
        customer_id: text.clone(),
        version: text.clone(),
        firm_name: text.clone(),
        contact_name: text.clone(),
        contact_email: text.clone(),
        support_email: text.clone(),
        generated_at: Some(Timestamp::from_millis(0)),
        diagnosis: Some(diagnosis),
    };
    assert_eq!(
        keys(serde_json::to_value(&request).unwrap()),
        sorted(REQUEST_KEYS)
    );
}

#[test]
fn attributes_past_the_size_limits_are_refused_by_name() {
    use imanage_connect::widget::options::{MAX_CHARACTERS, MAX_ENVIRONMENTS};
    let list = |n: usize| {
        (0..n)
            .map(|i| format!("https://e{i}.example.com"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    assert!(from(&[("data-environments", &list(MAX_ENVIRONMENTS))]).is_ok());
    assert_eq!(
        from(&[("data-environments", &list(MAX_ENVIRONMENTS + 1))]),
        Err("data-environments lists 1001 environments; a widget takes at most 1000.".into())
    );
    let long = "x".repeat(MAX_CHARACTERS / 2);
    assert!(from(&[("data-customer-id", &long), ("data-version", &long)]).is_ok());
    assert_eq!(
        from(&[("data-customer-id", &long), ("data-version", &format!("{long}y"))]),
        Err("more than 100000 characters of text in the data- attributes; a widget takes at most 100000.".into())
    );
    // Characters are counted as JavaScript counts them (UTF-16 code units).
    let wide = "\u{1F600}".repeat(MAX_CHARACTERS / 2 + 1);
    assert!(from(&[("data-customer-id", &wide)]).is_err());
}

#[test]
fn environments_are_counted_by_entry() {
    use imanage_connect::core::EnvironmentInput;
    use imanage_connect::widget::options::{check_environment_count, environment_count};
    let row = |url: &str| EnvironmentInput {
        role: None,
        url: url.into(),
        version: None,
    };
    let cases: &[(&[&str], usize)] = &[
        (&[], 0),
        (&[""], 1),
        (&["a.example.com"], 1),
        (&["a.example.com, b.example.com\nc.example.com", ""], 4),
        (&["a.example.com;;;", "b.example.com"], 2),
    ];
    for (urls, count) in cases {
        let rows: Vec<_> = urls.iter().map(|u| row(u)).collect();
        assert_eq!(environment_count(&rows), *count, "{urls:?}");
    }
    assert_eq!(check_environment_count("environments", 1000), Ok(()));
    assert_eq!(
        check_environment_count("environments", 1001),
        Err("environments lists 1001 environments; a widget takes at most 1000.".into())
    );
}

#[test]
fn an_update_changes_only_what_it_names() {
    use imanage_connect::widget::options::{EnvironmentsOption, MountOptions, Part};
    let mounted = MountOptions {
        environments: Some(EnvironmentsOption::Text("https://firm.example.com".into())),
        customer_id: Some("1764".into()),
        show: Some(Part::RedirectUris),
        heading_level: Some(3),
        ..MountOptions::default()
    };
    let cases: &[(MountOptions, MountOptions)] = &[
        (MountOptions::default(), mounted.clone()),
        (
            MountOptions {
                version: Some("7.10".into()),
                ..MountOptions::default()
            },
            MountOptions {
                version: Some("7.10".into()),
                ..mounted.clone()
            },
        ),
        (
            MountOptions {
                customer_id: Some("145".into()),
                show: Some(Part::All),
                ..MountOptions::default()
            },
            MountOptions {
                customer_id: Some("145".into()),
                show: Some(Part::All),
                ..mounted.clone()
            },
        ),
        (
            MountOptions {
                environments: Some(EnvironmentsOption::Text(String::new())),
                heading_level: Some(2),
                ..MountOptions::default()
            },
            MountOptions {
                environments: Some(EnvironmentsOption::Text(String::new())),
                heading_level: Some(2),
                ..mounted.clone()
            },
        ),
    ];
    for (update, expected) in cases {
        assert_eq!(&mounted.merged_with(update), expected, "{update:?}");
    }
}
