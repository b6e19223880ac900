//! The rooms' doors, checked on the source (docs/ARCHITECTURE.md):
//! `web/` reaches the database only through `domain/`; `analytics/`,
//! `render/` and `auth/` do no I/O through diesel or actix; `domain/` and
//! `db/` know nothing of HTTP.

use std::path::{Path, PathBuf};

fn sources(room: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(room), &mut out);
    assert!(!out.is_empty(), "no source found in src/{room}");
    out
}

/// Every line of `room` that names one of `forbidden`, comments and test
/// modules (from a file's first `#[cfg(test)]` on) aside.
fn offences(room: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(room) {
        for (n, line) in text.lines().enumerate().take_while(|(_, l)| l.trim() != "#[cfg(test)]") {
            let code = line.split("//").next().unwrap_or("");
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_web_reaches_the_database_only_through_the_domain() {
    let found = offences("web", &["crate::db", "diesel::", "miroir::db"]);
    assert!(found.is_empty(), "web/ bypasses domain/:\n{}", found.join("\n"));
}

#[test]
fn the_pure_rooms_do_no_io() {
    for room in ["analytics", "render", "auth"] {
        let found = offences(room, &["crate::db", "diesel::", "actix", "crate::domain", "crate::web"]);
        assert!(found.is_empty(), "{room}/ is not pure:\n{}", found.join("\n"));
    }
}

#[test]
fn the_domain_and_the_database_know_nothing_of_http() {
    for room in ["domain", "db"] {
        let found = offences(room, &["actix", "crate::web", "HttpResponse"]);
        assert!(found.is_empty(), "{room}/ reaches into HTTP:\n{}", found.join("\n"));
    }
}

#[test]
fn the_check_sees_an_offence() {
    // The scanner itself: a room that does use diesel is reported.
    assert!(!offences("db", &["diesel::"]).is_empty());
}
