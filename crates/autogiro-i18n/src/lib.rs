//! The languages of autogiro-rs and the one catalogue of their texts: Norwegian bokmål
//! ([`Lang::Nb`]) and English ([`Lang::En`]). It holds everything `autogiro` says: every
//! diagnostic, every problem of a row, the summaries, the book's lines, the transfer's, every
//! error, `--help` and the monthly report; what a crate says is a [`Said`], a key and its
//! values, made into words only when shown.
//!
//! A language is chosen by a flag ([`Lang::from_tag`]: `--lang nb|en`), else by the locale
//! ([`Lang::from_env`]: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; `nb`, `no` and `nn` are
//! bokmål), else English. [`text`] gives a key's text, [`render`] fills its `{name}`
//! placeholders. Texts are made only when shown.
//!
//! The tables (`en.rs`, `nb.rs`) hold the same keys in the same order; the tests hold that, that
//! both fill the same placeholders, and that no bokmål text is the English one. The words are
//! the specification's own: betalingskrav (claim), fullmakt (mandate), oppdrag (assignment),
//! forsendelse (transmission), beløpsgrense (amount limit), forfallsdato (due date), KID,
//! kontrollsiffer (check digit), avvist (rejected), belastet (charged, settled).
#![forbid(unsafe_code)]

use std::fmt;

mod en;
mod nb;
mod said;

pub use said::Said;

/// A language autogiro-rs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, where nothing else is asked for.
    #[default]
    En,
    /// Norwegian bokmål (for `nb`, `no`, and `nn`, whose readers read bokmål).
    Nb,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Self; 2] = [Self::En, Self::Nb];

    /// The language of a tag as `--lang` takes it: `en`, `nb`, `no` or `nn` (any case).
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "nb" | "no" | "nn" => Some(Self::Nb),
            _ => None,
        }
    }

    /// The language of a locale as the environment names it (`nb_NO.UTF-8`, `en_GB`, `no`):
    /// its language part; `None` for one of another language, and for `C` and `POSIX`.
    pub fn from_locale(locale: &str) -> Option<Self> {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        Self::from_tag(language)
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that
    /// is set and not empty decides (as for any program's messages); English when it names
    /// another language, or none is set.
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests and for callers that hold
    /// their own environment).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|locale| Self::from_locale(&locale))
            .unwrap_or_default()
    }

    /// The tag (`en`, `nb`), as an HTML page's `lang` names it.
    pub const fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Nb => "nb",
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::En => en::TEXTS,
            Self::Nb => nb::TEXTS,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The text of `key` in `lang`, its placeholders unfilled; the key itself for a key the
/// catalogue does not have (a test holds every key the crates use to the catalogue).
pub fn text(lang: Lang, key: &'static str) -> &'static str {
    let table = lang.table();
    table
        .binary_search_by(|(k, _)| k.cmp(&key))
        .ok()
        .and_then(|i| table.get(i))
        .map_or(key, |(_, t)| t)
}

/// The text of `key` in `lang`, for a key made at run time (`help.autogiro.book.status`):
/// `None` when the catalogue does not have it.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let table = lang.table();
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, t)| *t)
}

/// Whether the catalogue has `key`.
pub fn has(key: &str) -> bool {
    en::TEXTS.binary_search_by(|(k, _)| (*k).cmp(key)).is_ok()
}

/// The text of `key` in `lang` with each `{name}` replaced by its value in `args`; a
/// placeholder without a value stays as it is.
pub fn render(lang: Lang, key: &'static str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let template = text(lang, key);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let name = after.get(1..close).unwrap_or_default();
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                use fmt::Write as _;
                let _ = write!(out, "{value}");
            }
            None => out.push_str(after.get(..=close).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template, in order.
    fn placeholders(template: &str) -> Vec<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    /// The literals of `source` that look like keys of the catalogue: `"a.b"`, `"a.b-c.d"`,
    /// of lowercase letters, digits and dashes, whose first part begins a key of the
    /// catalogue; not a file's name (`"new.db"`).
    fn literal_keys(source: &str) -> Vec<&str> {
        let prefixes: Vec<&str> = en::TEXTS
            .iter()
            .filter_map(|(k, _)| k.split_once('.').map(|(p, _)| p))
            .collect();
        let is_key_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        let mut out = Vec::new();
        let mut rest = source;
        while let Some(open) = rest.find('"') {
            rest = &rest[open + 1..];
            let end = rest
                .find(|c: char| !(is_key_char(c) || c == '.'))
                .unwrap_or(rest.len());
            let (candidate, after) = rest.split_at(end);
            if after.starts_with('"')
                && candidate.split('.').count() >= 2
                && candidate.split('.').all(|p| !p.is_empty())
                && candidate
                    .split_once('.')
                    .is_some_and(|(p, _)| prefixes.contains(&p))
                && !candidate.rsplit_once('.').is_some_and(|(_, e)| {
                    ["db", "rs", "toml", "csv", "txt", "html", "json", "png"].contains(&e)
                })
            {
                out.push(candidate);
            }
        }
        out
    }

    /// Every key the workspace's sources name (a literal such as `"row.kid"`) is in the
    /// catalogue: [`text`] of a missing one would show the key itself.
    #[test]
    fn every_key_the_sources_name_is_in_the_catalogue() {
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for krate in std::fs::read_dir(&crates).expect("the crates").flatten() {
            if krate.file_name() != "autogiro-i18n" {
                sources(&krate.path().join("src"), &mut files);
            }
        }
        assert!(files.len() > 50, "the sources were found: {}", files.len());
        let mut missing = Vec::new();
        let mut named = 0;
        for file in &files {
            let source = std::fs::read_to_string(file).expect("a source file");
            for key in literal_keys(&source) {
                named += 1;
                if !has(key) {
                    missing.push(format!("{}: {key}", file.display()));
                }
            }
        }
        assert!(named > 300, "keys were found in the sources: {named}");
        assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    }

    #[test]
    fn literal_keys_are_found() {
        assert_eq!(
            literal_keys(
                r#"Said::new("row.kid") "x" said!("make.made-sum", n = 1) "row." "new.db""#
            ),
            ["row.kid", "make.made-sum"]
        );
    }

    #[test]
    fn both_tables_have_every_key_once_in_order() {
        for table in [en::TEXTS, nb::TEXTS] {
            for pair in table.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
            }
        }
        let en: Vec<_> = en::TEXTS.iter().map(|(k, _)| *k).collect();
        let nb: Vec<_> = nb::TEXTS.iter().map(|(k, _)| *k).collect();
        let missing: Vec<_> = en.iter().filter(|k| !nb.contains(k)).collect();
        let extra: Vec<_> = nb.iter().filter(|k| !en.contains(k)).collect();
        assert!(missing.is_empty(), "not in bokmål: {missing:?}");
        assert!(extra.is_empty(), "not in English: {extra:?}");
    }

    /// Whether a template has words of its own outside its places (`KID {kid}: {error}` has
    /// none: its words are its values'), which each language must say in its own way.
    fn has_words(template: &str) -> bool {
        let mut outside = String::new();
        let mut depth = 0;
        for c in template.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        outside
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().filter(|c| c.is_lowercase()).count() >= 2)
    }

    #[test]
    fn no_bokmal_text_is_the_english_one_and_both_fill_the_same_places() {
        for ((key, en), (_, nb)) in en::TEXTS.iter().zip(nb::TEXTS) {
            if has_words(en) {
                assert_ne!(en, nb, "{key}: the bokmål text is the English one");
            }
            let mut a = placeholders(en);
            let mut b = placeholders(nb);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{key}: other placeholders");
        }
    }

    #[test]
    fn languages_from_flags_and_locales() {
        assert_eq!(Lang::from_tag("NB"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("nn"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("sv"), None);
        assert_eq!(Lang::from_locale("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::from_locale("no_NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "nb_NO.UTF-8")])), Lang::Nb);
        // LC_ALL before LANG, and an empty one does not count.
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nb_NO")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "nn_NO"),
                ("LANG", "C")
            ])),
            Lang::Nb
        );
        assert_eq!(Lang::from_vars(env(&[("LANG", "de_DE")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
    }

    #[test]
    fn rendering_fills_the_places_it_has_values_for() {
        assert_eq!(render(Lang::Nb, "report.more", &[("n", &3)]), "og 3 til");
        assert_eq!(render(Lang::En, "report.more", &[]), "and {n} more");
        assert_eq!(text(Lang::En, "no.such.key"), "no.such.key");
    }
}
