//! A value written as the Rust expression that builds it: a serde serializer for
//! `build.rs`, which writes the checked built-in catalog as Rust for iop to compile in.
//!
//! `Catalog { bank: Bank { questions: vec![Question { id: "…".into(), ok: true, route:
//! Route::None, … }, …], … }, … }`: structs by name and field, sequences as `vec![…]`,
//! strings as literals made into what the field holds (`.into()`: a `String`, or a `Cow`
//! that borrows the literal), options as `Some(…)` and `None`, enum variants by their
//! Rust names (serde gives the kebab-case names of `rename_all`, turned back here). A type the serializer does not know how to
//! write (a map, a number) is an error, never a guess: the compiler checks the rest.

use std::fmt::{self, Display, Write};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// The Rust expression of a value.
pub fn expression<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut writer = Writer { out: String::new() };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

struct Writer {
    out: String,
}

impl Writer {
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn unsupported<T>(what: &str) -> Result<T, Error> {
        Err(Error(format!(
            "the built-in catalog holds a {what}, which build/rust.rs cannot write"
        )))
    }
}

/// `association-grant` → `AssociationGrant`: the Rust name of a variant that serde names
/// in kebab-case.
fn variant(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// Writes the elements of a sequence, a tuple or a struct, each followed by a comma.
struct Compound<'a> {
    writer: &'a mut Writer,
    close: &'static str,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)?;
        self.writer.push(", ");
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.writer.push(key);
        self.writer.push(": ");
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.push(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    /// Not JSON: `Answer` is written as the variant it is, not as `true` or `"unknown"`.
    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        // A string's Debug form is a Rust string literal, and `.into()` makes of it
        // what the field holds: a `String`, or a `Cow` that borrows it.
        let _ = write!(self.out, "{v:?}.into()");
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.push("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.push("Some(");
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _index: u32,
        variant_name: &'static str,
    ) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}", variant(variant_name));
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant_name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}(", variant(variant_name));
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.push("vec![");
        Ok(Compound {
            writer: self,
            close: "]",
        })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        self.push("(");
        Ok(Compound {
            writer: self,
            close: ")",
        })
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        let _ = write!(self.out, "{name} {{ ");
        Ok(Compound {
            writer: self,
            close: "}",
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant_name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        let _ = write!(self.out, "{name}::{} {{ ", variant(variant_name));
        Ok(Compound {
            writer: self,
            close: "}",
        })
    }

    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Writer::unsupported("number")
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Writer::unsupported("char")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Writer::unsupported("byte string")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Writer::unsupported("unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Writer::unsupported("unit struct")
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Writer::unsupported("newtype struct")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Writer::unsupported("tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        Writer::unsupported("tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Writer::unsupported("map")
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
