//! Waves that run themselves: a scheduled campaign opens on its opening
//! date and closes at the end of its closing date, in its time zone. The
//! server runs [`tick`] at start-up (moves missed while it was down happen
//! then) and every `MIROIR_SCHEDULER_MS`; with several instances on one
//! PostgreSQL, one holds the lease and ticks, and a move is made by a
//! status-guarded update, so a wave opens or closes once whatever happens.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::campaigns::{self, Actor, Campaign, CampaignStatus, Transition};
use super::{DomainError, DomainResult};
use crate::db::models::schedule;
use crate::db::DbConn;

/// The time zone a new schedule takes when none is given.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Paris";

/// A time zone name as the schedule stores it (IANA, e.g. `Europe/Paris`).
pub fn parse_time_zone(name: &str) -> Result<Tz, &'static str> {
    name.trim().parse::<Tz>().map_err(|_| "error-time-zone")
}

/// The date at `now` on the calendar of `zone` (a schedule's time zone;
/// none: [`DEFAULT_TIME_ZONE`]). Opening and closing dates are dates of
/// the people a wave is for, not of the server's UTC day.
pub fn local_date(zone: Option<&str>, now: DateTime<Utc>) -> Result<NaiveDate, &'static str> {
    let tz = parse_time_zone(zone.unwrap_or(DEFAULT_TIME_ZONE))?;
    Ok(now.with_timezone(&tz).date_naive())
}

/// The move a scheduled campaign is due for on `today` (its local date).
pub fn due(c: &Campaign, today: NaiveDate) -> Option<Transition> {
    match c.status {
        CampaignStatus::Draft if today >= c.opens_on && today <= c.closes_on => Some(Transition::Open),
        // A draft whose whole period passed unopened is left alone: opening
        // it only to close it would publish an empty wave.
        CampaignStatus::Open if today > c.closes_on => Some(Transition::Close),
        _ => None,
    }
}

/// The scheduled campaigns due a move at `now`, and the move. Reads only:
/// a pass with nothing to do writes nothing (on SQLite a background writer
/// would otherwise contend with every request's transaction).
pub fn due_moves(conn: &mut DbConn, now: DateTime<Utc>) -> DomainResult<Vec<(Campaign, Transition)>> {
    let mut due_now = Vec::new();
    for (c, zone) in schedule::pending(conn)? {
        let Ok(today) = local_date(Some(&zone), now) else {
            tracing::warn!(campaign = %c.id, "a schedule with an unknown time zone is skipped");
            continue;
        };
        // A draft due to open on a day that already ended may also be due to
        // close: one move per pass, the next pass makes the other.
        if let Some(step) = due(&c, today) {
            due_now.push((c, step));
        }
    }
    Ok(due_now)
}

/// One pass: every scheduled campaign due a move at `now` makes it. Answers
/// the moves made (campaign id and move); a move another instance or a
/// person made first is not repeated.
pub fn tick(conn: &mut DbConn, now: DateTime<Utc>) -> DomainResult<Vec<(String, Transition)>> {
    let moves = due_moves(conn, now)?;
    apply_moves(conn, moves)
}

/// Makes the moves `due_moves` found.
pub fn apply_moves(conn: &mut DbConn, moves: Vec<(Campaign, Transition)>) -> DomainResult<Vec<(String, Transition)>> {
    let mut moved = Vec::new();
    for (c, step) in moves {
        let id = c.id.clone();
        match campaigns::apply(conn, c, step, Actor::Scheduler) {
            Ok(_) => {
                tracing::info!(campaign = %id, step = step.as_str(), "scheduled move");
                moved.push((id, step));
            }
            Err(DomainError::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(moved)
}

/// Takes the scheduler's lease for `holder` (an instance) for `seconds`;
/// false when another live instance holds it.
pub fn lease(conn: &mut DbConn, holder: &str, now: DateTime<Utc>, seconds: i64) -> DomainResult<bool> {
    let now = now.naive_utc();
    Ok(schedule::lease(
        conn,
        "scheduler",
        holder,
        now,
        now + chrono::Duration::seconds(seconds),
    )?)
}

/// The mail a pass sends, each at most once however many instances run it
/// (each claims what it sends): "results are ready" after a close, the
/// scheduled reminder three days before a closing date, the weekly digest
/// of actions and the low-participation alerts. Answers how many went.
pub fn send_mail(conn: &mut DbConn, mailer: &crate::domain::mail::Mailer, now: DateTime<Utc>) -> DomainResult<usize> {
    // The digest's week and a wave's halfway point are read on the
    // calendar of the people they are for (Paris, the default of every
    // schedule), not on UTC's: between midnight in Paris and midnight UTC
    // the two dates differ. Reminders take each wave's own time zone.
    let today = local_date(None, now).unwrap_or_else(|_| now.date_naive());
    let mut sent = super::notices::send_pending(conn, mailer)?;
    sent += super::reminders::send_due(conn, mailer, now)?;
    sent += super::notices::weekly_digest(conn, mailer, today)?;
    sent += super::notices::low_participation(conn, mailer, today)?;
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(status: CampaignStatus, opens: (u32, u32), closes: (u32, u32)) -> Campaign {
        Campaign {
            id: "c".into(),
            organisation_id: "o".into(),
            code: "x".into(),
            name: "Wave".into(),
            opens_on: NaiveDate::from_ymd_opt(2026, opens.0, opens.1).unwrap(),
            closes_on: NaiveDate::from_ymd_opt(2026, closes.0, closes.1).unwrap(),
            languages: "fr".into(),
            populations: "customer".into(),
            status,
            instrument_version: 2,
            created_at: chrono::NaiveDateTime::default(),
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_date_is_read_on_the_wave_s_calendar() {
        let late = NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(23, 30, 0)
            .unwrap()
            .and_utc();
        let next = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(local_date(None, late), Ok(next), "Paris when the wave has no schedule");
        assert_eq!(local_date(Some("Europe/Paris"), late), Ok(next));
        assert_eq!(local_date(Some("America/Montreal"), late), Ok(late.date_naive()));
        assert_eq!(local_date(Some("Mars/Olympus"), late), Err("error-time-zone"));
    }

    #[test]
    fn a_wave_opens_on_its_first_day_and_closes_after_its_last() {
        let draft = campaign(CampaignStatus::Draft, (3, 1), (3, 31));
        assert_eq!(due(&draft, day(2, 28)), None);
        assert_eq!(due(&draft, day(3, 1)), Some(Transition::Open));
        assert_eq!(due(&draft, day(3, 15)), Some(Transition::Open), "missed while down");
        assert_eq!(due(&draft, day(4, 1)), None, "a period that passed unopened");
        let open = campaign(CampaignStatus::Open, (3, 1), (3, 31));
        assert_eq!(due(&open, day(3, 31)), None, "open all of its last day");
        assert_eq!(due(&open, day(4, 1)), Some(Transition::Close));
        let closed = campaign(CampaignStatus::Closed, (3, 1), (3, 31));
        assert_eq!(due(&closed, day(5, 1)), None);
    }

    #[test]
    fn the_local_date_decides() {
        // 23:30 UTC on 31 March is already 1 April in Paris (UTC+2 in
        // summer time) but still 31 March in New York.
        let now: DateTime<Utc> = "2026-03-31T23:30:00Z".parse().unwrap();
        let paris = now
            .with_timezone(&parse_time_zone("Europe/Paris").unwrap())
            .date_naive();
        let new_york = now
            .with_timezone(&parse_time_zone("America/New_York").unwrap())
            .date_naive();
        let open = campaign(CampaignStatus::Open, (3, 1), (3, 31));
        assert_eq!(due(&open, paris), Some(Transition::Close));
        assert_eq!(due(&open, new_york), None);
        assert!(parse_time_zone("Mars/Olympus").is_err());
    }
}
