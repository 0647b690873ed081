//! What a diagnostic says ([`Said`]): the catalogue's key (`autogiro-i18n`) and the values of its
//! places, made into words in a language only when shown. The English words are the ones the
//! model has always given (`Diagnostic::message`); the bokmål ones are the same sentences in
//! the specification's Norwegian terms.

use std::fmt;

pub use autogiro_i18n::Lang;

/// A value of a place: as written (a number, a date, a field's name), or words of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Plain(String),
    Words(Box<Said>),
}

/// What a diagnostic says: a key of the catalogue and the values of its `{places}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    key: &'static str,
    values: Vec<(&'static str, Value)>,
}

impl Said {
    /// The words of `key`, its places to be filled.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            values: Vec::new(),
        }
    }

    /// The value of the place `name`, as written in every language.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.values.push((name, Value::Plain(value.to_string())));
        self
    }

    /// The place `name` filled with words of their own, in the same language.
    #[must_use]
    pub fn with_words(mut self, name: &'static str, words: Said) -> Self {
        self.values.push((name, Value::Words(Box::new(words))));
        self
    }

    /// A value as written in every language (a number, an amount): no words of the catalogue.
    pub fn plain(value: impl fmt::Display) -> Self {
        Self {
            key: "",
            values: vec![("value", Value::Plain(value.to_string()))],
        }
    }

    /// The catalogue's key (empty for [`Said::plain`]).
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if self.key.is_empty() {
            return match self.values.first() {
                Some((_, Value::Plain(s))) => s.clone(),
                Some((_, Value::Words(w))) => w.render(lang),
                None => String::new(),
            };
        }
        // Made for every finding: the values are lent to the template, nested words rendered
        // once, no copy of a plain value.
        let nested: Vec<String> = self
            .values
            .iter()
            .filter_map(|(_, v)| match v {
                Value::Words(w) => Some(w.render(lang)),
                Value::Plain(_) => None,
            })
            .collect();
        let mut nested = nested.iter();
        let mut args: Vec<(&str, &dyn fmt::Display)> = Vec::with_capacity(self.values.len());
        for (name, v) in &self.values {
            match v {
                Value::Plain(s) => args.push((name, s)),
                Value::Words(_) => {
                    if let Some(w) = nested.next() {
                        args.push((name, w));
                    }
                }
            }
        }
        autogiro_i18n::render(lang, self.key, &args)
    }
}

/// The catalogue's keys of what MPS's error `code` (record 36 positions 76-78) means and what
/// to do about it: `code.131.meaning`, `code.131.todo`, ..., `code.other.*` for a code the
/// specification does not list.
pub fn error_code_keys(code: u16) -> (&'static str, &'static str) {
    match code {
        131 => ("code.131.meaning", "code.131.todo"),
        133 => ("code.133.meaning", "code.133.todo"),
        181 => ("code.181.meaning", "code.181.todo"),
        221 => ("code.221.meaning", "code.221.todo"),
        222 => ("code.222.meaning", "code.222.todo"),
        252 => ("code.252.meaning", "code.252.todo"),
        _ => ("code.other.meaning", "code.other.todo"),
    }
}

/// `said!("key", name = value, ...)`: a [`Said`] with its values.
macro_rules! said {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        crate::said::Said::new($key)$(.with(stringify!($name), $value))*
    };
}
pub(crate) use said;
