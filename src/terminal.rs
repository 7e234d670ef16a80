//! The terminal as both wizards leave it: restored on every way out — normal exit,
//! panic, and the signals a closed window or `kill` sends.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use crossterm::{cursor, execute};

/// Set while `plan::write_all` moves files into place, so a signal handler lets it finish
/// rather than stop between two files.
pub static WRITING: AtomicBool = AtomicBool::new(false);

/// Undoes raw mode, the alternate screen and a hidden cursor; safe to call more than once,
/// and harmless when they were never set.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
}

/// On SIGTERM, SIGHUP or SIGINT, restores the terminal and exits 128 + the signal number
/// instead of dying in raw mode; a write under way is finished first.
pub fn exit_cleanly_on_signals() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    install_panic_hook();
    ONCE.call_once(|| match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    while WRITING.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    restore();
                    let name = signal_hook::low_level::signal_name(signal).unwrap_or("a signal");
                    eprintln!("\nStopped by {name}. Files are only ever written whole, after you confirm.");
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
