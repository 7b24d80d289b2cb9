//! Reads the JS API's plain objects into the core's option and request types, field by
//! field: an unknown key or a value of the wrong type gets a message naming it. Written
//! by hand rather than with a general deserialiser, which would add its number
//! formatting and type machinery to every page's download for two small shapes.
//!
//! Every read goes through an import marked `catch`: a JS exception (a throwing getter, a
//! revoked or hostile Proxy) must come back as a value, because one that unwinds through
//! WebAssembly frames leaves the shadow stack pointer behind, and enough of them break
//! every widget on the page. Only own properties are read, so a polluted
//! `Object.prototype` changes nothing. The text read from one argument is capped
//! ([`MAX_CHARACTERS`]) before it is copied into WebAssembly memory.

use std::cell::Cell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::core::diagnosis::{ConnectionChoice, DiagnosisInput};
use crate::core::{AnalysisRequest, EnvironmentInput, Role, Timestamp};
use crate::widget::options::{
    check_environment_count, check_heading_level, environment_count, too_much_text_message,
    unknown_key_message, EnvironmentsOption, MountOptions, Part, DIAGNOSIS_KEYS, ENVIRONMENT_KEYS,
    MAX_CHARACTERS, MAX_ENVIRONMENTS, OPTION_KEYS, REQUEST_KEYS,
};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Reflect.ownKeys`: own keys only, strings and symbols.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = ownKeys)]
    fn own_keys(target: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Reflect.getOwnPropertyDescriptor`: `undefined` when the key is not an own one.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = getOwnPropertyDescriptor)]
    fn own_descriptor(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
}

/// Options for `mount` and `update`; `undefined` and `null` mean none.
pub fn mount_options(value: &JsValue) -> Result<MountOptions, String> {
    if is_absent(value) {
        return Ok(MountOptions::default());
    }
    let budget = Budget::new("the options");
    let object = Object::top(value, "the options", &budget)?;
    object.check_keys(OPTION_KEYS)?;
    let environments = object.get("environments")?;
    let options = MountOptions {
        environments: if is_absent(&environments) {
            None
        } else if environments.is_string() {
            object.string("environments")?.map(EnvironmentsOption::Text)
        } else {
            Some(EnvironmentsOption::Rows(environment_rows(
                &environments,
                "an array of { role, url, version } or a string",
                &budget,
            )?))
        },
        imanage_url: object.string("imanageUrl")?,
        customer_id: object.string("customerId")?,
        version: object.string("version")?,
        support_email: object.string("supportEmail")?,
        show: object
            .string("show")?
            .map(|name| {
                Part::parse(&name).ok_or_else(|| {
                    format!("show is \u{201C}{name}\u{201D}; it takes {}.", Part::NAMES)
                })
            })
            .transpose()?,
        heading_level: object
            .whole_number("headingLevel")?
            .map(check_heading_level)
            .transpose()?,
    };
    options.validate()?;
    Ok(options)
}

/// A request for `analyze`; `undefined` and `null` mean an empty one.
pub fn analysis_request(value: &JsValue) -> Result<AnalysisRequest, String> {
    if is_absent(value) {
        return Ok(AnalysisRequest::default());
    }
    let budget = Budget::new("the request");
    let object = Object::top(value, "the request", &budget)?;
    object.check_keys(REQUEST_KEYS)?;
    let environments = object.get("environments")?;
    let diagnosis = object.get("diagnosis")?;
    let request = AnalysisRequest {
        environments: if is_absent(&environments) {
            Vec::new()
        } else {
            environment_rows(&environments, "an array of { role, url, version }", &budget)?
        },
        imanage_url: object.string("imanageUrl")?,
        customer_id: object.string("customerId")?,
        version: object.string("version")?,
        firm_name: object.string("firmName")?,
        contact_name: object.string("contactName")?,
        contact_email: object.string("contactEmail")?,
        support_email: object.string("supportEmail")?,
        generated_at: object
            .string("generatedAt")?
            .map(|text| {
                Timestamp::parse_iso(&text).ok_or_else(|| {
                    format!("generatedAt is \u{201C}{text}\u{201D}; it takes a date and time such as 2026-11-28T10:30:00Z.")
                })
            })
            .transpose()?,
        diagnosis: if is_absent(&diagnosis) {
            None
        } else {
            Some(diagnosis_input(&Object::nested(
                &diagnosis,
                "diagnosis".into(),
                &budget,
            )?)?)
        },
    };
    check_environment_count("environments", environment_count(&request.environments))?;
    Ok(request)
}

fn diagnosis_input(object: &Object) -> Result<DiagnosisInput, String> {
    object.check_keys(DIAGNOSIS_KEYS)?;
    Ok(DiagnosisInput {
        registered: object.string("registered")?,
        failing: object.string("failing")?,
        submitted_at: object.string("submittedAt")?,
        connection: object
            .string("connection")?
            .map(|name| match name.as_str() {
                "sharedoProduction" => Ok(ConnectionChoice::SharedoProduction),
                "sharedoTest" => Ok(ConnectionChoice::SharedoTest),
                "notSure" => Ok(ConnectionChoice::NotSure),
                _ => Err(format!(
                    "diagnosis.connection is \u{201C}{name}\u{201D}; it takes sharedoProduction, sharedoTest or notSure."
                )),
            })
            .transpose()?,
        utc_offset_minutes: object
            .whole_number("utcOffsetMinutes")?
            .map(|minutes| {
                i32::try_from(minutes).map_err(|_| {
                    format!("diagnosis.utcOffsetMinutes is {minutes}; it takes minutes east of UTC, such as 60 or -300.")
                })
            })
            .transpose()?,
    })
}

/// `environments` as rows: an array of `{ role, url, version }`; `accepted` says what the caller
/// takes, for the message. The length is checked before any row is read.
fn environment_rows(
    value: &JsValue,
    accepted: &str,
    budget: &Budget,
) -> Result<Vec<EnvironmentInput>, String> {
    if !is_array(value).map_err(|_| unreadable("environments"))? {
        return Err(format!(
            "environments must be {accepted}, not {}.",
            kind(value)
        ));
    }
    let length = reflect_get(value, &JsValue::from_str("length"))
        .map_err(|_| unreadable("environments"))?
        .as_f64()
        .unwrap_or(0.0);
    if length > MAX_ENVIRONMENTS as f64 {
        check_environment_count("environments", length as usize)?;
    }
    (0..length as u32)
        .map(|index| {
            let name = format!("environments[{index}]");
            let row = own_property(value, &JsValue::from(index), &name)?;
            let row = Object::nested(&row, name, budget)?;
            row.check_keys(ENVIRONMENT_KEYS)?;
            Ok(EnvironmentInput {
                role: row.string("role")?.map(Role::from),
                url: row.string("url")?.unwrap_or_default(),
                version: row.string("version")?,
            })
        })
        .collect()
}

/// The characters of text one argument may still give.
struct Budget {
    left: Cell<usize>,
    /// How messages name the argument: "the options".
    what: &'static str,
}

impl Budget {
    fn new(what: &'static str) -> Self {
        Budget {
            left: Cell::new(MAX_CHARACTERS),
            what,
        }
    }

    fn take(&self, characters: usize) -> Result<(), String> {
        let left = self
            .left
            .get()
            .checked_sub(characters)
            .ok_or_else(|| too_much_text_message(self.what))?;
        self.left.set(left);
        Ok(())
    }
}

/// A plain object being read, and how messages name it.
struct Object<'a> {
    value: &'a JsValue,
    /// Where it sits in the argument, e.g. "diagnosis"; none for the argument itself.
    path: Option<String>,
    budget: &'a Budget,
}

impl<'a> Object<'a> {
    /// The argument itself; `what` names it in the message when it is not an object.
    fn top(value: &'a JsValue, what: &str, budget: &'a Budget) -> Result<Self, String> {
        if !value.is_object() || is_array(value).map_err(|_| unreadable(what))? {
            return Err(format!("{what} must be an object, not {}.", kind(value)));
        }
        Ok(Object {
            value,
            path: None,
            budget,
        })
    }

    /// An object inside the argument, at `path`.
    fn nested(value: &'a JsValue, path: String, budget: &'a Budget) -> Result<Self, String> {
        let object = Self::top(value, &path, budget)?;
        Ok(Object {
            path: Some(path),
            ..object
        })
    }

    /// How messages name one of its keys: "customerId", "diagnosis.connection".
    fn name(&self, key: &str) -> String {
        match &self.path {
            Some(path) => format!("{path}.{key}"),
            None => key.to_owned(),
        }
    }

    /// An own property; `undefined` when there is none (inherited ones are ignored).
    fn get(&self, key: &str) -> Result<JsValue, String> {
        own_property(self.value, &JsValue::from_str(key), &self.name(key))
    }

    /// Refuses the first key not in `allowed`, naming it and the keys there are.
    fn check_keys(&self, allowed: &[&str]) -> Result<(), String> {
        let keys = own_keys(self.value).map_err(|_| match &self.path {
            Some(path) => unreadable(path),
            None => unreadable(self.budget.what),
        })?;
        match keys
            .iter()
            .filter_map(|key| key.as_string())
            .find(|key| !allowed.contains(&key.as_str()))
        {
            Some(key) => Err(match &self.path {
                Some(path) => format!("in {path}: {}", unknown_key_message(&key, allowed)),
                None => unknown_key_message(&key, allowed),
            }),
            None => Ok(()),
        }
    }

    /// A text field; absent, `undefined` and `null` read as none. Its length counts
    /// against the argument's budget before it is copied.
    fn string(&self, key: &str) -> Result<Option<String>, String> {
        let value = self.get(key)?;
        if is_absent(&value) {
            return Ok(None);
        }
        if !value.is_string() {
            return Err(format!(
                "{} must be a string, not {}.",
                self.name(key),
                kind(&value)
            ));
        }
        // The length in UTF-16 code units, read without copying the string.
        let text: &js_sys::JsString = wasm_bindgen::JsCast::unchecked_ref(&value);
        self.budget.take(text.length() as usize)?;
        Ok(value.as_string())
    }

    /// A whole-number field.
    fn whole_number(&self, key: &str) -> Result<Option<i64>, String> {
        let value = self.get(key)?;
        if is_absent(&value) {
            return Ok(None);
        }
        let found = match value.as_f64() {
            // Within ±2^53 every whole f64 is exact, and the cast below cannot saturate.
            Some(number) if number.fract() == 0.0 && number.abs() <= 9_007_199_254_740_992.0 => {
                return Ok(Some(number as i64));
            }
            Some(number) if number.is_finite() && number.fract() != 0.0 => {
                "a number with a fraction"
            }
            Some(_) => "a number out of range",
            None => kind(&value),
        };
        Err(format!(
            "{} must be a whole number, not {found}.",
            self.name(key)
        ))
    }
}

/// `object[key]` when `key` is an own property of `object`, else `undefined`; `name`
/// names it when reading throws.
fn own_property(object: &JsValue, key: &JsValue, name: &str) -> Result<JsValue, String> {
    let descriptor = own_descriptor(object, key).map_err(|_| unreadable(name))?;
    if descriptor.is_undefined() {
        return Ok(JsValue::UNDEFINED);
    }
    // An own getter runs here; what it throws comes back as an error.
    reflect_get(object, key).map_err(|_| unreadable(name))
}

/// The message for a value whose reading threw (a throwing getter or Proxy trap).
fn unreadable(name: &str) -> String {
    format!("{name} could not be read: reading it threw an exception.")
}

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// How a message names a value's type.
pub(crate) fn kind(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if is_array(value).unwrap_or(false) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else {
        "a value of another type"
    }
}
