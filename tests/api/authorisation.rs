//! The authorisation matrix: every route the application registers × every
//! kind of caller, with the answer each cell must give. A route added
//! without a row here fails `every_route_has_a_row_in_the_matrix`.
//!
//! Allowed cells answer 2xx/3xx, or 409/422 when the door opened but the
//! request was refused on purpose: forms are sent empty or wrong so that
//! cells do not disturb each other (what a cell deletes is made anew for
//! it), and results asked of a wave still open are not published yet.
//! Refused cells answer 401 (API), a 303 to sign-in (pages), 403 inside the
//! organisation, 404 outside it.

mod world;

use miroir::auth::policy::Role;
use Expect::*;

use crate::helpers::{spawn_app_with, Backend};
use world::{Caller, World};

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Who {
    Anonymous,
    /// Platform administrator (no membership).
    Admin,
    /// Consultant assigned to the organisation.
    Consultant,
    /// Consultant assigned to another organisation only.
    OtherConsultant,
    Director,
    /// Manager of region R1 (which has a branch B1).
    Manager,
    /// Manager of region R2.
    OtherManager,
    Viewer,
    /// Director of another organisation.
    Stranger,
}

impl Who {
    pub const ALL: [Who; 9] = [
        Who::Anonymous,
        Who::Admin,
        Who::Consultant,
        Who::OtherConsultant,
        Who::Director,
        Who::Manager,
        Who::OtherManager,
        Who::Viewer,
        Who::Stranger,
    ];

    pub fn email(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::Admin => Some("root@example.org"),
            other => other.membership().map(|(email, ..)| email),
        }
    }

    /// (e-mail, role, in the other organisation?, managed team codes)
    pub fn membership(self) -> Option<(&'static str, Role, bool, &'static str)> {
        Some(match self {
            Who::Anonymous | Who::Admin => return None,
            Who::Consultant => ("consultant@example.org", Role::Consultant, false, ""),
            Who::OtherConsultant => ("consultant-b@example.org", Role::Consultant, true, ""),
            Who::Director => ("director@example.org", Role::Director, false, ""),
            Who::Manager => ("manager@example.org", Role::Manager, false, "R1"),
            Who::OtherManager => ("manager-2@example.org", Role::Manager, false, "R2"),
            Who::Viewer => ("viewer@example.org", Role::Viewer, false, ""),
            Who::Stranger => ("stranger@example.org", Role::Director, true, ""),
        })
    }
}

/// The answer of one cell.
#[expect(
    clippy::upper_case_acronyms,
    reason = "short capitals keep the matrix a readable grid"
)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// 200
    OK,
    /// 201
    NEW,
    /// 204
    NC,
    /// 303 somewhere other than the sign-in page
    SEE,
    /// 303 to the sign-in page (`/login?next=…`)
    IN,
    /// 409: allowed in, the transition refused
    CON,
    /// 422: allowed in, the input refused
    BAD,
    /// 401
    UA,
    /// 403
    NO,
    /// 404
    NF,
}

impl Expect {
    fn of(status: u16, location: &str) -> Option<Expect> {
        Some(match status {
            200 => OK,
            201 => NEW,
            204 => NC,
            303 if location.starts_with("/login?next=") => IN,
            303 => SEE,
            409 => CON,
            422 => BAD,
            401 => UA,
            403 => NO,
            404 => NF,
            _ => return None,
        })
    }

    fn allowed(self) -> bool {
        matches!(self, OK | NEW | NC | SEE | CON | BAD)
    }
}

pub enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    /// A multipart upload with the CSRF field (pages).
    Upload(&'static str),
    Json(&'static str),
    Csv(&'static str),
}

pub struct Row {
    method: &'static str,
    /// The route's pattern, exactly as registered.
    route: &'static str,
    /// The request path: the route's placeholders filled with the world's
    /// objects (`{org}`, `{c}`, `{x}`…, see `World`).
    path: &'static str,
    body: Body,
    expect: [Expect; 9],
}

const fn get(route: &'static str, path: &'static str, expect: [Expect; 9]) -> Row {
    Row {
        method: "GET",
        route,
        path,
        body: Body::None,
        expect,
    }
}

const fn post(route: &'static str, path: &'static str, body: Body, expect: [Expect; 9]) -> Row {
    Row {
        method: "POST",
        route,
        path,
        body,
        expect,
    }
}

const EMPTY: Body = Body::Form(&[]);

#[rustfmt::skip]
const MATRIX: &[Row] = &[
    //                                                                                                 anon adm cons consB dir mgr mgr2 view strngr
    // Open to everyone.
    get("/healthz", "/healthz",                                                                        [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/static/{path:.*}", "/static/miroir.css",                                                     [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/login", "/login",                                                                            [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/login", "/login", Body::Form(&[("email", "nobody@example.org"), ("password", "wrong password")]),
                                                                                                       [UA, UA, UA, UA, UA, UA, UA, UA, UA]),
    get("/login/forgot", "/login/forgot",                                                              [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/login/forgot", "/login/forgot", Body::Form(&[("email", "nobody@example.org")]),            [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/setup", "/setup",                                                                            [NF, NF, NF, NF, NF, NF, NF, NF, NF]),
    post("/setup", "/setup", EMPTY,                                                                    [NF, NF, NF, NF, NF, NF, NF, NF, NF]),
    post("/language", "/language", Body::Form(&[("lang", "xx")]),                                      [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    get("/reset/{token}", "/reset/{reset}",                                                            [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/reset/{token}", "/reset/not-a-token",                                                        [NF, NF, NF, NF, NF, NF, NF, NF, NF]),
    post("/reset/{token}", "/reset/{reset}", Body::Form(&[("new_password", "short")]),                 [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    get("/s/{campaign}/{team}", "/s/{code}/R1",                                                        [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/s/{campaign}/{team}", "/s/{code}/R1", EMPTY,                                                [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    get("/i/{token}", "/i/{invite}",                                                                   [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/i/{token}", "/i/{invite}", EMPTY,                                                           [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    get("/thanks", "/thanks",                                                                          [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    // One's own.
    get("/", "/",                                                                                      [IN, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/account", "/account",                                                                        [IN, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/account/password", "/account/password", Body::Form(&[("current_password", "wrong"), ("new_password", "a new long password")]),
                                                                                                       [IN, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    get("/account/export", "/account/export",                                                          [IN, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/account/delete", "/account/delete", Body::Form(&[("password", "wrong")]),                    [IN, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    post("/account/notifications", "/account/notifications", Body::Form(&[("digest", "on")]),            [IN, SEE, SEE, SEE, SEE, SEE, SEE, SEE, SEE]),
    get("/unsubscribe/{token}", "/unsubscribe/{unsubscribe}",                                          [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/unsubscribe/{token}", "/unsubscribe/not-a-token",                                            [NF, NF, NF, NF, NF, NF, NF, NF, NF]),
    post("/unsubscribe/{token}", "/unsubscribe/{unsubscribe}", EMPTY,                                  [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/unsubscribe/{token}", "/unsubscribe/not-a-token", EMPTY,                                    [NF, NF, NF, NF, NF, NF, NF, NF, NF]),
    // The platform.
    get("/admin/users", "/admin/users",                                                                [IN, OK, NO, NO, NO, NO, NO, NO, NO]),
    post("/admin/users", "/admin/users", EMPTY,                                                        [IN, BAD, NO, NO, NO, NO, NO, NO, NO]),
    post("/admin/users/{id}/reset", "/admin/users/{user}/reset", EMPTY,                                [IN, OK, NO, NO, NO, NO, NO, NO, NO]),
    post("/admin/users/{id}/consultant", "/admin/users/{user}/consultant", EMPTY,                      [IN, SEE, NO, NO, NO, NO, NO, NO, NO]),
    get("/orgs/new", "/orgs/new",                                                                      [IN, OK, OK, OK, NO, NO, NO, NO, NO]),
    post("/orgs", "/orgs", EMPTY,                                                                      [IN, BAD, BAD, BAD, NO, NO, NO, NO, NO]),
    get("/portfolio", "/portfolio",                                                                    [IN, OK, OK, OK, NO, NO, NO, NO, NO]),
    // The organisation.
    get("/orgs/{org}", "/orgs/{org}",                                                                  [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    get("/orgs/{org}", "/orgs/{org_b}",                                                                [IN, OK, NF, OK, NF, NF, NF, NF, OK]),
    get("/orgs/{org}/edit", "/orgs/{org}/edit",                                                        [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/edit", "/orgs/{org}/edit", EMPTY,                                                [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/orgs/{org}/delete", "/orgs/{org}/delete",                                                    [IN, OK, OK, NF, NO, NO, NO, NO, NF]),
    post("/orgs/{org}/delete", "/orgs/{org}/delete", Body::Form(&[("confirmation", "no")]),            [IN, BAD, BAD, NF, NO, NO, NO, NO, NF]),
    get("/orgs/{org}/members", "/orgs/{org}/members",                                                  [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    post("/orgs/{org}/members", "/orgs/{org}/members", Body::Form(&[("email", "not an address"), ("role", "viewer")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/orgs/{org}/members/{member}", "/orgs/{org}/members/{member}", Body::Form(&[("role", "emperor")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/orgs/{org}/members/{member}/delete", "/orgs/{org}/members/{spare_member}/delete", EMPTY,
                                                                                                       [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    post("/orgs/{org}/members/{member}/delete", "/orgs/{org}/members/{b_member}/delete", EMPTY,        [IN, NF, NF, NF, NF, NO, NO, NO, NF]),
    get("/orgs/{org}/webhooks", "/orgs/{org}/webhooks",                                                [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/webhooks", "/orgs/{org}/webhooks", Body::Form(&[("url", "ftp://example.org"), ("action.updated", "1")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/orgs/{org}/webhooks/{id}/delete", "/orgs/{org}/webhooks/{spare_hook}/delete", EMPTY,        [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    post("/orgs/{org}/webhooks/{id}/delete", "/orgs/{org}/webhooks/{hook_b}/delete", EMPTY,            [IN, NF, NF, NF, NF, NO, NO, NO, NF]),
    post("/orgs/{org}/webhooks/{id}/test", "/orgs/{org}/webhooks/{hook}/test", EMPTY,                  [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    post("/orgs/{org}/webhooks/{id}/test", "/orgs/{org}/webhooks/{hook_b}/test", EMPTY,                [IN, NF, NF, NF, NF, NO, NO, NO, NF]),
    get("/orgs/{org}/actions", "/orgs/{org}/actions",                                                  [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    post("/orgs/{org}/actions/{id}", "/orgs/{org}/actions/{action}", Body::Form(&[("status", "forgotten")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, BAD, NO, NO, NF]),
    // Teams.
    get("/orgs/{org}/teams/new", "/orgs/{org}/teams/new",                                              [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/teams", "/orgs/{org}/teams", EMPTY,                                              [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/orgs/{org}/teams/import", "/orgs/{org}/teams/import",                                        [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/teams/import", "/orgs/{org}/teams/import", Body::Upload("code,name\n,\n"),       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/orgs/{org}/teams/{team}", "/orgs/{org}/teams/{x}",                                           [IN, OK, OK, NF, OK, OK, NO, OK, NF]),
    get("/orgs/{org}/teams/{team}", "/orgs/{org}/teams/{x_child}",                                     [IN, OK, OK, NF, OK, OK, NO, OK, NF]),
    get("/orgs/{org}/teams/{team}", "/orgs/{org}/teams/{y}",                                           [IN, OK, OK, NF, OK, NO, OK, OK, NF]),
    get("/orgs/{org}/teams/{team}", "/orgs/{org}/teams/{b_team}",                                      [IN, NF, NF, NF, NF, NF, NF, NF, NF]),
    get("/orgs/{org}/teams/{team}", "/orgs/{org_b}/teams/{b_team}",                                    [IN, OK, NF, OK, NF, NF, NF, NF, OK]),
    get("/orgs/{org}/teams/{team}/edit", "/orgs/{org}/teams/{x}/edit",                                 [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/teams/{team}/edit", "/orgs/{org}/teams/{x}/edit", EMPTY,                         [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/orgs/{org}/teams/{team}/delete", "/orgs/{org}/teams/{spare_team}/delete", EMPTY,            [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    post("/orgs/{org}/teams/{team}/delete", "/orgs/{org}/teams/{b_team}/delete", EMPTY,                [IN, NF, NF, NF, NF, NO, NO, NO, NF]),
    // Campaigns.
    get("/orgs/{org}/campaigns", "/orgs/{org}/campaigns",                                              [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    get("/orgs/{org}/campaigns/new", "/orgs/{org}/campaigns/new",                                      [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns", "/orgs/{org}/campaigns", EMPTY,                                      [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}", "/orgs/{org}/campaigns/{c}",                                      [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    get("/orgs/{org}/campaigns/{c}", "/orgs/{org}/campaigns/{c_b}",                                    [IN, NF, NF, NF, NF, NF, NF, NF, NF]),
    get("/orgs/{org}/campaigns/{c}/edit", "/orgs/{org}/campaigns/{c}/edit",                            [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/edit", "/orgs/{org}/campaigns/{c}/edit", EMPTY,                    [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}/{verb:close|archive}", "/orgs/{org}/campaigns/{c}/close",           [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/status", "/orgs/{org}/campaigns/{c}/status", Body::Form(&[("verb", "archive")]),
                                                                                                       [IN, CON, CON, NF, CON, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/invitations", "/orgs/{org}/campaigns/{c}/invitations", Body::Form(&[("team", "NOPE")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/reminders", "/orgs/{org}/campaigns/{c}/reminders", EMPTY,          [IN, CON, CON, NF, CON, NO, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}/qr/{team}.{ext}", "/orgs/{org}/campaigns/{c}/qr/R1.svg",            [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    get("/orgs/{org}/campaigns/{c}/qr-sheet", "/orgs/{org}/campaigns/{c}/qr-sheet",                    [IN, OK, OK, NF, OK, OK, OK, OK, NF]),
    post("/orgs/{org}/campaigns/{c}/import", "/orgs/{org}/campaigns/{c}/import", Body::Upload("team,population\nNOPE,customer\n"),
                                                                                                       [IN, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    // Results.
    get("/orgs/{org}/campaigns/{c}/dashboard", "/orgs/{org}/campaigns/{c}/dashboard",                  [IN, CON, CON, NF, CON, NO, NO, CON, NF]),
    get("/orgs/{org}/campaigns/{c}/dashboard", "/orgs/{org}/campaigns/{closed}/dashboard",             [IN, OK, OK, NF, OK, NO, NO, OK, NF]),
    get("/orgs/{org}/campaigns/{c}/audit", "/orgs/{org}/campaigns/{closed}/audit",                     [IN, OK, OK, NF, OK, NO, NO, OK, NF]),
    // The consultant's notes and quoted comments: consultants and directors
    // of the organisation write them (empty forms: an empty text, no quote).
    post("/orgs/{org}/campaigns/{c}/audit/notes", "/orgs/{org}/campaigns/{closed}/audit/notes", EMPTY,
                                                                                                       [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}/audit/quotes", "/orgs/{org}/campaigns/{closed}/audit/quotes",       [IN, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/audit/quotes", "/orgs/{org}/campaigns/{closed}/audit/quotes", EMPTY,
                                                                                                       [IN, SEE, SEE, NF, SEE, NO, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}/export/{file}", "/orgs/{org}/campaigns/{closed}/export/scores.csv", [IN, OK, OK, NF, OK, NO, NO, OK, NF]),
    get("/orgs/{org}/campaigns/{c}/export/{file}", "/orgs/{org}/campaigns/{closed_b}/export/scores.csv",
                                                                                                       [IN, NF, NF, NF, NF, NF, NF, NF, NF]),
    get("/orgs/{org}/campaigns/{c}/teams/{team}", "/orgs/{org}/campaigns/{closed}/teams/R1",           [IN, OK, OK, NF, OK, OK, NO, OK, NF]),
    get("/orgs/{org}/campaigns/{c}/teams/{team}", "/orgs/{org}/campaigns/{closed}/teams/B1",           [IN, OK, OK, NF, OK, OK, NO, OK, NF]),
    get("/orgs/{org}/campaigns/{c}/teams/{team}", "/orgs/{org}/campaigns/{closed}/teams/R2",           [IN, OK, OK, NF, OK, NO, OK, OK, NF]),
    post("/orgs/{org}/campaigns/{c}/actions", "/orgs/{org}/campaigns/{c}/actions", Body::Form(&[("team", "R1"), ("point", "no-such-point")]),
                                                                                                       [IN, BAD, BAD, NF, BAD, BAD, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/contacts/{id}", "/orgs/{org}/campaigns/{c}/contacts/{contact}", Body::Form(&[("team", "R1"), ("done", "1")]),
                                                                                                       [IN, SEE, SEE, NF, SEE, SEE, NO, NO, NF]),
    // Signed self-assessments: the people themselves, not their superiors.
    get("/orgs/{org}/campaigns/{c}/self/{team}", "/orgs/{org}/campaigns/{c}/self/{x}",                 [IN, NF, NO, NF, NO, OK, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/self/{team}", "/orgs/{org}/campaigns/{c}/self/{x}", EMPTY,         [IN, NF, NO, NF, NO, BAD, NO, NO, NF]),
    get("/orgs/{org}/campaigns/{c}/executive", "/orgs/{org}/campaigns/{c}/executive",                  [IN, NF, NO, NF, OK, NO, NO, NO, NF]),
    post("/orgs/{org}/campaigns/{c}/executive", "/orgs/{org}/campaigns/{c}/executive", EMPTY,          [IN, NF, NO, NF, BAD, NO, NO, NO, NF]),
    // The API.
    get("/api/v1/openapi.json", "/api/v1/openapi.json",                                                [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/v1/items", "/api/v1/items",                                                              [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/api/v1/auth/token", "/api/v1/auth/token", Body::Json(r#"{"email": "nobody@example.org", "password": "wrong password"}"#),
                                                                                                       [UA, UA, UA, UA, UA, UA, UA, UA, UA]),
    get("/api/v1/organisations", "/api/v1/organisations",                                              [UA, OK, OK, OK, OK, OK, OK, OK, OK]),
    post("/api/v1/organisations", "/api/v1/organisations", Body::Json(r#"{"name": "", "sector": "banking", "default_language": "fr"}"#),
                                                                                                       [UA, BAD, BAD, BAD, NO, NO, NO, NO, NO]),
    get("/api/v1/organisations/{org}", "/api/v1/organisations/{org}",                                  [UA, OK, OK, NF, OK, OK, OK, OK, NF]),
    get("/api/v1/organisations/{org}", "/api/v1/organisations/{org_b}",                                [UA, OK, NF, OK, NF, NF, NF, NF, OK]),
    get("/api/v1/organisations/{org}/teams", "/api/v1/organisations/{org}/teams",                      [UA, OK, OK, NF, OK, OK, OK, OK, NF]),
    Row { method: "PUT", route: "/api/v1/organisations/{org}/teams", path: "/api/v1/organisations/{org}/teams",
          body: Body::Csv("code,name,parent_code,headcount\nR2,Region 2,,5\n"),                expect: [UA, OK, OK, NF, OK, NO, NO, NO, NF] },
    get("/api/v1/organisations/{org}/campaigns", "/api/v1/organisations/{org}/campaigns",              [UA, OK, OK, NF, OK, OK, OK, OK, NF]),
    post("/api/v1/organisations/{org}/campaigns", "/api/v1/organisations/{org}/campaigns", Body::Json(r#"{"name": ""}"#),
                                                                                                       [UA, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/api/v1/campaigns/{c}/{verb:open|close|archive}", "/api/v1/campaigns/{c}/archive", Body::None,
                                                                                                       [UA, CON, CON, NF, CON, NO, NO, NO, NF]),
    post("/api/v1/campaigns/{c}/invitations", "/api/v1/campaigns/{c}/invitations", Body::Json(r#"{"team": "NOPE"}"#),
                                                                                                       [UA, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    post("/api/v1/campaigns/{c}/invitations", "/api/v1/campaigns/{c_b}/invitations", Body::Json(r#"{"team": "NOPE"}"#),
                                                                                                       [UA, BAD, NF, BAD, NF, NF, NF, NF, BAD]),
    post("/api/v1/campaigns/{c}/reminders", "/api/v1/campaigns/{c}/reminders", Body::None,
                                                                                                       [UA, CON, CON, NF, CON, NO, NO, NO, NF]),
    post("/api/v1/campaigns/{c}/responses/import", "/api/v1/campaigns/{c}/responses/import", Body::Csv("team,population\nNOPE,customer\n"),
                                                                                                       [UA, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    get("/api/v1/campaigns/{c}/report", "/api/v1/campaigns/{c}/report",                                [UA, CON, CON, NF, CON, NO, NO, CON, NF]),
    get("/api/v1/campaigns/{c}/report", "/api/v1/campaigns/{closed}/report",                           [UA, OK, OK, NF, OK, NO, NO, OK, NF]),
    get("/api/v1/campaigns/{c}/report", "/api/v1/campaigns/{closed}/report?team=R1",                   [UA, OK, OK, NF, OK, OK, NO, OK, NF]),
    get("/api/v1/campaigns/{c}/report", "/api/v1/campaigns/{closed}/report?team=R2",                   [UA, OK, OK, NF, OK, NO, OK, OK, NF]),
    get("/api/v1/campaigns/{c}/report", "/api/v1/campaigns/{closed_b}/report",                         [UA, OK, NF, OK, NF, NF, NF, NF, OK]),
    get("/api/v1/organisations/{org}/webhooks", "/api/v1/organisations/{org}/webhooks",                [UA, OK, OK, NF, OK, NO, NO, NO, NF]),
    post("/api/v1/organisations/{org}/webhooks", "/api/v1/organisations/{org}/webhooks", Body::Json(r#"{"url": "ftp://example.org", "events": ["action.updated"]}"#),
                                                                                                       [UA, BAD, BAD, NF, BAD, NO, NO, NO, NF]),
    Row { method: "DELETE", route: "/api/v1/organisations/{org}/webhooks/{id}", path: "/api/v1/organisations/{org}/webhooks/{spare_hook}",
          body: Body::None,                                                                    expect: [UA, NC, NC, NF, NC, NO, NO, NO, NF] },
    Row { method: "DELETE", route: "/api/v1/organisations/{org}/webhooks/{id}", path: "/api/v1/organisations/{org}/webhooks/{hook_b}",
          body: Body::None,                                                                    expect: [UA, NF, NF, NF, NF, NO, NO, NO, NF] },
    // Last: signing out revokes every session and token of the caller.
    post("/logout", "/logout", EMPTY,                                                                  [SEE, SEE, SEE, SEE, SEE, SEE, SEE, SEE, SEE]),
];

#[test]
fn every_route_has_a_row_in_the_matrix() {
    let routes = crate::routes::registered();
    let missing: Vec<String> = routes
        .iter()
        .filter(|r| {
            !MATRIX
                .iter()
                .any(|row| row.method == r.method && row.route == r.pattern)
        })
        .map(|r| format!("{} {} ({})", r.method, r.pattern, r.handler))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the authorisation matrix:\n{}",
        missing.join("\n")
    );
    let stale: Vec<String> = MATRIX
        .iter()
        .filter(|row| !routes.iter().any(|r| row.method == r.method && row.route == r.pattern))
        .map(|row| format!("{} {}", row.method, row.route))
        .collect();
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist:\n{}",
        stale.join("\n")
    );
}

/// Runs every cell; returns a line per cell that answered otherwise.
async fn run_matrix(backend: Backend) -> Vec<String> {
    // Many sign-ins from one address: the login limiter is opened wide here.
    let app = spawn_app_with(backend, |c| c.login_rate = 1000).await;
    let world = World::build(&app);
    let mut failures = Vec::new();
    for (column, who) in Who::ALL.into_iter().enumerate() {
        let caller = Caller::sign_in(&app, who).await;
        for row in MATRIX {
            let path = world.fill(&app, row.path);
            let bare = path.split('?').next().unwrap_or_default();
            assert!(
                actix_web::dev::ResourceDef::new(row.route).is_match(bare),
                "{} does not match its route {}",
                row.path,
                row.route
            );
            let res = caller.send(row.method, &path, &row.body).await;
            let status = res.status().as_u16();
            let location = res
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string();
            let expected = row.expect[column];
            let got = Expect::of(status, &location);
            if got != Some(expected) {
                let class = |allowed: bool| if allowed { "allowed" } else { "refused" };
                failures.push(format!(
                    "{} {} as {who:?}: expected {expected:?} ({}), got {status} {location} ({})",
                    row.method,
                    row.path,
                    class(expected.allowed()),
                    got.map(|g| class(g.allowed())).unwrap_or("unexpected"),
                ));
            }
        }
    }
    failures
}

async fn assert_matrix(backend: Backend) {
    let failures = run_matrix(backend).await;
    assert!(
        failures.is_empty(),
        "{} cells of the authorisation matrix ({} rows × {} callers) differ:\n{}",
        failures.len(),
        MATRIX.len(),
        Who::ALL.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_sqlite() {
    assert_matrix(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_postgres() {
    assert_matrix(Backend::Postgres).await;
}
