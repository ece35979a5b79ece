//! The integration tests: one crate, one helper to run the binary (`common`), one fixture
//! for the built-in catalog (`common::catalog`), a module per area.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;
mod common;
mod completions;
mod examples;
mod interview_piped;
mod interview_pty;
mod json;
mod memo;
mod output_properties;
mod output_safety;
mod properties;
mod suite_formats;
mod terminal;
mod trust;
