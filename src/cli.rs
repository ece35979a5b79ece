//! The command line: commands, flags and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::lang::Lang;
use crate::model::Verdict;
use crate::report::{AgreementFormat, Format};
use crate::term::ColorChoice;

pub const EXIT_CODES: &str = "\
Exit codes:
  0  a verdict was given (whatever it is)
  1  a verdict differs from --expect (test: a case failed; validate: a file has errors)
  2  usage or input error: a file could not be read or is invalid";

const CHECK_AFTER_HELP: &str = "\
Examples:
  iop check examples/ungdomsbussen-vasteras.toml          every set, verdict first
  iop check examples/falun-roda-korset.toml --set falun   one set, with every source
  iop check --set falun --save my-case.toml               answer Falun's checklist
  iop check my-case.toml -i --save my-case.toml           go on where you stopped

In the interview, answer j/ja/y/yes, n/nej/no or v/vet ej/u/unknown; ? shows help and
source, b goes back, q stops (the answers are kept and the verdict shown). The legal test's
questions come first, then the question that settles the most, and the questions stop once
the verdict is settled; --all-questions asks them all. Questions go to stderr, the result to
stdout.

Exit codes:
  0  a verdict was given (whatever it is)
  1  a verdict differs from --expect
  2  usage or input error, or the input ended before the last question";

const TEST_AFTER_HELP: &str = "\
Each case file with an [expect] table is one test; it passes when every set it names gives
the expected verdict. Files without [expect] are skipped. The text output ends with a line
of the fixed form `N passed, N failed, N skipped`; a file that cannot be read counts as
failed.

Exit codes:
  0  every case passed
  1  a case failed
  2  a file could not be read or is invalid (the other files still run and count)";

const AGREEMENT_AFTER_HELP: &str = "\
The draft has the twelve sections that Jönköpings kommun's IOP policy requires of an IOP
agreement, the points Borås Stad and Uddevalla kommun require, and the clauses a municipal
agreement has besides (parties, decision, reporting and repayment, insight, personal data,
confidentiality, insurance, termination, disputes, amendments, signatures): the template is
criteria/agreement.toml, replaceable with --criteria. It is filled in from the case ([case])
and from the criteria met, written as the parties' commitments, with [Fill in: …] wherever
the case says nothing. The draft is a start for the lawyer's work, not a finished agreement.

The set is --set, else the case's `[case] set`; one of them must name a single set.

Examples:
  iop agreement my-case.toml --set jonkoping                 the draft on stdout
  iop agreement my-case.toml -s falun --lang sv -o avtal.md  in Swedish, to a file
  iop agreement my-case.toml -f docx -o avtal.docx           as a Word document

Exit codes:
  0  the draft was written
  1  the set's verdict is not IOP: why is on stderr and nothing is written (see --force)
  2  usage or input error, or FILE exists and --force was not given";

const VALIDATE_AFTER_HELP: &str = "\
The files are checked as --criteria loads them, together with the built-in ones: a set
against the question bank in force, a bank against the sets that use it. Every problem in
every file is reported at once, with its file and line: unknown keys and questions (with a
suggestion), a question used twice, missing Swedish or English wording, help or source,
invalid ids and routes, two files with one set id. Warnings: a set that replaces the built-in
set with its id, and a question of the bank that no set uses. The findings go to stdout and
end with a count of the files, errors and warnings.

Exit codes:
  0  no errors (warnings alone do not fail)
  1  a file has errors
  2  a file could not be read or is not valid TOML";

const SCHEMA_AFTER_HELP: &str = "\
The schema is built from the criteria in force (with --criteria, yours too) and describes
every question with its text and help in the language of --lang. In VS Code with Even Better
TOML (or any editor that uses taplo), an answer file that iop init wrote names the schema on
its first line, `#:schema ./iop-answers.schema.json`, resolved from the file's folder:

  iop schema answers > iop-answers.schema.json
  iop schema criteria > iop-criteria.schema.json

Exit codes:
  0  the schema was written
  2  the criteria given with --criteria could not be read or are invalid";

const COMPLETIONS_AFTER_HELP: &str = "\
Install, for example:
  bash        iop completions bash > ~/.local/share/bash-completion/completions/iop
  zsh         iop completions zsh > ~/.zfunc/_iop   (with fpath+=~/.zfunc in ~/.zshrc)
  fish        iop completions fish > ~/.config/fish/completions/iop.fish
  powershell  iop completions powershell >> $PROFILE
  elvish      iop completions elvish >> ~/.config/elvish/rc.elv";

const MAN_AFTER_HELP: &str = "\
Install, for example:
  mkdir -p ~/.local/share/man/man1 && iop man > ~/.local/share/man/man1/iop.1
then read it with `man iop`.";

/// Tells a Swedish municipality and an idéburen organisation whether their collaboration
/// should be an IOP, a föreningsbidrag or an upphandling, and why.
///
/// iop checks the answers to each municipality's IOP checklist (Forum, Falu kommun,
/// Jönköpings kommun, Kungsbacka kommun, SOU 2019:56) and gives the verdict of each, with
/// the reasons and the source of every criterion.
#[derive(Debug, Parser)]
#[command(name = "iop", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: Global,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Language of the output [default: from LC_ALL, LC_MESSAGES or LANG, else the system's language; sv* gives Swedish]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// When to colour the output: auto (stdout and stderr each on a terminal only; NO_COLOR, CLICOLOR=0, TERM=dumb and CLICOLOR_FORCE are honoured), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// A criteria file or a folder of them: adds sets, or replaces a built-in set with the same id [repeatable]
    #[arg(long, global = true, value_name = "PATH")]
    pub criteria: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a case's answers against one criteria set or all of them; without FILE, ask the questions
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),

    /// Check every case file with an [expect] table and report the cases whose verdicts differ (for CI)
    #[command(after_help = TEST_AFTER_HELP)]
    Test(TestArgs),

    /// Write an answer file to fill in: every question of the set as "unknown", with its wording and source
    Init(InitArgs),

    /// Write a draft IOP agreement (Markdown or Word) for a case whose verdict is IOP
    #[command(after_help = AGREEMENT_AFTER_HELP)]
    Agreement(AgreementArgs),

    /// List the criteria sets: id, name, kind, number of criteria, publisher and source
    Sets(SetsArgs),

    /// Show a set's criteria with wording, guidance and source, or without SET the question bank
    Show {
        /// A set id, as listed by `iop sets`
        set: Option<String>,
    },

    /// Check criteria files and report every problem with its file and line; without PATH, the built-in criteria
    #[command(after_help = VALIDATE_AFTER_HELP)]
    Validate(ValidateArgs),

    /// Print a JSON Schema of answer files or criteria files, for an editor to complete and check them
    #[command(after_help = SCHEMA_AFTER_HELP)]
    Schema {
        /// Which files: answers (answer files, as iop init writes them) or criteria (criteria files)
        #[arg(value_enum)]
        kind: SchemaKind,
    },

    /// Print a completion script for a shell
    #[command(after_help = COMPLETIONS_AFTER_HELP)]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), for `man`
    #[command(after_help = MAN_AFTER_HELP)]
    Man,
}

/// What `iop schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    Answers,
    Criteria,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Criteria files, or folders of them [default: the built-in criteria]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The answer file (TOML with [case], [answers], [notes] and [expect]), or - to read it from standard input; without it, the questions are asked
    pub file: Option<PathBuf>,

    /// Ask the questions the file leaves open (unanswered or "unknown"), one at a time
    #[arg(long, short = 'i')]
    pub interactive: bool,

    /// Save every answer to FILE as it is given (implies --interactive); an existing answer file keeps its comments and tables
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// The criteria set to check against, several separated by commas, or `all` [default: the case's `[case] set`, else all]
    #[arg(long, short = 's', value_name = "ID,…|all")]
    pub set: Option<String>,

    /// Output format: text (verdict first, then why), json (for scripts), markdown (a decision memo), html (the memo as one self-contained page that prints on A4) or docx (the memo as a Word document; needs -o)
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Ask every question in the contract's order, instead of stopping once the verdict is settled
    #[arg(long)]
    pub all_questions: bool,

    /// Write the result to FILE instead of stdout (whole or not at all; never over an existing file without --force)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the file of -o if it exists; with --save, save into an existing answer file even if it holds another case
    #[arg(long)]
    pub force: bool,

    /// Exit with code 1 unless every checked set gives this verdict: iop, association-grant, procurement or undetermined (Swedish: upphandling, föreningsbidrag, kan-inte-avgöras)
    #[arg(long, value_name = "VERDICT", value_parser = parse_verdict)]
    pub expect: Option<Verdict>,
}

/// A verdict as `--expect` takes it: an id or a Swedish name.
fn parse_verdict(value: &str) -> Result<Verdict, String> {
    Verdict::from_input(value.trim()).ok_or_else(|| {
        let names: Vec<&str> = Verdict::names().collect();
        format!("expected one of {}", names.join(", "))
    })
}

#[derive(Debug, Args)]
pub struct SetsArgs {
    /// Output format: text (a table) or json (for scripts: id, name, kind, publisher, document, date, url, number of criteria)
    #[arg(long, short = 'f', value_enum, default_value_t = SetsFormat::Text)]
    pub format: SetsFormat,
}

/// `--format` of `iop sets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SetsFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Case files, or folders searched recursively for *.toml [default: examples]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: text, json, junit (JUnit XML, one testcase per case file) or github (GitHub Actions annotations)
    #[arg(long, short = 'f', value_enum, default_value_t = crate::suite::Format::Text)]
    pub format: crate::suite::Format,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The criteria set whose questions to ask, several separated by commas, or `all` for every question of every set
    #[arg(long, short = 's', value_name = "ID,…|all", default_value = "all")]
    pub set: String,

    /// Write the template to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AgreementArgs {
    /// The answer file (TOML with [case], [answers] and [notes]), or - to read it from standard input
    pub file: PathBuf,

    /// The criteria set whose verdict must be IOP [default: the case's `[case] set`, else the set that governs its public party]
    #[arg(long, short = 's', value_name = "ID")]
    pub set: Option<String>,

    /// Write the draft to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Format of the draft: markdown or docx (a Word document; needs -o)
    #[arg(long, short = 'f', value_enum, default_value_t = AgreementFormat::Markdown)]
    pub format: AgreementFormat,

    /// Write the draft even when the verdict is not IOP (with a warning at its top), and overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
