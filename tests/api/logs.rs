//! The server binary's logs: plain text, without colour codes, when its
//! standard output is not a terminal (a pipe here, a file or a collector
//! in production).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn logs_to_a_pipe_carry_no_colour_codes() {
    let dir = std::env::temp_dir().join(format!("miroir-logs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("logs.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_miroir"))
        .args(["--port", "0", "--demo=yes", "serve"])
        .env("DATABASE_URL", &db)
        .env("RUST_LOG", "info")
        .env_remove("MIROIR_LOG_FORMAT")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        let done = line.contains("Miroir is listening");
        seen.push(line);
        if done {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let log = seen
        .iter()
        .find(|l| l.contains("Miroir is listening"))
        .unwrap_or_else(|| panic!("the server logged that it listens: {seen:#?}"));
    assert!(log.contains("INFO"), "{log}");
    // A first start on a new SQLite file, creating the demo: the pool's
    // connections no longer race to turn the file to WAL (it logged
    // "database is locked" at every first start).
    assert!(
        seen.iter().all(|l| !l.contains("ERROR")),
        "a first start logs no error: {seen:#?}"
    );
    for line in &seen {
        assert!(!line.contains('\u{1b}'), "a colour code in {line:?}");
    }
}
