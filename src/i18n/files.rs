//! The words of reading and writing files safely: size limits, special files, an answer
//! file changed or locked elsewhere, the cap on problems per file, and failed output.

use super::Words;
use std::io::ErrorKind;

use crate::diagnostic::{FileKind, OsError, Problem};
use crate::lang::Lang;

impl Words {
    /// The problems of reading and writing safely: limits, special files, the answer
    /// file changed or locked elsewhere, and the cap on problems per file.
    pub(super) fn file_problem(self, problem: &Problem) -> (String, Option<String>) {
        match problem {
            Problem::TooLarge { limit } => (
                pick!(
                    self,
                    format!(
                        "filen är större än {}, det mesta iop läser",
                        self.size(*limit)
                    ),
                    format!(
                        "the file is larger than {}, the most iop reads",
                        self.size(*limit)
                    )
                ),
                Some(pick!(
                    self,
                    "en svarsfil är några kilobyte: är det rätt fil?".into(),
                    "an answer file is a few kilobytes: is this the right file?".into()
                )),
            ),
            Problem::LineTooLong { limit } => (
                pick!(
                    self,
                    format!(
                        "en rad i svaren är längre än {}, det mesta iop läser; intervjun avbröts",
                        self.size(*limit as u64)
                    ),
                    format!(
                        "a line of input is longer than {}, the most iop reads; the interview stopped",
                        self.size(*limit as u64)
                    )
                ),
                None,
            ),
            Problem::NotRegular { kind } => (
                pick!(
                    self,
                    format!(
                        "det här är {}, inte en vanlig fil; den lästes inte",
                        self.file_kind(*kind)
                    ),
                    format!(
                        "this is {}, not a regular file; it was not read",
                        self.file_kind(*kind)
                    )
                ),
                None,
            ),
            Problem::WontWrite { kind } => (
                pick!(
                    self,
                    format!(
                        "det här är {}; iop skriver inte till den, och inget skrevs",
                        self.file_kind(*kind)
                    ),
                    format!(
                        "this is {}; iop does not write to it, and nothing was written",
                        self.file_kind(*kind)
                    )
                ),
                Some(pick!(
                    self,
                    "välj en vanlig fil".into(),
                    "choose a regular file".into()
                )),
            ),
            Problem::TimedOut {
                seconds,
                writing: false,
            } => (
                pick!(
                    self,
                    format!("inget kom från filen på {seconds} sekunder; iop gav upp"),
                    format!("nothing came from the file within {seconds} seconds; iop gave up")
                ),
                Some(pick!(
                    self,
                    "en FIFO eller enhet läses bara när något skriver till den".into(),
                    "a FIFO or device is read only while something writes to it".into()
                )),
            ),
            Problem::TimedOut {
                seconds,
                writing: true,
            } => (
                pick!(
                    self,
                    format!("ingen läste från filen på {seconds} sekunder; inget skrevs"),
                    format!(
                        "no one read from the file within {seconds} seconds; nothing was written"
                    )
                ),
                None,
            ),
            Problem::DanglingLink { target } => (
                pick!(
                    self,
                    format!(
                        "filen är en symbolisk länk till {target}, som inte finns; inget skrevs"
                    ),
                    format!(
                        "the file is a symbolic link to {target}, which does not exist; nothing was written"
                    )
                ),
                Some(pick!(
                    self,
                    "skriv till länkens mål direkt, eller ta bort länken".into(),
                    "write to the link's target directly, or remove the link".into()
                )),
            ),
            Problem::OtherCase { title, conflicts } => {
                let title = title
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default();
                let refs: Vec<&str> = conflicts.iter().map(String::as_str).collect();
                let answers = if refs.is_empty() {
                    String::new()
                } else {
                    pick!(
                        self,
                        format!(", med andra svar på {}", self.all_of(&refs)),
                        format!(", with other answers to {}", self.all_of(&refs))
                    )
                };
                (
                    pick!(
                        self,
                        format!("filen är svarsfil för ett annat ärende{title}{answers}; den har inte ändrats"),
                        format!("the file holds the answers of another case{title}{answers}; it was left as it was")
                    ),
                    Some(pick!(
                        self,
                        "välj ett annat filnamn för --save, eller --force för att ändå spara svaren i den".into(),
                        "choose another file name for --save, or --force to save the answers in it anyway".into()
                    )),
                )
            }
            Problem::ChangedOutside { conflicts } => {
                let refs: Vec<&str> = conflicts.iter().map(String::as_str).collect();
                let what = if refs.is_empty() {
                    pick!(
                        self,
                        "filen ändrades under intervjun och är inte längre en giltig svarsfil".to_string(),
                        "the file was changed during the interview and is no longer a valid answer file".to_string()
                    )
                } else {
                    pick!(
                        self,
                        format!(
                            "filen ändrades under intervjun: svaren på {} ändrades både där och här",
                            self.all_of(&refs)
                        ),
                        format!(
                            "the file was changed during the interview: the answers to {} changed both there and here",
                            self.all_of(&refs)
                        )
                    )
                };
                (
                    pick!(
                        self,
                        format!("{what}; intervjun avbröts och filen lämnades som den var"),
                        format!("{what}; the interview stopped and left the file as it was")
                    ),
                    Some(pick!(
                        self,
                        "rätta filen och fortsätt med: iop check FIL -i --save FIL".into(),
                        "mend the file, then go on with: iop check FILE -i --save FILE".into()
                    )),
                )
            }
            Problem::Busy { seconds } => (
                pick!(
                    self,
                    format!(
                        "en annan iop sparade i filen i mer än {seconds} sekunder; inget sparades"
                    ),
                    format!(
                        "another iop was saving to the file for more than {seconds} seconds; nothing was saved"
                    )
                ),
                None,
            ),
            Problem::MoreProblems { count } => (
                pick!(
                    self,
                    format!("… och {} problem till i den här filen", self.number(*count)),
                    format!("… and {} more problems in this file", self.number(*count))
                ),
                None,
            ),
            other => (format!("{other:?}"), None),
        }
    }

    /// A kind of special file, with its article.
    pub fn file_kind(self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Fifo => pick!(
                self,
                "en namngiven rörledning (FIFO)",
                "a named pipe (FIFO)"
            ),
            FileKind::CharDevice => pick!(self, "en teckenenhet", "a character device"),
            FileKind::BlockDevice => pick!(self, "en blockenhet", "a block device"),
            FileKind::Socket => pick!(self, "en socket", "a socket"),
            FileKind::Other => pick!(self, "en specialfil", "a special file"),
        }
    }

    /// A size limit: "16 MiB", "64 KiB".
    fn size(self, bytes: u64) -> String {
        match bytes {
            b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
            b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
            b => pick!(self, format!("{b} byte"), format!("{b} bytes")),
        }
    }

    /// A count with its thousands grouped: "4,950" / "4 950".
    fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let separator = pick!(self, '\u{a0}', ',');
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(d);
        }
        out
    }

    /// A file that could not be read: the common refusals in the user's words.
    pub(super) fn read_failed(self, error: &OsError) -> String {
        match error.kind {
            ErrorKind::NotFound => {
                pick!(self, "filen finns inte", "the file does not exist").into()
            }
            ErrorKind::PermissionDenied => pick!(
                self,
                "du har inte behörighet att läsa filen",
                "you do not have permission to read the file"
            )
            .into(),
            _ => {
                let why = self.os_error(error);
                pick!(
                    self,
                    format!("kan inte läsa filen: {why}"),
                    format!("cannot read the file: {why}")
                )
            }
        }
    }

    /// A file that could not be written: the common refusals in the user's words.
    pub(super) fn write_failed(self, error: &OsError) -> String {
        match error.kind {
            ErrorKind::NotFound => pick!(
                self,
                "mappen som filen ska ligga i finns inte",
                "the folder the file goes in does not exist"
            )
            .into(),
            ErrorKind::PermissionDenied => pick!(
                self,
                "du har inte behörighet att skriva filen",
                "you do not have permission to write the file"
            )
            .into(),
            _ => {
                let why = self.os_error(error);
                pick!(
                    self,
                    format!("kan inte skriva filen: {why}"),
                    format!("cannot write the file: {why}")
                )
            }
        }
    }

    /// Why the operating system refused a read or a write, in the user's words where iop
    /// has them; for other kinds, the system's own message (in English on most systems).
    pub fn os_error(self, error: &OsError) -> String {
        let words = match error.kind {
            ErrorKind::NotFound => pick!(self, "den finns inte", "it does not exist"),
            ErrorKind::PermissionDenied => {
                pick!(self, "behörighet saknas", "permission denied")
            }
            ErrorKind::StorageFull => pick!(self, "disken är full", "the disk is full"),
            ErrorKind::ReadOnlyFilesystem => pick!(
                self,
                "filsystemet är skrivskyddat",
                "the file system is read-only"
            ),
            _ => return error.message.clone(),
        };
        words.to_string()
    }

    /// A write to standard output or standard error failed.
    pub fn output_failed(self, stderr: bool, error: &str) -> String {
        let stream = match stderr {
            false => pick!(self, "standard ut", "standard output"),
            true => pick!(self, "standard fel", "standard error"),
        };
        pick!(
            self,
            format!("kan inte skriva till {stream}: {error}"),
            format!("cannot write to {stream}: {error}")
        )
    }

    /// After an interview that ended before its first answer was saved in a new file.
    pub fn interrupted_unsaved(self, file: &str) -> String {
        pick!(
            self,
            format!("Avbrutet före första svaret; inget skrevs till {file}."),
            format!("Interrupted before the first answer; nothing was written to {file}.")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_problem_has_words_in_both_languages() {
        let problems = [
            Problem::TooLarge { limit: 16 << 20 },
            Problem::LineTooLong { limit: 64 << 10 },
            Problem::NotRegular {
                kind: FileKind::Fifo,
            },
            Problem::WontWrite {
                kind: FileKind::BlockDevice,
            },
            Problem::TimedOut {
                seconds: 10,
                writing: false,
            },
            Problem::TimedOut {
                seconds: 10,
                writing: true,
            },
            Problem::DanglingLink { target: "x".into() },
            Problem::OtherCase {
                title: Some("T".into()),
                conflicts: vec!["cofinanced".into()],
            },
            Problem::ChangedOutside {
                conflicts: Vec::new(),
            },
            Problem::Busy { seconds: 10 },
            Problem::MoreProblems { count: 4_950 },
        ];
        for problem in &problems {
            let (sv, _) = Words(Lang::Sv).problem(problem);
            let (en, _) = Words(Lang::En).problem(problem);
            assert!(!sv.is_empty() && !en.is_empty() && sv != en, "{problem:?}");
            assert!(!en.contains("TooLarge") && !sv.contains('{'), "{en} / {sv}");
        }
        let (en, _) = Words(Lang::En).problem(&problems[0]);
        assert!(en.contains("16 MiB"), "{en}");
        let (en, _) = Words(Lang::En).problem(&problems[10]);
        assert_eq!(en, "… and 4,950 more problems in this file");
        let (sv, _) = Words(Lang::Sv).problem(&problems[10]);
        assert_eq!(sv, "… och 4\u{a0}950 problem till i den här filen");
    }

    #[test]
    fn the_systems_refusals_are_in_the_users_words() {
        let os = |kind| OsError {
            kind,
            message: "No such file or directory (os error 2)".into(),
        };
        let read = |lang, kind| Words(lang).problem(&Problem::Read(os(kind))).0;
        assert_eq!(read(Lang::Sv, ErrorKind::NotFound), "filen finns inte");
        assert_eq!(
            read(Lang::En, ErrorKind::NotFound),
            "the file does not exist"
        );
        assert_eq!(
            read(Lang::Sv, ErrorKind::PermissionDenied),
            "du har inte behörighet att läsa filen"
        );
        let write = |lang, kind| Words(lang).problem(&Problem::Write(os(kind))).0;
        assert_eq!(
            write(Lang::Sv, ErrorKind::NotFound),
            "mappen som filen ska ligga i finns inte"
        );
        assert_eq!(
            write(Lang::En, ErrorKind::StorageFull),
            "cannot write the file: the disk is full"
        );
        // Other kinds keep the system's own message.
        assert_eq!(
            read(Lang::Sv, ErrorKind::Other),
            "kan inte läsa filen: No such file or directory (os error 2)"
        );
        assert_eq!(
            Words(Lang::Sv).output_failed(
                false,
                &Words(Lang::Sv).os_error(&os(ErrorKind::StorageFull))
            ),
            "kan inte skriva till standard ut: disken är full"
        );
    }
}
