//! Which key does what, per screen. The key-help bar and the help screen describe these.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, Model, Screen};

/// The key-help bar of each screen.
pub fn help_bar(model: &Model) -> &'static str {
    match model.screen {
        Screen::Form if model.focus.text_field().is_some() => {
            "↑↓ move · type to edit · Enter add API · Ctrl-D delete API · Ctrl-S preview · F1 help · Esc quit"
        }
        Screen::Form => "↑↓ move · ←→ choose · Enter select · Ctrl-S preview · ? help · q quit",
        Screen::Help { .. } => "↑↓ PgUp PgDn scroll · any other key: back",
        Screen::ConfirmQuit { .. } => "y quit without writing · n go back",
        Screen::Preview { .. } => "↑↓ PgUp PgDn scroll · w write · b back · q quit",
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
        KeyCode::Up if alt => Action::MoveApi(false),
        KeyCode::Down if alt => Action::MoveApi(true),
        KeyCode::Up | KeyCode::BackTab => Action::Up,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Enter => Action::Activate,
        KeyCode::Esc => Action::Quit,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(5) => Action::Preview,
        KeyCode::Char('s' | 'p') if ctrl => Action::Preview,
        KeyCode::Char('n') if ctrl => Action::AddApi,
        KeyCode::Char('d') if ctrl => Action::DeleteApi,
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
