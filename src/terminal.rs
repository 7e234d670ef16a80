//! The terminal as both wizards leave it: restored on every way out — normal exit,
//! panic, and the signals a closed window or `kill` sends.

use std::io::{self, IsTerminal as _, Write as _};
use std::sync::{Mutex, PoisonError};

use anyhow::Result;
use crossterm::event::DisableBracketedPaste;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use crossterm::{cursor, execute};

/// Held by `plan::write_all` for the whole write and by the signal handler until the
/// process exits: a signal either waits for the files to be written, or stops the run
/// before the first one is touched — never between two.
pub static WRITE_LOCK: Mutex<()> = Mutex::new(());

/// Undoes raw mode, the alternate screen and a hidden cursor; safe to call more than once,
/// and harmless when they were never set. No escape codes go to a pipe.
pub fn restore() {
    let _ = disable_raw_mode();
    if io::stdout().is_terminal() {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
    }
}

/// On SIGTERM, SIGHUP or SIGINT, restores the terminal and exits 128 + the signal number
/// instead of dying in raw mode, or between two files of a write.
pub fn exit_cleanly_on_signals() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    install_panic_hook();
    ONCE.call_once(|| match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _no_more_writes = WRITE_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
                    restore();
                    let name = signal_hook::low_level::signal_name(signal).unwrap_or("a signal");
                    // Not eprintln!: after a hangup the terminal is gone, and a panic here
                    // would leave the process running with nobody to handle the next signal.
                    let _ = writeln!(
                        io::stderr(),
                        "\nStopped by {name}. Files are only ever written whole, after you confirm."
                    );
                    std::process::exit(128 + signal);
                }
            });
        }
        Err(error) => result = Err(error.into()),
    });
    result
}

/// Debug builds panic here when `ST_SETUP_TEST_PANIC` is set, so the tests can prove the
/// terminal survives a panic in either wizard. Release builds have no such hook.
pub fn test_panic_point() {
    #[cfg(debug_assertions)]
    if std::env::var_os("ST_SETUP_TEST_PANIC").is_some() {
        panic!("ST_SETUP_TEST_PANIC: a test asked for this panic");
    }
}

/// Restores the terminal before the panic message is printed, so it stays readable.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
