//! Reminders without linkage (issue 13, METHOD.md §7).
//!
//! When invitations go by e-mail, each address is kept beside its
//! invitation with the link it carried, sealed (`auth::seal`: an AEAD under
//! a key derived from the instance secret, a random nonce per address, the
//! token hash as associated data), and only while the wave is open: the
//! close erases them all (`erase`, called by `campaigns::apply`). A
//! reminder goes to the addresses whose invitation is still unused, at most
//! [`MAX_REMINDERS`] per wave, on demand or on the schedule ([`send_due`]).
//!
//! What a database administrator sees, and why it pairs nothing: an
//! invitation's `used` flag is a boolean without a time, and using one
//! rewrites every invitation of its team in the same statement batch
//! (`campaign::claim_invitation`), in a transaction of its own; the kept
//! address is not touched at all when its invitation is used; a response
//! has a random id, no reference to an invitation, and its submission
//! date only (no time). So the kept addresses tell who has not answered
//! yet (which is what a reminder needs) but never which answer is whose.

use chrono::{DateTime, NaiveDate, Utc};

use super::campaigns::{Campaign, CampaignStatus};
use super::mail::Mailer;
use super::types::Email;
use super::{authorise, DomainError, DomainResult};
use crate::auth::hash_token;
use crate::auth::policy::{Action, Principal};
use crate::db::models::{campaign, organisation, reminder, schedule, team};
use crate::db::DbConn;

/// The HKDF purpose of the key that seals the kept addresses.
pub const KEY_PURPOSE: &str = "invitation-addresses v1";
/// Reminders per wave, on demand and scheduled together.
pub const MAX_REMINDERS: i32 = 3;
/// The scheduled reminder goes this many days before the closing date.
pub const DAYS_BEFORE_CLOSE: i64 = 3;

/// Makes one invitation per address for a team, keeps each address sealed
/// beside its invitation until the wave closes, and e-mails each its link
/// (`base` + `/i/` + token); returns how many were sent.
pub fn invite_by_email(
    conn: &mut DbConn,
    mailer: &Mailer,
    p: &Principal,
    campaign_id: &str,
    team_code: &str,
    recipients: &[Email],
    base: &str,
) -> DomainResult<usize> {
    if recipients.is_empty() {
        return Err(DomainError::Field("emails", "error-invitation-count"));
    }
    let key = mailer.address_key()?;
    let (c, team_name, links) = crate::db::write_transaction(conn, |conn| {
        let tokens = super::campaigns::invite(conn, p, campaign_id, team_code, Some(recipients.len()))?;
        let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
        let team_name = team::find_by_code(conn, &c.organisation_id, team_code)?
            .map(|t| t.name)
            .unwrap_or_default();
        let mut rows = Vec::with_capacity(tokens.len());
        let mut links = Vec::with_capacity(tokens.len());
        for (to, token) in recipients.iter().zip(&tokens) {
            let hash = hash_token(token);
            let link = format!("{base}/i/{token}");
            rows.push((hash.clone(), key.seal(&hash, &format!("{}\n{link}", to.as_str()))?));
            links.push(link);
        }
        reminder::insert_addresses(conn, &c.id, &rows)?;
        Ok::<_, DomainError>((c, team_name, links))
    })?;
    let lang = language(conn, &c)?;
    mailer.send_invitations(&lang, &c.name, &team_name, recipients, &links)
}

/// The addresses of an API call, each checked, without repeats.
pub fn parse_addresses(list: &[String]) -> DomainResult<Vec<Email>> {
    let mut out: Vec<Email> = Vec::new();
    for raw in list {
        let email = Email::parse(raw.trim()).map_err(|k| DomainError::Field("emails", k))?;
        if !out.contains(&email) {
            out.push(email);
        }
    }
    if out.is_empty() || out.len() > super::campaigns::MAX_INVITATIONS {
        return Err(DomainError::Field("emails", "error-invitation-count"));
    }
    Ok(out)
}

/// The language of a campaign's e-mails: the organisation's when the
/// campaign is in it, else the campaign's first.
fn language(conn: &mut DbConn, c: &Campaign) -> DomainResult<String> {
    let org = organisation::find(conn, &c.organisation_id)?.ok_or(DomainError::NotFound)?;
    let languages = c.language_list();
    Ok(if languages.is_empty() || languages.contains(&org.default_language) {
        org.default_language
    } else {
        languages[0].clone()
    })
}

/// What the campaign page and the API say about a wave's reminders.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReminderStatus {
    /// Addresses kept (sealed) for the wave.
    pub kept: i64,
    pub sent: i32,
    pub left: i32,
    pub scheduled_sent: bool,
    /// The day the scheduled reminder goes.
    pub scheduled_on: NaiveDate,
}

pub fn status(conn: &mut DbConn, p: &Principal, c: &Campaign) -> DomainResult<ReminderStatus> {
    authorise(
        p,
        Action::ViewOrganisation {
            org: &c.organisation_id,
        },
    )?;
    let (sent, scheduled_sent) = reminder::counter(conn, &c.id)?;
    Ok(ReminderStatus {
        kept: reminder::count_addresses(conn, &c.id)?,
        sent,
        left: (MAX_REMINDERS - sent).max(0),
        scheduled_sent,
        scheduled_on: c.closes_on - chrono::Duration::days(DAYS_BEFORE_CLOSE),
    })
}

/// A reminder on demand (director, consultant, administrator): to every
/// kept address whose invitation is still unused; returns how many were
/// sent. 409 when the wave is not open, its reminders are used up, or
/// there is no mailer (e-mail not configured).
pub fn send_now(conn: &mut DbConn, mailer: Option<&Mailer>, p: &Principal, campaign_id: &str) -> DomainResult<usize> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::SendReminders {
            org: &c.organisation_id,
        },
    )?;
    let mailer = mailer.ok_or(DomainError::Conflict("error-mail-not-configured"))?;
    send(conn, mailer, &c)
}

/// Sends a wave's reminder to the addresses whose invitation is still
/// unused, in the campaign's (or organisation's) language, with each
/// person's own link. Nobody to remind: 0, and no reminder is spent.
/// Callers have authorised it.
pub fn send(conn: &mut DbConn, mailer: &Mailer, c: &Campaign) -> DomainResult<usize> {
    if c.status != CampaignStatus::Open {
        return Err(DomainError::Conflict("error-reminder-not-open"));
    }
    let key = mailer.address_key()?;
    let kept = reminder::unused_addresses(conn, &c.id)?;
    if kept.is_empty() {
        return Ok(0);
    }
    let mut recipients = Vec::with_capacity(kept.len());
    for (hash, sealed) in &kept {
        let plain = key.open(hash, sealed)?;
        let Some((address, link)) = plain.split_once('\n') else {
            return Err(DomainError::Unexpected(anyhow::anyhow!(
                "a kept address without its link"
            )));
        };
        let address = Email::parse(address)
            .map_err(|_| DomainError::Unexpected(anyhow::anyhow!("a kept address that does not parse")))?;
        recipients.push((address, link.to_string()));
    }
    if !reminder::take_reminder(conn, &c.id, MAX_REMINDERS)? {
        return Err(DomainError::Conflict("error-reminders-exhausted"));
    }
    let lang = language(conn, c)?;
    let closes = crate::render::date::long(&lang, c.closes_on);
    let sent = mailer.send_reminders(&lang, &c.name, &closes, &recipients)?;
    tracing::info!(sent, "reminders sent");
    Ok(sent)
}

/// The scheduled reminders due at `now`: every open wave whose closing
/// date is in [`DAYS_BEFORE_CLOSE`] days (or nearer, when a run was missed)
/// on the wave's own calendar (its schedule's time zone, Paris when it has
/// none: the day its people live, not the server's UTC day) and that has
/// not had its scheduled reminder yet. Safe to call from several
/// instances and several times a day: each wave's scheduled reminder is
/// claimed by one statement before it is sent. Returns the e-mails sent.
pub fn send_due(conn: &mut DbConn, mailer: &Mailer, now: DateTime<Utc>) -> DomainResult<usize> {
    // Every time zone's date is within a day of UTC's.
    let utc = now.date_naive();
    let around = reminder::open_closing_between(
        conn,
        utc - chrono::Duration::days(1),
        utc + chrono::Duration::days(DAYS_BEFORE_CLOSE + 1),
    )?;
    let mut due = Vec::new();
    for c in around {
        let zone = schedule::of(conn, &c.id)?;
        let Ok(today) = super::scheduler::local_date(zone.as_deref(), now) else {
            tracing::warn!(campaign = %c.id, "a schedule with an unknown time zone is skipped");
            continue;
        };
        if c.closes_on >= today && c.closes_on <= today + chrono::Duration::days(DAYS_BEFORE_CLOSE) {
            due.push(c);
        }
    }
    let mut total = 0;
    for c in due {
        if reminder::counter(conn, &c.id)?.1 || !reminder::take_scheduled(conn, &c.id)? {
            continue;
        }
        match send(conn, mailer, &c) {
            Ok(n) => total += n,
            // The three reminders were spent on demand: none is left for
            // the schedule, and that is not a failure.
            Err(DomainError::Conflict(_)) => {}
            Err(e) => {
                reminder::release_scheduled(conn, &c.id)?;
                return Err(e);
            }
        }
    }
    Ok(total)
}

/// Erases every address a wave kept (its close: `campaigns::apply`).
pub fn erase(conn: &mut DbConn, campaign_id: &str) -> DomainResult<usize> {
    Ok(reminder::erase_addresses(conn, campaign_id)?)
}
