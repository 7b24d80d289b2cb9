//! Browser tests of the JS API's readers (`imanageHelper.mount`, `update` and `analyze`):
//! every valid shape reads exactly as serde-wasm-bindgen reads it (the reference), and
//! every wrong type or unknown key is refused with a message naming it; `analyze()`'s
//! report is the object serde-wasm-bindgen would build.
#![cfg(target_arch = "wasm32")]

use imanage_connect::core::AnalysisRequest;
use imanage_connect::embed::read::{analysis_request, mount_options};
use imanage_connect::widget::options::MountOptions;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_else(|_| panic!("bad JSON in the table: {json}"))
}

#[wasm_bindgen_test]
fn valid_requests_read_as_the_reference_reads_them() {
    let cases = [
        "{}",
        r#"{"environments": []}"#,
        r#"{"environments": [{"role": "production", "url": "https://a.example.com"}, {"url": "b.example.com"}, {"role": null, "url": "c"}, {}]}"#,
        r#"{"environments": [{"role": "Staging", "url": "https://s.example.com"}]}"#,
        r#"{"environments": [{"role": "uat", "url": "https://u.example.com", "version": "7.11.1"}, {"url": "p", "version": null}]}"#,
        r#"{"imanageUrl": "https://acme.cloudimanage.com", "customerId": "1764", "version": "7.10",
            "firmName": "Acme", "contactName": "Ann", "contactEmail": "ann@acme.example",
            "supportEmail": "support@example.com", "generatedAt": "2026-11-28T10:30:00Z"}"#,
        r#"{"imanageUrl": null, "customerId": null, "generatedAt": null, "diagnosis": null}"#,
        r#"{"diagnosis": {}}"#,
        r#"{"diagnosis": {"registered": "https://a.example.com/externalServices/replyFrom", "failing": "x",
            "submittedAt": "2026-11-26", "connection": "sharedoTest", "utcOffsetMinutes": -300}}"#,
        r#"{"diagnosis": {"connection": "sharedoProduction", "utcOffsetMinutes": 0}}"#,
        r#"{"diagnosis": {"connection": "notSure", "utcOffsetMinutes": 330}}"#,
    ];
    for case in cases {
        let value = js(case);
        let reference: AnalysisRequest = serde_wasm_bindgen::from_value(value.clone())
            .unwrap_or_else(|e| panic!("the reference refused {case}: {e}"));
        assert_eq!(analysis_request(&value), Ok(reference), "{case}");
    }
    assert_eq!(
        analysis_request(&JsValue::UNDEFINED),
        Ok(AnalysisRequest::default())
    );
    assert_eq!(
        analysis_request(&JsValue::NULL),
        Ok(AnalysisRequest::default())
    );
}

#[wasm_bindgen_test]
fn valid_options_read_as_the_reference_reads_them() {
    let cases = [
        "{}",
        r#"{"environments": "Production=https://a.example.com, UAT=https://b.example.com"}"#,
        r#"{"environments": [{"role": "uat", "url": "https://b.example.com"}, {"url": "c"}]}"#,
        r#"{"imanageUrl": "https://acme.cloudimanage.com", "customerId": "1764", "version": "7.11.0",
            "supportEmail": "support@example.com", "show": "redirect-uris", "headingLevel": 3}"#,
        r#"{"show": "all", "headingLevel": 1}"#,
        r#"{"show": "path", "headingLevel": 6}"#,
        r#"{"show": "diagnosis", "environments": null, "version": null}"#,
    ];
    for case in cases {
        let value = js(case);
        let reference: MountOptions = serde_wasm_bindgen::from_value(value.clone())
            .unwrap_or_else(|e| panic!("the reference refused {case}: {e}"));
        assert_eq!(mount_options(&value), Ok(reference), "{case}");
    }
    assert_eq!(
        mount_options(&JsValue::UNDEFINED),
        Ok(MountOptions::default())
    );
}

#[wasm_bindgen_test]
fn wrong_requests_are_refused_with_a_message_naming_the_field() {
    let cases = [
        ("[]", "the request must be an object, not an array."),
        (r#""https://a.example.com""#, "the request must be an object, not a string."),
        ("5", "the request must be an object, not a number."),
        (r#"{"customerID": "1"}"#, "unknown key \u{201C}customerID\u{201D}; the keys are environments, imanageUrl, customerId, version, firmName, contactName, contactEmail, supportEmail, generatedAt, diagnosis."),
        (r#"{"customerId": 1764}"#, "customerId must be a string, not a number."),
        (r#"{"version": true}"#, "version must be a string, not a boolean."),
        (r#"{"imanageUrl": {"href": "x"}}"#, "imanageUrl must be a string, not an object."),
        (r#"{"environments": "https://a.example.com"}"#, "environments must be an array of { role, url, version }, not a string."),
        (r#"{"environments": [5]}"#, "environments[0] must be an object, not a number."),
        (r#"{"environments": [{"url": "a"}, {"url": 5}]}"#, "environments[1].url must be a string, not a number."),
        (r#"{"environments": [{"role": ["uat"], "url": "a"}]}"#, "environments[0].role must be a string, not an array."),
        (r#"{"environments": [{"uri": "a"}]}"#, "in environments[0]: unknown key \u{201C}uri\u{201D}; the keys are role, url, version."),
        (r#"{"generatedAt": "yesterday"}"#, "generatedAt is \u{201C}yesterday\u{201D}; it takes a date and time such as 2026-11-28T10:30:00Z."),
        (r#"{"generatedAt": 1795861800000}"#, "generatedAt must be a string, not a number."),
        (r#"{"diagnosis": []}"#, "diagnosis must be an object, not an array."),
        (r#"{"diagnosis": {"connection": "production"}}"#, "diagnosis.connection is \u{201C}production\u{201D}; it takes sharedoProduction, sharedoTest or notSure."),
        (r#"{"diagnosis": {"utcOffsetMinutes": 1.5}}"#, "diagnosis.utcOffsetMinutes must be a whole number, not a number with a fraction."),
        (r#"{"diagnosis": {"utcOffsetMinutes": "60"}}"#, "diagnosis.utcOffsetMinutes must be a whole number, not a string."),
        (r#"{"diagnosis": {"utcOffsetMinutes": 1e300}}"#, "diagnosis.utcOffsetMinutes must be a whole number, not a number out of range."),
        (r#"{"diagnosis": {"utcOffsetMinutes": 3000000000}}"#, "diagnosis.utcOffsetMinutes is 3000000000; it takes minutes east of UTC, such as 60 or -300."),
        (r#"{"diagnosis": {"registerd": "x"}}"#, "in diagnosis: unknown key \u{201C}registerd\u{201D}; the keys are registered, failing, submittedAt, connection, utcOffsetMinutes."),
    ];
    for (json, message) in cases {
        assert_eq!(
            analysis_request(&js(json)),
            Err(message.to_owned()),
            "{json}"
        );
    }
}

#[wasm_bindgen_test]
fn wrong_options_are_refused_with_a_message_naming_the_option() {
    let cases = [
        ("[]", "the options must be an object, not an array."),
        (r#"{"supportEmial": "x@y.example"}"#, "unknown key \u{201C}supportEmial\u{201D}; the keys are environments, imanageUrl, customerId, version, supportEmail, show, headingLevel."),
        (r#"{"headingLevel": 9}"#, "headingLevel is 9; it takes a number from 1 to 6."),
        (r#"{"headingLevel": 0}"#, "headingLevel is 0; it takes a number from 1 to 6."),
        (r#"{"headingLevel": 300}"#, "headingLevel is 300; it takes a number from 1 to 6."),
        (r#"{"headingLevel": -1}"#, "headingLevel is -1; it takes a number from 1 to 6."),
        (r#"{"headingLevel": "2"}"#, "headingLevel must be a whole number, not a string."),
        (r#"{"headingLevel": 2.5}"#, "headingLevel must be a whole number, not a number with a fraction."),
        (r#"{"show": "everything"}"#, "show is \u{201C}everything\u{201D}; it takes all, redirect-uris, path or diagnosis."),
        (r#"{"show": 1}"#, "show must be a string, not a number."),
        (r#"{"environments": 5}"#, "environments must be an array of { role, url, version } or a string, not a number."),
        (r#"{"environments": {"url": "a"}}"#, "environments must be an array of { role, url, version } or a string, not an object."),
        (r#"{"environments": [{"role": 3, "url": "a"}]}"#, "environments[0].role must be a string, not a number."),
        (r#"{"environments": [null]}"#, "environments[0] must be an object, not null."),
    ];
    for (json, message) in cases {
        assert_eq!(mount_options(&js(json)), Err(message.to_owned()), "{json}");
    }
}

/// A JS value from an expression (test tables only).
fn eval(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .unwrap_or_else(|_| panic!("bad expression in the table: {expression}"))
}

#[wasm_bindgen_test]
fn only_own_properties_are_read_even_with_a_polluted_prototype() {
    eval(
        "(Object.prototype.supportEmail = 'attacker@evil.example', \
          Object.prototype.environments = 'Production=https://evil.example', \
          Object.prototype.customerId = '666', \
          Object.prototype.url = 'https://evil.example', \
          Array.prototype[0] = { url: 'https://evil.example' }, 0)",
    );
    let options = mount_options(&js(r#"{"version": "7.11"}"#));
    let empty_options = mount_options(&eval("{}"));
    let request = analysis_request(&eval("{ environments: [{ role: 'uat' }] }"));
    let inherited = analysis_request(&eval("Object.create({ customerId: 'X' })"));
    let hole = analysis_request(&eval("{ environments: [, { url: 'a.example.com' }] }"));
    eval(
        "(delete Object.prototype.supportEmail, delete Object.prototype.environments, \
          delete Object.prototype.customerId, delete Object.prototype.url, \
          delete Array.prototype[0], 0)",
    );
    assert_eq!(
        options,
        Ok(MountOptions {
            version: Some("7.11".into()),
            ..MountOptions::default()
        })
    );
    assert_eq!(empty_options, Ok(MountOptions::default()));
    let request = request.expect("a plain request");
    assert_eq!(request.environments.len(), 1);
    assert_eq!(request.environments[0].url, "", "the url is not inherited");
    assert_eq!(request.customer_id, None);
    assert_eq!(request.support_email, None);
    assert_eq!(inherited, Ok(AnalysisRequest::default()));
    assert_eq!(
        hole,
        Err("environments[0] must be an object, not undefined.".into())
    );
}

#[wasm_bindgen_test]
fn values_that_throw_when_read_are_refused_by_name() {
    let cases = [
        (
            "new Proxy({}, { ownKeys() { throw new Error('no'); } })",
            "the request could not be read: reading it threw an exception.",
        ),
        (
            "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
            "the request could not be read: reading it threw an exception.",
        ),
        (
            "{ get customerId() { throw new Error('no'); } }",
            "customerId could not be read: reading it threw an exception.",
        ),
        (
            "new Proxy({ version: '7' }, { get() { throw new Error('no'); } })",
            "version could not be read: reading it threw an exception.",
        ),
        (
            "{ environments: new Proxy([], { get() { throw new Error('no'); } }) }",
            "environments could not be read: reading it threw an exception.",
        ),
        (
            "{ environments: [{ get url() { throw 'no'; } }] }",
            "environments[0].url could not be read: reading it threw an exception.",
        ),
        (
            "{ diagnosis: new Proxy({}, { getOwnPropertyDescriptor() { throw 1; } }) }",
            "diagnosis.registered could not be read: reading it threw an exception.",
        ),
    ];
    for (expression, message) in cases {
        // Many times over: a failure must leave nothing behind.
        for _ in 0..200 {
            assert_eq!(
                analysis_request(&eval(expression)),
                Err(message.to_owned()),
                "{expression}"
            );
        }
    }
    assert_eq!(
        mount_options(&eval("{ get show() { throw new Error('no'); } }")),
        Err("show could not be read: reading it threw an exception.".into())
    );
}

#[wasm_bindgen_test]
fn arguments_past_the_size_limits_are_refused() {
    let many_rows =
        "{ environments: Array.from({ length: 1001 }, (_, i) => ({ url: `e${i}.example.com` })) }";
    let many_lines = "{ environments: [{ url: Array.from({ length: 1001 }, (_, i) => `e${i}.example.com`).join('\\n') }] }";
    let long_text = "{ customerId: 'x'.repeat(100001) }";
    let spread_text = "{ firmName: 'x'.repeat(60000), contactName: 'y'.repeat(60000) }";
    let huge_length = "{ environments: Object.assign([], { length: 4294967295 }) }";
    assert_eq!(
        analysis_request(&eval(many_rows)),
        Err("environments lists 1001 environments; a widget takes at most 1000.".into())
    );
    assert_eq!(
        analysis_request(&eval(many_lines)),
        Err("environments lists 1001 environments; a widget takes at most 1000.".into())
    );
    let too_much =
        "more than 100000 characters of text in the request; a widget takes at most 100000.";
    assert_eq!(analysis_request(&eval(long_text)), Err(too_much.into()));
    assert_eq!(analysis_request(&eval(spread_text)), Err(too_much.into()));
    assert_eq!(
        analysis_request(&eval(huge_length)),
        Err("environments lists 4294967295 environments; a widget takes at most 1000.".into())
    );
    assert_eq!(
        mount_options(&eval(
            "{ environments: Array.from({ length: 1001 }, () => 'a.example.com').join(', ') }"
        )),
        Err("environments lists 1001 environments; a widget takes at most 1000.".into())
    );
    assert_eq!(
        mount_options(&eval("{ supportEmail: 'x'.repeat(100001) }")),
        Err(
            "more than 100000 characters of text in the options; a widget takes at most 100000."
                .into()
        )
    );
    let thousand =
        "{ environments: Array.from({ length: 1000 }, (_, i) => ({ url: `e${i}.example.com` })) }";
    assert_eq!(
        analysis_request(&eval(thousand)).map(|r| r.environments.len()),
        Ok(1000)
    );
}

/// `analyze()` returns the report as the core's JSON parsed by the browser: the same
/// object, key for key and in the same order, as serde-wasm-bindgen's JSON-compatible
/// serialiser builds (the reference), on requests with and without findings.
#[wasm_bindgen_test]
fn the_report_is_the_object_the_reference_builds() {
    let cases = [
        "{}",
        r#"{"environments": [{"role": "production", "url": "HTTP://Acme.Example.com:443/externalServices/replyFrom/"},
            {"role": "uat", "url": "https://acme-uat.example.com\u200b", "version": "7.10-hotfix2"},
            {"url": "https://user@x.example.com"}, {"url": "https://[::1]"}, {"url": "https://0x7f.1"},
            {"url": "acme.example.com, acme.example.com"}]}"#,
        r#"{"imanageUrl": "https://acme.cloudimanage.com/work", "customerId": "1764", "version": "7.10",
            "firmName": "Acme \"Law\" <LLP>", "contactName": "Ann", "contactEmail": "ann@acme.example",
            "supportEmail": "support@example.com", "generatedAt": "2026-11-28T10:30:00Z"}"#,
        r#"{"environments": [{"role": "production", "url": "https://acme.example.com"}],
            "diagnosis": {"registered": "https://safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.example.com%2FexternalServices%2FreplyFrom&data=1",
            "failing": "redirect_uri=https%3A%2F%2Facme-uat.example.com%2FexternalServices%2FreplyFrom",
            "submittedAt": "2026-11-26", "connection": "sharedoTest", "utcOffsetMinutes": -300},
            "generatedAt": "2026-11-28T10:30:00Z"}"#,
    ];
    let stringify = |value: &JsValue| -> String { js_sys::JSON::stringify(value).unwrap().into() };
    for case in cases {
        let request = analysis_request(&js(case)).unwrap();
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let reference =
            serde::Serialize::serialize(&imanage_connect::analyze(&request), &serializer)
                .unwrap_or_else(|e| panic!("the reference could not write {case}: {e}"));
        let report = imanage_connect::embed::analyze(js(case))
            .unwrap_or_else(|_| panic!("analyze() refused {case}"));
        assert_eq!(stringify(&report), stringify(&reference), "{case}");
    }
}
