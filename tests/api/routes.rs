//! Every route the application registers, read from the source of `src/web`:
//! the actix route attributes (`#[get("…")]`, `#[post("…")]`, …) of the
//! handlers that the `configure` functions register with `.service(…)`,
//! under the scope of their module. Anything this reader does not
//! understand (a `web::resource`, a `.route(…)`, a second scope, a
//! `#[route]` attribute) stops it, so a route cannot slip past the
//! authorisation matrix by being registered another way.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Route {
    pub method: String,
    /// The full pattern as actix matches it, scope included.
    pub pattern: String,
    /// `file.rs::function`, for the failure messages.
    pub handler: String,
}

const METHODS: [&str; 6] = ["get", "post", "put", "delete", "patch", "head"];

/// Registration styles this reader does not follow.
const UNSUPPORTED: [&str; 4] = ["web::resource(", ".route(", "#[route(", "#[routes]"];

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/web is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first string literal after `start` in `line`.
fn literal_after<'a>(line: &'a str, start: &str) -> Option<&'a str> {
    let rest = &line[line.find(start)? + start.len()..];
    let rest = &rest[rest.find('"')? + 1..];
    Some(&rest[..rest.find('"')?])
}

/// `name` of `pub async fn name(` or `async fn name(`.
fn function_name(line: &str) -> Option<&str> {
    let rest = &line[line.find("fn ")? + 3..];
    let end = rest.find(['(', '<'])?;
    Some(rest[..end].trim())
}

/// The arguments of every `.service(…)` call in a file.
fn services(source: &str) -> BTreeSet<String> {
    source
        .split(".service(")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .map(|s| s.trim().to_string())
        .collect()
}

/// The registered routes, sorted. Panics on a registration style it cannot
/// read, naming the file.
pub fn registered() -> Vec<Route> {
    let web = web_dir();
    let mut files = Vec::new();
    rust_files(&web, &mut files);
    let api_mod = std::fs::read_to_string(web.join("api/mod.rs")).expect("api/mod.rs");
    let api_scope = literal_after(&api_mod, "web::scope(").expect("the API is one web::scope");
    let mut registered_services = services(&std::fs::read_to_string(web.join("mod.rs")).expect("web/mod.rs"));
    registered_services.extend(services(&api_mod));

    let mut routes = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("readable source");
        let relative = file
            .strip_prefix(&web)
            .expect("under src/web")
            .to_string_lossy()
            .into_owned();
        for bad in UNSUPPORTED {
            assert!(
                !source.contains(bad),
                "src/web/{relative} registers a route with `{bad}`, which tests/api/routes.rs \
                 does not read: teach it, so the authorisation matrix sees that route"
            );
        }
        let scopes = source.matches("web::scope(").count();
        assert!(
            scopes == 0 || relative == "api/mod.rs" && scopes == 1,
            "src/web/{relative} opens a scope that tests/api/routes.rs does not know"
        );
        let prefix = if relative.starts_with("api/") { api_scope } else { "" };
        let module = match Path::new(&relative).file_stem().and_then(|s| s.to_str()) {
            Some("mod") | None => None,
            Some(stem) => Some(stem.to_string()),
        };
        let mut pending: Option<(String, String)> = None;
        let lines: Vec<&str> = source.lines().map(str::trim).collect();
        for (at, line) in lines.iter().enumerate() {
            let attribute = |m: &str| [format!("#[{m}("), format!("#[actix_web::{m}(")];
            if let Some(method) = METHODS
                .into_iter()
                .find(|m| attribute(m).iter().any(|a| line.starts_with(a.as_str())))
            {
                // The path may sit on the attribute's next lines.
                let text = lines[at..].iter().take(4).copied().collect::<Vec<_>>().join(" ");
                let path = literal_after(&text, "(").expect("a route attribute names its path");
                pending = Some((method.to_uppercase(), format!("{prefix}{path}")));
                continue;
            }
            if line.contains("fn ") {
                if let (Some((method, pattern)), Some(name)) = (pending.take(), function_name(line)) {
                    let registered_as = match &module {
                        Some(m) => format!("{m}::{name}"),
                        None => name.to_string(),
                    };
                    assert!(
                        registered_services.contains(&registered_as),
                        "src/web/{relative}: handler `{name}` ({method} {pattern}) has a route \
                         attribute but `configure` does not register `{registered_as}`"
                    );
                    routes.push(Route {
                        method,
                        pattern,
                        handler: format!("{relative}::{name}"),
                    });
                }
            }
        }
    }
    routes.sort();
    routes
}

#[test]
fn the_route_reader_finds_the_routes_it_knows() {
    let routes = registered();
    let has = |method: &str, pattern: &str| routes.iter().any(|r| r.method == method && r.pattern == pattern);
    assert!(has("GET", "/healthz"));
    assert!(has("POST", "/api/v1/auth/token"));
    assert!(has("PUT", "/api/v1/organisations/{org}/teams"));
    assert!(has("POST", "/orgs/{org}/campaigns/{c}/self/{team}"));
    assert!(routes.len() > 70, "only {} routes found", routes.len());
}
