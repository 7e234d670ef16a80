//! Which key does what, per screen, and the key-help bar that says so.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, Focus, Model, Screen};

/// One entry of the key-help bar: the keys, and what they do here.
type Hint = (&'static str, &'static str);

/// Always shown, last, whatever the width: how to get help and how to leave.
const ESSENTIAL: [Hint; 2] = [("F1", "help"), ("Esc", "quit")];

/// The key-help entries of the current screen and field, most useful first. The bar drops
/// entries from the end when the terminal is narrow; `ESSENTIAL` ones stay.
fn hints(model: &Model) -> (Vec<Hint>, &'static [Hint]) {
    match &model.screen {
        Screen::Form => {
            let field: &[Hint] = match model.focus {
                Focus::Row(..) => &[
                    ("Enter", "new row"),
                    ("Ctrl-D", "delete row"),
                    ("Alt-↑↓", "reorder"),
                ],
                Focus::AddRow(_) => &[("Enter", "add a row")],
                Focus::AuthApi | Focus::Ui | Focus::Lang => &[("←→", "choose"), ("Enter", "next")],
                Focus::Preview => &[("Enter", "preview")],
                _ => &[("Enter", "next")],
            };
            let mut hints = vec![("↑↓", "move")];
            hints.extend_from_slice(field);
            hints.push(("Ctrl-S", "preview"));
            (hints, &ESSENTIAL)
        }
        Screen::Help { .. } => (
            vec![("↑↓ PgUp PgDn", "scroll")],
            &[("any other key", "back")],
        ),
        Screen::ConfirmQuit { .. } => (vec![], &[("y", "quit without writing"), ("n", "go back")]),
        Screen::Preview { plan, .. } => {
            let writable = plan.as_ref().is_ok_and(|p| p.changed().next().is_some());
            let mut hints = vec![("↑↓ PgUp PgDn", "scroll")];
            if writable {
                hints.insert(0, ("w", "write"));
            }
            (hints, &[("b", "back"), ("q", "quit")])
        }
    }
}

/// The key-help bar, fitted to `width` columns.
pub fn help_bar(model: &Model, width: usize) -> String {
    let (mut optional, essential) = hints(model);
    let render = |hints: &[Hint]| {
        hints
            .iter()
            .map(|(keys, what)| format!("{keys} {what}"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    loop {
        let mut all = optional.clone();
        all.extend_from_slice(essential);
        let bar = render(&all);
        if optional.is_empty() || crate::text::width(&bar) <= width {
            return bar;
        }
        optional.pop();
    }
}

pub fn action(model: &Model, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Interrupt);
    }
    match model.screen {
        Screen::Help { .. } => Some(match key.code {
            KeyCode::Up => Action::Up,
            KeyCode::Down => Action::Down,
            KeyCode::PageUp => Action::Scroll(-10),
            KeyCode::PageDown => Action::Scroll(10),
            _ => Action::Back,
        }),
        Screen::ConfirmQuit { .. } => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
            _ => None,
        },
        Screen::Preview { .. } => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::Scroll(10)),
            KeyCode::Home => Some(Action::Scroll(-i32::from(u16::MAX))),
            KeyCode::Char('w') | KeyCode::Enter => Some(Action::Write),
            KeyCode::Char('b') | KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => {
                Some(Action::Back)
            }
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
        Screen::Form => form_action(model, key.code, ctrl, alt),
    }
}

fn form_action(model: &Model, code: KeyCode, ctrl: bool, alt: bool) -> Option<Action> {
    let in_text = model.focus.text_field().is_some();
    Some(match code {
        KeyCode::Up if alt => Action::MoveRow(false),
        KeyCode::Down if alt => Action::MoveRow(true),
        KeyCode::Up | KeyCode::BackTab => Action::Up,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::PageUp => Action::ScrollPanel(-10),
        KeyCode::PageDown => Action::ScrollPanel(10),
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Enter => Action::Activate,
        KeyCode::Esc => Action::Quit,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(5) => Action::Preview,
        KeyCode::Char('s' | 'p') if ctrl => Action::Preview,
        KeyCode::Char('n') if ctrl => Action::AddRow,
        KeyCode::Char('d') if ctrl => Action::DeleteRow,
        KeyCode::Char('u') if ctrl => Action::ClearField,
        KeyCode::Char('q') if ctrl => Action::Quit,
        KeyCode::Char('a') if ctrl => Action::Home,
        KeyCode::Char('e') if ctrl => Action::End,
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char(c) if in_text => Action::Insert(c),
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char(' ') => Action::Cycle(true),
        _ => return None,
    })
}
