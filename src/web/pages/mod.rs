//! Server-rendered pages: thin handlers that extract, call a domain service
//! (which authorises) and render a template.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod campaigns;
pub mod dashboard;
pub mod dashboard_charts;
pub mod home;
pub mod members;
pub mod orgs;
pub mod portfolio;
pub mod results;
pub mod surveys;
pub mod teams;

use actix_web::http::header;
use actix_web::HttpResponse;

/// Post/redirect/get: a 303 to `to`.
pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_string()))
        .finish()
}

/// Only local paths are followed after sign-in, so `next` cannot send a
/// person to another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::safe_next(Some("/orgs/1")), "/orgs/1");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
    }
}
