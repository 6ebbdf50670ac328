//! A small JSON reader for what comes into the core: the page model, batches of it, the
//! reader's options, the learned tier's scores and the page's JSON-LD.
//!
//! Why not serde's derives: in the wasm they were a quarter of the code (a deserializer
//! for every type and every `Vec` of one, and core's float formatting reachable only
//! through their error messages), and the shapes read here are few and fixed. Each type
//! says how it is read in its [`FromJson`] impl beside its definition, the one reader of
//! that shape natively and in the wasm; types that are also written (with serde) are
//! checked by round trips in their tests.
//!
//! It accepts exactly the JSON that `serde_json` accepts (the same grammar, the same
//! nesting limit, paired surrogate escapes, numbers that fit an `f64`), so a JSON-LD script
//! is read or skipped as before. Numbers are computed the way `serde_json` computes them
//! without its `float_roundtrip` feature: the digits, then one multiplication or division
//! by an exact power of ten (in steps of 10²² past that, for values no probability or
//! setting takes). Every error says what was expected and at which byte.

use std::borrow::Cow;
use std::fmt;

/// How deeply arrays and objects may nest: `serde_json`'s limit (127 levels), so a
/// JSON-LD script it rejected is rejected here too; it also bounds [`Value`]'s recursion.
const MAX_DEPTH: usize = 128;

/// What the reader expected, and the byte offset where it was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    expected: Cow<'static, str>,
    at: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.at)
    }
}

impl std::error::Error for Error {}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error>;
}

/// `text`, one JSON value with nothing but whitespace around it, read as a `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    let mut r = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let value = T::read(&mut r)?;
    if r.peek().is_some() {
        return Err(r.error("the end of the text"));
    }
    Ok(value)
}

/// A position in JSON text; [`FromJson`] impls read their value from it.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// Arrays and objects open at `at`.
    depth: usize,
}

impl<'a> Reader<'a> {
    /// A value of type `T`.
    pub fn read<T: FromJson>(&mut self) -> Result<T, Error> {
        T::read(self)
    }

    /// An object: `field` is called with each key and reads its value (or
    /// [`skip`](Reader::skip)s it). A key given twice is read twice.
    ///
    /// `field` is a trait object so that one copy of this loop serves every type (the
    /// wasm is smaller; the indirect call costs nothing measurable).
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Self, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'{', "an object")?;
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.error("a key"));
                }
                let key = self.string_cow()?;
                self.expect(b':', "`:`")?;
                field(self, &key)?;
                if !self.eat(b',') {
                    self.expect(b'}', "`,` or `}`")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// An array: `item` is called for each element and reads it (a trait object, as in
    /// [`Reader::object`]).
    pub fn array(
        &mut self,
        item: &mut dyn FnMut(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'[', "an array")?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if !self.eat(b',') {
                    self.expect(b']', "`,` or `]`")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads past any value (a field no type here has).
    pub fn skip(&mut self) -> Result<(), Error> {
        Value::read(self).map(drop)
    }

    /// `value` of a field that must be there, or an error naming it (at the object's end).
    pub fn required<T>(&self, value: Option<T>, field: &str) -> Result<T, Error> {
        value.ok_or_else(|| self.missing(field))
    }

    /// The error for a missing field: one copy, not one per type of field.
    #[cold]
    #[inline(never)]
    fn missing(&self, field: &str) -> Error {
        self.error(format!("field `{field}`"))
    }

    /// An error: `expected` was not found here.
    pub fn error(&self, expected: impl Into<Cow<'static, str>>) -> Error {
        Error {
            expected: expected.into(),
            at: self.at,
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Consumes `byte` if it comes next (after whitespace).
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8, what: &'static str) -> Result<(), Error> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    /// Consumes the bracket that opens an array or object, one level deeper.
    fn open(&mut self, bracket: u8, what: &'static str) -> Result<(), Error> {
        if self.peek() != Some(bracket) {
            return Err(self.error(what));
        }
        if self.depth + 1 >= MAX_DEPTH {
            return Err(self.error("less deeply nested arrays and objects"));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// `true`, `false` or `null`.
    fn word(&mut self, word: &'static str) -> Result<(), Error> {
        self.peek();
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(word))
        }
    }

    /// Consumes `null` if it comes next.
    fn null(&mut self) -> Result<bool, Error> {
        let null = self.peek() == Some(b'n');
        if null {
            self.word("null")?;
        }
        Ok(null)
    }

    /// A string, borrowed from the text unless it has escapes.
    #[inline(never)]
    fn string_cow(&mut self) -> Result<Cow<'a, str>, Error> {
        self.expect(b'"', "a string")?;
        let text = self.text;
        let bytes = text.as_bytes();
        let mut start = self.at;
        // Filled only once an escape is met.
        let mut owned: Option<String> = None;
        loop {
            self.at = plain_run_end(bytes, self.at);
            match bytes.get(self.at) {
                Some(b'"') => {
                    let last = &text[start..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(last),
                        Some(mut owned) => {
                            owned.push_str(last);
                            Cow::Owned(owned)
                        }
                    });
                }
                Some(b'\\') => {
                    let owned = owned.get_or_insert_with(String::new);
                    owned.push_str(&text[start..self.at]);
                    self.at += 1;
                    self.escape(owned)?;
                    start = self.at;
                }
                Some(_) => return Err(self.error("a control character to be escaped")),
                None => return Err(self.error("`\"`")),
            }
        }
    }

    /// The escape after a backslash, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(&byte) = self.text.as_bytes().get(self.at) else {
            return Err(self.error("an escape"));
        };
        self.at += 1;
        out.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                let code = match high {
                    0xdc00..=0xdfff => return Err(self.error("no lone low surrogate")),
                    0xd800..=0xdbff => {
                        if !self.text[self.at..].starts_with("\\u") {
                            return Err(self.error("the low surrogate escape of a pair"));
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err(self.error("a low surrogate"));
                        }
                        0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                    }
                    _ => high,
                };
                char::from_u32(code).expect("not a surrogate")
            }
            _ => {
                self.at -= 1;
                return Err(self.error("an escape"));
            }
        });
        Ok(())
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.at..self.at + 4);
        let code = digits
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("four hex digits"))?;
        self.at += 4;
        Ok(code)
    }

    /// A number's text, checked against JSON's grammar.
    fn number_text(&mut self) -> Result<&'a str, Error> {
        self.peek();
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start;
        at += usize::from(bytes.get(at) == Some(&b'-'));
        let int = at;
        if !digits(&mut at) || (bytes[int] == b'0' && at > int + 1) {
            self.at = at;
            return Err(self.error("a value"));
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                self.at = at;
                return Err(self.error("a digit after `.`"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            if !digits(&mut at) {
                self.at = at;
                return Err(self.error("a digit in the exponent"));
            }
        }
        self.at = at;
        Ok(&self.text[start..at])
    }

    /// A non-negative integer (no fraction, no exponent) that fits a `T`; `expected`
    /// says which in an error.
    fn unsigned<T: TryFrom<u64>>(&mut self, expected: &'static str) -> Result<T, Error> {
        self.peek();
        let start = self.at;
        let text = self.number_text()?;
        text.bytes()
            .try_fold(0u64, |n, b| {
                let digit = b.is_ascii_digit().then(|| u64::from(b - b'0'))?;
                n.checked_mul(10)?.checked_add(digit)
            })
            .and_then(|n| T::try_from(n).ok())
            .ok_or(Error {
                expected: expected.into(),
                at: start,
            })
    }

    /// A number, as `serde_json` computes it (see the module's doc).
    fn number(&mut self) -> Result<f64, Error> {
        let text = self.number_text()?;
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(e) => (&text[..e], &text[e + 1..]),
            None => (text, ""),
        };
        let mut significand = 0u64;
        let mut power = 0i32;
        let mut fraction = false;
        for b in mantissa.bytes() {
            match b {
                b'.' => fraction = true,
                b'0'..=b'9' => match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(u64::from(b - b'0')))
                {
                    Some(s) => {
                        significand = s;
                        power -= i32::from(fraction);
                    }
                    // Digits past a u64's precision: only their count matters.
                    None => power += i32::from(!fraction),
                },
                _ => {}
            }
        }
        let exponent = exponent.trim_start_matches('+');
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(digits) => (-1, digits),
            None => (1, exponent),
        };
        let written = digits.bytes().fold(0i32, |e, b| {
            e.saturating_mul(10).saturating_add(i32::from(b - b'0'))
        });
        // Past ±400 a non-zero significand (< 2⁶⁴) overflows or underflows all the same.
        let power = power.saturating_add(sign * written).clamp(-400, 400);
        let mut value = significand as f64;
        let mut left = power.unsigned_abs() as usize;
        while left > 22 {
            value = if power > 0 {
                value * 1e22
            } else {
                value / 1e22
            };
            left -= 22;
        }
        value = if power > 0 {
            value * POW10[left]
        } else {
            value / POW10[left]
        };
        if !value.is_finite() {
            return Err(self.error("a number within an f64's range"));
        }
        Ok(if text.starts_with('-') { -value } else { value })
    }
}

/// The first index from `at` of a byte that ends a string's plain run: `"`, `\` or a
/// control character (or the end). Eight bytes at a time, as `serde_json` does: a page
/// model is mostly strings, and a byte at a time made the wasm's analysis 8 % slower.
fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` below `limit`: exact up to the first one found,
    // which is all that is used.
    let below = |x: u64, limit: u8| x.wrapping_sub(ONES * u64::from(limit)) & !x & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|b| matches!(b, b'"' | b'\\' | 0..=0x1f))
        .unwrap_or(bytes.len() - at)
}

/// 10⁰ to 10²², each exact in an `f64`.
const POW10: [f64; 23] = {
    let mut table = [1.0; 23];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10.0;
        i += 1;
    }
    table
};

impl FromJson for String {
    fn read(r: &mut Reader<'_>) -> Result<String, Error> {
        r.string_cow().map(Cow::into_owned)
    }
}

impl FromJson for bool {
    fn read(r: &mut Reader<'_>) -> Result<bool, Error> {
        match r.peek() {
            Some(b't') => r.word("true").map(|()| true),
            Some(b'f') => r.word("false").map(|()| false),
            _ => Err(r.error("`true` or `false`")),
        }
    }
}

impl FromJson for u32 {
    fn read(r: &mut Reader<'_>) -> Result<u32, Error> {
        r.unsigned("an integer from 0 to 2³²−1")
    }
}

impl FromJson for usize {
    fn read(r: &mut Reader<'_>) -> Result<usize, Error> {
        r.unsigned("an integer from 0 to usize::MAX")
    }
}

impl FromJson for f32 {
    fn read(r: &mut Reader<'_>) -> Result<f32, Error> {
        r.number().map(|n| n as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Option<T>, Error> {
        Ok(if r.null()? { None } else { Some(T::read(r)?) })
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    // Not inlined: the same lists are read in several places (elements and blocks in a
    // page and in a batch, strings in four fields), and one copy of each is enough.
    #[inline(never)]
    fn read(r: &mut Reader<'_>) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        r.array(&mut |r| {
            items.push(T::read(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<A: FromJson, B: FromJson, C: FromJson> FromJson for (A, B, C) {
    fn read(r: &mut Reader<'_>) -> Result<(A, B, C), Error> {
        r.open(b'[', "an array of three")?;
        let a = A::read(r)?;
        r.expect(b',', "`,`")?;
        let b = B::read(r)?;
        r.expect(b',', "`,`")?;
        let c = C::read(r)?;
        r.expect(b']', "`]` after three items")?;
        r.depth -= 1;
        Ok((a, b, c))
    }
}

/// Any JSON value (for JSON-LD, whose shape is the page's own). An object keeps its
/// fields in order, duplicates included; [`Value::get`] finds the last, as a map would.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// What indexing a [`Value`] by a key it does not have gives.
static NULL: Value = Value::Null;

impl Value {
    /// The value of an object's field `key` (the last, if given twice).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// [`Value::get`], or null.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl FromJson for Value {
    fn read(r: &mut Reader<'_>) -> Result<Value, Error> {
        Ok(match r.peek() {
            Some(b'{') => {
                let mut fields = Vec::new();
                r.object(&mut |r, key| {
                    fields.push((key.to_owned(), Value::read(r)?));
                    Ok(())
                })?;
                Value::Object(fields)
            }
            Some(b'[') => Value::Array(Vec::read(r)?),
            Some(b'"') => Value::String(String::read(r)?),
            Some(b't' | b'f') => Value::Bool(bool::read(r)?),
            Some(b'n') => {
                r.word("null")?;
                Value::Null
            }
            _ => Value::Number(r.number()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `serde_json::Value` as a [`Value`] (numbers through `f64`, objects' keys in
    /// serde_json's order, each once).
    fn from_serde(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(from_serde).collect())
            }
            serde_json::Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, from_serde(v))).collect())
            }
        }
    }

    /// A [`Value`] with each object's keys sorted and given once (the last), as in a map.
    fn as_map(value: Value) -> Value {
        match value {
            Value::Array(items) => Value::Array(items.into_iter().map(as_map).collect()),
            Value::Object(fields) => {
                let map: std::collections::BTreeMap<_, _> = fields.into_iter().collect();
                Value::Object(map.into_iter().map(|(k, v)| (k, as_map(v))).collect())
            }
            other => other,
        }
    }

    /// JSON-LD is read or skipped as serde_json did: the same texts are accepted, to the
    /// same values, and the same rejected.
    #[test]
    fn accepts_and_rejects_what_serde_json_does() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let mut cases: Vec<String> = [
            r#"{"a": [1, -2.5, 3e2, 0.1e-3, true, false, null, "x"], "b": {}}"#,
            r#"{"a": 1, "a": 2}"#,
            r#" [ ] "#,
            r#""\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83d\u0041""#,
            r#""\ud83dx""#,
            r#""\x""#,
            r#""\u12g4""#,
            "\"tab\there\"",
            r#"[1,]"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{1: 2}"#,
            r#"[01]"#,
            r#"[-0]"#,
            r#"[1.]"#,
            r#"[.5]"#,
            r#"[1e]"#,
            r#"[1e+]"#,
            r#"[-]"#,
            r#"[+1]"#,
            r#"[1e308, 1e309]"#,
            r#"[1e-400, 123456789012345678901234567890, 0e999999999999]"#,
            r#"[NaN]"#,
            r#"[tru]"#,
            r#"[nul, 1]"#,
            r#"{} {}"#,
            r#""unterminated"#,
            "",
            "   ",
            "[\"é ü 中\"]",
        ]
        .map(String::from)
        .to_vec();
        cases.extend([deep(127), deep(128), deep(5000)]);
        for case in &cases {
            let ours = from_str::<Value>(case);
            let theirs = serde_json::from_str::<serde_json::Value>(case);
            match (ours, theirs) {
                (Ok(ours), Ok(theirs)) => assert_eq!(as_map(ours), from_serde(theirs), "{case}"),
                (Err(_), Err(_)) => {}
                (ours, theirs) => panic!("{case:?}: ours {ours:?}, serde_json's {theirs:?}"),
            }
        }
    }

    #[test]
    fn numbers_are_serde_jsons() {
        let numbers = "[0.5, 0.1, 0.7341234567891234, 1.2345678901234567e-10, 3.4e-7, 0.999999999999999, 12345, 1e22, 1e23, 9007199254740993, 18446744073709551616]";
        let ours: Vec<f32> = from_str(numbers).unwrap();
        let theirs: Vec<f32> = serde_json::from_str(numbers).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn errors_say_what_and_where() {
        let error = |text: &str| from_str::<Vec<u32>>(text).unwrap_err().to_string();
        assert_eq!(error("[1, 2,"), "expected a value at byte 6");
        let range = "expected an integer from 0 to 2³²−1";
        assert_eq!(error("[1, -2]"), format!("{range} at byte 4"));
        assert_eq!(error("[1.5]"), format!("{range} at byte 1"));
        assert_eq!(error("[4294967296]"), format!("{range} at byte 1"));
        assert_eq!(error("[1] x"), "expected the end of the text at byte 4");
        assert_eq!(error("{}"), "expected an array at byte 0");
        let tuple = from_str::<(usize, usize, f32)>("[1, 2]").unwrap_err();
        assert_eq!(tuple.to_string(), "expected `,` at byte 5");
    }

    /// Deep nesting is an error, not a stack overflow (the linear time of long inputs is
    /// in tests/hostile.rs).
    #[test]
    fn deep_nesting_is_an_error() {
        for open in ["[", r#"{"a":"#] {
            let error = from_str::<Value>(&open.repeat(1_000_000)).unwrap_err();
            assert!(
                error.to_string().starts_with("expected less deeply nested"),
                "{error}"
            );
        }
    }
}
