//! Nothing lost, nothing leaked: interrupted writes, links and paths from a cloned
//! st-setup.json, escape codes in pipes, and no network access.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::common::{TWO_APIS, project, st_setup};

fn answers_with_name(name: &str) -> Vec<String> {
    let mut args: Vec<String> = TWO_APIS.iter().map(|s| s.to_string()).collect();
    let at = args.iter().position(|a| a == "--app-name").unwrap();
    args[at + 1] = name.to_owned();
    args
}

/// Runs `cmd`, expects exit `code`, and returns what it printed on stderr.
fn fails_with(code: i32, cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn snapshot(dir: &Path) -> Vec<(String, String)> {
    [
        "backend/supertokens.ts",
        "frontend/supertokens.ts",
        "st-setup.json",
    ]
    .iter()
    .map(|name| {
        (
            name.to_string(),
            fs::read_to_string(dir.join(name)).unwrap_or_default(),
        )
    })
    .collect()
}

/// SIGKILL at many points of a run that rewrites three files: each file is always
/// wholly the old or wholly the new version, never a mix or a truncation.
#[test]
fn a_killed_write_leaves_every_file_wholly_old_or_new() {
    let dir = project();
    let versions: Vec<Vec<(String, String)>> = ["Old", "New"]
        .iter()
        .map(|name| {
            st_setup(dir.path())
                .arg("--yes")
                .args(answers_with_name(name))
                .assert()
                .success();
            snapshot(dir.path())
        })
        .collect();
    let binary = assert_cmd::cargo::cargo_bin("st-setup");
    let run = |name: &str| {
        Command::new(&binary)
            .current_dir(dir.path())
            .arg("--yes")
            .args(answers_with_name(name))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // The shortest of a few runs: on a loaded machine one run can take far longer than the
    // next, and kill points spread over a slow run's length would mostly come too late.
    let full_run = (0..5)
        .map(|_| {
            let start = Instant::now();
            run("Old").wait().unwrap();
            start.elapsed()
        })
        .min()
        .unwrap();

    const POINTS: u32 = 120;
    let mut interrupted = 0;
    for i in 0..POINTS {
        let name = if i % 2 == 0 { "New" } else { "Old" };
        let mut child = run(name);
        std::thread::sleep(full_run * i / POINTS);
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        let _ = child.kill();
        child.wait().unwrap();
        for (index, (file, text)) in snapshot(dir.path()).into_iter().enumerate() {
            assert!(
                versions.iter().any(|v| v[index].1 == text),
                "after a kill at {i}/{POINTS} of a run, {file} is neither the old nor the new version:\n{text}"
            );
        }
    }
    assert!(
        interrupted > POINTS / 4,
        "only {interrupted} of {POINTS} runs were interrupted; the test proves little"
    );
}

#[test]
fn a_folder_that_cannot_be_created_changes_nothing() {
    let dir = project();
    st_setup(dir.path())
        .arg("--yes")
        .args(TWO_APIS)
        .assert()
        .success();
    let before = snapshot(dir.path());
    fs::write(
        dir.path().join("blocker"),
        "a file where a folder should be",
    )
    .unwrap();
    let stderr = fails_with(
        1,
        st_setup(dir.path()).args([
            "--yes",
            "--app-name",
            "Changed",
            "--frontend-out",
            "blocker/st.ts",
        ]),
    );
    assert!(
        stderr.contains("blocker/st.ts"),
        "the error names the path: {stderr}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "the backend and st-setup.json were not touched"
    );
}

#[test]
fn an_output_path_that_is_a_folder_is_refused() {
    let dir = project();
    fs::create_dir_all(dir.path().join("backend/supertokens.ts")).unwrap();
    let stderr = fails_with(2, st_setup(dir.path()).arg("--yes").args(TWO_APIS));
    assert!(stderr.contains("is a folder"));
    assert!(!dir.path().join("st-setup.json").exists());
}

#[test]
fn a_link_out_of_the_project_is_not_followed_without_force() {
    let dir = project();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("victim.ts"), "someone else's file\n").unwrap();
    fs::create_dir(dir.path().join("backend")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("victim.ts"),
        dir.path().join("backend/supertokens.ts"),
    )
    .unwrap();
    let stderr = fails_with(1, st_setup(dir.path()).arg("--yes").args(TWO_APIS));
    assert!(
        stderr.contains("leads out of the project folder"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(outside.path().join("victim.ts")).unwrap(),
        "someone else's file\n"
    );
    assert!(!dir.path().join("frontend").exists(), "nothing written");
}

/// A cloned repository's st-setup.json cannot aim the writes outside the project; the
/// same path given on the command line is the user's own decision.
#[test]
fn paths_from_st_setup_json_stay_inside_the_project() {
    let dir = project();
    let target = tempfile::tempdir().unwrap();
    let outside = target.path().join("evil.js");
    for path in [outside.display().to_string(), "../evil.js".to_owned()] {
        let json = serde_json::json!({
            "version": 1,
            "answers": {
                "apis": ["https://api.example.com"], "website": "https://example.com",
                "ui": "custom", "appName": "A", "backendOut": path
            }
        });
        fs::write(dir.path().join("st-setup.json"), json.to_string()).unwrap();
        let stderr = fails_with(2, st_setup(dir.path()).arg("--yes"));
        assert!(
            stderr.contains("outside the project folder") && stderr.contains("--backend-out"),
            "{stderr}"
        );
    }
    assert!(!outside.exists() && !dir.path().join("../evil.js").exists());
    st_setup(dir.path())
        .args(["--yes", "--backend-out"])
        .arg(&outside)
        .assert()
        .success();
    assert!(outside.exists(), "given on the command line, it is allowed");
}

/// Piped output never carries terminal escape codes, colour or not.
#[test]
fn no_escape_codes_reach_a_pipe() {
    let dir = project();
    let runs: [&[&str]; 3] = [
        &["domain", "api.example.com", "api.other.com"],
        &["--yes", "--dry-run"],
        &["--yes"],
    ];
    for args in runs {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("st-setup"));
        cmd.current_dir(dir.path())
            .args(args)
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color");
        if args[0] != "domain" {
            cmd.args(TWO_APIS);
        }
        let out = cmd.output().unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !bytes.contains(&0x1b),
                "{args:?} wrote an escape code to {stream}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

/// No command opens a socket: traced with strace, which is part of the machine image.
#[test]
fn no_command_touches_the_network() {
    let have_strace = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        have_strace,
        "this test needs strace on PATH (apt-get install strace)"
    );
    let dir = project();
    let binary = assert_cmd::cargo::cargo_bin("st-setup");
    let runs: [&[&str]; 4] = [
        &["domain", "api.example.com", "api2.example.com"],
        &["--yes"],
        &["check"],
        &["add-api", "api3.example.com", "--yes"],
    ];
    for args in runs {
        let trace = dir.path().join("trace.txt");
        let mut cmd = Command::new("strace");
        cmd.current_dir(dir.path())
            .args([
                "-f",
                "-qq",
                "-e",
                "trace=socket,connect,bind,listen,accept,accept4,socketpair",
                "-e",
                "signal=none",
                "-o",
            ])
            .arg(&trace)
            .arg(&binary)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if args[0] == "--yes" {
            cmd.args(TWO_APIS);
        }
        let status = cmd.status().unwrap();
        assert!(status.success(), "{args:?} failed under strace");
        let calls = fs::read_to_string(&trace).unwrap();
        fs::remove_file(&trace).unwrap();
        // The signal handler's self-pipe is a local socketpair(AF_UNIX); anything else —
        // an AF_INET/AF_INET6 socket, a connect — would be the network.
        let network: Vec<&str> = calls
            .lines()
            .filter(|call| !call.contains("socketpair(AF_UNIX"))
            .collect();
        assert!(network.is_empty(), "{args:?} made network calls:\n{calls}");
    }
}

#[test]
fn a_missing_project_folder_is_not_created() {
    let dir = project();
    let missing = dir.path().join("no/such/folder");
    let stderr = fails_with(
        2,
        st_setup(dir.path())
            .arg("-C")
            .arg(&missing)
            .arg("--yes")
            .args(TWO_APIS),
    );
    assert!(stderr.contains("does not exist"));
    assert!(!dir.path().join("no").exists());
}

/// Undoes `chattr +i` even when the test fails, so the temp folder can be removed.
struct Immutable<'a>(&'a Path);

impl<'a> Immutable<'a> {
    fn set(path: &'a Path) -> Self {
        let status = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .expect("chattr runs");
        assert!(
            status.success(),
            "this test needs root and chattr (e2fsprogs) to make {} read-only",
            path.display()
        );
        Immutable(path)
    }
}

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

/// A folder nobody may write in (immutable, so even root cannot): a clear error naming
/// the file, and no file changes, not even the ones whose folders are writable.
#[test]
fn a_read_only_folder_changes_nothing() {
    let dir = project();
    st_setup(dir.path())
        .arg("--yes")
        .args(TWO_APIS)
        .assert()
        .success();
    let before = snapshot(dir.path());
    let frontend = dir.path().join("frontend");
    let _guard = Immutable::set(&frontend);
    let stderr = fails_with(
        1,
        st_setup(dir.path()).args(["--yes", "--app-name", "Changed"]),
    );
    assert!(
        stderr.contains("frontend/supertokens.ts") && stderr.contains("nothing was changed"),
        "{stderr}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

/// A full disk (a tiny tmpfs in a private mount namespace): a clear error, and every file
/// as it was.
#[test]
fn a_full_disk_changes_nothing() {
    let dir = project();
    let binary = assert_cmd::cargo::cargo_bin("st-setup");
    let args: Vec<String> = TWO_APIS.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        r#"set -e
mount -t tmpfs -o size=64k tmpfs "$DIR"
cd "$DIR"
'{bin}' --yes {args} >/dev/null
sum() {{ cat backend/supertokens.ts frontend/supertokens.ts st-setup.json | md5sum; }}
before=$(sum)
dd if=/dev/zero of=filler bs=1k count=1000 2>/dev/null || true
set +e
'{bin}' --yes --app-name Changed
echo "EXIT=$?"
[ "$(sum)" = "$before" ] && echo UNCHANGED
ls -a | grep -c '^\.st-setup-' || true
"#,
        bin = binary.display(),
        args = args.join(" ")
    );
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .env("DIR", dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("unshare runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "this test needs root and `unshare -m` to mount a tiny tmpfs:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("EXIT=1"), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("UNCHANGED"),
        "a file changed on a full disk:\n{stdout}\n{stderr}"
    );
    assert!(
        stderr.contains("No space left on device") && stderr.contains("nothing was changed"),
        "{stderr}"
    );
    assert!(
        stdout.trim_end().ends_with('0'),
        "temporary files were left behind:\n{stdout}"
    );
}
