//! The wizard end to end, as a person uses it: the real binary in a pseudo-terminal, keys
//! typed into it, the screen read back through a terminal emulator (vt100).

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(15);

/// A program running in a pseudo-terminal, wrapped in `sh` so the terminal's mode can be
/// read with `stty` after the program exits.
struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Kept open as long as the reads go on.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn spawn(dir: &Path, args: &str, rows: u16, cols: u16) -> Pty {
        Self::spawn_with(dir, args, rows, cols, &[])
    }

    fn spawn_with(dir: &Path, args: &str, rows: u16, cols: u16, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let binary = assert_cmd::cargo::cargo_bin("st-setup");
        let script = format!(
            "'{}' {args}; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 0.3",
            binary.display()
        );
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", &script]);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn st-setup");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (screen2, raw2) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen2.lock().unwrap().process(&buf[..n]);
                raw2.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            screen,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// The st-setup process under the `sh` wrapper.
    fn st_setup_pid(&self) -> u32 {
        let sh = self.child.process_id().expect("sh has a pid");
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            let children = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children"))
                .unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.parse().unwrap();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("st-setup never started under sh {sh}");
    }

    fn signal(&self, name: &str) {
        let pid = self.st_setup_pid().to_string();
        let status = std::process::Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .unwrap();
        assert!(status.success(), "kill -s {name} {pid}");
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen when it does not.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}:\n{}", self.contents());
    }

    /// Waits until everything printed so far contains `text` (for lines after the wizard).
    fn wait_for_output(&self, text: &str) -> String {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            let output = self.output();
            if output.contains(text) {
                return output;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the output never held {text:?}:\n{}", self.output());
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the program draw between keys, as it would for a person.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Waits for each prompt in turn and types its answer, then Enter.
    fn answer(&mut self, prompts: &[(&str, &str)]) {
        for (prompt, answer) in prompts {
            self.wait_for(prompt);
            self.send(answer);
            self.send(ENTER);
        }
    }

    fn finish(mut self) -> String {
        let output = self.wait_for_output("EXIT=");
        let _ = self.child.wait();
        let mut output = output;
        let start = Instant::now();
        while !output.contains("icanon") && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(20));
            output = self.output();
        }
        output
    }
}

const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const CTRL_S: &str = "\x13";
const BACKSPACE: &str = "\x7f";

/// The terminal after the program: cooked mode (icanon, echo on), main screen, cursor shown.
/// Exit 130, said so, and not one file in the project.
fn assert_cancelled(pty_output: &str, project: &Path) {
    assert!(pty_output.contains("EXIT=130"), "{pty_output}");
    assert!(
        pty_output.contains("Cancelled: nothing was written."),
        "{pty_output}"
    );
    assert_eq!(
        std::fs::read_dir(project).unwrap().count(),
        0,
        "nothing may be written"
    );
}

fn assert_terminal_restored(pty_output: &str) {
    assert_terminal_mode_cooked(pty_output);
    let last_leave = pty_output
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left");
    let last_enter = pty_output.rfind("\x1b[?1049h").unwrap_or(0);
    assert!(last_leave > last_enter, "still on the alternate screen");
    let last_show = pty_output
        .rfind("\x1b[?25h")
        .expect("the cursor was shown again");
    let last_hide = pty_output.rfind("\x1b[?25l").unwrap_or(0);
    assert!(last_show > last_hide, "the cursor was left hidden");
}

/// The full-screen wizard, as a person fills it in: two endpoints, the pre built UI, the
/// website and the app name, everything else left as suggested.
fn fill_in_the_wizard(dir: &Path) -> String {
    let mut pty = Pty::spawn(dir, "", 30, 100);
    pty.wait_for("API endpoints");
    pty.send("https://api.example.com");
    pty.send(ENTER);
    pty.send("https://api2.example.com");
    // The shared domain is on screen before the row is confirmed.
    pty.wait_for("cookieDomain: \".example.com\"");
    pty.send(&DOWN.repeat(3)); // add-row, /auth, UI
    pty.send(RIGHT);
    pty.wait_for("◂ Pre built UI ▸");
    pty.send(DOWN);
    pty.send(RIGHT);
    pty.wait_for("◂ EmailPassword + ThirdParty ▸");
    pty.send(DOWN);
    pty.send("https://example.com");
    pty.send(DOWN);
    pty.send("Acme");
    pty.wait_for("Ready: Ctrl-S to preview and write.");
    pty.send(CTRL_S);
    pty.wait_for("+++ b/backend/supertokens.ts");
    pty.send("w");
    pty.finish()
}

/// The same answers in the line-by-line wizard, each suggestion accepted with Enter.
fn fill_in_the_plain_wizard(dir: &Path) -> String {
    let mut pty = Pty::spawn(dir, "--plain", 30, 120);
    pty.wait_for("API endpoints");
    pty.send("https://api.example.com, https://api2.example.com");
    pty.send(ENTER);
    pty.answer(&[
        ("Auth API:", ""),
        ("Login UI:", ""),
        // EmailPassword is picked already; ThirdParty is next.
        ("Sign-in:", "\x1b[B "),
        ("Website:", "https://example.com"),
        ("App name:", "Acme"),
        ("Language:", ""),
        ("Backend files:", ""),
        ("Frontend files:", ""),
        ("Core URI:", ""),
        ("API base path:", ""),
        ("Login path:", ""),
        ("Write these files?", "y"),
    ]);
    pty.finish()
}

#[test]
fn a_person_sets_up_two_apis_in_the_wizard() {
    let dir = crate::common::project();
    let output = fill_in_the_wizard(dir.path());
    assert!(output.contains("EXIT=0"), "{output}");
    assert!(output.contains("created"), "{output}");
    assert_terminal_restored(&output);
    let backend = std::fs::read_to_string(dir.path().join("backend/supertokens.ts")).unwrap();
    assert!(
        backend.contains("cookieDomain: \".example.com\","),
        "{backend}"
    );
    let frontend = std::fs::read_to_string(dir.path().join("frontend/supertokens.ts")).unwrap();
    assert!(
        frontend.contains("sessionTokenBackendDomain: \".example.com\","),
        "{frontend}"
    );
    assert!(frontend.contains("supertokens-auth-react"));
    assert!(
        frontend.contains("ThirdParty.init(") && backend.contains("ThirdParty.init("),
        "the sign-in recipes chosen reach both sides:\n{backend}\n{frontend}"
    );
}

/// Both wizards ask the same questions and save the same answers: accepting a suggestion
/// (the first API serving /auth) saves nothing for it in either, and both ask for the
/// core's URI.
#[test]
fn both_wizards_save_the_same_answers() {
    let (tui, plain) = (crate::common::project(), crate::common::project());
    let output = fill_in_the_wizard(tui.path());
    assert!(output.contains("EXIT=0"), "{output}");
    let output = fill_in_the_plain_wizard(plain.path());
    assert!(output.contains("EXIT=0"), "{output}");
    let saved = |dir: &Path| std::fs::read_to_string(dir.join("st-setup.json")).unwrap();
    assert_eq!(saved(plain.path()), saved(tui.path()));
    assert!(
        !saved(plain.path()).contains("authApi"),
        "{}",
        saved(plain.path())
    );
    for file in ["backend/supertokens.ts", "frontend/supertokens.ts"] {
        let read = |dir: &Path| std::fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(read(plain.path()), read(tui.path()), "{file}");
    }
}

/// `--json` holds for the wizard too: after it the one object, with `ok` (written or
/// cancelled); before, the wizard printed its text report, or nothing when cancelled.
#[test]
fn json_after_the_wizard_is_one_object() {
    let dir = crate::common::project();
    let args = "--json --api https://api.example.com --website https://example.com --ui custom --app-name A";
    let mut pty = Pty::spawn(dir.path(), args, 30, 100);
    pty.wait_for("Ready: Ctrl-S to preview and write.");
    pty.send(CTRL_S);
    pty.wait_for("+++ b/backend/supertokens.ts");
    pty.send("w");
    let output = pty.finish();
    assert!(output.contains("EXIT=0"), "{output}");
    assert!(output.contains("\"ok\": true"), "{output}");
    assert!(output.contains("\"written\": true"), "{output}");

    let other = crate::common::project();
    let mut pty = Pty::spawn(other.path(), args, 30, 100);
    pty.wait_for("Ready: Ctrl-S to preview and write.");
    pty.send("x");
    pty.send(CTRL_C);
    pty.wait_for("Quit without writing anything?");
    pty.send("y");
    let output = pty.finish();
    assert!(output.contains("EXIT=130"), "{output}");
    assert!(output.contains("\"kind\": \"cancelled\""), "{output}");
}

/// What a terminal sends for a paste when bracketed paste is on.
fn pasted(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

/// A multi-line paste lands in the focused field only: a list in the endpoints becomes
/// rows, a name with a line break stays in the app name (before, each line break was an
/// Enter that moved on, and "My\nApp" ended up in the backend file's path).
#[test]
fn a_paste_stays_in_the_field_it_was_pasted_into() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "", 30, 100);
    pty.wait_for("API endpoints");
    pty.send(&pasted("https://api.example.com\nhttps://api2.example.com"));
    pty.wait_for("cookieDomain: \".example.com\"");
    pty.send(&DOWN.repeat(6)); // add-row, /auth, UI, sign-in, website, app name
    pty.send(&pasted("My\nApp\n"));
    pty.wait_for("App name       My App");
    let screen = pty.contents();
    assert!(screen.contains("✓ backend/supertokens.ts"), "{screen}");
    assert!(screen.contains("✓ https://api2.example.com"), "{screen}");
    pty.send(CTRL_C);
    pty.wait_for("Quit without writing anything?");
    pty.send("y");
    let output = pty.finish();
    assert_cancelled(&output, dir.path());
}

/// The same list pasted at the line prompt of `--plain` is two endpoints, not one glued
/// host.
#[test]
fn a_pasted_list_at_the_line_prompt_is_several_endpoints() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "--plain", 30, 120);
    pty.wait_for("API endpoints");
    pty.send(&pasted("https://api.example.com\nhttps://api2.example.com"));
    pty.send(ENTER);
    pty.wait_for("Auth API:");
    let screen = pty.contents();
    assert!(
        screen.contains("Session.init({ cookieDomain: \".example.com\" })"),
        "{screen}"
    );
    assert!(!screen.contains("comhttps"), "{screen}");
    // The findings are wrapped to the terminal's 120 columns by st-setup itself, with
    // continuation lines indented (before, one line each, cut by the terminal mid-word).
    let output = pty.output();
    let findings = &output[output.find("Findings").expect("a findings section")..];
    let findings = &findings[..findings.find("Auth API").unwrap_or(findings.len())];
    assert!(findings.contains("\n    "), "{findings:?}");
    for line in findings.lines() {
        assert!(
            line.trim_end_matches('\r').chars().count() <= 120,
            "{line:?}"
        );
    }
    pty.send(CTRL_C);
    let output = pty.finish();
    assert_cancelled(&output, dir.path());
}

#[test]
fn ctrl_c_asks_once_then_cancels_writing_nothing() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "", 30, 100);
    pty.wait_for("API endpoints");
    pty.send("https://a.vercel.app");
    pty.send(ENTER);
    pty.send("https://b.vercel.app");
    pty.wait_for("vercel.app is a public suffix");
    pty.send(CTRL_C);
    pty.wait_for("Quit without writing anything?");
    pty.send(CTRL_C);
    let output = pty.finish();
    assert_cancelled(&output, dir.path());
    assert_terminal_restored(&output);
}

#[test]
fn the_plain_mode_asks_line_by_line() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "--plain", 30, 120);
    pty.wait_for("API endpoints");
    pty.send("https://api.example.com, https://api2.example.com");
    pty.send(ENTER);
    pty.wait_for("Auth API:");
    pty.send(ENTER);
    pty.wait_for("Login UI:");
    pty.send(DOWN);
    pty.send(ENTER);
    pty.answer(&[
        ("Sign-in:", ""),
        ("Website:", "https://example.com"),
        ("App name:", "Acme"),
        ("Language:", ""),
        ("Backend files:", ""),
        ("Frontend files:", ""),
    ]);
    // The core's URI is asked too, and checked.
    pty.wait_for("Core URI:");
    pty.send(&BACKSPACE.repeat(21));
    pty.send("not a url");
    pty.send(ENTER);
    pty.wait_for("is not an http(s) URL");
    pty.send(&BACKSPACE.repeat(9));
    pty.send("https://core.example.com");
    pty.send(ENTER);
    // The base paths too: a path that is no URL path is refused, an empty one is the default.
    pty.wait_for("API base path:");
    pty.send("auth");
    pty.send(ENTER);
    pty.wait_for("does not start with");
    pty.send(&BACKSPACE.repeat(4));
    pty.send(ENTER);
    pty.wait_for("Login path:");
    pty.send("/login");
    pty.send(ENTER);
    pty.wait_for("Write these files?");
    pty.send("y");
    pty.send(ENTER);
    let output = pty.finish();
    assert!(output.contains("EXIT=0"), "{output}");
    let frontend = std::fs::read_to_string(dir.path().join("frontend/supertokens.ts")).unwrap();
    assert!(
        frontend.contains("supertokens-web-js"),
        "custom UI chosen: {frontend}"
    );
    assert!(frontend.contains("sessionTokenBackendDomain: \".example.com\","));
    let backend = std::fs::read_to_string(dir.path().join("backend/supertokens.ts")).unwrap();
    assert!(
        backend.contains("connectionURI: \"https://core.example.com\","),
        "{backend}"
    );
    assert!(
        backend.contains("websiteBasePath: \"/login\","),
        "{backend}"
    );
    assert!(
        !backend.contains("apiBasePath"),
        "an empty answer is the default: {backend}"
    );
}

/// A panic, SIGTERM or SIGHUP in either wizard leaves the terminal usable and the message
/// readable after the restore; nothing is written.
#[test]
fn the_terminal_survives_panics_and_signals_in_both_modes() {
    for (mode, ready, type_first) in [("", "API endpoints", "x"), ("--plain", "API endpoints", "")]
    {
        let dir = crate::common::project();
        let mut pty = Pty::spawn_with(dir.path(), mode, 30, 100, &[("ST_SETUP_TEST_PANIC", "1")]);
        if mode == "--plain" {
            pty.wait_for(ready);
            pty.send("a\r"); // the validator runs on Enter, and panics
        }
        let output = pty.finish();
        assert!(output.contains("EXIT=101"), "{mode}: {output}");
        // The hook restores the terminal before the message is printed (unwinding may
        // restore once more afterwards, harmlessly).
        let message_at = output
            .find("ST_SETUP_TEST_PANIC")
            .expect("the panic message is shown");
        if mode.is_empty() {
            let restored_at = output
                .find("\x1b[?1049l")
                .expect("the alternate screen was left");
            assert!(
                restored_at < message_at,
                "panic message printed inside the full-screen UI:\n{output}"
            );
        }
        assert_terminal_mode_cooked(&output);

        for (signal, code) in [("TERM", 143), ("HUP", 129)] {
            let mut pty = Pty::spawn(dir.path(), mode, 30, 100);
            pty.wait_for(ready);
            pty.send(type_first);
            pty.signal(signal);
            let output = pty.finish();
            assert!(
                output.contains(&format!("EXIT={code}")),
                "{mode} SIG{signal}: {output}"
            );
            assert!(
                output.contains(&format!("Stopped by SIG{signal}")),
                "{output}"
            );
            assert_terminal_mode_cooked(&output);
            if mode.is_empty() {
                assert_terminal_restored(&output);
            }
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{mode}: nothing may be written"
        );
    }
}

fn assert_terminal_mode_cooked(pty_output: &str) {
    assert!(
        !pty_output.contains("-icanon")
            && !pty_output.contains("-echo ")
            && pty_output.contains("icanon"),
        "raw mode left on:\n{pty_output}"
    );
}

#[test]
fn ctrl_c_in_the_plain_mode_cancels_writing_nothing() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "--plain", 30, 100);
    pty.wait_for("API endpoints");
    pty.send("https://api.example.com");
    pty.send(CTRL_C);
    let output = pty.finish();
    assert_cancelled(&output, dir.path());
    assert_terminal_mode_cooked(&output);
}

/// Closing the terminal window sends SIGHUP to a terminal that is already gone: the wizard
/// must end, not spin on it. (Found: printing the goodbye to the dead terminal panicked
/// the signal handler, and the process ran on at full CPU, deaf to further signals.)
/// tmux closes its pseudo-terminal for real on kill-session, as a window manager would.
#[test]
fn a_closed_terminal_ends_the_wizard() {
    let dir = crate::common::project();
    let socket = format!("st-setup-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("this test needs tmux (it is part of the machine image)")
    };
    let binary = assert_cmd::cargo::cargo_bin("st-setup");
    let started = tmux(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "30",
        "-c",
        &dir.path().display().to_string(),
        &binary.display().to_string(),
    ]);
    assert!(started.status.success(), "{started:?}");
    let pane_pid = || {
        let out = tmux(&["list-panes", "-F", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u32>()
            .ok()
    };
    let start = Instant::now();
    let mut pid = None;
    while pid.is_none() && start.elapsed() < TIMEOUT {
        let screen = tmux(&["capture-pane", "-p"]);
        if String::from_utf8_lossy(&screen.stdout).contains("API endpoints") {
            pid = pane_pid();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = pid.expect("the wizard started in tmux");
    tmux(&["kill-server"]);
    let gone = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map_or(true, |stat| stat.split_whitespace().nth(2) == Some("Z"))
    };
    let start = Instant::now();
    while !gone() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let still_running = !gone();
    if still_running {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    }
    assert!(
        !still_running,
        "st-setup kept running after its terminal was closed"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

/// adopt in a terminal: the value the files disagree on is asked for (the arrow keys pick
/// one), then the diff and the question whether to write; what was picked is saved.
#[test]
fn adopt_asks_which_value_to_keep_where_the_files_disagree() {
    let dir = crate::common::project();
    let root = dir.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/doctor/vue-app");
    for file in ["server/index.js", "src/main.ts", "src/App.vue"] {
        std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        std::fs::copy(fixture.join(file), root.join(file)).unwrap();
    }
    let main = std::fs::read_to_string(root.join("src/main.ts")).unwrap();
    std::fs::write(
        root.join("src/main.ts"),
        main.replace("appName: \"Todo\",", "appName: \"Todo web\","),
    )
    .unwrap();
    let mut pty = Pty::spawn(root, "adopt", 30, 120);
    pty.wait_for("Which value should st-setup keep?");
    pty.send("\x1b[B");
    pty.send(ENTER);
    pty.wait_for("Write these files?");
    pty.send("y");
    pty.send(ENTER);
    let output = pty.finish();
    assert!(output.contains("EXIT=0"), "{output}");
    let saved = std::fs::read_to_string(root.join("st-setup.json")).unwrap();
    assert!(saved.contains("\"appName\": \"Todo web\""), "{saved}");
}

/// APIs on two sites in the line prompts: the error, then header-based sessions offered;
/// a yes makes the same endpoints a working setup, saved with `"tokenTransfer": "header"`.
#[test]
fn the_plain_mode_offers_header_mode_for_apis_on_two_sites() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(dir.path(), "--plain", 40, 120);
    pty.wait_for("API endpoints");
    pty.send("https://api.example.com, https://api.example-api.io");
    pty.send(ENTER);
    pty.wait_for("header-based sessions (--token-transfer header)?");
    pty.send("y");
    pty.send(ENTER);
    pty.wait_for("and the hosts on other sites: api.example-api.io");
    pty.answer(&[
        ("Auth API:", ""),
        ("Login UI:", DOWN),
        ("Sign-in:", ""),
        ("Website:", "https://example.com"),
        ("App name:", "Acme"),
        ("Language:", ""),
        ("Backend files:", ""),
        ("Frontend files:", ""),
        ("Core URI:", ""),
        ("API base path:", ""),
        ("Login path:", ""),
        ("Write these files?", "y"),
    ]);
    let output = pty.finish();
    let saved = std::fs::read_to_string(dir.path().join("st-setup.json"))
        .unwrap_or_else(|e| panic!("{e}:\n{output}"));
    assert!(saved.contains(r#""tokenTransfer": "header""#), "{saved}");
    let frontend = std::fs::read_to_string(dir.path().join("frontend/supertokens.ts")).unwrap();
    assert!(
        frontend.contains(r#"["api.example-api.io"].includes(host)"#),
        "{frontend}"
    );
}

/// Ctrl-O in the full-screen wizard: production's values (from flags) stay as they are, a
/// development environment is typed beside them and analysed on its own, and both are
/// written, each with its own domain.
#[test]
fn ctrl_o_adds_a_development_environment_in_the_wizard() {
    let dir = crate::common::project();
    let mut pty = Pty::spawn(
        dir.path(),
        "--env production --api https://api.example.com --api https://api2.example.com --website https://example.com --ui prebuilt --app-name Acme",
        30,
        100,
    );
    pty.wait_for("environment production (Ctrl-O)");
    pty.wait_for("cookieDomain: \".example.com\"");
    pty.send("\x0f");
    pty.wait_for("environment development (Ctrl-O)");
    pty.send("http://localhost:3001");
    pty.send(&DOWN.repeat(5)); // add-row, /auth, UI, sign-in, website
    pty.send("http://localhost:3000");
    pty.wait_for("Constraints (live) · development");
    pty.wait_for("none needed (one host)");
    pty.wait_for("Ready: Ctrl-S to preview and write.");
    pty.send(CTRL_S);
    pty.wait_for("+++ b/backend/supertokens.ts");
    pty.send("w");
    let output = pty.finish();
    assert!(output.contains("EXIT=0"), "{output}");
    assert_terminal_restored(&output);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("st-setup.json")).unwrap())
            .unwrap();
    let environments = &saved["answers"]["environments"];
    assert_eq!(environments[0]["name"], "production", "{saved}");
    assert_eq!(environments[1]["name"], "development", "{saved}");
    assert_eq!(
        environments[1]["apis"][0], "http://localhost:3001",
        "{saved}"
    );
    assert_eq!(
        saved["generated"]["environments"][0]["cookieDomain"],
        ".example.com"
    );
    assert_eq!(
        saved["generated"]["environments"][1]["cookieDomain"],
        serde_json::Value::Null
    );
    let backend = std::fs::read_to_string(dir.path().join("backend/supertokens.ts")).unwrap();
    assert!(
        backend.contains("apiDomain: \"http://localhost:3001\","),
        "{backend}"
    );
    assert!(
        backend.contains("cookieDomain: \".example.com\","),
        "{backend}"
    );
}
