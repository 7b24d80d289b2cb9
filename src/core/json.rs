//! Compact JSON for the reports: a serde serialiser that writes into one `String`, the same
//! text `serde_json::to_string` writes for the same value. The browser's `analyze()` parses
//! it with `JSON.parse`, which costs far less download than building the object field by
//! field from WebAssembly (a call into JavaScript per key and value, each instantiated per
//! type), and needs neither number formatting nor a JSON library in the bundle.

use serde::ser::{self, Serialize};

/// Writes `value` as compact JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut writer = Writer(String::new());
    value.serialize(&mut writer)?;
    Ok(writer.0)
}

/// A value that JSON cannot hold (a map key that is not a string or number, or a
/// serialiser error raised by a type). The reports have none; the message says so plainly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the report could not be written as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        // Formatting the message would bring the formatting machinery of every type that
        // can raise one; the reports raise none.
        Error
    }
}

struct Writer(String);

impl Writer {
    fn string(&mut self, value: &str) {
        let out = &mut self.0;
        out.push('"');
        let mut start = 0;
        for (at, byte) in value.bytes().enumerate() {
            let escape: &str = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0C => "\\f",
                0x00..=0x1F => "",
                _ => continue,
            };
            out.push_str(&value[start..at]);
            if escape.is_empty() {
                // Other control characters as serde_json writes them: \u00XX, lower case.
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            } else {
                out.push_str(escape);
            }
            start = at + 1;
        }
        out.push_str(&value[start..]);
        out.push('"');
    }

    fn unsigned(&mut self, mut value: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            // `value % 10` is below 10, so the cast cannot truncate.
            digits[at] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        for &digit in &digits[at..] {
            self.0.push(char::from(digit));
        }
    }

    fn signed(&mut self, value: i64) {
        if value < 0 {
            self.0.push('-');
        }
        self.unsigned(value.unsigned_abs());
    }

    /// Opens `{"variant":` for an externally tagged enum variant with content.
    fn open_variant(&mut self, variant: &str) {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
    }
}

/// A JSON array or object being written; `first` says whether a comma is due.
pub struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    /// Closing text: `]`, `}`, or `]}` / `}}` for an enum variant.
    close: &'static str,
}

impl Compound<'_> {
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.writer.0.push(',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.separate();
        self.writer.string(key);
        self.writer.0.push(':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.0.push_str(self.close);
        Ok(())
    }
}

impl Writer {
    fn compound(&mut self, open: char, close: &'static str) -> Compound<'_> {
        self.0.push(open);
        Compound {
            writer: self,
            first: true,
            close,
        }
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.0.push_str(if value { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }
    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }
    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }
    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        self.signed(value);
        Ok(())
    }
    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.unsigned(value.into());
        Ok(())
    }
    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.unsigned(value.into());
        Ok(())
    }
    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.unsigned(value.into());
        Ok(())
    }
    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.unsigned(value);
        Ok(())
    }
    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.serialize_f64(value.into())
    }
    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        // The reports hold no floating-point numbers; this is never instantiated for them.
        if value.is_finite() {
            self.0.push_str(&value.to_string());
        } else {
            self.0.push_str("null");
        }
        Ok(())
    }
    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.string(value);
        Ok(())
    }
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.0.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        Ok(self.compound('[', "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.compound('{', "}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.compound('{', "}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        Ok(self.compound('{', "}}"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        let at = self.writer.0.len();
        key.serialize(&mut *self.writer)?;
        // JSON keys are strings: a number key is quoted, as serde_json does; anything
        // else cannot be a key.
        match self.writer.0.as_bytes().get(at) {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9') => {
                self.writer.0.insert(at, '"');
                self.writer.0.push('"');
            }
            _ => return Err(Error),
        }
        self.writer.0.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Shape {
        Plain,
        Wrapped(u8),
        Pair(i32, i32),
        Named { first_name: String },
    }

    #[derive(serde::Serialize)]
    #[serde(tag = "kind", rename_all = "camelCase")]
    enum Tagged {
        One { value: u32 },
        Two,
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        text: String,
        count: u64,
        below: i64,
        maybe: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        flags: Vec<bool>,
        shapes: Vec<Shape>,
        tagged: Vec<Tagged>,
        map: BTreeMap<u32, char>,
        unit: (),
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut map = BTreeMap::new();
        map.insert(7, 'x');
        map.insert(12, '"');
        let sample = Sample {
            text: "quote \" slash \\ controls \n\r\t\u{8}\u{c}\u{1}\u{1f} del \u{7f} é \u{2028} 😀"
                .into(),
            count: u64::MAX,
            below: i64::MIN,
            maybe: None,
            skipped: None,
            flags: vec![true, false],
            shapes: vec![
                Shape::Plain,
                Shape::Wrapped(0),
                Shape::Pair(-1, 10),
                Shape::Named {
                    first_name: String::new(),
                },
            ],
            tagged: vec![Tagged::One { value: 3 }, Tagged::Two],
            map,
            unit: (),
        };
        assert_eq!(
            to_string(&sample).unwrap(),
            serde_json::to_string(&sample).unwrap()
        );
        assert_eq!(to_string(&Vec::<u8>::new()).unwrap(), "[]");
        assert_eq!(to_string("").unwrap(), "\"\"");
        assert_eq!(to_string(&0u8).unwrap(), "0");
    }

    #[test]
    fn refuses_a_key_json_cannot_hold() {
        let mut map = BTreeMap::new();
        map.insert(vec![1u8], 1u8);
        assert_eq!(to_string(&map), Err(Error));
    }
}
