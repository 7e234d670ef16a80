//! Which key does what, per screen, and the key-help bar that says so. The form's keys are
//! one table, `FORM_KEYS`: the key handler looks keys up in it, and F1's help and the
//! README's key table are drawn from it (a test holds the README to it).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, Focus, Model, Screen};

/// A key as the form's table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Plain(KeyCode),
    Ctrl(char),
    Alt(KeyCode),
    /// A plain character key that is only a command off a text field (`q`, `?`, space).
    OffText(char),
}

/// One row of the form's key table: its keys, how help shows them, what they do, and the
/// action each key sends (in the order of `keys`).
pub struct Binding {
    pub keys: &'static [Key],
    pub shown: &'static str,
    pub does: &'static str,
    pub actions: &'static [Action],
}

/// The form's keys. Rows without keys describe input that is not a key lookup (typing,
/// paste); their help still belongs here.
pub const FORM_KEYS: [Binding; 14] = [
    Binding {
        keys: &[
            Key::Plain(KeyCode::Up),
            Key::Plain(KeyCode::Down),
            Key::Plain(KeyCode::Tab),
            Key::Plain(KeyCode::BackTab),
        ],
        shown: "↑ ↓ Tab Shift-Tab",
        does: "move between fields (the API endpoints, the backend files and the frontend files are lists of rows, each row showing what it became)",
        actions: &[Action::Up, Action::Down, Action::Down, Action::Up],
    },
    Binding {
        keys: &[
            Key::Plain(KeyCode::Home),
            Key::Plain(KeyCode::End),
            Key::Plain(KeyCode::Backspace),
            Key::Plain(KeyCode::Delete),
            Key::Ctrl('u'),
            Key::Ctrl('a'),
            Key::Ctrl('e'),
        ],
        shown: "typing, ← → Home End Backspace Delete, Ctrl-A Ctrl-E Ctrl-U",
        does: "edit the field under the cursor (Ctrl-A / Ctrl-E: start / end; Ctrl-U clears it)",
        actions: &[
            Action::Home,
            Action::End,
            Action::Backspace,
            Action::Delete,
            Action::ClearField,
            Action::Home,
            Action::End,
        ],
    },
    Binding {
        keys: &[Key::Plain(KeyCode::Enter)],
        shown: "Enter",
        does: "on a row of a list: add a row below; on the button: preview; elsewhere (choices too): accept and go to the next field",
        actions: &[Action::Activate],
    },
    Binding {
        keys: &[],
        shown: "`,` or space",
        does: "in a row of a list: start the next row (a pasted list splits itself)",
        actions: &[],
    },
    Binding {
        keys: &[Key::Ctrl('n'), Key::Ctrl('d')],
        shown: "Ctrl-N / Ctrl-D",
        does: "add / delete a row of a list (Backspace on an empty row deletes it too)",
        actions: &[Action::AddRow, Action::DeleteRow],
    },
    Binding {
        keys: &[Key::Alt(KeyCode::Up), Key::Alt(KeyCode::Down)],
        shown: "Alt-↑ / Alt-↓",
        does: "move a row up / down",
        actions: &[Action::MoveRow(false), Action::MoveRow(true)],
    },
    Binding {
        keys: &[
            Key::Plain(KeyCode::Left),
            Key::Plain(KeyCode::Right),
            Key::OffText(' '),
        ],
        shown: "← → Space",
        does: "change a choice (Auth API, Login UI, Sign-in, Language); in a text field ← → move the cursor",
        actions: &[Action::Left, Action::Right, Action::Cycle(true)],
    },
    Binding {
        keys: &[],
        shown: "paste",
        does: "lands in the focused field only (bracketed paste): a list pasted into a list becomes one row per item; in any other field line breaks become spaces",
        actions: &[],
    },
    Binding {
        keys: &[Key::Ctrl('t')],
        shown: "Ctrl-T",
        does: "switch how sessions travel: cookies, or an Authorization header (header-based sessions, `--token-transfer header`: APIs on several sites can share one)",
        actions: &[Action::ToggleTokenTransfer],
    },
    Binding {
        keys: &[Key::Ctrl('o')],
        shown: "Ctrl-O",
        does: "the next environment's API endpoints and website (`--env`); with none yet, your values become one (development on localhost, else production) and the other starts empty. Each is analysed on its own; the files pick one at run time (ST_SETUP_ENV)",
        actions: &[Action::NextEnvironment],
    },
    Binding {
        keys: &[Key::Plain(KeyCode::PageUp), Key::Plain(KeyCode::PageDown)],
        shown: "PgUp / PgDn",
        does: "scroll the constraints panel",
        actions: &[Action::ScrollPanel(-10), Action::ScrollPanel(10)],
    },
    Binding {
        keys: &[Key::Ctrl('s'), Key::Ctrl('p'), Key::Plain(KeyCode::F(5))],
        shown: "Ctrl-S, Ctrl-P, F5",
        does: "preview every file as a coloured diff; there `w` writes (offered only when there is something to write), `b` goes back",
        actions: &[Action::Preview, Action::Preview, Action::Preview],
    },
    Binding {
        keys: &[Key::Plain(KeyCode::F(1)), Key::OffText('?')],
        shown: "F1, `?` (off a text field)",
        does: "full help",
        actions: &[Action::Help, Action::Help],
    },
    Binding {
        keys: &[Key::Plain(KeyCode::Esc), Key::Ctrl('q'), Key::OffText('q')],
        shown: "Esc, Ctrl-Q, `q` (off a text field), Ctrl-C",
        does: "quit; asks once when you typed something; exit 130, nothing written",
        actions: &[Action::Quit, Action::Quit, Action::Quit],
    },
];

/// The form's key table in Markdown, as the README shows it.
pub fn markdown_table() -> String {
    let mut out = String::from("| key | does |\n|---|---|\n");
    for binding in &FORM_KEYS {
        out.push_str(&format!("| {} | {} |\n", binding.shown, binding.does));
    }
    out
}

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
                Focus::AuthApi | Focus::Ui | Focus::Recipes | Focus::Lang => {
                    &[("←→", "choose"), ("Enter", "next")]
                }
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
    let key = match code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(_) if alt => return None,
        KeyCode::Char(c) if in_text => return Some(Action::Insert(c)),
        KeyCode::Char(c) => Key::OffText(c),
        code if alt => Key::Alt(code),
        code => Key::Plain(code),
    };
    let lookup = |key: Key| {
        FORM_KEYS.iter().find_map(|binding| {
            let at = binding.keys.iter().position(|k| *k == key)?;
            Some(binding.actions[at].clone())
        })
    };
    // Alt with a key that has no Alt binding does what the key alone does.
    lookup(key).or_else(|| match key {
        Key::Alt(code) => lookup(Key::Plain(code)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_is_taken_before_the_table() {
        // The quit row names Ctrl-C: `action` turns it into Interrupt on every screen.
        assert!(FORM_KEYS.iter().any(|b| b.shown.contains("Ctrl-C")));
        assert!(FORM_KEYS.iter().all(|b| !b.keys.contains(&Key::Ctrl('c'))));
    }

    #[test]
    fn every_key_of_the_table_has_its_action() {
        for binding in &FORM_KEYS {
            assert_eq!(
                binding.keys.len(),
                binding.actions.len(),
                "{}",
                binding.shown
            );
        }
    }

    #[test]
    fn the_readme_shows_the_wizards_own_keys() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md's key table is not keys::FORM_KEYS; paste this in:\n{}",
            markdown_table()
        );
    }
}
