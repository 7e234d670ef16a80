//! The full-screen wizard (ratatui + crossterm): model → update(action) → view(&model).
//! This module owns the terminal: raw mode and the alternate screen are undone on every
//! way out, a panic included.

pub mod app;
pub mod keys;
pub mod view;

use std::io::{self, Stdout};
use std::path::Path;

use anyhow::{Context as _, Result};
use crossterm::event::EnableBracketedPaste;
use crossterm::event::{self, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::answers::{Answers, SavedSetup};
use crate::generate::{GenerateError, Outcome, generate};
use crate::plan::write_all;
use crate::psl::PublicSuffixList;
use crate::terminal;
use app::{Action, Command, Model, Screen};
use view::Theme;

/// How the wizard ended.
pub enum Ending {
    /// The files were written (or, with `--dry-run`, would have been).
    Done(Box<Outcome>),
    Cancelled,
}

pub struct Options<'a> {
    pub project: &'a Path,
    pub previous: Option<&'a SavedSetup>,
    pub psl: &'a PublicSuffixList,
    pub force: bool,
    pub dry_run: bool,
    pub colour: bool,
}

pub fn run(prefilled: &Answers, options: &Options) -> Result<Ending> {
    let mut model = Model::new(
        prefilled,
        prefilled.lang_or_detect(options.project),
        options.project,
        options.psl,
    );
    let mut terminal =
        TerminalGuard::enter().context("cannot start the full-screen wizard (try --plain)")?;
    let theme = Theme {
        colour: options.colour,
    };
    loop {
        describe_targets(&mut model);
        let frame = terminal.0.draw(|frame| view::draw(frame, &model, theme))?;
        model.panel_scroll_max = view::panel_scroll_max(&model, frame.area, theme);
        terminal::test_panic_point();
        let action = match event::read()? {
            Event::Key(key) => keys::action(&model, key),
            Event::Paste(text) => Some(Action::Paste(text)),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        match model.update(action) {
            Command::None => {}
            Command::Cancel => return Ok(Ending::Cancelled),
            Command::Plan => {
                let plan = generate(
                    options.project,
                    &model.answers(),
                    options.previous,
                    options.psl,
                    options.force,
                );
                model.show_preview(plan.map_err(|e| explain(&e)));
            }
            Command::Write => {
                let Screen::Preview {
                    plan: Ok(outcome), ..
                } = std::mem::replace(&mut model.screen, Screen::Form)
                else {
                    continue;
                };
                drop(terminal);
                if !options.dry_run {
                    write_all(&outcome.files).context("nothing was changed")?;
                }
                return Ok(Ending::Done(outcome));
            }
        }
    }
}

/// Reads the project's facts (manifests, tsconfig, go.mod) for file rows not described
/// yet, so each row shows its language and framework as the run would choose them; rows
/// no longer in the lists are forgotten.
fn describe_targets(model: &mut Model) {
    model.forget_old_targets();
    let unknown = model.unknown_targets();
    let any = !unknown.is_empty();
    for (role, row, path) in unknown {
        let (path, framework) = crate::target::split_framework(&path);
        let described = match crate::project::target_for(role, path, framework) {
            Ok((target, _)) => {
                match crate::project::framework_reason(path, &target, framework.is_some()) {
                    Some(reason) => format!("{} ({reason})", target.summary()),
                    None => target.summary(),
                }
            }
            Err(error) => format!("{error:#}"),
        };
        model.targets.push((role, row, described));
    }
    // What the files are can change what the analysis says (a Next.js backend's routes).
    if any {
        model.reanalyse();
    }
}

/// Why no plan could be made, in the findings' own words.
fn explain(error: &GenerateError) -> String {
    match error {
        GenerateError::Findings(analysis) => analysis
            .errors()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
        GenerateError::Missing(missing) => missing.to_string(),
        GenerateError::Answer(message) => message.clone(),
        GenerateError::Plan(error) => format!("{error:#}"),
        GenerateError::Other(error) => format!("{error:#}"),
    }
}

/// Raw mode + alternate screen for as long as it lives.
struct TerminalGuard(Terminal<CrosstermBackend<Stdout>>);

impl TerminalGuard {
    fn enter() -> Result<Self> {
        terminal::install_panic_hook();
        enable_raw_mode()?;
        let guard = TerminalGuard(Terminal::new(CrosstermBackend::new(io::stdout()))?);
        // Bracketed paste: a pasted text arrives whole, not as keystrokes that would press
        // Enter between its lines and move on to the next fields.
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        terminal::restore();
    }
}
