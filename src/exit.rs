//! The exit codes, each with its reason. A verdict, whatever it is, is a success of the
//! tool; imports nothing, so every command can name its outcome.

/// The exit codes of every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A verdict was given, a document written, a check passed.
    Success = 0,
    /// A verdict differs from what was expected, a test case failed, `agreement` found no
    /// IOP, or `validate` found errors in a criteria file.
    Mismatch = 1,
    /// A usage or input error, or an output that could not be written: nothing was decided.
    Error = 2,
}
