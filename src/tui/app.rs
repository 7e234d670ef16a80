//! The wizard's state and how actions change it. No terminal here: `update` is a pure
//! function of the model and an action, so key sequences are unit-tested without drawing.

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::answers::{
    Answers, DEFAULT_CONNECTION_URI, Lang, Question, Ui, check_app_name, check_base_path,
    check_connection_uri, check_output_path, default_out, out_paths,
};
use crate::endpoint::Endpoint;
use crate::environment::{DEVELOPMENT, EnvAnswers, PRODUCTION};
use crate::generate::{Outcome, analyse_answers};
use crate::psl::PublicSuffixList;
use crate::recipe::Recipes;
use crate::target::Role;
use crate::text::{is_invisible, is_list_separator, split_list};

/// The answers the form edits as lists of rows: Enter adds the next row, a pasted list
/// splits itself, rows can be deleted and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Apis,
    Backends,
    Frontends,
}

impl List {
    pub fn question(self) -> Question {
        match self {
            List::Apis => Question::Apis,
            List::Backends => Question::BackendOut,
            List::Frontends => Question::FrontendOut,
        }
    }
}

/// The rows of the form, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Row(List, usize),
    AddRow(List),
    AuthApi,
    Ui,
    Recipes,
    Website,
    AppName,
    Lang,
    ConnectionUri,
    ApiBasePath,
    WebsiteBasePath,
    Preview,
}

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Row(List, usize),
    Website,
    AppName,
    ConnectionUri,
    ApiBasePath,
    WebsiteBasePath,
}

impl Focus {
    /// The question this row asks (`None` for the add-row and preview buttons).
    pub fn question(self) -> Option<Question> {
        Some(match self {
            Focus::Row(list, _) => list.question(),
            Focus::AuthApi => Question::AuthApi,
            Focus::Ui => Question::Ui,
            Focus::Recipes => Question::Recipes,
            Focus::Website => Question::Website,
            Focus::AppName => Question::AppName,
            Focus::Lang => Question::Lang,
            Focus::ConnectionUri => Question::ConnectionUri,
            Focus::ApiBasePath => Question::ApiBasePath,
            Focus::WebsiteBasePath => Question::WebsiteBasePath,
            Focus::AddRow(_) | Focus::Preview => return None,
        })
    }

    pub fn text_field(self) -> Option<TextField> {
        Some(match self {
            Focus::Row(list, i) => TextField::Row(list, i),
            Focus::Website => TextField::Website,
            Focus::AppName => TextField::AppName,
            Focus::ConnectionUri => TextField::ConnectionUri,
            Focus::ApiBasePath => TextField::ApiBasePath,
            Focus::WebsiteBasePath => TextField::WebsiteBasePath,
            _ => return None,
        })
    }
}

#[derive(Debug)]
pub enum Screen {
    Form,
    Help {
        scroll: u16,
    },
    /// "Quit without writing?", over the screen it came from.
    ConfirmQuit {
        from_preview: bool,
    },
    /// The planned files, or why there are none.
    Preview {
        plan: Result<Box<Outcome>, String>,
        scroll: u16,
    },
}

/// Everything the user can do, whatever key it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    ClearField,
    /// Next choice of a choice field (or previous with `false`).
    Cycle(bool),
    /// Enter: add a row below a list row, open the preview on the button, else the next
    /// field.
    Activate,
    /// Text pasted in one piece (bracketed paste): it lands in the focused field only.
    Paste(String),
    /// Scroll the constraints panel by this many lines.
    ScrollPanel(i32),
    /// Ctrl-T: cookies ↔ header-based sessions.
    ToggleTokenTransfer,
    /// Ctrl-O: the next environment's endpoints and website (a setup without
    /// environments gets two: its values, and the other of development and production).
    NextEnvironment,
    /// Add a row to the focused list (the endpoints when no list is focused).
    AddRow,
    DeleteRow,
    MoveRow(bool),
    Preview,
    Help,
    /// Esc on the form, q where q is not text: quit (asks once when answers changed).
    Quit,
    /// Ctrl-C: quit, asking once all the same when answers changed.
    Interrupt,
    Yes,
    No,
    Back,
    Write,
    Scroll(i32),
}

/// What the runner must do after an update (the I/O that `update` does not do itself).
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    None,
    /// Plan the files for the current answers and hand them to `show_preview`.
    Plan,
    /// Write the previewed plan.
    Write,
    /// Leave without writing (exit 130).
    Cancel,
}

pub struct Model<'p> {
    pub apis: Vec<String>,
    /// The endpoint row chosen to serve `/auth`; `None` means the first endpoint. A row,
    /// not an origin, so the choice survives editing that row.
    pub auth_row: Option<usize>,
    pub ui: Option<Ui>,
    /// The sign-in recipes: one of `Recipes::choices()`.
    pub recipes: Recipes,
    /// How sessions travel, as st-setup.json or `--token-transfer` says (no question yet).
    pub token_transfer: Option<crate::answers::TokenTransfer>,
    pub website: String,
    /// Every environment's endpoint answers as last folded (the shown one's may be older
    /// than the rows above), and the one shown; empty and `None` without environments.
    pub environments: Vec<EnvAnswers>,
    pub env: Option<String>,
    pub app_name: String,
    pub lang: Lang,
    /// The backend init files, one row each (at least one row).
    pub backends: Vec<String>,
    /// The frontend init files, one row each (at least one row).
    pub frontends: Vec<String>,
    pub connection_uri: String,
    /// Empty: the default.
    pub api_base_path: String,
    pub website_base_path: String,
    pub focus: Focus,
    /// Cursor in the focused text field, in characters.
    pub cursor: usize,
    pub screen: Screen,
    pub analysis: Analysis,
    /// The answers differ from what the run started with.
    pub dirty: bool,
    /// First line of the constraints panel shown, and the largest that still fills it
    /// (the runner sets that after each frame, from the panel's size).
    pub panel_scroll: u16,
    pub panel_scroll_max: u16,
    /// What each file row's target is, as the runner read it from the project's facts:
    /// keyed by the row's role and text, so an edit or another UI asks again.
    pub targets: Vec<(Role, String, String)>,
    /// The project folder, for what an output path names there (a folder?).
    project: PathBuf,
    psl: &'p PublicSuffixList,
}

impl<'p> Model<'p> {
    /// The file rows whose target is not known yet, with their role and the path they
    /// name in the project; the runner reads the project's facts for them.
    pub fn unknown_targets(&self) -> Vec<(Role, String, PathBuf)> {
        let rows = self.backends.iter().map(|r| (Role::Backend, r)).chain(
            self.ui
                .into_iter()
                .flat_map(|ui| self.frontends.iter().map(move |r| (Role::Frontend(ui), r))),
        );
        rows.filter(|(role, row)| {
            !row.trim().is_empty()
                && self.describe_target(*role, row).is_none()
                && self.field_error_for_path(*role, row).is_none()
        })
        .map(|(role, row)| (role, row.clone(), self.project.join(row.trim())))
        .collect()
    }

    /// Drops what was read for rows that are gone (edited, deleted, another UI).
    pub fn forget_old_targets(&mut self) {
        let backends = &self.backends;
        let frontends = &self.frontends;
        let ui = self.ui;
        self.targets.retain(|(role, row, _)| match role {
            Role::Backend => backends.contains(row),
            Role::Frontend(u) => Some(*u) == ui && frontends.contains(row),
        });
    }

    /// What the runner found a row's target to be.
    pub fn describe_target(&self, role: Role, row: &str) -> Option<&str> {
        self.targets
            .iter()
            .find(|(r, text, _)| *r == role && text == row)
            .map(|(_, _, described)| described.as_str())
    }

    fn field_error_for_path(&self, role: Role, row: &str) -> Option<String> {
        check_output_path(Path::new(row.trim()), &self.project, role.question()).err()
    }

    /// Starts from the prefilled answers (st-setup.json, then flags). `lang` is the detected
    /// language when none was answered.
    pub fn new(prefilled: &Answers, lang: Lang, project: &Path, psl: &'p PublicSuffixList) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let paths = |given: &[PathBuf], side| {
            out_paths(given, side, lang, project)
                .iter()
                .map(|p| p.display().to_string())
                .collect()
        };
        let mut prefilled = prefilled.clone();
        if let Some(name) = prefilled
            .env
            .clone()
            .or_else(|| prefilled.environments.first().map(|e| e.name.clone()))
        {
            prefilled = prefilled.focused_on(&name);
        }
        let auth_row = prefilled.list_auth_api();
        let mut apis = prefilled.apis.clone();
        if apis.is_empty() {
            apis.push(String::new());
        }
        let mut model = Self {
            apis,
            auth_row,
            ui: prefilled.ui,
            recipes: prefilled
                .recipes
                .clone()
                .unwrap_or_else(Recipes::default_choice),
            token_transfer: prefilled.token_transfer,
            website: prefilled.websites_text(),
            environments: prefilled.environments.clone(),
            env: prefilled.env.clone(),
            app_name: text(&prefilled.app_name),
            lang,
            backends: paths(&prefilled.backend_out, "backend"),
            frontends: paths(&prefilled.frontend_out, "frontend"),
            connection_uri: prefilled
                .connection_uri
                .clone()
                .unwrap_or_else(|| DEFAULT_CONNECTION_URI.to_owned()),
            api_base_path: text(&prefilled.api_base_path),
            website_base_path: text(&prefilled.website_base_path),
            focus: Focus::Row(List::Apis, 0),
            cursor: 0,
            screen: Screen::Form,
            analysis: Analysis::default(),
            targets: Vec::new(),
            dirty: false,
            panel_scroll: 0,
            panel_scroll_max: 0,
            project: project.to_owned(),
            psl,
        };
        model.cursor = model.focused_text().map_or(0, |t| t.chars().count());
        model.reanalyse();
        model
    }

    pub fn list(&self, list: List) -> &Vec<String> {
        match list {
            List::Apis => &self.apis,
            List::Backends => &self.backends,
            List::Frontends => &self.frontends,
        }
    }

    fn list_mut(&mut self, list: List) -> &mut Vec<String> {
        match list {
            List::Apis => &mut self.apis,
            List::Backends => &mut self.backends,
            List::Frontends => &mut self.frontends,
        }
    }

    /// The answers as they stand, for analysis and generation.
    pub fn answers(&self) -> Answers {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        let filled = |rows: &[String]| -> Vec<String> {
            rows.iter()
                .filter(|r| !r.trim().is_empty())
                .map(|r| r.trim().to_owned())
                .collect()
        };
        let paths = |rows: &[String]| filled(rows).into_iter().map(PathBuf::from).collect();
        let mut answers = Answers {
            apis: filled(&self.apis),
            auth_api: self
                .auth_row
                .and_then(|i| Endpoint::parse(&self.apis[i]).ok())
                .map(|e| e.origin()),
            ui: self.ui,
            recipes: Some(self.recipes.clone()),
            token_transfer: self.token_transfer,
            app_name: some(&self.app_name),
            backend_out: paths(&self.backends),
            frontend_out: paths(&self.frontends),
            lang: Some(self.lang),
            connection_uri: some(&self.connection_uri),
            api_base_path: some(&self.api_base_path),
            website_base_path: some(&self.website_base_path),
            environments: self.environments.clone(),
            env: self.env.clone(),
            ..Answers::default()
        };
        answers.set_websites(&self.website);
        answers
    }

    /// Shows the next environment's endpoints and website, keeping this one's edits. With
    /// one environment or none, the other of development and production is added, empty,
    /// and shown: values without an environment become one, named as `--env` names them.
    fn next_environment(&mut self) {
        let mut answers = self.answers();
        if answers.environments.is_empty() {
            // The values become the environment they name.
            answers.env = Some(answers.endpoint_answers("").natural_name().to_owned());
        }
        let mut answers = answers.folded();
        let names: Vec<String> = answers
            .environments
            .iter()
            .map(|e| e.name.clone())
            .collect();
        let next = match names.as_slice() {
            [only] => {
                let other = if only == DEVELOPMENT {
                    PRODUCTION
                } else {
                    DEVELOPMENT
                };
                answers.environments.push(EnvAnswers::named(other));
                other.to_owned()
            }
            _ => {
                let at = names.iter().position(|n| Some(n) == self.env.as_ref());
                names[at.map_or(0, |at| (at + 1) % names.len())].clone()
            }
        };
        let answers = answers.focused_on(&next);
        self.environments = answers.environments.clone();
        self.env = answers.env.clone();
        let mut answers = answers;
        self.auth_row = answers.list_auth_api();
        self.apis = answers.apis.clone();
        if self.apis.is_empty() {
            self.apis.push(String::new());
        }
        self.website = answers.websites_text();
        if matches!(self.focus, Focus::Row(List::Apis, _)) {
            self.focus = Focus::Row(List::Apis, 0);
        }
        self.cursor = self.focused_text().map_or(0, |t| t.chars().count());
        self.changed();
    }

    /// The rows the `/auth` choice is made from: valid endpoints, first row per origin.
    pub fn auth_choices(&self) -> Vec<usize> {
        let mut origins: Vec<String> = Vec::new();
        let mut rows = Vec::new();
        for (row, text) in self.apis.iter().enumerate() {
            if let Ok(endpoint) = Endpoint::parse(text)
                && !origins.contains(&endpoint.origin())
            {
                origins.push(endpoint.origin());
                rows.push(row);
            }
        }
        rows
    }

    /// The rows in order, for moving up and down.
    pub fn rows(&self) -> Vec<Focus> {
        let list_rows = |list: List| {
            (0..self.list(list).len())
                .map(move |i| Focus::Row(list, i))
                .chain([Focus::AddRow(list)])
        };
        let mut rows: Vec<Focus> = list_rows(List::Apis).collect();
        rows.extend([
            Focus::AuthApi,
            Focus::Ui,
            Focus::Recipes,
            Focus::Website,
            Focus::AppName,
            Focus::Lang,
        ]);
        rows.extend(list_rows(List::Backends));
        rows.extend(list_rows(List::Frontends));
        rows.extend([
            Focus::ConnectionUri,
            Focus::ApiBasePath,
            Focus::WebsiteBasePath,
            Focus::Preview,
        ]);
        rows
    }

    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::Row(list, i) => &self.list(list)[i],
            TextField::Website => &self.website,
            TextField::AppName => &self.app_name,
            TextField::ConnectionUri => &self.connection_uri,
            TextField::ApiBasePath => &self.api_base_path,
            TextField::WebsiteBasePath => &self.website_base_path,
        }
    }

    fn text_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::Row(list, i) => &mut self.list_mut(list)[i],
            TextField::Website => &mut self.website,
            TextField::AppName => &mut self.app_name,
            TextField::ConnectionUri => &mut self.connection_uri,
            TextField::ApiBasePath => &mut self.api_base_path,
            TextField::WebsiteBasePath => &mut self.website_base_path,
        }
    }

    pub fn focused_text(&self) -> Option<&str> {
        self.focus.text_field().map(|f| self.text(f))
    }

    /// What is wrong with the answer in `field` on its own (an unusable path, app name or
    /// core URI); the endpoints and the website are judged by the analysis. An empty
    /// file row is skipped, as an empty endpoint row is.
    pub fn field_error(&self, field: TextField) -> Option<String> {
        let text = self.text(field).trim();
        match field {
            TextField::AppName if !text.is_empty() => check_app_name(text).err(),
            TextField::ConnectionUri => check_connection_uri(text).err(),
            TextField::ApiBasePath => check_base_path(text.trim(), Question::ApiBasePath).err(),
            TextField::WebsiteBasePath => {
                check_base_path(text.trim(), Question::WebsiteBasePath).err()
            }
            TextField::Row(list @ (List::Backends | List::Frontends), _) if !text.is_empty() => {
                check_output_path(Path::new(text), &self.project, list.question()).err()
            }
            _ => None,
        }
    }

    /// Whether writing is possible now, or the first reason it is not.
    pub fn write_blocker(&self) -> Option<String> {
        if let Some(error) = self.analysis.errors().next() {
            return Some(format!("Fix the errors first: {}", error.message));
        }
        let answers = self.answers();
        if self.ui.is_none() {
            return Some("Choose the login UI (← →).".to_owned());
        }
        if answers.website.is_none() {
            return Some("Type the website URL (appInfo.websiteDomain).".to_owned());
        }
        if answers.app_name.is_none() {
            return Some("Type the app name (appInfo.appName).".to_owned());
        }
        let files = [List::Backends, List::Frontends]
            .into_iter()
            .flat_map(|list| (0..self.list(list).len()).map(move |i| TextField::Row(list, i)));
        [TextField::AppName]
            .into_iter()
            .chain(files)
            .chain([
                TextField::ConnectionUri,
                TextField::ApiBasePath,
                TextField::WebsiteBasePath,
            ])
            .find_map(|field| self.field_error(field))
            .map(|error| format!("Fix this first: {error}"))
    }

    pub(crate) fn reanalyse(&mut self) {
        self.analysis = analyse_answers(&self.answers(), self.psl);
        self.analysis.environment = self.env.clone();
        // A Next.js backend moves the auth routes under its /api unless a path is answered.
        let next_backend = self.backends.iter().any(|row| {
            self.describe_target(Role::Backend, row)
                .is_some_and(|d| d.contains("Next.js app router"))
        });
        if self.analysis.api_base_path.is_none() && next_backend {
            self.analysis.api_base_path = Some(crate::generate::NEXT_API_BASE_PATH.to_owned());
        }
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.reanalyse();
    }

    fn focus_on(&mut self, focus: Focus) {
        self.focus = focus;
        self.cursor = self.focused_text().map_or(0, |t| t.chars().count());
    }

    pub fn show_preview(&mut self, plan: Result<Outcome, String>) {
        self.screen = Screen::Preview {
            plan: plan.map(Box::new),
            scroll: 0,
        };
    }

    pub fn update(&mut self, action: Action) -> Command {
        match &mut self.screen {
            Screen::Help { scroll } => {
                match action {
                    Action::Interrupt => return self.ask_quit(false),
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::Down => *scroll = scroll.saturating_add(1),
                    Action::Scroll(by) => *scroll = scrolled(*scroll, by),
                    _ => self.screen = Screen::Form,
                }
                Command::None
            }
            Screen::ConfirmQuit { from_preview } => match action {
                Action::Yes | Action::Interrupt => Command::Cancel,
                Action::No => {
                    let back_to_preview = *from_preview;
                    self.screen = Screen::Form;
                    if back_to_preview {
                        Command::Plan
                    } else {
                        Command::None
                    }
                }
                _ => Command::None,
            },
            Screen::Preview { plan, scroll } => match action {
                Action::Up => {
                    *scroll = scroll.saturating_sub(1);
                    Command::None
                }
                Action::Down => {
                    *scroll = scroll.saturating_add(1);
                    Command::None
                }
                Action::Scroll(by) => {
                    *scroll = scrolled(*scroll, by);
                    Command::None
                }
                Action::Write if plan.as_ref().is_ok_and(|p| p.changed().next().is_some()) => {
                    Command::Write
                }
                Action::Back | Action::Write => {
                    self.screen = Screen::Form;
                    Command::None
                }
                Action::Quit | Action::Interrupt => self.ask_quit(true),
                _ => Command::None,
            },
            Screen::Form => self.update_form(action),
        }
    }

    /// Opens the preview: planned by the runner, or at once with the reason it cannot be.
    fn plan_or_explain(&mut self) -> Command {
        match self.write_blocker() {
            Some(reason) => {
                self.show_preview(Err(reason));
                Command::None
            }
            None => Command::Plan,
        }
    }

    fn ask_quit(&mut self, from_preview: bool) -> Command {
        if self.dirty {
            self.screen = Screen::ConfirmQuit { from_preview };
            Command::None
        } else {
            Command::Cancel
        }
    }

    fn update_form(&mut self, action: Action) -> Command {
        let rows = self.rows();
        let index = rows.iter().position(|r| *r == self.focus).unwrap_or(0);
        match action {
            Action::Up => self.focus_on(rows[index.saturating_sub(1)]),
            Action::Down => self.focus_on(rows[(index + 1).min(rows.len() - 1)]),
            // A comma or a space starts the next row of a list, so a list typed without
            // bracketed paste still lands one item per row.
            Action::Insert(c) if is_list_separator(c) && matches!(self.focus, Focus::Row(..)) => {
                self.split_row();
            }
            Action::Paste(text) => match self.focus {
                Focus::Row(list, i) => self.paste_rows(list, i, &text),
                _ => {
                    let line = one_line(&text);
                    self.edit(|field, cursor| {
                        let at = byte_at(field, *cursor);
                        field.insert_str(at, &line);
                        *cursor += line.chars().count();
                    });
                }
            },
            Action::ScrollPanel(by) => {
                self.panel_scroll = scrolled(self.panel_scroll.min(self.panel_scroll_max), by)
                    .min(self.panel_scroll_max);
            }
            Action::Insert(c) => self.edit(|text, cursor| {
                let at = byte_at(text, *cursor);
                text.insert(at, c);
                *cursor += 1;
            }),
            Action::Backspace => {
                if let Focus::Row(list, i) = self.focus
                    && self.list(list)[i].is_empty()
                    && self.list(list).len() > 1
                {
                    self.delete_row(list, i);
                    return Command::None;
                }
                self.edit(|text, cursor| {
                    if *cursor > 0 {
                        *cursor -= 1;
                        let at = byte_at(text, *cursor);
                        text.remove(at);
                    }
                });
            }
            Action::Delete => self.edit(|text, cursor| {
                if *cursor < text.chars().count() {
                    let at = byte_at(text, *cursor);
                    text.remove(at);
                }
            }),
            Action::ClearField => self.edit(|text, cursor| {
                text.clear();
                *cursor = 0;
            }),
            Action::Left => match self.focus.text_field() {
                Some(_) => self.cursor = self.cursor.saturating_sub(1),
                None => self.cycle(false),
            },
            Action::Right => match self.focused_text() {
                Some(text) => self.cursor = (self.cursor + 1).min(text.chars().count()),
                None => self.cycle(true),
            },
            Action::Home => self.cursor = 0,
            Action::End => self.cursor = self.focused_text().map_or(0, |t| t.chars().count()),
            Action::Cycle(forward) => self.cycle(forward),
            Action::Activate => match self.focus {
                Focus::Row(list, i) => self.insert_row(list, i + 1),
                Focus::AddRow(list) => self.insert_row(list, self.list(list).len()),
                Focus::Preview => return self.plan_or_explain(),
                // Enter accepts a choice and moves on, as in any form; ← → change it.
                _ => self.focus_on(rows[(index + 1).min(rows.len() - 1)]),
            },
            Action::AddRow => match self.focus {
                Focus::Row(list, i) => self.insert_row(list, i + 1),
                Focus::AddRow(list) => self.insert_row(list, self.list(list).len()),
                _ => self.insert_row(List::Apis, self.apis.len()),
            },
            Action::DeleteRow => {
                if let Focus::Row(list, i) = self.focus {
                    self.delete_row(list, i);
                }
            }
            Action::MoveRow(down) => {
                if let Focus::Row(list, i) = self.focus {
                    let j = if down { i + 1 } else { i.wrapping_sub(1) };
                    if j < self.list(list).len() {
                        self.list_mut(list).swap(i, j);
                        if list == List::Apis {
                            self.auth_row = self.auth_row.map(|r| match r {
                                r if r == i => j,
                                r if r == j => i,
                                r => r,
                            });
                        }
                        self.focus = Focus::Row(list, j);
                        self.changed();
                    }
                }
            }
            Action::ToggleTokenTransfer => {
                self.token_transfer = match self.token_transfer {
                    Some(crate::answers::TokenTransfer::Header) => {
                        Some(crate::answers::TokenTransfer::Cookie)
                    }
                    _ => Some(crate::answers::TokenTransfer::Header),
                };
                self.changed();
            }
            Action::NextEnvironment => self.next_environment(),
            Action::Preview => return self.plan_or_explain(),
            Action::Help => self.screen = Screen::Help { scroll: 0 },
            Action::Quit | Action::Interrupt => return self.ask_quit(false),
            Action::Yes | Action::No | Action::Back | Action::Write | Action::Scroll(_) => {}
        }
        Command::None
    }

    /// Applies a text edit to the focused field (a no-op on choice rows).
    fn edit(&mut self, change: impl FnOnce(&mut String, &mut usize)) {
        let Some(field) = self.focus.text_field() else {
            return;
        };
        let mut cursor = self.cursor;
        change(self.text_mut(field), &mut cursor);
        self.cursor = cursor;
        self.changed();
    }

    /// A paste into row `i` of `list`, at the cursor: each item of a pasted list gets its
    /// own row, the text after the cursor stays with the last one, and the cursor ends
    /// where the paste did.
    fn paste_rows(&mut self, list: List, i: usize, pasted: &str) {
        let row = &self.list(list)[i];
        let at = byte_at(row, self.cursor);
        let (before, after) = row.split_at(at);
        let after = after.to_owned();
        let head = format!("{before}{pasted}");
        let mut rows = split_list(&head);
        let open = head.chars().last().is_some_and(|c| !is_list_separator(c));
        let (last, cursor) = match rows.pop() {
            Some(last) if open => {
                let cursor = last.chars().count();
                (format!("{last}{after}"), cursor)
            }
            Some(last) => {
                rows.push(last);
                (after.trim_start().to_owned(), 0)
            }
            None => (after.trim_start().to_owned(), 0),
        };
        rows.push(last);
        let added = rows.len() - 1;
        // Pasted before a row's text, the pasted items come first and the row's own text
        // ends up last: the /auth choice goes with that text.
        let row_moved = self.cursor == 0 && !after.trim().is_empty();
        self.list_mut(list).splice(i..=i, rows);
        if list == List::Apis {
            self.auth_row = self.auth_row.map(|r| match r {
                r if r > i || (r == i && row_moved) => r + added,
                r => r,
            });
        }
        self.focus = Focus::Row(list, i + added);
        self.cursor = cursor;
        self.changed();
    }

    /// Moves the text after the cursor to a new row below.
    fn split_row(&mut self) {
        let Focus::Row(list, i) = self.focus else {
            return;
        };
        let at = byte_at(&self.list(list)[i], self.cursor);
        let rest = self.list_mut(list)[i].split_off(at).trim_start().to_owned();
        if self.list(list)[i].trim().is_empty() {
            self.list_mut(list)[i].push_str(&rest);
            return;
        }
        self.insert_row(list, i + 1);
        self.list_mut(list)[i + 1] = rest;
        self.cursor = 0;
        self.changed();
    }

    fn insert_row(&mut self, list: List, at: usize) {
        self.list_mut(list).insert(at, String::new());
        if list == List::Apis {
            self.auth_row = self.auth_row.map(|r| if r >= at { r + 1 } else { r });
        }
        self.focus_on(Focus::Row(list, at));
        self.changed();
    }

    fn delete_row(&mut self, list: List, i: usize) {
        self.list_mut(list).remove(i);
        if list == List::Apis {
            self.auth_row = match self.auth_row {
                Some(r) if r == i => None,
                Some(r) if r > i => Some(r - 1),
                other => other,
            };
        }
        if self.list(list).is_empty() {
            self.list_mut(list).push(String::new());
        }
        let last = self.list(list).len() - 1;
        self.focus_on(Focus::Row(list, i.min(last)));
        self.changed();
    }

    fn cycle(&mut self, forward: bool) {
        match self.focus {
            Focus::AuthApi => {
                let choices = self.auth_choices();
                if choices.is_empty() {
                    return;
                }
                let current = choices
                    .iter()
                    .position(|&row| Some(row) == self.auth_row)
                    .unwrap_or(0);
                let next = if forward {
                    (current + 1) % choices.len()
                } else {
                    (current + choices.len() - 1) % choices.len()
                };
                self.auth_row = Some(choices[next]);
            }
            Focus::Ui => {
                self.ui = Some(match (self.ui, forward) {
                    (None, true) | (Some(Ui::Custom), _) => Ui::Prebuilt,
                    (None, false) | (Some(Ui::Prebuilt), _) => Ui::Custom,
                });
            }
            Focus::Recipes => {
                let choices = Recipes::choices();
                let current = choices.iter().position(|c| *c == self.recipes);
                let next = match (current, forward) {
                    (Some(i), true) => (i + 1) % choices.len(),
                    (Some(i), false) => (i + choices.len() - 1) % choices.len(),
                    (None, _) => 0,
                };
                self.recipes = choices[next].clone();
            }
            Focus::Lang => {
                let old = self.lang;
                self.lang = if old == Lang::Ts { Lang::Js } else { Lang::Ts };
                // Paths still at the old language's default follow; chosen ones stay.
                for (rows, side) in [
                    (&mut self.backends, "backend"),
                    (&mut self.frontends, "frontend"),
                ] {
                    for path in rows.iter_mut() {
                        if Path::new(path.as_str()) == default_out(side, old) {
                            *path = default_out(side, self.lang).display().to_string();
                        }
                    }
                }
            }
            _ => return,
        }
        self.changed();
    }
}

/// Pasted text for a one-line field: line breaks and tabs become spaces, other invisible
/// characters are dropped.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_break = false;
    // A copied line usually brings its line break along; that one is not meant.
    for c in text.trim_matches(['\n', '\r']).chars() {
        match c {
            '\n' | '\r' | '\t' => {
                if !in_break {
                    out.push(' ');
                }
                in_break = true;
            }
            c if is_invisible(c) => {}
            c => {
                out.push(c);
                in_break = false;
            }
        }
    }
    out
}

fn scrolled(scroll: u16, by: i32) -> u16 {
    u16::try_from((i32::from(scroll) + by).max(0)).unwrap_or(u16::MAX)
}

fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static PSL: LazyLock<PublicSuffixList> = LazyLock::new(PublicSuffixList::embedded);

    fn empty() -> Model<'static> {
        Model::new(
            &Answers::default(),
            Lang::Ts,
            Path::new("/nonexistent"),
            &PSL,
        )
    }

    /// Every answer given: one API, custom UI.
    fn complete() -> Answers {
        Answers {
            apis: vec!["https://api.example.com".into()],
            website: Some("https://example.com".into()),
            ui: Some(Ui::Custom),
            app_name: Some("A".into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_auth_api_is_described_with_its_real_base_path() {
        let mut m = empty();
        type_text(&mut m, "https://api.example.com");
        assert_eq!(m.analysis.auth_routes(), "/auth");
        m.focus_on(Focus::ApiBasePath);
        type_text(&mut m, "/api/st/");
        assert_eq!(m.analysis.auth_routes(), "/api/st");
        // Unanswered, a Next.js backend's routes are under its /api.
        m.update(Action::ClearField);
        m.targets.push((
            Role::Backend,
            m.backends[0].clone(),
            "supertokens-node · Next.js app router · TypeScript".to_owned(),
        ));
        m.reanalyse();
        assert_eq!(m.analysis.auth_routes(), "/api/auth");
    }

    fn type_text(model: &mut Model, text: &str) {
        for c in text.chars() {
            model.update(Action::Insert(c));
        }
    }

    #[test]
    fn typing_two_endpoints_shows_the_shared_domain_before_enter() {
        let mut m = empty();
        type_text(&mut m, "https://api.example.com");
        m.update(Action::Activate);
        assert_eq!(m.focus, Focus::Row(List::Apis, 1));
        type_text(&mut m, "https://api2.example.com");
        assert_eq!(m.analysis.cookie_domain.as_deref(), Some(".example.com"));
        assert!(m.dirty);
    }

    #[test]
    fn editing_moves_the_cursor_by_characters() {
        let mut m = empty();
        type_text(&mut m, "bücher.de");
        m.update(Action::Home);
        m.update(Action::Right);
        m.update(Action::Right);
        m.update(Action::Backspace);
        assert_eq!(m.apis[0], "bcher.de");
        m.update(Action::End);
        m.update(Action::Backspace);
        assert_eq!(m.apis[0], "bcher.d");
        m.update(Action::ClearField);
        assert_eq!(m.apis[0], "");
    }

    #[test]
    fn backspace_on_an_empty_row_deletes_it_and_rows_reorder() {
        let mut m = empty();
        type_text(&mut m, "a.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "b.example.com");
        m.update(Action::MoveRow(false));
        assert_eq!(m.apis, vec!["b.example.com", "a.example.com"]);
        assert_eq!(m.focus, Focus::Row(List::Apis, 0));
        m.update(Action::Down);
        m.update(Action::Activate);
        assert_eq!(m.apis.len(), 3);
        m.update(Action::Backspace);
        assert_eq!(m.apis.len(), 2);
        m.update(Action::DeleteRow);
        assert_eq!(m.apis, vec!["b.example.com"]);
    }

    #[test]
    fn moving_around_never_loses_text_and_choices_cycle() {
        let mut m = empty();
        type_text(&mut m, "api.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "auth.example.com");
        m.update(Action::Down);
        m.update(Action::Down);
        assert_eq!(m.focus, Focus::AuthApi);
        m.update(Action::Right);
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com")
        );
        m.update(Action::Down);
        m.update(Action::Right);
        assert_eq!(m.ui, Some(Ui::Prebuilt));
        m.update(Action::Right);
        assert_eq!(m.ui, Some(Ui::Custom));
        for _ in 0..10 {
            m.update(Action::Up);
        }
        assert_eq!(m.apis, vec!["api.example.com", "auth.example.com"]);
    }

    #[test]
    fn a_pasted_list_lands_one_url_per_row() {
        let mut m = empty();
        type_text(
            &mut m,
            "https://api.example.com, api2.example.com  api3.example.com",
        );
        assert_eq!(
            m.apis,
            vec![
                "https://api.example.com",
                "api2.example.com",
                "api3.example.com"
            ]
        );
        assert_eq!(m.analysis.cookie_domain.as_deref(), Some(".example.com"));
    }

    #[test]
    fn the_auth_choice_follows_its_row() {
        let mut m = empty();
        type_text(&mut m, "api.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "auth.example.com");
        m.focus_on(Focus::AuthApi);
        m.update(Action::Right);
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com")
        );
        m.focus_on(Focus::Row(List::Apis, 1));
        m.update(Action::Backspace);
        let codes: Vec<_> = m.analysis.findings.iter().map(|f| f.code).collect();
        assert!(
            !codes.contains(&crate::findings::Code::AuthApiNotListed),
            "no stale error: {codes:?}"
        );
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.co"),
            "still that row"
        );
        m.update(Action::Insert('m'));
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com")
        );
        m.update(Action::MoveRow(false));
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com")
        );
        m.focus_on(Focus::Row(List::Apis, 0));
        m.update(Action::DeleteRow);
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://api.example.com")
        );
        assert_eq!(m.auth_row, None);
    }

    #[test]
    fn an_unlisted_auth_api_becomes_a_row() {
        let answers = Answers {
            apis: vec!["https://api.example.com".into()],
            auth_api: Some("https://auth.example.com".into()),
            ..Default::default()
        };
        let m = Model::new(&answers, Lang::Ts, Path::new("/nonexistent"), &PSL);
        assert_eq!(
            m.apis,
            vec!["https://api.example.com", "https://auth.example.com"]
        );
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com")
        );
        assert!(!m.analysis.has_errors());
    }

    #[test]
    fn language_switch_follows_default_paths_only() {
        let mut m = empty();
        m.focus_on(Focus::Row(List::Frontends, 0));
        m.update(Action::ClearField);
        type_text(&mut m, "web/st.ts");
        m.focus_on(Focus::Lang);
        m.update(Action::Right);
        assert_eq!(m.lang, Lang::Js);
        assert_eq!(m.backends[0], "backend/supertokens.js");
        assert_eq!(m.frontends[0], "web/st.ts");
    }

    #[test]
    fn errors_block_writing_but_not_moving() {
        let mut m = empty();
        type_text(&mut m, "https://a.vercel.app");
        m.update(Action::Activate);
        type_text(&mut m, "https://b.vercel.app");
        assert!(m.write_blocker().unwrap().contains("vercel.app"));
        m.update(Action::Down);
        m.update(Action::Down);
        assert_eq!(m.focus, Focus::AuthApi);
    }

    #[test]
    fn quitting_asks_once_when_answers_changed() {
        let mut m = empty();
        assert_eq!(
            m.update(Action::Quit),
            Command::Cancel,
            "nothing typed: quit at once"
        );
        type_text(&mut m, "x");
        assert_eq!(m.update(Action::Quit), Command::None);
        assert!(matches!(m.screen, Screen::ConfirmQuit { .. }));
        assert_eq!(m.update(Action::No), Command::None);
        assert!(matches!(m.screen, Screen::Form));
        assert_eq!(m.apis[0], "x", "going back keeps what was typed");
        m.update(Action::Interrupt);
        assert_eq!(m.update(Action::Interrupt), Command::Cancel);
    }

    #[test]
    fn enter_on_a_choice_accepts_it_and_moves_on() {
        let mut m = empty();
        type_text(&mut m, "api.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "auth.example.com");
        m.focus_on(Focus::AuthApi);
        let before = m.analysis.api_domain.clone();
        m.update(Action::Activate);
        assert_eq!(m.focus, Focus::Ui, "Enter moves on");
        assert_eq!(m.analysis.api_domain, before, "and changes nothing");
        m.update(Action::Activate);
        assert_eq!(m.focus, Focus::Recipes);
        assert_eq!(m.ui, None, "Enter on an unset choice leaves it unset");
        m.update(Action::Right);
        assert_eq!(m.recipes.label(), "EmailPassword + ThirdParty");
        m.update(Action::Left);
        m.update(Action::Left);
        assert_eq!(
            m.recipes.label(),
            "none (Session only)",
            "the choices wrap around"
        );
        assert_eq!(m.answers().recipes, Some(Recipes::default()));
        m.update(Action::Activate);
        assert_eq!(m.focus, Focus::Website);
        m.focus_on(Focus::Lang);
        m.update(Action::Activate);
        assert_eq!(m.lang, Lang::Ts);
        assert_eq!(m.focus, Focus::Row(List::Backends, 0));
        m.focus_on(Focus::AuthApi);
        m.update(Action::Right);
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://auth.example.com"),
            "→ changes it"
        );
    }

    #[test]
    fn a_paste_lands_in_the_focused_field_only() {
        let mut m = empty();
        m.focus_on(Focus::AppName);
        m.update(Action::Paste("My\nApp\r\n".into()));
        assert_eq!(m.app_name, "My App");
        assert_eq!(m.focus, Focus::AppName, "the paste does not move on");
        assert_eq!(m.backends[0], "backend/supertokens.ts");
        m.update(Action::Paste("\tx\u{1b}y".into()));
        assert_eq!(m.app_name, "My App xy");
        m.focus_on(Focus::Ui);
        m.update(Action::Paste("custom".into()));
        assert_eq!(m.ui, None, "a choice takes no text");
    }

    #[test]
    fn a_pasted_list_splits_into_rows_around_the_cursor() {
        let mut m = empty();
        m.update(Action::Paste(
            "https://api.example.com\nhttps://api2.example.com\n".into(),
        ));
        assert_eq!(
            m.apis,
            vec!["https://api.example.com", "https://api2.example.com", ""]
        );
        assert_eq!(
            m.focus,
            Focus::Row(List::Apis, 2),
            "a trailing line break starts a row"
        );
        assert_eq!(m.analysis.cookie_domain.as_deref(), Some(".example.com"));

        // Pasted into the middle of a row: the rest of the row follows the last item.
        let mut m = empty();
        type_text(&mut m, "api.tail.com");
        m.cursor = 4;
        m.update(Action::Paste("x.example.com\napi2.".into()));
        assert_eq!(m.apis, vec!["api.x.example.com", "api2.tail.com"]);
        assert_eq!((m.focus, m.cursor), (Focus::Row(List::Apis, 1), 5));

        // Pasted in front of the /auth row, the choice stays with that row's text.
        let mut m = empty();
        type_text(&mut m, "a.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "b.example.com");
        m.focus_on(Focus::AuthApi);
        m.update(Action::Right);
        m.focus_on(Focus::Row(List::Apis, 1));
        m.cursor = 0;
        m.update(Action::Paste("c.example.com\n".into()));
        assert_eq!(
            m.apis,
            vec!["a.example.com", "c.example.com", "b.example.com"]
        );
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://b.example.com")
        );

        // The /auth choice stays on its row when rows are added before it.
        let mut m = empty();
        type_text(&mut m, "a.example.com");
        m.update(Action::Activate);
        type_text(&mut m, "b.example.com");
        m.focus_on(Focus::AuthApi);
        m.update(Action::Right);
        m.focus_on(Focus::Row(List::Apis, 0));
        m.update(Action::Paste(" c.example.com d.example.com".into()));
        assert_eq!(
            m.apis,
            vec![
                "a.example.com",
                "c.example.com",
                "d.example.com",
                "b.example.com"
            ]
        );
        assert_eq!(
            m.analysis.api_domain.as_deref(),
            Some("https://b.example.com")
        );
    }

    #[test]
    fn the_constraints_panel_scrolls_within_its_content() {
        let mut m = empty();
        m.panel_scroll_max = 12;
        m.update(Action::ScrollPanel(10));
        assert_eq!(m.panel_scroll, 10);
        m.update(Action::ScrollPanel(10));
        assert_eq!(m.panel_scroll, 12, "not past the end");
        m.panel_scroll_max = 3;
        m.update(Action::ScrollPanel(-1));
        assert_eq!(
            m.panel_scroll, 2,
            "from what is shown, after the panel shrank"
        );
        m.update(Action::ScrollPanel(-10));
        assert_eq!(m.panel_scroll, 0);
    }

    #[test]
    fn unusable_files_app_name_or_core_block_writing() {
        let answers = complete();
        let mut m = Model::new(&answers, Lang::Ts, Path::new("/nonexistent"), &PSL);
        assert_eq!(m.write_blocker(), None);
        m.focus_on(Focus::Row(List::Frontends, 0));
        m.update(Action::ClearField);
        type_text(&mut m, "web/");
        let blocker = m.write_blocker().unwrap();
        assert!(blocker.contains("is a folder"), "{blocker}");
        assert!(m.field_error(TextField::Row(List::Frontends, 0)).is_some());
        m.update(Action::ClearField);
        type_text(&mut m, "web/st.tsMy");
        assert!(m.write_blocker().unwrap().contains(".ts .tsx"));
        m.update(Action::ClearField);
        type_text(&mut m, "web/st.ts");
        m.focus_on(Focus::ConnectionUri);
        m.update(Action::ClearField);
        type_text(&mut m, "nope");
        assert!(m.write_blocker().unwrap().contains("connection URI"));
    }

    #[test]
    fn files_are_lists_like_the_endpoints() {
        let mut m = empty();
        m.focus_on(Focus::Row(List::Backends, 0));
        assert_eq!(m.backends, vec!["backend/supertokens.ts"]);
        m.update(Action::Activate);
        assert_eq!(
            m.focus,
            Focus::Row(List::Backends, 1),
            "Enter adds a row below"
        );
        type_text(&mut m, "services/billing/st.mjs");
        m.update(Action::Paste("services/mail/st.ts\n".into()));
        assert_eq!(
            m.backends,
            vec![
                "backend/supertokens.ts",
                "services/billing/st.mjsservices/mail/st.ts",
                ""
            ],
            "pasted at the end of a row: one item joins it, the line break adds a row"
        );
        m.update(Action::Backspace);
        m.focus_on(Focus::Row(List::Backends, 1));
        m.update(Action::ClearField);
        m.update(Action::Paste(
            "services/billing/st.mjs, services/mail/st.ts".into(),
        ));
        assert_eq!(
            m.backends,
            vec![
                "backend/supertokens.ts",
                "services/billing/st.mjs",
                "services/mail/st.ts"
            ]
        );
        assert_eq!(
            m.answers().backend_out,
            vec![
                PathBuf::from("backend/supertokens.ts"),
                PathBuf::from("services/billing/st.mjs"),
                PathBuf::from("services/mail/st.ts")
            ]
        );
        m.update(Action::MoveRow(false));
        assert_eq!(m.backends[1], "services/mail/st.ts");
        // The language follows in every row still at its default path.
        m.focus_on(Focus::Lang);
        m.update(Action::Right);
        assert_eq!(m.backends[0], "backend/supertokens.js");
        assert_eq!(m.frontends, vec!["frontend/supertokens.js"]);
        // An unusable path blocks writing, naming the file.
        m.focus_on(Focus::Row(List::Frontends, 0));
        m.update(Action::AddRow);
        type_text(&mut m, "web/st.py");
        assert!(m.field_error(TextField::Row(List::Frontends, 1)).is_some());
        m.update(Action::DeleteRow);
        assert_eq!(m.frontends.len(), 1);
        m.update(Action::DeleteRow);
        assert_eq!(m.frontends, vec![""], "a list keeps one row");
        assert!(
            m.answers().frontend_out.is_empty(),
            "an empty list: the default file"
        );
    }

    #[test]
    fn preview_writes_only_a_plan_with_changes() {
        let dir = tempfile::tempdir().unwrap();
        let answers = complete();
        let mut m = Model::new(&answers, Lang::Ts, Path::new("/nonexistent"), &PSL);
        let plan = || crate::generate::generate(dir.path(), &answers, None, &PSL, false).unwrap();
        m.show_preview(Ok(plan()));
        assert_eq!(
            m.update(Action::Write),
            Command::Write,
            "a plan with changes is written"
        );
        crate::plan::write_all(&plan().files).unwrap();
        m.show_preview(Ok(plan()));
        assert_eq!(
            m.update(Action::Write),
            Command::None,
            "nothing to change: back to the form"
        );
        assert!(matches!(m.screen, Screen::Form));
        m.show_preview(Err("nope".into()));
        assert_eq!(m.update(Action::Write), Command::None);
        assert!(matches!(m.screen, Screen::Form));
    }

    /// Ctrl-O keeps each environment's edits: switching away and back shows what was
    /// typed, and the answers hold every environment by name.
    #[test]
    fn environments_keep_their_own_endpoints() {
        let mut m = Model::new(&complete(), Lang::Ts, Path::new("/nonexistent"), &PSL);
        m.update(Action::NextEnvironment);
        assert_eq!(m.env.as_deref(), Some("development"));
        assert_eq!(m.apis, vec![String::new()]);
        for c in "localhost:3001".chars() {
            m.update(Action::Insert(c));
        }
        m.update(Action::NextEnvironment);
        assert_eq!(m.env.as_deref(), Some("production"));
        assert_eq!(m.apis, vec!["https://api.example.com".to_owned()]);
        m.update(Action::NextEnvironment);
        assert_eq!(m.apis, vec!["localhost:3001".to_owned()]);
        let answers = m.answers().folded();
        let names: Vec<&str> = answers
            .environments
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["production", "development"]);
        assert_eq!(answers.environments[1].apis, ["localhost:3001"]);
        assert!(answers.apis.is_empty());
    }
}
