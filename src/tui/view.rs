//! Drawing: `draw(frame, &model, theme)` reads the model and never changes it.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};

use super::app::{Focus, List, Model, Screen, TextField};
use super::keys;
use crate::answers::{Lang, Question, Ui};
use crate::findings::{Code, Finding, Severity, rules, schemes_assumed};
use crate::generate::Outcome;
use crate::report;
use crate::target::Role;

/// Below this the screen says "enlarge the terminal" instead of drawing a squeezed form.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, the form and the constraints sit side by side.
const SIDE_BY_SIDE: u16 = 90;
const LABEL_WIDTH: usize = 15;

/// Colours, or none at all (NO_COLOR): every state also has a mark or a modifier.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }
    fn severity(self, severity: Option<Severity>) -> Style {
        match severity {
            Some(Severity::Error) => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Some(Severity::Warning) => self.fg(Color::Yellow),
            _ => self.fg(Color::Green),
        }
    }
    fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    fn focused(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}

pub fn draw(frame: &mut Frame, model: &Model, theme: Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT} (it is {}×{}).\n\nEsc quits.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [main, hint, bar] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(matches!(model.screen, Screen::Form))),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(keys::help_bar(model, usize::from(bar.width))).style(theme.dim()),
        bar,
    );
    match &model.screen {
        Screen::Form => {
            draw_hint(frame, hint, model, theme);
            draw_form_screen(frame, main, model, theme);
        }
        Screen::Help { scroll } => draw_help(frame, main, *scroll, theme),
        Screen::ConfirmQuit { .. } => {
            draw_form_screen(frame, main, model, theme);
            draw_confirm_quit(frame, main, theme);
        }
        Screen::Preview { plan, scroll } => draw_preview(frame, main, plan, *scroll, theme),
    }
}

/// The focused field's hint, or what is wrong with its answer.
fn draw_hint(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let error = model.focus.text_field().and_then(|f| model.field_error(f));
    let line = match (error, model.focus.question()) {
        (Some(error), _) => Line::styled(
            fitted(&format!("✗ {error}"), usize::from(area.width)),
            theme.severity(Some(Severity::Error)),
        ),
        (None, Some(question)) => Line::styled(
            fitted(question.hint(), usize::from(area.width)),
            theme.dim(),
        ),
        (None, None) => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// `text` cut to `width` columns with "…" when it does not fit.
fn fitted(text: &str, width: usize) -> String {
    if crate::text::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if crate::text::width(&out) + 2 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Where the form and the constraints panel go: side by side on a wide terminal, the form
/// above the panel on a narrow one.
fn form_screen_areas(area: Rect, model: &Model, theme: Theme) -> (Rect, Rect) {
    if area.width >= SIDE_BY_SIDE {
        let [a, b] = Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
            .areas(area);
        (a, b)
    } else {
        let form_lines = form_lines(model, area.width.saturating_sub(2) as usize, theme)
            .0
            .len();
        let form_height = u16::try_from(form_lines)
            .unwrap_or(u16::MAX)
            .saturating_add(2)
            .min(u16::try_from(u32::from(area.height) * 11 / 20).unwrap_or(u16::MAX));
        let [a, b] =
            Layout::vertical([Constraint::Length(form_height), Constraint::Min(3)]).areas(area);
        (a, b)
    }
}

/// The main area of the form screen within the whole terminal: all but the hint and
/// key-help lines.
fn form_screen_main(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(2),
        ..area
    }
}

fn draw_form_screen(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let (form_area, panel_area) = form_screen_areas(area, model, theme);
    draw_form(frame, form_area, model, theme);
    draw_constraints(frame, panel_area, model, theme);
}

/// The form as lines, and where the text cursor is in them.
#[derive(Default)]
struct FormLines {
    lines: Vec<Line<'static>>,
    /// The line of the focused row.
    focus_line: usize,
    /// The column of the text cursor, when a text field has the focus.
    cursor_col: Option<usize>,
}

impl FormLines {
    /// Marks the next line as the focused one.
    fn focus_here(&mut self) {
        self.focus_line = self.lines.len();
    }
}

/// The form as lines, with the line index and column of the text cursor.
fn form_lines(
    model: &Model,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, usize, Option<usize>) {
    let mut form = FormLines::default();
    list_lines(&mut form, model, List::Apis, width, theme);
    let auth = model
        .analysis
        .api_domain
        .clone()
        .unwrap_or_else(|| "(the first valid endpoint)".to_owned());
    let ui = model.ui.map_or("(choose)", |ui| match ui {
        Ui::Prebuilt => "Pre built UI",
        Ui::Custom => "Custom UI",
    });
    let lang = match model.lang {
        Lang::Ts => "TypeScript",
        Lang::Js => "JavaScript",
    };
    for (focus, choice) in [
        (Focus::AuthApi, Some(auth)),
        (Focus::Ui, Some(ui.to_owned())),
        (Focus::Recipes, Some(model.recipes.label())),
        (Focus::Website, None),
        (Focus::AppName, None),
        (Focus::Lang, Some(lang.to_owned())),
    ] {
        field_line(&mut form, model, focus, choice, width, theme);
    }
    list_lines(&mut form, model, List::Backends, width, theme);
    list_lines(&mut form, model, List::Frontends, width, theme);
    field_line(&mut form, model, Focus::ConnectionUri, None, width, theme);
    field_line(&mut form, model, Focus::ApiBasePath, None, width, theme);
    field_line(&mut form, model, Focus::WebsiteBasePath, None, width, theme);
    form.lines.push(Line::raw(""));
    let focused = model.focus == Focus::Preview;
    if focused {
        form.focus_here();
    }
    let style = if focused {
        theme.focused()
    } else {
        theme.title()
    };
    form.lines
        .push(Line::styled("  [ Preview and write (Ctrl-S) ]", style));
    (form.lines, form.focus_line, form.cursor_col)
}

/// A list the form edits row by row: its title, each row with its mark and what it
/// became, and the line that adds a row.
fn list_lines(form: &mut FormLines, model: &Model, list: List, width: usize, theme: Theme) {
    form.lines
        .push(Line::styled(list.question().label(), theme.title()));
    for (i, input) in model.list(list).iter().enumerate() {
        let focused = model.focus == Focus::Row(list, i);
        let (severity, detail) = match list {
            List::Apis => endpoint_row(model, input),
            List::Backends | List::Frontends => file_row(model, list, i, input),
        };
        let mark = match (input.trim().is_empty(), severity) {
            (true, _) => "·",
            (_, Some(Severity::Error)) => "✗",
            (_, Some(Severity::Warning)) => "!",
            _ => "✓",
        };
        let (shown, col) = visible(
            input,
            focused.then_some(model.cursor),
            width.saturating_sub(4),
        );
        if focused {
            form.focus_here();
            form.cursor_col = col.map(|c| c + 4);
        }
        form.lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(mark, theme.severity(severity)),
            Span::raw(" "),
            Span::styled(
                shown,
                if focused {
                    theme.focused()
                } else {
                    Style::new()
                },
            ),
        ]));
        form.lines
            .extend(wrapped("    ", "      ", &detail, width, theme.dim()));
    }
    let add_focused = model.focus == Focus::AddRow(list);
    if add_focused {
        form.focus_here();
    }
    let add = match list {
        List::Apis => "  + add an endpoint (Enter)",
        List::Backends => "  + add a backend file (Enter)",
        List::Frontends => "  + add a frontend file (Enter)",
    };
    form.lines.push(Line::styled(
        add,
        if add_focused {
            theme.focused()
        } else {
            theme.dim()
        },
    ));
}

/// An endpoint row's worst finding, and what it became: its origin and site.
fn endpoint_row(model: &Model, input: &str) -> (Option<Severity>, String) {
    let report = model
        .analysis
        .endpoints
        .iter()
        .find(|r| r.input == input.trim());
    let severity = model.analysis.worst_for(input.trim());
    let detail = match report.and_then(|r| r.parsed.as_ref().map(|e| (r, e))) {
        _ if input.trim().is_empty() => "type a URL, e.g. https://api.example.com".to_owned(),
        Some((r, endpoint)) => {
            let site = r.registrable_domain.as_deref().unwrap_or(&endpoint.host);
            let auth = if model.analysis.api_domain.as_deref() == Some(endpoint.origin().as_str()) {
                format!(" · {}", model.analysis.auth_routes())
            } else {
                String::new()
            };
            format!("→ {} · {site}{auth}", endpoint.origin())
        }
        None => "→ not a usable URL yet".to_owned(),
    };
    (severity, detail)
}

/// A file row's state, and what it is: the SDK it initialises in which language.
fn file_row(model: &Model, list: List, i: usize, input: &str) -> (Option<Severity>, String) {
    if input.trim().is_empty() {
        return (None, "type a path, e.g. src/supertokens.ts".to_owned());
    }
    if model.field_error(TextField::Row(list, i)).is_some() {
        return (
            Some(Severity::Error),
            "→ not a file st-setup can write (see the hint below)".to_owned(),
        );
    }
    let role = match (list, model.ui) {
        (List::Frontends, Some(ui)) => Some(Role::Frontend(ui)),
        (List::Frontends, None) => None,
        _ => Some(Role::Backend),
    };
    if let Some(described) = role.and_then(|role| model.describe_target(role, input)) {
        return (None, format!("→ {described}"));
    }
    // Until the runner has read the project's facts: what the extension alone says.
    let language = match Path::new(input.trim()).extension().and_then(|e| e.to_str()) {
        Some("ts" | "tsx" | "mts" | "cts") => "TypeScript",
        Some("py") => "supertokens-python",
        Some("go") => "supertokens-golang",
        _ => "JavaScript",
    };
    let sdk = match list {
        List::Frontends => model
            .ui
            .map_or("supertokens-auth-react or -web-js", Ui::sdk),
        _ if matches!(language, "supertokens-python" | "supertokens-golang") => {
            return (None, format!("→ {language}"));
        }
        _ => "supertokens-node",
    };
    (None, format!("→ {sdk} · {language}"))
}

/// One labelled row: a choice (`◂ value ▸`) or a one-line text field.
fn field_line(
    form: &mut FormLines,
    model: &Model,
    focus: Focus,
    choice: Option<String>,
    width: usize,
    theme: Theme,
) {
    let value_width = width.saturating_sub(LABEL_WIDTH + 1).max(8);
    let label = focus.question().map_or("", Question::label);
    let focused = model.focus == focus;
    if focused {
        form.focus_here();
    }
    let label_span = Span::raw(format!("{label:LABEL_WIDTH$}"));
    let value = match (choice, focus.text_field()) {
        (Some(choice), _) => Span::styled(
            format!("◂ {choice} ▸"),
            if focused {
                theme.focused()
            } else {
                Style::new()
            },
        ),
        (None, Some(field)) => {
            let text = model.text(field);
            let (shown, col) = visible(text, focused.then_some(model.cursor), value_width);
            if focused {
                form.cursor_col = col.map(|c| c + LABEL_WIDTH);
            }
            let missing =
                text.trim().is_empty() && matches!(field, TextField::Website | TextField::AppName);
            let style = if focused {
                theme.focused()
            } else if missing {
                theme.severity(Some(Severity::Warning))
            } else if model.field_error(field).is_some() {
                theme.severity(Some(Severity::Error))
            } else {
                Style::new()
            };
            Span::styled(
                if missing && !focused {
                    "(required)".to_owned()
                } else {
                    shown
                },
                style,
            )
        }
        (None, None) => Span::raw(""),
    };
    let mut spans = vec![label_span];
    if !focused
        && focus
            .text_field()
            .is_some_and(|f| model.field_error(f).is_some())
    {
        spans.push(Span::styled("✗ ", theme.severity(Some(Severity::Error))));
    }
    spans.push(value);
    form.lines.push(Line::from(spans));
    if focus == Focus::Ui {
        let explain = model
            .ui
            .map_or("Pre built UI or Custom UI? ← → to choose", Ui::label);
        let indent = " ".repeat(LABEL_WIDTH);
        form.lines
            .extend(wrapped(&indent, &indent, explain, width, theme.dim()));
    }
    if focus == Focus::Recipes && focused {
        let explain = if model.recipes.is_empty() {
            "Session only: add your own sign-in recipes to the init calls. ← → for more".to_owned()
        } else {
            let methods: Vec<_> = model.recipes.iter().map(|r| r.describe()).collect();
            format!("Sign in with {}. ← → for more", methods.join(", or "))
        };
        let indent = " ".repeat(LABEL_WIDTH);
        form.lines
            .extend(wrapped(&indent, &indent, &explain, width, theme.dim()));
    }
}

/// The part of `text` that fits in `width` columns, keeping the cursor in view; and the
/// cursor's column within it.
fn visible(text: &str, cursor: Option<usize>, width: usize) -> (String, Option<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let width = width.max(2);
    let start = match cursor {
        Some(c) if c >= width => c + 1 - width,
        _ => 0,
    };
    let shown: String = chars.iter().skip(start).take(width).collect();
    let padded = if cursor.is_some() && shown.chars().count() < width {
        format!("{shown} ")
    } else {
        shown
    };
    (padded, cursor.map(|c| c - start))
}

fn draw_form(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    // The endpoints and website shown are one environment's; Ctrl-O shows the next.
    let title = match &model.env {
        Some(env) => format!(" st-setup · environment {env} (Ctrl-O) "),
        None => " st-setup · answers ".to_owned(),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    let (lines, focus_line, cursor_col) = form_lines(model, inner.width as usize, theme);
    let height = usize::from(inner.height);
    let scroll = (focus_line + 2).saturating_sub(height);
    // Only the lines in view are handed over: a form of any length scrolls.
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
    if let Some(col) = cursor_col {
        let row = u16::try_from(focus_line - scroll).unwrap_or(u16::MAX);
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        let x = inner.x + col.min(inner.width.saturating_sub(1));
        if row < inner.height {
            frame.set_cursor_position(Position::new(x, inner.y + row));
        }
    }
}

/// `text` wrapped to `width` columns, every line after the first indented like the first.
fn wrapped(first: &str, rest: &str, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    // Break at spaces only: a URL split at its slashes reads as two values.
    let options = textwrap::Options::new(width.max(10))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}

/// The live explanation: the cookie domain and why, the values that must match, broken
/// rules with the findings' own words, notes, then the rules that hold. Most important
/// first: a small terminal clips the end.
pub fn constraint_lines(model: &Model, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let analysis = &model.analysis;
    let nothing_typed = analysis
        .findings
        .iter()
        .any(|f| f.code == Code::NoEndpoints);
    let mut lines = vec![Line::styled("Shared cookie domain", theme.title())];
    match (&analysis.cookie_domain, analysis.has_errors()) {
        _ if nothing_typed => lines.push(Line::styled("  type the API endpoints", theme.dim())),
        (Some(domain), _) => lines.push(Line::styled(
            format!("  {domain}"),
            theme.severity(None).add_modifier(Modifier::BOLD),
        )),
        (None, true) => lines.push(Line::styled(
            "  not shown while an error below stands",
            theme.severity(Some(Severity::Error)),
        )),
        (None, false) => lines.push(Line::raw("  none needed (one host)")),
    }
    let explained = analysis
        .findings
        .iter()
        .find(|f| matches!(f.code, Code::SharedCookieDomain | Code::SingleHost));
    if let Some(finding) = explained {
        lines.extend(wrapped("  ", "  ", &finding.message, width, theme.dim()));
    }

    // While an error stands there is nothing to match yet; the ✗ rules need the room.
    if !analysis.has_errors() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Must match", theme.title()));
        let value = analysis
            .cookie_domain
            .as_ref()
            .map_or_else(|| "(not set)".to_owned(), |d| format!("\"{d}\""));
        let mut pair = |label: &str, text: String| {
            lines.extend(wrapped(label, "            ", &text, width, Style::new()));
        };
        let (backend_mode, frontend_mode) = crate::findings::session_mode_options(analysis.header);
        pair(
            "  backend   ",
            format!("{backend_mode}cookieDomain: {value}"),
        );
        pair(
            "  frontend  ",
            format!("{frontend_mode}sessionTokenBackendDomain: {value}"),
        );
        if !analysis.other_site_hosts.is_empty() {
            pair(
                "            ",
                format!("and by name: {}", analysis.other_site_hosts.join(", ")),
            );
        }
        if let Some(api) = &analysis.api_domain {
            pair("  both      ", format!("apiDomain: \"{api}\""));
        }
    }

    let mut holding = Vec::new();
    let mut broken_any = false;
    for rule in rules() {
        let broken: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.code.rule() == Some(rule))
            .collect();
        let Some(severity) = broken.iter().map(|f| f.severity).min() else {
            // Before anything is typed, nothing has been checked yet; the website's rules
            // wait for the website.
            let unchecked = nothing_typed
                || (analysis.website.is_none()
                    && Code::ALL
                        .iter()
                        .any(|c| c.rule() == Some(rule) && c.needs_website()));
            let (mark, style) = if unchecked {
                ("· ", theme.dim())
            } else {
                ("✓ ", theme.severity(None))
            };
            holding.extend(wrapped(mark, "  ", rule, width, style));
            continue;
        };
        if !broken_any {
            lines.push(Line::raw(""));
            broken_any = true;
        }
        let style = theme.severity(Some(severity));
        lines.extend(wrapped(
            &format!("{} ", severity.mark()),
            "  ",
            rule,
            width,
            style,
        ));
        for finding in broken {
            lines.extend(wrapped(
                "    ",
                "    ",
                &finding.message,
                width,
                Style::new(),
            ));
        }
    }

    let notes: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| {
            f.code.rule().is_none()
                && !matches!(f.code, Code::SharedCookieDomain | Code::SingleHost)
        })
        .collect();
    let assumed: Vec<&str> = notes
        .iter()
        .filter(|f| f.code == Code::SchemeAssumed)
        .flat_map(|f| f.endpoints.iter().map(String::as_str))
        .collect();
    if !notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Notes", theme.title()));
        for finding in &notes {
            // One line for every scheme assumed, not four lines each.
            let message = match finding.code {
                Code::SchemeAssumed if assumed.len() > 1 => {
                    if finding.endpoints.first().map(String::as_str) != assumed.first().copied() {
                        continue;
                    }
                    schemes_assumed(&assumed)
                }
                _ => finding.message.clone(),
            };
            let mark = format!("{} ", finding.severity.mark());
            lines.extend(wrapped(
                &mark,
                "  ",
                &message,
                width,
                theme.severity(Some(finding.severity)),
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.extend(holding);
    lines
}

/// Whether writing can happen, pinned under the constraints so it is never clipped.
fn status_lines(model: &Model, width: usize, theme: Theme) -> Vec<Line<'static>> {
    if model.analysis.has_errors() {
        let style = theme.severity(Some(Severity::Warning));
        return wrapped(
            "",
            "",
            "Writing is blocked until every ✗ is fixed.",
            width,
            style,
        );
    }
    match model.write_blocker() {
        Some(reason) => {
            let mut lines = wrapped(
                "",
                "",
                &format!("Writing is blocked. {reason}"),
                width,
                theme.severity(Some(Severity::Warning)),
            );
            lines.truncate(3);
            lines
        }
        None => vec![Line::styled(
            "Ready: Ctrl-S to preview and write.",
            theme.severity(None),
        )],
    }
}

/// The constraints panel's parts: its block, the scrolling body, and the status pinned
/// at the bottom.
fn constraints_areas(area: Rect, model: &Model, theme: Theme) -> (Rect, Rect, Vec<Line<'static>>) {
    let inner = Block::new().borders(Borders::ALL).inner(area);
    let status = status_lines(model, inner.width as usize, theme);
    let status_height = u16::try_from(status.len())
        .unwrap_or(u16::MAX)
        .min(inner.height.saturating_sub(1));
    let [body, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(status_height)]).areas(inner);
    (body, bottom, status)
}

/// How far the constraints panel can scroll on a terminal of `size`: its lines beyond
/// what its body shows.
pub fn panel_scroll_max(model: &Model, size: Rect, theme: Theme) -> u16 {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return 0;
    }
    let (_, panel) = form_screen_areas(form_screen_main(size), model, theme);
    let (body, _, _) = constraints_areas(panel, model, theme);
    let lines = constraint_lines(model, body.width as usize, theme).len();
    u16::try_from(lines.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

fn draw_constraints(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let (body, bottom, status) = constraints_areas(area, model, theme);
    let lines = constraint_lines(model, body.width as usize, theme);
    let max = lines.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(model.panel_scroll).min(max);
    let mut block = Block::new().borders(Borders::ALL).title(Span::styled(
        match &model.env {
            Some(env) => format!(" Constraints (live) · {env} "),
            None => " Constraints (live) ".to_owned(),
        },
        theme.title(),
    ));
    // Say that there is more, and how to see it: a clipped panel must not look complete.
    let more = match (scroll > 0, scroll < max) {
        (false, false) => None,
        (true, false) => Some(" ↑ PgUp ".to_owned()),
        (false, true) => Some(format!(" ↓ {} more · PgDn ", max - scroll)),
        (true, true) => Some(format!(" ↑↓ {} more · PgUp PgDn ", max - scroll)),
    };
    if let Some(more) = more {
        block = block.title_bottom(Line::styled(more, theme.title()).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        body,
    );
    if max > 0 {
        let mut state = ScrollbarState::new(max)
            .viewport_content_length(usize::from(body.height))
            .position(scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("┃"),
            Rect {
                x: area.x,
                y: body.y,
                width: area.width,
                height: body.height,
            },
            &mut state,
        );
    }
    frame.render_widget(Paragraph::new(status), bottom);
}

fn draw_confirm_quit(frame: &mut Frame, area: Rect, theme: Theme) {
    let width = 44.min(area.width);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + area.height / 3,
        width,
        5.min(area.height),
    );
    frame.render_widget(Clear, popup);
    let text = vec![
        Line::raw("Quit without writing anything?"),
        Line::raw("Your answers will not be saved."),
        Line::styled("y quit · n go back", theme.title()),
    ];
    frame.render_widget(
        Paragraph::new(text).block(Block::new().borders(Borders::ALL).title(" Quit? ")),
        popup,
    );
}

/// The help screen for `width` columns: every key, every field with its hint, every
/// finding code, with the right-hand column wrapped under itself.
fn help_text(width: usize) -> Vec<Line<'static>> {
    let intro = "st-setup writes matching SuperTokens init files for a frontend that talks to several APIs. The backend's cookieDomain and the frontend's sessionTokenBackendDomain must be the same: the APIs' common domain with a leading dot. The Constraints panel (beside the form, or below it on a narrow terminal) explains every rule live.";
    let mut lines = wrapped("", "", intro, width, Style::new());
    let mut table = |title: &str, rows: Vec<(String, String)>, column: usize| {
        lines.push(Line::raw(""));
        lines.push(Line::raw(title.to_owned()));
        let indent = " ".repeat(column);
        for (left, right) in rows {
            // A name too wide for its column gets a line of its own.
            let first = if crate::text::width(&left) + 3 > column {
                lines.extend(wrapped("  ", "  ", &left, width, Style::new()));
                indent.clone()
            } else {
                format!("  {}", crate::text::pad(&left, column - 2))
            };
            lines.extend(wrapped(&first, &indent, &right, width, Style::new()));
        }
    };
    table(
        "Keys on the form",
        super::keys::FORM_KEYS
            .iter()
            .map(|b| (b.shown.to_owned(), b.does.to_owned()))
            .collect(),
        22,
    );
    table(
        "Fields",
        Question::ALL
            .iter()
            .map(|q| (q.label().to_owned(), q.hint().to_owned()))
            .collect(),
        17,
    );
    table(
        "Finding codes",
        Code::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.summary().to_owned()))
            .collect(),
        24,
    );
    lines
}

fn draw_help(frame: &mut Frame, area: Rect, scroll: u16, theme: Theme) {
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(" Help ", theme.title()));
    let width = usize::from(block.inner(area).width);
    frame.render_widget(
        Paragraph::new(help_text(width))
            .block(block)
            .scroll((scroll, 0)),
        area,
    );
}

fn draw_preview(
    frame: &mut Frame,
    area: Rect,
    plan: &Result<Box<Outcome>, String>,
    scroll: u16,
    theme: Theme,
) {
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        " Preview: what will be written ",
        theme.title(),
    ));
    let lines: Vec<Line> = match plan {
        Err(reason) => {
            let text = vec![
                Line::styled(
                    "Nothing can be written yet.",
                    theme.severity(Some(Severity::Error)),
                ),
                Line::raw(""),
                Line::raw(reason.clone()),
                Line::raw(""),
                Line::raw("b goes back to the form; your answers are kept."),
            ];
            let paragraph = Paragraph::new(text).block(block).wrap(Wrap { trim: false });
            frame.render_widget(paragraph, area);
            return;
        }
        Ok(outcome) if outcome.changed().next().is_none() => vec![
            Line::raw("Nothing to change: the files already match these answers."),
            Line::raw(""),
            Line::raw("b goes back · q quits"),
        ],
        Ok(outcome) => {
            let mut lines: Vec<Line> = report::plan(outcome, true)
                .lines()
                .map(|l| Line::raw(l.to_owned()))
                .collect();
            let width = area.width.saturating_sub(2) as usize;
            for note in &outcome.notes {
                let style = theme.severity(Some(Severity::Warning));
                lines.extend(wrapped("! ", "  ", note, width, style));
            }
            lines.push(Line::styled(
                "w writes these files · b goes back",
                theme.title(),
            ));
            lines.push(Line::raw(""));
            lines.extend(outcome.diff().lines().map(|l| diff_line(l, theme)));
            lines
        }
    };
    // Not wrapped: every diff line keeps its +/- in the first column.
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

fn diff_line(line: &str, theme: Theme) -> Line<'static> {
    let style = if line.starts_with("+++") || line.starts_with("---") {
        Style::new().add_modifier(Modifier::BOLD)
    } else if line.starts_with('+') {
        theme.fg(Color::Green)
    } else if line.starts_with('-') {
        theme.fg(Color::Red)
    } else if line.starts_with("@@") {
        theme.fg(Color::Cyan)
    } else {
        Style::new()
    };
    Line::styled(line.to_owned(), style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::generate::generate;
    use crate::psl::PublicSuffixList;
    use crate::tui::app::Action;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::path::Path;
    use std::sync::LazyLock;

    static PSL: LazyLock<PublicSuffixList> = LazyLock::new(PublicSuffixList::embedded);
    const SIZES: [(u16, u16); 2] = [(100, 30), (60, 20)];

    fn model(apis: &[&str]) -> Model<'static> {
        let answers = Answers {
            apis: apis.iter().map(|s| s.to_string()).collect(),
            website: Some("https://example.com".into()),
            app_name: Some("Acme".into()),
            ui: Some(Ui::Prebuilt),
            ..Default::default()
        };
        Model::new(&answers, Lang::Ts, Path::new("/nonexistent"), &PSL)
    }

    fn screen(model: &Model, (width, height): (u16, u16)) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| draw(frame, model, Theme { colour: false }))
            .unwrap();
        terminal.backend().to_string()
    }

    fn snapshot(name: &str, model: &Model) {
        for size in SIZES {
            insta::with_settings!({
                snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
                prepend_module_to_snapshot => false,
            }, {
                insta::assert_snapshot!(format!("tui-{name}-{}x{}", size.0, size.1), screen(model, size));
            });
        }
    }

    #[test]
    fn empty_form() {
        snapshot(
            "empty",
            &Model::new(
                &Answers::default(),
                Lang::Ts,
                Path::new("/nonexistent"),
                &PSL,
            ),
        );
    }

    #[test]
    fn valid_two_endpoints() {
        snapshot(
            "valid",
            &model(&["https://api.example.com", "https://api2.example.com"]),
        );
    }

    /// Ctrl-T turns APIs on two sites from an error into header-based sessions: the two
    /// lines that must match say so, and the other site's host is named.
    #[test]
    fn ctrl_t_switches_to_header_based_sessions() {
        let mut m = model(&["https://api.example.com", "https://api.example-api.io"]);
        assert!(m.analysis.has_errors());
        m.update(Action::ToggleTokenTransfer);
        assert!(!m.analysis.has_errors(), "{:?}", m.analysis.findings);
        snapshot("header-mode", &m);
        m.update(Action::ToggleTokenTransfer);
        assert!(m.analysis.has_errors());
    }

    /// Ctrl-O: production's values become one environment, and development starts empty
    /// beside it; typing localhost there is analysed on its own (no cookie domain).
    #[test]
    fn ctrl_o_shows_each_environment_on_its_own() {
        let mut m = model(&["https://api.example.com", "https://api2.example.com"]);
        m.update(Action::NextEnvironment);
        assert_eq!(m.env.as_deref(), Some("development"));
        for c in "http://localhost:3001".chars() {
            m.update(Action::Insert(c));
        }
        m.website = "http://localhost:3000".into();
        m.reanalyse();
        assert_eq!(m.analysis.cookie_domain, None);
        snapshot("environment-development", &m);
        m.update(Action::NextEnvironment);
        assert_eq!(m.env.as_deref(), Some("production"));
        assert_eq!(m.analysis.cookie_domain.as_deref(), Some(".example.com"));
        snapshot("environment-production", &m);
    }

    #[test]
    fn single_host() {
        snapshot(
            "single-host",
            &model(&["https://api.example.com", "https://api.example.com:8443"]),
        );
    }

    #[test]
    fn error_kinds() {
        for (name, apis) in [
            (
                "different-sites",
                &["https://api.example.com", "https://api.other.com"][..],
            ),
            (
                "public-suffix",
                &["https://a.vercel.app", "https://b.vercel.app"][..],
            ),
            (
                "mixed-schemes",
                &["http://api.example.com", "https://api2.example.com"][..],
            ),
            (
                "ip-address",
                &["http://127.0.0.1:3001", "http://10.0.0.2:3001"][..],
            ),
            (
                "localhost-subdomains",
                &["http://api.localhost", "http://api2.localhost"][..],
            ),
            ("invalid-url", &["ftp://api.example.com", "https://api"][..]),
        ] {
            snapshot(&format!("error-{name}"), &model(apis));
        }
    }

    #[test]
    fn help_and_quit_prompt() {
        let mut m = model(&["https://api.example.com"]);
        m.update(Action::Help);
        snapshot("help", &m);
        m.update(Action::Back);
        m.update(Action::Insert('x'));
        m.update(Action::Quit);
        snapshot("confirm-quit", &m);
    }

    #[test]
    fn preview() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = model(&["https://api.example.com", "https://api2.example.com"]);
        let plan = generate(dir.path(), &m.answers(), None, &PSL, false).map_err(|e| e.to_string());
        m.show_preview(plan);
        snapshot("preview", &m);
        let mut blocked = model(&["https://api.example.com", "https://api.other.com"]);
        blocked.update(Action::Preview);
        snapshot("preview-blocked", &blocked);
    }

    #[test]
    fn too_small() {
        let m = model(&["https://api.example.com"]);
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!("tui-too-small-40x10", screen(&m, (40, 10)));
        });
    }

    #[test]
    fn a_clipped_panel_says_so_and_scrolls() {
        let mut m = model(&["https://api.example.com", "https://api2.example.com"]);
        let size = Rect::new(0, 0, 100, 30);
        let theme = Theme { colour: false };
        let last_rule = "An https website calls only https APIs";
        let before = screen(&m, (100, 30));
        assert!(before.contains("↓ 1 more · PgDn"), "{before}");
        assert!(!before.contains(last_rule), "{before}");
        m.panel_scroll_max = panel_scroll_max(&m, size, theme);
        assert_eq!(m.panel_scroll_max, 1);
        m.update(Action::ScrollPanel(10));
        let after = screen(&m, (100, 30));
        assert!(after.contains(last_rule), "{after}");
        assert!(after.contains("↑ PgUp"), "{after}");
        let narrow = screen(&m, (60, 20));
        assert!(narrow.contains("more · PgUp PgDn"), "{narrow}");
    }

    #[test]
    fn the_key_help_keeps_f1_and_esc_at_any_width() {
        let mut m = model(&["https://api.example.com"]);
        for focus in m.rows() {
            m.update(Action::Back);
            m.focus = focus;
            for width in 40..=120 {
                let bar = keys::help_bar(&m, width);
                assert!(
                    bar.ends_with("F1 help · Esc quit"),
                    "{focus:?} at {width}: {bar}"
                );
                assert!(
                    crate::text::width(&bar) <= width.max(44),
                    "{focus:?} at {width}: {bar}"
                );
            }
        }
        m.focus = Focus::AppName;
        let bar = keys::help_bar(&m, 200);
        assert!(
            !bar.contains("row"),
            "nothing about endpoint rows on the app name: {bar}"
        );
        m.focus = Focus::Ui;
        assert!(keys::help_bar(&m, 200).contains("←→ choose"));
    }

    #[test]
    fn the_preview_offers_w_only_when_it_can_write() {
        let mut blocked = model(&["https://api.example.com", "https://api.other.com"]);
        blocked.update(Action::Preview);
        assert!(!keys::help_bar(&blocked, 200).contains("w write"));
        let dir = tempfile::tempdir().unwrap();
        let mut m = model(&["https://api.example.com"]);
        let plan = generate(dir.path(), &m.answers(), None, &PSL, false).map_err(|e| e.to_string());
        m.show_preview(plan);
        assert!(keys::help_bar(&m, 200).starts_with("w write"));
    }

    #[test]
    fn every_field_has_a_hint_and_f1_lists_them_all() {
        let mut m = model(&["https://api.example.com"]);
        for focus in m.rows() {
            m.focus = focus;
            let shown = screen(&m, (200, 30));
            if let Some(question) = focus.question() {
                assert!(shown.contains(question.hint()), "{focus:?}:\n{shown}");
            }
        }
        let help: Vec<String> = help_text(200).iter().map(|l| l.to_string()).collect();
        let help = help.join("\n");
        for question in Question::ALL {
            assert!(
                help.contains(question.label()) && help.contains(question.hint()),
                "{help}"
            );
        }
    }

    #[test]
    fn website_rules_wait_for_a_website() {
        let mut m = model(&["https://api.example.com"]);
        m.focus = Focus::Website;
        m.update(Action::ClearField);
        let shown = screen(&m, (100, 50));
        assert!(
            shown.contains("· The website is on the APIs' site"),
            "{shown}"
        );
        assert!(!shown.contains("✓ The website"), "{shown}");
        for c in "https://example.com".chars() {
            m.update(Action::Insert(c));
        }
        assert!(screen(&m, (100, 50)).contains("✓ The website is on the APIs' site"));
    }

    #[test]
    fn long_values_never_panic_a_view() {
        let long = format!("https://{}.example.com", "a".repeat(70_000));
        let mut m = model(&[&long, "https://api.example.com"]);
        m.app_name = "n".repeat(70_000);
        m.backends[0] = format!("{}.ts", "p".repeat(70_000));
        for size in [(100, 30), (60, 20), (50, 16), (250, 80), (40, 10)] {
            let shown = screen(&m, size);
            assert!(
                shown.contains("API endpoints") || size.0 < MIN_WIDTH,
                "{shown}"
            );
        }
        m.update(Action::End);
        m.update(Action::Insert('x'));
        m.update(Action::Help);
        screen(&m, (60, 20));
    }

    #[test]
    fn the_cookie_domain_appears_while_typing() {
        let mut m = model(&["https://api.example.com"]);
        m.update(Action::AddRow);
        for c in "api2.example.co".chars() {
            m.update(Action::Insert(c));
        }
        let before = screen(&m, (100, 30));
        assert!(
            before.contains("not shown while an error below stands"),
            "{before}"
        );
        m.update(Action::Insert('m'));
        assert!(screen(&m, (100, 30)).contains("cookieDomain: \".example.com\""));
    }
}
