//! Digests and nudges by e-mail (issue 13, item 4, and the low-participation
//! alert of item 2): "results are ready" when a wave closes, a weekly digest
//! of the actions due soon or overdue, and an alert when a team's
//! participation is low halfway through a wave.
//!
//! Every function takes `today` (or nothing time-dependent) so that the
//! scheduler calls them and tests run them without waiting. Each notice
//! reaches a person at most once per scope (a wave, an ISO week, a team of a
//! wave): a row of `notices_sent` is claimed before the mail goes and given
//! back when sending fails, so the next run tries again. Each person can
//! turn each kind off, on their account page or with the signed one-click
//! link in every mail (no sign-in needed).
//!
//! No mail carries a figure of the results. The participation alert carries
//! only what the campaign page's counts show (`campaigns::rates`): a count
//! hidden there (fewer than k, or hidden so that no count below k can be
//! found by subtraction) is said to be hidden, never given.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::mail::Mailer;
use super::{DomainError, DomainResult};
use crate::auth::policy::{Principal, Role};
use crate::db::models::action::ActionStatus;
use crate::db::models::campaign::{self, Campaign, CampaignStatus};
use crate::db::models::notice::{self, Recipient};
use crate::db::models::{action, new_id, now, organisation, settings, team};
use crate::db::DbConn;
use crate::i18n;

/// "Results are ready", when a wave closes.
pub const RESULTS_READY: &str = "results_ready";
/// The weekly digest of actions due soon or overdue.
pub const DIGEST: &str = "digest";
/// A team's participation is low while its wave is open.
pub const PARTICIPATION: &str = "participation";
/// Every kind, in the order the account page lists them.
pub const KINDS: [&str; 3] = [RESULTS_READY, DIGEST, PARTICIPATION];

/// The instance setting (`app_settings`) holding the low-participation
/// threshold, in % of the invited (or of the headcount when no invitation
/// was made): a whole number from 1 to 99.
pub const THRESHOLD_SETTING: &str = "notices.low_participation_percent";
pub const DEFAULT_THRESHOLD: u32 = 30;
/// Days ahead the digest looks for actions due.
pub const DIGEST_HORIZON_DAYS: i64 = 7;

const UNSUBSCRIBE_KEY: &str = "notices.unsubscribe_key";

fn db(e: diesel::result::Error) -> DomainError {
    DomainError::Db(e)
}

// ---------------------------------------------------------------------------
// Outbox: what a campaign move asks to tell, sent after its commit.

/// Records, inside the transaction of a campaign's close, that its
/// "results are ready" notices are due (`send_pending` sends them).
pub fn record_close(conn: &mut DbConn, c: &Campaign) -> DomainResult<()> {
    notice::enqueue(conn, &new_id(), RESULTS_READY, &c.id, now()).map_err(db)
}

/// Sends every notice the outbox holds, with the mailer's base URL; returns
/// how many mails went. A notice whose mails could not all be sent stays in
/// the outbox for the next call (those already sent are not sent again).
pub fn send_pending(conn: &mut DbConn, mailer: &Mailer) -> DomainResult<usize> {
    let base = mailer.base_url().to_string();
    send_pending_at(conn, mailer, &base)
}

/// `send_pending` with the base of the links given (the close handler
/// knows the address the request came to).
pub fn send_pending_at(conn: &mut DbConn, mailer: &Mailer, base_url: &str) -> DomainResult<usize> {
    let mut sent = 0;
    for (id, kind, campaign_id) in notice::pending(conn).map_err(db)? {
        let outcome = match kind.as_str() {
            RESULTS_READY => results_ready_outcome(conn, mailer, &campaign_id, base_url)?,
            _ => Outcome::default(),
        };
        sent += outcome.sent;
        if outcome.failed == 0 {
            notice::mark_done(conn, &id, now()).map_err(db)?;
        }
    }
    Ok(sent)
}

#[derive(Debug, Default, Clone, Copy)]
struct Outcome {
    sent: usize,
    failed: usize,
}

// ---------------------------------------------------------------------------
// Unsubscribing.

fn unsubscribe_key(conn: &mut DbConn) -> DomainResult<String> {
    settings::get_or_insert(conn, UNSUBSCRIBE_KEY, &crate::auth::random_token(32)).map_err(db)
}

fn signature(key: &str, user: &str, kind: &str) -> DomainResult<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes())
        .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("unsubscribe key: {e}")))?;
    mac.update(b"miroir-unsubscribe\0");
    mac.update(user.as_bytes());
    mac.update(b"\0");
    mac.update(kind.as_bytes());
    Ok(mac)
}

/// The token of a one-click unsubscribe link: `user.kind.signature`
/// (HMAC-SHA256 with a key of the instance, kept in `app_settings`).
pub fn unsubscribe_token(conn: &mut DbConn, user: &str, kind: &str) -> DomainResult<String> {
    use base64::Engine;
    let key = unsubscribe_key(conn)?;
    let tag = signature(&key, user, kind)?.finalize().into_bytes();
    Ok(format!(
        "{user}.{kind}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag)
    ))
}

/// What a valid unsubscribe token stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsubscribe {
    pub user_id: String,
    pub kind: String,
    pub email: String,
}

/// Checks a token (404 for a forged, altered or unknown one).
pub fn check_unsubscribe(conn: &mut DbConn, token: &str) -> DomainResult<Unsubscribe> {
    use base64::Engine;
    let mut parts = token.splitn(3, '.');
    let (Some(user), Some(kind), Some(tag)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(DomainError::NotFound);
    };
    if !KINDS.contains(&kind) {
        return Err(DomainError::NotFound);
    }
    let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(tag)
        .map_err(|_| DomainError::NotFound)?;
    let key = unsubscribe_key(conn)?;
    signature(&key, user, kind)?
        .verify_slice(&tag)
        .map_err(|_| DomainError::NotFound)?;
    let u = crate::db::models::user::find(conn, user)
        .map_err(db)?
        .ok_or(DomainError::NotFound)?;
    Ok(Unsubscribe {
        user_id: u.id,
        kind: kind.to_string(),
        email: u.email,
    })
}

/// Turns off the kind a valid token names.
pub fn unsubscribe(conn: &mut DbConn, token: &str) -> DomainResult<Unsubscribe> {
    let u = check_unsubscribe(conn, token)?;
    notice::set_opt_out(conn, &u.user_id, &u.kind, true).map_err(db)?;
    Ok(u)
}

/// One kind of notice and whether this person receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preference {
    pub kind: &'static str,
    pub enabled: bool,
}

pub fn preferences(conn: &mut DbConn, user: &str) -> DomainResult<Vec<Preference>> {
    let out = notice::opt_outs(conn, user).map_err(db)?;
    Ok(KINDS
        .iter()
        .map(|k| Preference {
            kind: k,
            enabled: !out.iter().any(|o| o == k),
        })
        .collect())
}

/// Receives exactly the kinds in `enabled` (unknown names are refused).
pub fn set_preferences(conn: &mut DbConn, user: &str, enabled: &[String]) -> DomainResult<()> {
    if enabled.iter().any(|k| !KINDS.contains(&k.as_str())) {
        return Err(DomainError::Validation("error-notice-kind"));
    }
    crate::db::write_transaction(conn, |conn| {
        for k in KINDS {
            notice::set_opt_out(conn, user, k, !enabled.iter().any(|e| e == k))?;
        }
        Ok::<_, DomainError>(())
    })
}

// ---------------------------------------------------------------------------
// Sending one notice to one person.

/// The recipient's language, else the organisation's default, else English.
fn language_of(r: &Recipient, org_default: &str) -> String {
    r.language
        .as_deref()
        .filter(|l| i18n::is_supported(l))
        .or(Some(org_default).filter(|l| i18n::is_supported(l)))
        .unwrap_or("en")
        .to_string()
}

/// Claims each scope for this person, composes one mail of the items newly
/// claimed and sends it; gives the claims back when sending fails. Nothing
/// for someone who turned this kind off.
fn deliver(
    conn: &mut DbConn,
    (mailer, base_url, kind): (&Mailer, &str, &str),
    r: &Recipient,
    lang: &str,
    items: Vec<(String, String)>,
    compose: impl FnOnce(&[String]) -> (String, String),
) -> DomainResult<Outcome> {
    if notice::opt_outs(conn, &r.user_id)
        .map_err(db)?
        .iter()
        .any(|k| k == kind)
    {
        return Ok(Outcome::default());
    }
    let mut claimed = Vec::new();
    let mut lines = Vec::new();
    for (scope, line) in items {
        if notice::claim(conn, kind, &scope, &r.user_id, now()).map_err(db)? {
            claimed.push(scope);
            lines.push(line);
        }
    }
    if claimed.is_empty() {
        return Ok(Outcome::default());
    }
    let (subject, body) = compose(&lines);
    let link = format!(
        "{}/unsubscribe/{}",
        base_url.trim_end_matches('/'),
        unsubscribe_token(conn, &r.user_id, kind)?
    );
    let footer = i18n::t_args(
        lang,
        "notice-footer",
        &[
            ("kind", i18n::t(lang, &format!("notice-kind-{kind}"))),
            ("link", link.clone()),
        ],
    );
    let body = format!("{body}\n\n-- \n{footer}\n");
    match mailer.send_notice(&r.email, subject, body, &link) {
        Ok(()) => Ok(Outcome { sent: 1, failed: 0 }),
        Err(e) => {
            tracing::warn!(kind, error = %e, "a notice could not be sent; it will be tried again");
            for scope in &claimed {
                notice::release(conn, kind, scope, &r.user_id).map_err(db)?;
            }
            Ok(Outcome { sent: 0, failed: 1 })
        }
    }
}

// ---------------------------------------------------------------------------
// Results are ready.

/// When a wave has closed: "results are ready" to the organisation's
/// directors (a link to the dashboard) and to each manager of a team whose
/// results the publication shows (a link to the team's page), each in their
/// language, no figure in the mail, at most once per wave per person. A
/// manager whose teams have no published result gets nothing. Returns how
/// many mails went; nothing while the wave is not closed.
pub fn results_ready(conn: &mut DbConn, mailer: &Mailer, campaign_id: &str, base_url: &str) -> DomainResult<usize> {
    Ok(results_ready_outcome(conn, mailer, campaign_id, base_url)?.sent)
}

fn results_ready_outcome(
    conn: &mut DbConn,
    mailer: &Mailer,
    campaign_id: &str,
    base_url: &str,
) -> DomainResult<Outcome> {
    let base = base_url.trim_end_matches('/');
    let Some(c) = campaign::find_by_id(conn, campaign_id).map_err(db)? else {
        return Ok(Outcome::default());
    };
    if !super::reports::is_published(&c) {
        return Ok(Outcome::default());
    }
    let org = organisation::find(conn, &c.organisation_id)
        .map_err(db)?
        .ok_or(DomainError::NotFound)?;
    // The teams as the wave was published, and those whose results the
    // report shows (customers or employees not suppressed).
    let publication = super::reports::publication(conn, &c)?;
    let report = super::reports::report_unchecked(conn, &c, None, None)?;
    let shown: BTreeSet<&str> = report
        .teams
        .iter()
        .filter(|t| !(t.group.suppressed.customer && t.group.suppressed.employee))
        .map(|t| t.code.as_str())
        .collect();
    let org_id = org.id.as_str();
    // Per person: (recipient, links as (label, url)); a director first.
    // Per person: the links, each with its team's name (none: the dashboard).
    type Links = Vec<(Option<String>, String)>;
    let mut people: BTreeMap<String, (Recipient, Links)> = BTreeMap::new();
    for r in notice::members_with_role(conn, org_id, Role::Director.as_str()).map_err(db)? {
        let link = format!("{base}/orgs/{org_id}/campaigns/{}/dashboard", c.id);
        people
            .entry(r.user_id.clone())
            .or_insert((r, Vec::new()))
            .1
            .push((None, link));
    }
    for (team_id, r) in notice::managers_of_org(conn, org_id).map_err(db)? {
        let Some(t) = publication.teams.iter().find(|t| t.id == team_id) else {
            continue;
        };
        if !shown.contains(t.code.as_str()) {
            continue;
        }
        let link = format!("{base}/orgs/{org_id}/campaigns/{}/teams/{}", c.id, t.code);
        people
            .entry(r.user_id.clone())
            .or_insert((r, Vec::new()))
            .1
            .push((Some(t.name.clone()), link));
    }
    let mut total = Outcome::default();
    for (_, (r, links)) in people {
        let lang = language_of(&r, &org.default_language);
        let lines: Vec<String> = links
            .iter()
            .map(|(label, url)| match label {
                None => i18n::t_args(&lang, "notice-results-dashboard", &[("link", url.clone())]),
                Some(team) => i18n::t_args(
                    &lang,
                    "notice-results-team",
                    &[("team", team.clone()), ("link", url.clone())],
                ),
            })
            .collect();
        let body_lines = lines.join("\n");
        let args = [
            ("name", r.display_name.clone()),
            ("campaign", c.name.clone()),
            ("organisation", org.name.clone()),
        ];
        let outcome = deliver(
            conn,
            (mailer, base, RESULTS_READY),
            &r,
            &lang,
            vec![(c.id.clone(), body_lines)],
            |lines| {
                let mut body_args = args.to_vec();
                body_args.push(("links", lines.join("\n")));
                (
                    i18n::t_args(&lang, "notice-results-subject", &args),
                    i18n::t_args(&lang, "notice-results-body", &body_args),
                )
            },
        )?;
        total.sent += outcome.sent;
        total.failed += outcome.failed;
    }
    Ok(total)
}

// ---------------------------------------------------------------------------
// The weekly digest of actions.

/// An action still to do: neither done nor dropped.
pub fn is_open(status: ActionStatus) -> bool {
    !matches!(status, ActionStatus::Done | ActionStatus::Dropped)
}

/// Overdue: a due date before today and still to do.
pub fn is_overdue(due_on: Option<NaiveDate>, status: ActionStatus, today: NaiveDate) -> bool {
    is_open(status) && due_on.is_some_and(|d| d < today)
}

/// The ISO week of a day, as `2026-W48`.
pub fn iso_week(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The member an action's free-text owner names. The rule: the owner,
/// trimmed and compared without regard to case, is a member's e-mail
/// address, or else exactly one member's display name. Anything else (a
/// name two members share, someone who is not a member) names nobody, and
/// nobody is mailed.
pub fn owner_of<'m>(owner: &str, members: &'m [Recipient]) -> Option<&'m Recipient> {
    let owner = owner.trim().to_lowercase();
    if owner.is_empty() {
        return None;
    }
    if let Some(m) = members.iter().find(|m| m.email.to_lowercase() == owner) {
        return Some(m);
    }
    let mut named = members.iter().filter(|m| m.display_name.trim().to_lowercase() == owner);
    match (named.next(), named.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// To each member who owns actions due within 7 days or overdue (see
/// `owner_of` for how owners are matched), one mail listing them with a
/// link to the action plan, at most once per ISO week. Returns how many
/// mails went.
pub fn weekly_digest(conn: &mut DbConn, mailer: &Mailer, today: NaiveDate) -> DomainResult<usize> {
    let base = mailer.base_url().trim_end_matches('/').to_string();
    let horizon = today + chrono::Duration::days(DIGEST_HORIZON_DAYS);
    let week = iso_week(today);
    // Per person: recipient, the first organisation's default language, and
    // (organisation id, organisation name, action, team name) items.
    type Item = (String, String, action::ActionRow, Option<String>);
    let mut people: BTreeMap<String, (Recipient, String, Vec<Item>)> = BTreeMap::new();
    for org_id in notice::organisation_ids(conn).map_err(db)? {
        let due: Vec<action::ActionRow> = action::list_by_org(conn, &org_id)
            .map_err(db)?
            .into_iter()
            .filter(|a| is_open(a.status) && a.due_on.is_some_and(|d| d <= horizon))
            .collect();
        if due.is_empty() {
            continue;
        }
        let Some(org) = organisation::find(conn, &org_id).map_err(db)? else {
            continue;
        };
        let members = notice::members(conn, &org_id).map_err(db)?;
        let teams = team::list_by_org(conn, &org_id).map_err(db)?;
        for a in due {
            let Some(r) = owner_of(&a.owner, &members) else {
                continue;
            };
            let team_name = a
                .team_id
                .as_deref()
                .and_then(|id| teams.iter().find(|t| t.id == id))
                .map(|t| t.name.clone());
            people
                .entry(r.user_id.clone())
                .or_insert_with(|| (r.clone(), org.default_language.clone(), Vec::new()))
                .2
                .push((org.id.clone(), org.name.clone(), a, team_name));
        }
    }
    let mut sent = 0;
    for (_, (r, org_lang, mut items)) in people {
        let lang = language_of(&r, &org_lang);
        items.sort_by(|x, y| (x.2.due_on, &x.2.point).cmp(&(y.2.due_on, &y.2.point)));
        let mut lines = Vec::new();
        let mut orgs: Vec<(String, String)> = Vec::new();
        for (org_id, org_name, a, team_name) in &items {
            let due = a.due_on.map(|d| d.to_string()).unwrap_or_default();
            let key = if is_overdue(a.due_on, a.status, today) {
                "notice-digest-item-overdue"
            } else {
                "notice-digest-item"
            };
            lines.push(i18n::t_args(
                &lang,
                key,
                &[
                    ("point", i18n::t(&lang, &format!("action-{}", a.point))),
                    (
                        "where",
                        team_name
                            .clone()
                            .unwrap_or_else(|| i18n::t(&lang, "action-whole-organisation")),
                    ),
                    ("organisation", org_name.clone()),
                    ("due", due),
                ],
            ));
            if !orgs.iter().any(|(id, _)| id == org_id) {
                orgs.push((org_id.clone(), org_name.clone()));
            }
        }
        let links: Vec<String> = orgs
            .iter()
            .map(|(id, name)| {
                i18n::t_args(
                    &lang,
                    "notice-digest-link",
                    &[
                        ("organisation", name.clone()),
                        ("link", format!("{base}/orgs/{id}/actions")),
                    ],
                )
            })
            .collect();
        let count = items.len();
        let outcome = deliver(
            conn,
            (mailer, &base, DIGEST),
            &r,
            &lang,
            vec![(week.clone(), lines.join("\n"))],
            |body| {
                (
                    i18n::t_args(&lang, "notice-digest-subject", &[("count", count.to_string())]),
                    i18n::t_args(
                        &lang,
                        "notice-digest-body",
                        &[
                            ("name", r.display_name.clone()),
                            ("items", body.join("\n")),
                            ("links", links.join("\n")),
                        ],
                    ),
                )
            },
        )?;
        sent += outcome.sent;
    }
    Ok(sent)
}

// ---------------------------------------------------------------------------
// Low participation.

/// The threshold in %: the instance setting, else 30.
pub fn threshold(conn: &mut DbConn) -> DomainResult<u32> {
    Ok(settings::get(conn, THRESHOLD_SETTING)
        .map_err(db)?
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|v| (1..=99).contains(v))
        .unwrap_or(DEFAULT_THRESHOLD))
}

/// Sets the instance threshold (1–99 %).
pub fn set_threshold(conn: &mut DbConn, percent: u32) -> DomainResult<()> {
    if !(1..=99).contains(&percent) {
        return Err(DomainError::Field("threshold", "error-notice-threshold"));
    }
    crate::db::write_transaction(conn, |conn| {
        settings::delete_prefixed(conn, THRESHOLD_SETTING)?;
        settings::insert(conn, THRESHOLD_SETTING, &percent.to_string())
    })
    .map_err(db)
}

/// Whether half a wave's duration has passed (a one-day wave: on its day).
pub fn past_halfway(c: &Campaign, today: NaiveDate) -> bool {
    let duration = (c.closes_on - c.opens_on).num_days();
    let elapsed = (today - c.opens_on).num_days();
    today <= c.closes_on && elapsed >= 0 && elapsed * 2 >= duration
}

/// A team whose participation is low, as the alert says it.
struct LowTeam {
    team_id: String,
    name: String,
    /// The count as `rates` shows it (`None`: hidden there).
    employees: Option<u64>,
    invited: i64,
}

/// While a wave is open and half its duration has passed: for each team of
/// at least k invited (its invitations, or its headcount when none was
/// made) whose employee answers, as `campaigns::rates` shows them, are
/// below the threshold of that number, or are hidden there, an alert to the
/// team's managers and the organisation's directors, at most once per team
/// per wave and person. Returns how many mails went.
pub fn low_participation(conn: &mut DbConn, mailer: &Mailer, today: NaiveDate) -> DomainResult<usize> {
    let base = mailer.base_url().trim_end_matches('/').to_string();
    let percent = u64::from(threshold(conn)?);
    let mut sent = 0;
    for id in notice::campaigns_with_status(conn, CampaignStatus::Open.as_str()).map_err(db)? {
        let Some(c) = campaign::find_by_id(conn, &id).map_err(db)? else {
            continue;
        };
        if !past_halfway(&c, today) {
            continue;
        }
        let Some(org) = organisation::find(conn, &c.organisation_id).map_err(db)? else {
            continue;
        };
        // The rates as a director of the organisation sees them.
        let reader = Principal {
            user_id: String::new(),
            is_platform_admin: false,
            is_consultant: false,
            memberships: [(org.id.clone(), Role::Director)].into_iter().collect(),
            managed_teams: Default::default(),
        };
        let rates = super::campaigns::rates(conn, &reader, &c)?;
        let low: Vec<LowTeam> = rates
            .teams
            .iter()
            .filter_map(|t| {
                let invited = if t.invitations > 0 {
                    t.invitations
                } else {
                    i64::from(t.headcount)
                };
                let denominator = u64::try_from(invited).ok()?;
                if denominator < rates.k {
                    return None;
                }
                let is_low = match t.employees {
                    Some(e) => e * 100 < percent * denominator,
                    None => true,
                };
                is_low.then(|| LowTeam {
                    team_id: t.team_id.clone(),
                    name: t.name.clone(),
                    employees: t.employees,
                    invited,
                })
            })
            .collect();
        if low.is_empty() {
            continue;
        }
        let mut people: BTreeMap<String, (Recipient, Vec<&LowTeam>)> = BTreeMap::new();
        for r in notice::members_with_role(conn, &org.id, Role::Director.as_str()).map_err(db)? {
            people.insert(r.user_id.clone(), (r, low.iter().collect()));
        }
        for (team_id, r) in notice::managers_of_org(conn, &org.id).map_err(db)? {
            if let Some(t) = low.iter().find(|t| t.team_id == team_id) {
                let entry = people.entry(r.user_id.clone()).or_insert((r, Vec::new()));
                if !entry.1.iter().any(|x| x.team_id == t.team_id) {
                    entry.1.push(t);
                }
            }
        }
        let link = format!("{base}/orgs/{}/campaigns/{}", org.id, c.id);
        for (_, (r, teams)) in people {
            let lang = language_of(&r, &org.default_language);
            let items = teams
                .iter()
                .map(|t| {
                    let line = match t.employees {
                        Some(e) => i18n::t_args(
                            &lang,
                            "notice-participation-team",
                            &[
                                ("team", t.name.clone()),
                                ("answers", e.to_string()),
                                ("invited", t.invited.to_string()),
                            ],
                        ),
                        None => i18n::t_args(
                            &lang,
                            "notice-participation-team-hidden",
                            &[("team", t.name.clone()), ("k", rates.k.to_string())],
                        ),
                    };
                    (format!("{}:{}", c.id, t.team_id), line)
                })
                .collect();
            let outcome = deliver(conn, (mailer, &base, PARTICIPATION), &r, &lang, items, |lines| {
                (
                    i18n::t_args(&lang, "notice-participation-subject", &[("campaign", c.name.clone())]),
                    i18n::t_args(
                        &lang,
                        "notice-participation-body",
                        &[
                            ("name", r.display_name.clone()),
                            ("campaign", c.name.clone()),
                            ("threshold", percent.to_string()),
                            ("closes", c.closes_on.to_string()),
                            ("teams", lines.join("\n")),
                            ("link", link.clone()),
                        ],
                    ),
                )
            })?;
            sent += outcome.sent;
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(email: &str, name: &str) -> Recipient {
        Recipient {
            user_id: email.to_string(),
            email: email.to_string(),
            display_name: name.to_string(),
            language: None,
        }
    }

    #[test]
    fn owners_match_by_email_or_one_display_name() {
        let members = [
            member("ana@example.org", "Ana Diaz"),
            member("bob@example.org", "Bob"),
            member("bob2@example.org", "bob"),
        ];
        assert_eq!(
            owner_of(" ANA@example.org ", &members).map(|m| m.user_id.as_str()),
            Some("ana@example.org")
        );
        assert_eq!(
            owner_of("ana diaz", &members).map(|m| m.user_id.as_str()),
            Some("ana@example.org")
        );
        assert_eq!(owner_of("Bob", &members), None, "two members share the name");
        assert_eq!(
            owner_of("bob2@example.org", &members).map(|m| m.user_id.as_str()),
            Some("bob2@example.org")
        );
        assert_eq!(owner_of("Carla", &members), None);
        assert_eq!(owner_of("  ", &members), None);
    }

    #[test]
    fn overdue_is_before_today_and_still_to_do() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let yesterday = today.pred_opt();
        assert!(is_overdue(yesterday, ActionStatus::Planned, today));
        assert!(is_overdue(yesterday, ActionStatus::InProgress, today));
        assert!(!is_overdue(yesterday, ActionStatus::Done, today));
        assert!(!is_overdue(yesterday, ActionStatus::Dropped, today));
        assert!(!is_overdue(Some(today), ActionStatus::Planned, today));
        assert!(!is_overdue(None, ActionStatus::Planned, today));
    }

    #[test]
    fn weeks_and_halfway() {
        assert_eq!(iso_week(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()), "2026-W48");
        assert_eq!(iso_week(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()), "2026-W53");
        let c = Campaign {
            id: String::new(),
            organisation_id: String::new(),
            code: String::new(),
            name: String::new(),
            opens_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            closes_on: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            languages: String::new(),
            populations: String::new(),
            status: CampaignStatus::Open,
            instrument_version: 1,
            created_at: now(),
        };
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert!(!past_halfway(&c, day(10)));
        assert!(past_halfway(&c, day(11)));
        assert!(past_halfway(&c, day(21)));
        assert!(!past_halfway(&c, day(22)));
    }

    #[test]
    fn tokens_are_user_kind_and_a_signature() {
        let key = "k".repeat(32);
        let a = signature(&key, "u1", DIGEST).unwrap().finalize().into_bytes();
        let b = signature(&key, "u1", RESULTS_READY).unwrap().finalize().into_bytes();
        let c = signature(&key, "u2", DIGEST).unwrap().finalize().into_bytes();
        assert_ne!(a, b);
        assert_ne!(a, c);
    }
}
