//! Reads the JS API's plain objects into the core's option and request types, field by
//! field: an unknown key or a value of the wrong type gets a message naming it. Written
//! by hand rather than with a general deserialiser, which would add its number
//! formatting and type machinery to every page's download for two small shapes.

use wasm_bindgen::{JsCast, JsValue};

use crate::core::diagnosis::{ConnectionChoice, DiagnosisInput};
use crate::core::options::{
    check_heading_level, unknown_key_message, EnvironmentsOption, MountOptions, Part,
    DIAGNOSIS_KEYS, ENVIRONMENT_KEYS, OPTION_KEYS, REQUEST_KEYS,
};
use crate::core::{AnalysisRequest, EnvironmentInput, Role, Timestamp};

/// Options for `mount` and `update`; `undefined` and `null` mean none.
pub fn mount_options(value: &JsValue) -> Result<MountOptions, String> {
    if is_absent(value) {
        return Ok(MountOptions::default());
    }
    let object = Object::top(value, "the options")?;
    object.check_keys(OPTION_KEYS)?;
    let environments = object.get("environments");
    Ok(MountOptions {
        environments: if is_absent(&environments) {
            None
        } else if let Some(text) = environments.as_string() {
            Some(EnvironmentsOption::Text(text))
        } else {
            Some(EnvironmentsOption::Rows(environment_rows(
                &environments,
                "an array of { role, url } or a string",
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
    })
}

/// A request for `analyze`; `undefined` and `null` mean an empty one.
pub fn analysis_request(value: &JsValue) -> Result<AnalysisRequest, String> {
    if is_absent(value) {
        return Ok(AnalysisRequest::default());
    }
    let object = Object::top(value, "the request")?;
    object.check_keys(REQUEST_KEYS)?;
    let environments = object.get("environments");
    let diagnosis = object.get("diagnosis");
    Ok(AnalysisRequest {
        environments: if is_absent(&environments) {
            Vec::new()
        } else {
            environment_rows(&environments, "an array of { role, url }")?
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
            Some(diagnosis_input(&Object::nested(&diagnosis, "diagnosis".into())?)?)
        },
    })
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
/// takes, for the message.
fn environment_rows(value: &JsValue, accepted: &str) -> Result<Vec<EnvironmentInput>, String> {
    if !js_sys::Array::is_array(value) {
        return Err(format!(
            "environments must be {accepted}, not {}.",
            kind(value)
        ));
    }
    js_sys::Array::from(value)
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let row = Object::nested(&row, format!("environments[{index}]"))?;
            row.check_keys(ENVIRONMENT_KEYS)?;
            Ok(EnvironmentInput {
                role: row.string("role")?.map(Role::from),
                url: row.string("url")?.unwrap_or_default(),
                version: row.string("version")?,
            })
        })
        .collect()
}

/// A plain object being read, and how messages name it.
struct Object<'a> {
    value: &'a JsValue,
    /// Where it sits in the argument, e.g. "diagnosis"; none for the argument itself.
    path: Option<String>,
}

impl<'a> Object<'a> {
    /// The argument itself; `what` names it in the message when it is not an object.
    fn top(value: &'a JsValue, what: &str) -> Result<Self, String> {
        if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
            return Err(format!("{what} must be an object, not {}.", kind(value)));
        }
        Ok(Object { value, path: None })
    }

    /// An object inside the argument, at `path`.
    fn nested(value: &'a JsValue, path: String) -> Result<Self, String> {
        let object = Self::top(value, &path)?;
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

    fn get(&self, key: &str) -> JsValue {
        js_sys::Reflect::get(self.value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Refuses the first key not in `allowed`, naming it and the keys there are.
    fn check_keys(&self, allowed: &[&str]) -> Result<(), String> {
        let object: &js_sys::Object = self.value.unchecked_ref();
        match js_sys::Object::keys(object)
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

    /// A text field; absent, `undefined` and `null` read as none.
    fn string(&self, key: &str) -> Result<Option<String>, String> {
        let value = self.get(key);
        if is_absent(&value) {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("{} must be a string, not {}.", self.name(key), kind(&value)))
    }

    /// A whole-number field.
    fn whole_number(&self, key: &str) -> Result<Option<i64>, String> {
        let value = self.get(key);
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

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// How a message names a value's type.
fn kind(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.as_string().is_some() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else {
        "a value of another type"
    }
}
