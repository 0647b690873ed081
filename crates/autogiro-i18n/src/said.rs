//! What is said ([`Said`]): the catalogue's key and the values of its `{places}`, made into
//! words in a language only when shown. Every crate that speaks to people says its messages
//! as a `Said` (a diagnostic, a problem of a row, an event of a transfer, an error), so that
//! the command can show them in the language asked for.

use std::fmt;

use crate::Lang;

/// A value of a place: as written (a number, a date, a field's name), or words of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Plain(String),
    Words(Box<Said>),
}

/// What is said (a diagnostic, a problem of a row, an event, an error): a key of the catalogue
/// and the values of its `{places}`. Its `Display` is the English.
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
        // Every place of the template has its value: a test that says a message finds one
        // left out.
        debug_assert!(
            crate::text(lang, self.key)
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name))
                .all(|name| self.values.iter().any(|(n, _)| *n == name)),
            "{}: a place of {:?} has no value (values: {:?})",
            self.key,
            crate::text(lang, self.key),
            self.values.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
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
        crate::render(lang, self.key, &args)
    }
}

/// In English, as every `Display` of the project speaks; [`Said::render`] for a language.
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A journal or an export keeps what was said in English, its one language for machines and
/// for reading back.
#[cfg(feature = "serde")]
impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render(Lang::En))
    }
}
