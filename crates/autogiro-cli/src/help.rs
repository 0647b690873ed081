//! clap's help in the language asked for: each command's and each argument's help text from
//! the catalogue (`help.PATH` for a command, the path of the command from `autogiro`;
//! `help.PATH.--ARGUMENT` for an argument, or `help.--ARGUMENT` for one said the same in
//! every command that has it), and the headings of the help's parts. English is clap's own,
//! from the doc comments of `lib.rs` and `args.rs`, which the catalogue's English repeats (a
//! test holds them equal, and that every command and argument has its text). The possible
//! values of an option (`--color auto`) and clap's own errors stay in English: clap makes
//! them.

use autogiro::model::Lang;
use autogiro_i18n::lookup;
use clap::Command;

/// The command line in `lang`.
pub(crate) fn command(lang: Lang) -> Command {
    let command = crate::command();
    match lang {
        Lang::En => command,
        Lang::Nb => {
            // Built first, so that what clap adds (`--help`, `--version`, `help`, the global
            // options in each subcommand) is there to be said too.
            let mut command = command;
            command.build();
            speak(command, "autogiro", lang)
        }
    }
}

/// The language of the command line before it is read: `--lang X` or `--lang=X` among the
/// arguments, else the locale's.
pub(crate) fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let asked = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        }
    });
    asked
        .and_then(Lang::from_tag)
        .unwrap_or_else(Lang::from_env)
}

fn word(lang: Lang, key: &'static str) -> &'static str {
    autogiro_i18n::text(lang, key)
}

/// `command` and its subcommands with the catalogue's texts of `path` in `lang`.
fn speak(mut command: Command, path: &str, lang: Lang) -> Command {
    let key = format!("help.{path}");
    // clap's `help` subcommand, in every command that has subcommands.
    let about = lookup(lang, &key).or_else(|| {
        (command.get_name() == "help")
            .then(|| lookup(lang, "help.help-command"))
            .flatten()
    });
    if let Some(about) = about {
        command = command.about(about);
    }
    if let Some(long) = lookup(lang, &format!("{key}.long")) {
        command = command.long_about(long);
    }
    if let Some(after) = lookup(lang, &format!("{key}.after")) {
        command = command.after_help(after);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        word(lang, "help.heading.usage")
    );
    command = command
        .help_template(template)
        .subcommand_help_heading(word(lang, "help.heading.commands"));
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = word(
            lang,
            if positional {
                "help.heading.arguments"
            } else {
                "help.heading.options"
            },
        );
        let short_text = arg_text(lang, &key, &id, "");
        let long_text = arg_text(lang, &key, &id, ".long");
        command = command.mut_arg(id.as_str(), |mut arg| {
            if let Some(text) = short_text {
                arg = arg.help(text);
            }
            if let Some(text) = long_text {
                arg = arg.long_help(text);
            }
            arg.help_heading(heading)
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let sub = format!("{path}.{name}");
        command = command.mut_subcommand(name.as_str(), |c| speak(c, &sub, lang));
    }
    command
}

/// The text of argument `id` of the command of `key`: its own, the one every command with the
/// argument shares (clap's `--help` and `--version` too), or the root's for a global option.
fn arg_text(lang: Lang, key: &str, id: &str, part: &str) -> Option<&'static str> {
    lookup(lang, &format!("{key}.--{id}{part}"))
        .or_else(|| lookup(lang, &format!("help.--{id}{part}")))
        .or_else(|| lookup(lang, &format!("help.autogiro.--{id}{part}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each command and each argument of the command line, by its catalogue key, with clap's
    /// English: about, long about, after help; an argument's help and long help.
    fn texts(command: &Command, path: &str, out: &mut Vec<(String, Option<&'static str>, String)>) {
        let key = format!("help.{path}");
        if let Some(about) = command.get_about() {
            out.push((key.clone(), lookup(Lang::En, &key), about.to_string()));
        }
        if let Some(long) = command.get_long_about() {
            let long_key = format!("{key}.long");
            out.push((
                long_key.clone(),
                lookup(Lang::En, &long_key),
                long.to_string(),
            ));
        }
        if let Some(after) = command.get_after_help() {
            let after_key = format!("{key}.after");
            out.push((
                after_key.clone(),
                lookup(Lang::En, &after_key),
                after.to_string(),
            ));
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if let Some(help) = arg.get_help() {
                let found = arg_text(Lang::En, &key, id, "");
                out.push((format!("{key}.--{id}"), found, help.to_string()));
            }
            if let Some(long) = arg.get_long_help() {
                let found = arg_text(Lang::En, &key, id, ".long");
                out.push((format!("{key}.--{id}.long"), found, long.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            texts(sub, &format!("{path}.{}", sub.get_name()), out);
        }
    }

    /// Every command and argument has its help in the catalogue, whose English is clap's
    /// (the doc comments') word for word.
    #[test]
    fn every_help_text_is_in_the_catalogue() {
        let mut all = Vec::new();
        texts(&crate::command(), "autogiro", &mut all);
        assert!(all.len() > 100, "the command line's texts: {}", all.len());
        let mut wrong = Vec::new();
        for (key, found, english) in &all {
            if *found != Some(english.as_str()) {
                wrong.push(format!("(\"{key}\", {english:?}),"));
            }
        }
        assert!(
            wrong.is_empty(),
            "not in the catalogue as clap has it:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn the_language_before_the_command_line_is_read() {
        let args = |a: &[&str]| {
            a.iter()
                .map(Into::into)
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert_eq!(
            lang_of(&args(&["autogiro", "--lang", "nb", "--help"])),
            Lang::Nb
        );
        assert_eq!(lang_of(&args(&["autogiro", "book", "--lang=no"])), Lang::Nb);
        assert_eq!(
            lang_of(&args(&["autogiro", "--lang=en", "--help"])),
            Lang::En
        );
    }

    /// `autogiro --help` and a subcommand's in bokmål: the catalogue's texts, the headings.
    #[test]
    fn help_in_bokmal() {
        let mut command = command(Lang::Nb);
        let help = command.render_long_help().to_string();
        assert!(help.contains("Bruk: autogiro"), "{help}");
        assert!(help.contains("Kommandoer:"), "{help}");
        let status = command
            .find_subcommand_mut("book")
            .and_then(|b| b.find_subcommand_mut("status"))
            .map(|s| s.render_help().to_string())
            .unwrap_or_default();
        assert!(status.contains("Valg:"), "{status}");
        for english in ["Options:", "The payee's", "Print help", "The language"] {
            assert!(!status.contains(english), "{english}: {status}");
        }
        assert!(!help.contains("Print this message"), "{help}");
    }
}
