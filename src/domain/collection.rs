//! Collecting answers: the questionnaire of each population as a form model,
//! checking a submission, and storing it with its aggregates in one
//! transaction. An invitation is marked used in that same transaction, with
//! nothing that relates it to the response.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::instrument::{items_for, message_id};
use super::{DomainError, DomainResult, MessageKey};
use crate::analytics::items::Headline;
use crate::analytics::{Channel, InstrumentVersion, ItemCode, Population, Respondent};
use crate::auth::hash_token;
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::new_id;
use crate::db::models::response::{self, ContactRequest, Response};
use crate::db::DbConn;

/// The value a form sends for "don't know / not applicable".
pub const DONT_KNOW: &str = "dk";
pub const MAX_COMMENT: usize = 2000;

/// One choice of a question.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    /// Message id of the label, or none for a bare number.
    pub label_key: Option<String>,
    pub checked: bool,
}

/// One question as the survey page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub code: String,
    pub text_key: String,
    /// `likert`, `estimate` (0–10 out of 10, or "don't know"), `scale11`
    /// (0–10), `scale7`, `csat`, `yesno`
    pub kind: &'static str,
    pub choices: Vec<Choice>,
    pub error: Option<MessageKey>,
}

/// A block of questions under one lead-in.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub lead_key: Option<String>,
    pub questions: Vec<Question>,
    /// 1-based position and count, for "Part 2 of 3".
    pub number: usize,
    pub of: usize,
}

fn kind_of(version: InstrumentVersion, code: ItemCode) -> &'static str {
    match code {
        _ if code.is_estimate(version) => "estimate",
        ItemCode::Headline(Headline::Nps | Headline::Enps) => "scale11",
        ItemCode::Headline(Headline::Ces | Headline::Ies) => "scale7",
        ItemCode::Headline(Headline::Csat) => "csat",
        ItemCode::Headline(Headline::Fcr) => "yesno",
        _ => "likert",
    }
}

/// Whether a question offers "don't know / not applicable" (stored as a
/// missing answer).
fn has_dont_know(kind: &str) -> bool {
    matches!(kind, "likert" | "estimate")
}

fn choices(version: InstrumentVersion, code: ItemCode, kind: &'static str, current: Option<&str>) -> Vec<Choice> {
    let (lo, hi) = code.scale(version);
    let label = |v: u8| -> Option<String> {
        match (kind, v) {
            ("likert", v) => Some(format!("scale-agree-{v}")),
            ("csat", v) => Some(format!("scale-csat-{v}")),
            ("yesno", 1) => Some("scale-fcr-yes".into()),
            ("yesno", _) => Some("scale-fcr-no".into()),
            _ => None,
        }
    };
    let values: Vec<u8> = if kind == "yesno" {
        vec![1, 0]
    } else {
        (lo..=hi).collect()
    };
    let mut out: Vec<Choice> = values
        .into_iter()
        .map(|v| Choice {
            value: v.to_string(),
            label_key: label(v),
            checked: current == Some(&v.to_string()),
        })
        .collect();
    if has_dont_know(kind) {
        out.push(Choice {
            value: DONT_KNOW.into(),
            label_key: Some("scale-dont-know".into()),
            checked: current == Some(DONT_KNOW),
        });
    }
    out
}

/// The questionnaire of a population in the campaign's instrument
/// `version`, with the answers typed so far and the message beside each
/// refused question.
pub fn questionnaire(
    version: InstrumentVersion,
    population: Population,
    typed: &HashMap<String, String>,
    errors: &BTreeMap<String, MessageKey>,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (def, code) in items_for(version, population) {
        let kind = kind_of(version, code);
        // Estimates ask "out of 10 … how many would agree that …?" above
        // the same statements.
        let lead = def.perspective.as_ref().map(|p| match kind {
            "estimate" => format!("perspective-{p}-estimate-lead"),
            _ => format!("perspective-{p}-lead"),
        });
        let question = Question {
            code: def.code.clone(),
            text_key: message_id(&def.code),
            kind,
            choices: choices(version, code, kind, typed.get(&def.code).map(String::as_str)),
            error: errors.get(&def.code).copied(),
        };
        match sections.last_mut() {
            Some(s) if s.lead_key == lead => s.questions.push(question),
            _ => sections.push(Section {
                lead_key: lead,
                questions: vec![question],
                number: 0,
                of: 0,
            }),
        }
    }
    let of = sections.len();
    for (i, s) in sections.iter_mut().enumerate() {
        s.number = i + 1;
        s.of = of;
    }
    sections
}

/// Checks every question of the population in the campaign's instrument
/// `version`: each needs a choice ("don't know" counts for agreement and
/// estimate questions). Returns the non-missing answers, or the message for
/// each refused question.
pub fn check_answers(
    version: InstrumentVersion,
    population: Population,
    form: &HashMap<String, String>,
) -> Result<Vec<(ItemCode, u8)>, BTreeMap<String, MessageKey>> {
    let mut answers = Vec::new();
    let mut errors = BTreeMap::new();
    for (def, code) in items_for(version, population) {
        match form.get(&def.code).map(|v| v.trim()) {
            None | Some("") => {
                errors.insert(def.code.clone(), "error-answer-missing");
            }
            Some(DONT_KNOW) if has_dont_know(kind_of(version, code)) => {}
            Some(v) => match v.parse::<u8>() {
                Ok(value) if code.accepts(version, value) => answers.push((code, value)),
                _ => {
                    errors.insert(def.code.clone(), "error-answer-invalid");
                }
            },
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// Where a submission comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A customer from the team's public link.
    Customer { team_id: String, channel: Channel },
    /// An employee from an invitation token.
    Invitation { token: String },
    /// A signed-in manager for a team, or an executive (team `None`).
    Signed {
        team_id: Option<String>,
        author_id: String,
        population: Population,
    },
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub source: Source,
    pub answers: Vec<(ItemCode, u8)>,
    pub comment: Option<String>,
    /// (e-mail or phone, message) of a customer who asked to be contacted.
    pub contact: Option<(String, Option<String>)>,
    pub idempotency_key: String,
    pub language: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    New,
    /// The same form was sent again (double click, back and resubmit).
    Duplicate,
}

/// The invitation's campaign and team, or why it cannot be used.
pub fn invitation(conn: &mut DbConn, token: &str) -> DomainResult<(Campaign, String)> {
    let (campaign_id, team_id, used) = campaign::find_invitation(conn, &hash_token(token))?
        .ok_or(DomainError::Validation("error-invitation-unknown"))?;
    if used {
        return Err(DomainError::Conflict("error-invitation-used"));
    }
    let c = campaign::find_by_id(conn, &campaign_id)?.ok_or(DomainError::NotFound)?;
    Ok((c, team_id))
}

fn clean_comment(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().chars().take(MAX_COMMENT).collect::<String>())
        .filter(|t| !t.is_empty())
}

/// Stores a submission, its aggregates and a contact request, all or
/// nothing. A signed self-assessment replaces the author's previous one. A
/// transaction that lost a race (the same form or the same author at once)
/// is tried again, and then sees the winner's row.
///
/// An employee's invitation is used in a transaction of its own, before
/// the response's and apart from it (METHOD.md §7: not even a database
/// administrator may pair them). Using it rewrites every invitation of the
/// same team and wave, so the used one carries nothing (transaction id,
/// position) that tells it from the others or ties it to the response. If
/// the response then cannot be stored, the invitation is given back.
///
/// The server writes through its [`super::writer::Writer`], which calls the
/// same three steps with many submissions in one transaction.
pub fn store(conn: &mut DbConn, campaign: &Campaign, submission: Submission) -> DomainResult<Stored> {
    let invited = match claim(conn, campaign, &submission)? {
        Claim::Duplicate => return Ok(Stored::Duplicate),
        Claim::Ready(invited) => invited,
    };
    let pending = Pending {
        campaign: campaign.clone(),
        submission,
        invited_team: invited.as_ref().map(|i| i.team.clone()),
    };
    let outcome = store_batch(conn, std::slice::from_ref(&pending))
        .pop()
        .unwrap_or(Err(DomainError::Unexpected(anyhow::anyhow!("no outcome"))));
    give_back(conn, campaign, invited.as_ref(), &outcome)?;
    outcome
}

/// An employee's used invitation: its hash and team.
#[derive(Debug, Clone)]
pub struct Invited {
    hash: String,
    pub team: String,
}

/// What happens before a submission is written.
pub enum Claim {
    /// The same form was already stored.
    Duplicate,
    /// Ready to be written (with the invitation it used, if any).
    Ready(Option<Invited>),
}

/// Checks that the campaign takes answers and uses an employee's
/// invitation (its own transaction).
pub fn claim(conn: &mut DbConn, campaign: &Campaign, submission: &Submission) -> DomainResult<Claim> {
    let Some(token) = claim_without_invitation(campaign, submission)? else {
        return Ok(Claim::Ready(None));
    };
    if response::submission_key_exists(conn, &submission.idempotency_key)? {
        return Ok(Claim::Duplicate);
    }
    match claim_invitation(conn, campaign, token) {
        Ok(team) => Ok(Claim::Ready(Some(Invited {
            hash: hash_token(token),
            team,
        }))),
        Err(e) => duplicate_or(conn, &submission.idempotency_key, e).map(|_| Claim::Duplicate),
    }
}

/// The part of [`claim`] that needs no database: whether the campaign
/// takes answers; the invitation token to use, if the submission has one.
pub fn claim_without_invitation<'a>(campaign: &Campaign, submission: &'a Submission) -> DomainResult<Option<&'a str>> {
    if !campaign.status.accepts_answers() {
        return Err(DomainError::Conflict("error-campaign-closed"));
    }
    Ok(match &submission.source {
        Source::Invitation { token } => Some(token),
        _ => None,
    })
}

/// Gives an invitation back when its response was not stored.
pub fn give_back(
    conn: &mut DbConn,
    campaign: &Campaign,
    invited: Option<&Invited>,
    outcome: &DomainResult<Stored>,
) -> DomainResult<()> {
    if let (Some(Invited { hash, team }), Err(_) | Ok(Stored::Duplicate)) = (invited, outcome) {
        crate::db::write_transaction(conn, |conn| {
            campaign::release_invitation(conn, &campaign.id, team, hash)
        })?;
    }
    Ok(())
}

/// Marks the invitation used (its own transaction); the invited team.
fn claim_invitation(conn: &mut DbConn, campaign: &Campaign, token: &str) -> DomainResult<String> {
    let hash = hash_token(token);
    crate::db::write_transaction(conn, |conn| {
        let (invited_campaign, team_id) = invitation(conn, token)?;
        if invited_campaign.id != campaign.id || campaign::claim_invitation(conn, &campaign.id, &team_id, &hash)? == 0 {
            return Err(DomainError::Conflict("error-invitation-used"));
        }
        Ok(team_id)
    })
}

/// A form sent twice at once: the second finds the invitation used by the
/// first, whose response is being stored. Waits a little for the first's
/// submission key so that both answer alike; otherwise the error stands.
fn duplicate_or(conn: &mut DbConn, key: &str, e: DomainError) -> DomainResult<Stored> {
    if !matches!(e, DomainError::Conflict("error-invitation-used")) {
        return Err(e);
    }
    for _ in 0..20 {
        if response::submission_key_exists(conn, key)? {
            return Ok(Stored::Duplicate);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Err(e)
}

/// A claimed submission waiting to be written.
#[derive(Debug, Clone)]
pub struct Pending {
    pub campaign: Campaign,
    pub submission: Submission,
    /// The team of the invitation an employee's submission used.
    pub invited_team: Option<String>,
}

/// Writes claimed submissions, the outcome of each in order. Anonymous
/// ones are written together in one transaction (one statement per table
/// and chunk, one merged upsert of the aggregates: group commit); a signed
/// self-assessment, which replaces its author's previous one, in a
/// transaction of its own. A group whose transaction fails is written again
/// one by one, so one bad submission costs the others nothing.
pub fn store_batch(conn: &mut DbConn, items: &[Pending]) -> Vec<DomainResult<Stored>> {
    let mut outcomes: Vec<Option<DomainResult<Stored>>> = (0..items.len()).map(|_| None).collect();
    let (signed, anonymous): (Vec<usize>, Vec<usize>) =
        (0..items.len()).partition(|i| matches!(items[*i].submission.source, Source::Signed { .. }));
    let mut groups: Vec<Vec<usize>> = signed.into_iter().map(|i| vec![i]).collect();
    if !anonymous.is_empty() {
        groups.insert(0, anonymous);
    }
    for group in groups {
        let written = write_with_retry(conn, items, &group);
        let written = match written {
            Err(e) if group.len() > 1 => {
                tracing::warn!(error = %e, size = group.len(), "group commit failed: writing one by one");
                group
                    .iter()
                    .map(|i| write_with_retry(conn, items, &[*i]).and_then(|mut o| o.pop().unwrap_or(Ok(Stored::New))))
                    .collect()
            }
            Err(e) => vec![Err(e)],
            Ok(written) => written,
        };
        for (i, outcome) in group.into_iter().zip(written) {
            outcomes[i] = Some(outcome);
        }
    }
    outcomes
        .into_iter()
        .map(|o| o.unwrap_or(Err(DomainError::Unexpected(anyhow::anyhow!("no outcome")))))
        .collect()
}

/// One group's transaction, tried again when it lost a race (the same form
/// or the same author at once): the retry sees the winner's row.
fn write_with_retry(conn: &mut DbConn, items: &[Pending], group: &[usize]) -> DomainResult<Vec<DomainResult<Stored>>> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match crate::db::write_transaction(conn, |conn| write_group(conn, items, group)) {
            Err(DomainError::Db(e)) if attempt < 4 && crate::db::is_unique_violation(&e) => continue,
            outcome => return outcome,
        }
    }
}

/// Writes a group inside the caller's transaction: the outcome of each of
/// its submissions (refused ones are left out of the writes).
fn write_group(conn: &mut DbConn, items: &[Pending], group: &[usize]) -> DomainResult<Vec<DomainResult<Stored>>> {
    let today = chrono::Utc::now().date_naive();
    let mut outcomes: Vec<DomainResult<Stored>> = Vec::with_capacity(group.len());
    // Each campaign's status as of now, held until the commit: a close
    // committed since the form was checked refuses it.
    let mut open: HashMap<&str, bool> = HashMap::new();
    let mut keys_seen: HashMap<&str, ()> = HashMap::new();
    // (item, its place in `outcomes`)
    let mut to_write: Vec<(usize, usize)> = Vec::new();
    for (slot, &i) in group.iter().enumerate() {
        let p = &items[i];
        let id = p.campaign.id.as_str();
        let accepts = match open.get(id) {
            Some(accepts) => *accepts,
            None => {
                let status = campaign::status_for_write(conn, id)?;
                let accepts = status.as_deref() == Some(super::campaigns::CampaignStatus::Open.as_str());
                open.insert(id, accepts);
                accepts
            }
        };
        outcomes.push(if !accepts {
            Err(DomainError::Conflict("error-campaign-closed"))
        } else if !p.campaign.includes(population_of(&p.submission.source)) {
            Err(DomainError::Validation("error-population-not-in-campaign"))
        } else if keys_seen.insert(p.submission.idempotency_key.as_str(), ()).is_some() {
            Ok(Stored::Duplicate)
        } else {
            to_write.push((i, slot));
            Ok(Stored::New)
        });
    }
    let keys: Vec<(&str, &str)> = to_write
        .iter()
        .map(|(i, _)| {
            (
                items[*i].campaign.id.as_str(),
                items[*i].submission.idempotency_key.as_str(),
            )
        })
        .collect();
    let claimed = response::claim_submission_keys(conn, &keys)?;
    let mut rows = Vec::with_capacity(to_write.len());
    let mut deltas: HashMap<&str, Delta> = HashMap::new();
    for &(i, slot) in &to_write {
        let Pending {
            campaign,
            submission,
            invited_team,
        } = &items[i];
        if !claimed.contains(&submission.idempotency_key) {
            outcomes[slot] = Ok(Stored::Duplicate);
            continue;
        }
        let (team_id, channel, author_id) = match &submission.source {
            Source::Customer { team_id, channel } => (Some(team_id.clone()), Some(*channel), None),
            Source::Invitation { .. } => {
                let Some(team) = invited_team else {
                    outcomes[slot] = Err(DomainError::Conflict("error-invitation-used"));
                    continue;
                };
                (Some(team.clone()), None, None)
            }
            Source::Signed { team_id, author_id, .. } => (team_id.clone(), None, Some(author_id.clone())),
        };
        let population = population_of(&submission.source);
        let delta = deltas.entry(campaign.id.as_str()).or_default();
        if let Some(author) = &author_id {
            replace_previous(conn, campaign, team_id.as_deref(), population, author, delta)?;
        }
        let who = Respondent {
            team: team_id.as_deref(),
            population,
            channel,
            answers: &submission.answers,
        };
        let written = Written {
            submitted_on: today,
            language: submission.language.clone(),
            comment: clean_comment(submission.comment.clone()),
            author_id: author_id.clone(),
        };
        rows.push(response_rows(delta, &campaign.id, &who, written));
        if let (None, Some(team), Some((contact, message))) = (&author_id, team_id, submission.contact.clone()) {
            let request = ContactRequest {
                id: new_id(),
                campaign_id: campaign.id.clone(),
                team_id: team,
                contact: contact.trim().chars().take(200).collect(),
                message: clean_comment(message),
                done: false,
            };
            response::insert_contact(conn, &request)?;
            super::webhooks::contact_requested(
                conn,
                campaign,
                &request.team_id,
                &request.contact,
                request.message.as_deref(),
            )?;
        }
    }
    response::insert_many(conn, &rows)?;
    // Sorted by campaign: concurrent writers lock rows in the same order.
    let mut deltas: Vec<_> = deltas.into_iter().collect();
    deltas.sort_by(|a, b| a.0.cmp(b.0));
    for (campaign_id, delta) in deltas {
        aggregates::apply(conn, campaign_id, &delta)?;
    }
    Ok(outcomes)
}

fn population_of(source: &Source) -> Population {
    match source {
        Source::Customer { .. } => Population::Customer,
        Source::Invitation { .. } => Population::Employee,
        Source::Signed { population, .. } => *population,
    }
}

/// Removes an author's previous self-assessment of the same team, and its
/// answers from the aggregates.
fn replace_previous(
    conn: &mut DbConn,
    campaign: &Campaign,
    team_id: Option<&str>,
    population: Population,
    author: &str,
    delta: &mut Delta,
) -> DomainResult<()> {
    if let Some(previous) = response::find_signed(conn, &campaign.id, team_id, population.as_str(), author)? {
        let old = aggregates::respondent_answers(&response::answers_of(conn, &previous.id)?);
        delta.add(
            &Respondent {
                team: previous.team_id.as_deref(),
                population,
                channel: None,
                answers: &old,
            },
            -1,
        );
        response::delete(conn, &previous.id)?;
    }
    Ok(())
}

/// What a response leaves behind besides its row: who wrote it, and when,
/// in which language, with which comment.
pub struct Written {
    pub submitted_on: chrono::NaiveDate,
    pub language: String,
    pub comment: Option<String>,
    pub author_id: Option<String>,
}

/// One respondent as the rows stored for them (the demo and imports write
/// in batches): counted into the aggregates' `delta`, and the response
/// with its answers.
pub fn response_rows(
    delta: &mut Delta,
    campaign_id: &str,
    who: &Respondent<'_>,
    written: Written,
) -> (Response, Vec<(String, i32)>) {
    delta.add(who, 1);
    let values = who
        .answers
        .iter()
        .map(|(code, v)| (code.to_string(), i32::from(*v)))
        .collect();
    let row = Response {
        id: new_id(),
        campaign_id: campaign_id.to_string(),
        team_id: who.team.map(str::to_string),
        population: who.population,
        channel: who.channel,
        submitted_on: written.submitted_on,
        language: written.language,
        comment: written.comment,
        author_id: written.author_id,
    };
    (row, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V2: InstrumentVersion = InstrumentVersion::V2;

    fn full_form(population: Population) -> HashMap<String, String> {
        items_for(V2, population)
            .into_iter()
            .map(|(def, code)| (def.code.clone(), code.scale(V2).1.to_string()))
            .collect()
    }

    #[test]
    fn a_complete_form_gives_every_answer() {
        let answers = check_answers(V2, Population::Customer, &full_form(Population::Customer)).unwrap();
        assert_eq!(answers.len(), items_for(V2, Population::Customer).len());
    }

    #[test]
    fn missing_out_of_scale_and_dont_know_answers_are_told_apart() {
        let mut form = full_form(Population::Employee);
        form.remove("listening.e.1");
        form.insert("enps".into(), "11".into());
        form.insert("trust.e.1".into(), DONT_KNOW.into());
        form.insert("ies".into(), DONT_KNOW.into());
        let errors = check_answers(V2, Population::Employee, &form).unwrap_err();
        assert_eq!(errors.get("listening.e.1"), Some(&"error-answer-missing"));
        assert_eq!(errors.get("enps"), Some(&"error-answer-invalid"));
        assert_eq!(
            errors.get("ies"),
            Some(&"error-answer-invalid"),
            "no don't-know on headline items"
        );
        assert!(!errors.contains_key("trust.e.1"));
    }

    #[test]
    fn the_questionnaire_keeps_typed_answers_and_groups_by_lead_in() {
        let mut typed = HashMap::new();
        typed.insert("listening.ec.1".to_string(), "2".to_string());
        let sections = questionnaire(V2, Population::Employee, &typed, &BTreeMap::new());
        let leads: Vec<_> = sections.iter().map(|s| s.lead_key.clone()).collect();
        assert!(leads.contains(&Some("perspective-e-lead".into())));
        assert!(leads.contains(&Some("perspective-ec-lead".into())));
        assert_eq!((sections[0].number, sections[0].of), (1, sections.len()));
        assert_eq!(sections.last().map(|s| s.number), Some(sections.len()));
        let q = sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.code == "listening.ec.1")
            .unwrap();
        assert!(q.choices.iter().any(|c| c.value == "2" && c.checked));
        assert_eq!(q.choices.len(), 6, "five points and don't know");
    }

    #[test]
    fn managers_answer_0_to_10_estimates_from_version_2_and_agreement_in_version_1() {
        let mut form = full_form(Population::Manager);
        assert_eq!(form.get("listening.me.1").map(String::as_str), Some("10"));
        form.insert("listening.me.1".into(), "0".into());
        form.insert("trust.mc.1".into(), DONT_KNOW.into());
        let answers = check_answers(V2, Population::Manager, &form).unwrap();
        let listening = ItemCode::parse("listening.me.1").unwrap();
        assert!(answers.contains(&(listening, 0)));
        assert!(
            answers.iter().all(|(c, _)| c.to_string() != "trust.mc.1"),
            "don't know is missing"
        );
        // The same answers in a version-1 campaign: 0 and 10 are off the scale.
        let errors = check_answers(InstrumentVersion::V1, Population::Manager, &form).unwrap_err();
        assert_eq!(errors.get("listening.me.1"), Some(&"error-answer-invalid"));
        assert!(!errors.contains_key("trust.mc.1"));

        let mut typed = HashMap::new();
        typed.insert("listening.me.1".to_string(), "7".to_string());
        let sections = questionnaire(V2, Population::Manager, &typed, &BTreeMap::new());
        let section = sections
            .iter()
            .find(|s| s.questions.iter().any(|q| q.code == "listening.me.1"))
            .unwrap();
        assert_eq!(section.lead_key.as_deref(), Some("perspective-me-estimate-lead"));
        let q = section.questions.iter().find(|q| q.code == "listening.me.1").unwrap();
        assert_eq!(q.kind, "estimate");
        let values: Vec<&str> = q.choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(
            values,
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", DONT_KNOW]
        );
        assert!(q.choices.iter().all(|c| c.checked == (c.value == "7")));
        let v1 = questionnaire(InstrumentVersion::V1, Population::Manager, &typed, &BTreeMap::new());
        assert_eq!(v1[0].lead_key.as_deref(), Some("perspective-me-lead"));
        assert_eq!(v1[0].questions[0].kind, "likert");
    }
}
