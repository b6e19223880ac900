//! Server-rendered pages: thin handlers that extract, call a domain service
//! (which authorises) and render a template.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod campaigns;
pub mod dashboard;
pub mod dashboard_charts;
pub mod dashboard_waves;
pub mod home;
pub mod members;
pub mod notices;
pub mod orgs;
pub mod portfolio;
pub mod results;
pub mod surveys;
pub mod team_summary;
pub mod teams;
pub mod webhooks;

use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Serialize;

use crate::auth::policy::{Action, Decision, Principal};

/// Post/redirect/get: a 303 to `to`. A target that cannot be a header
/// value (control characters) goes to `/` rather than failing with a 500.
pub fn see_other(to: &str) -> HttpResponse {
    let location = header::HeaderValue::from_str(to).unwrap_or_else(|_| header::HeaderValue::from_static("/"));
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// One step of a result page's breadcrumbs; no link when the person may
/// not open that page.
#[derive(Debug, Serialize)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// Organisation › Campaign › this page (`current`, a message key), for
/// `partials/breadcrumbs` (which reads `page.trail`).
#[derive(Debug, Serialize)]
pub struct Trail {
    pub items: Vec<Crumb>,
    pub current: &'static str,
}

impl Trail {
    /// The trail of a page of campaign `campaign` (id, name) of
    /// organisation `org` (id, name). Each step links only when the policy
    /// lets this person open it.
    pub fn new(p: &Principal, org: (&str, &str), campaign: (&str, &str), current: &'static str) -> Trail {
        let may_view = p.may(Action::ViewOrganisation { org: org.0 }) == Decision::Allow;
        let link = |href: String| may_view.then_some(href);
        Trail {
            items: vec![
                Crumb {
                    label: org.1.to_string(),
                    href: link(format!("/orgs/{}", org.0)),
                },
                Crumb {
                    label: campaign.1.to_string(),
                    href: link(format!("/orgs/{}/campaigns/{}", org.0, campaign.0)),
                },
            ],
            current,
        }
    }

    /// The trail of an organisation-wide page (the action plan).
    pub fn of_organisation(p: &Principal, org: (&str, &str), current: &'static str) -> Trail {
        let may_view = p.may(Action::ViewOrganisation { org: org.0 }) == Decision::Allow;
        Trail {
            items: vec![Crumb {
                label: org.1.to_string(),
                href: may_view.then(|| format!("/orgs/{}", org.0)),
            }],
            current,
        }
    }
}

/// Longest `next` followed; anything longer goes to `/`.
const MAX_NEXT_LEN: usize = 2048;

/// Only paths of this site are followed after sign-in or a language
/// switch, so `next` cannot send a person to another site. Browsers read
/// `/\host`, `/\t/host` (tabs and newlines are dropped from URLs) and
/// their percent-encoded forms as `//host`, another origin: a path is
/// followed only when it and each of its decodings start with one `/` and
/// hold no `//`, no backslash and no control character. Anything else
/// goes to `/`.
pub fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| is_local_path(n))
        .map(str::to_string)
        .unwrap_or_else(|| "/".to_string())
}

fn is_local_path(next: &str) -> bool {
    if next.len() > MAX_NEXT_LEN {
        return false;
    }
    let mut current = next.to_string();
    // Decoding until nothing changes also catches double encodings
    // (`%252F`); a text still changing after a few rounds is refused.
    for _ in 0..4 {
        if !plain_local_path(&current) {
            return false;
        }
        let Ok(decoded) = percent_encoding::percent_decode_str(&current).decode_utf8() else {
            return false;
        };
        if decoded == current {
            return true;
        }
        current = decoded.into_owned();
    }
    false
}

fn plain_local_path(s: &str) -> bool {
    s.starts_with('/') && !s.contains("//") && !s.contains('\\') && !s.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/orgs/1")), "/orgs/1");
        assert_eq!(
            safe_next(Some("/orgs/1?lang=fr&notice=x%20y")),
            "/orgs/1?lang=fr&notice=x%20y"
        );
        assert_eq!(safe_next(Some("/s/abc/PAR-01?ch=web")), "/s/abc/PAR-01?ch=web");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("evil.example")), "/");
        assert_eq!(safe_next(Some("")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn paths_a_browser_reads_as_another_origin_go_home() {
        for attack in [
            "/%09/evil.example",
            "/\t/evil.example",
            "/\t\t/evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "//evil",
            "/%2F%2Fevil",
            "/%2f/evil",
            "/%252F%252Fevil",
            "/%0d%0aSet-Cookie:%20x=1",
            "/%0D%0ALocation:%20https://evil.example",
            "/\r\nSet-Cookie: x=1",
            "/\nevil",
            "/ok\u{0}",
            "/%00",
            "/%7F",
            "/%E9%ff",
            "/a/../\\evil",
        ] {
            assert_eq!(safe_next(Some(attack)), "/", "{attack:?} was followed");
        }
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(3000)))), "/");
    }
}
