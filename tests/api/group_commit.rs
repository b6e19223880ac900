//! One writer per instance with group commit: many submissions in one
//! transaction, each answered only for what happened to it, and the
//! aggregates exactly what a rebuild from the stored responses gives.

use std::sync::Arc;

use miroir::analytics::{Channel, InstrumentVersion, Population};
use miroir::db::models::{aggregates, campaign};
use miroir::domain::collection::{self, Pending, Source, Stored, Submission};
use miroir::domain::instrument::items_for;
use miroir::domain::DomainError;

use crate::helpers::{dedup, fill_survey, spawn_app, Backend, TestApp};

fn answers(population: Population, value: u8) -> Vec<(miroir::analytics::ItemCode, u8)> {
    let version = InstrumentVersion::CURRENT;
    items_for(version, population)
        .into_iter()
        .map(|(_, code)| {
            let (lo, hi) = code.scale(version);
            (code, value.clamp(lo, hi))
        })
        .collect()
}

fn submission(source: Source, population: Population, key: &str, value: u8) -> Submission {
    Submission {
        source,
        answers: answers(population, value),
        comment: None,
        contact: None,
        idempotency_key: key.to_string(),
        language: "fr".into(),
    }
}

/// A group mixing new forms, a form sent twice within the group, a form
/// already stored, a wave closed meanwhile, an employee and a manager who
/// revises: each gets its own outcome, and what was stored equals a
/// rebuild.
async fn a_group_gives_each_submission_its_own_outcome(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nA,Agence A,,10\nB,Agence B,,10\n",
    );
    app.member(&org, "manager@example.org", miroir::auth::policy::Role::Manager, "A");
    let (open_id, _) = app.open_campaign(&org, "Vague ouverte");
    let (closed_id, _) = app.open_campaign(&org, "Vague close");
    let (a, b) = (app.team_id(&org, "A"), app.team_id(&org, "B"));
    let mut conn = app.conn();
    let manager = miroir::db::models::user::find_by_email(&mut conn, "manager@example.org")
        .unwrap()
        .unwrap()
        .id;
    let open = campaign::find_by_id(&mut conn, &open_id).unwrap().unwrap();
    // Checked while open, closed before the writer reaches it.
    let closing = campaign::find_by_id(&mut conn, &closed_id).unwrap().unwrap();
    miroir::domain::campaigns::transition(&mut conn, &app.admin_principal(), &closed_id, "close").unwrap();

    let customer = |team: &str, key: &str, value: u8| Pending {
        campaign: open.clone(),
        submission: submission(
            Source::Customer {
                team_id: team.to_string(),
                channel: Channel::Web,
            },
            Population::Customer,
            key,
            value,
        ),
        invited_team: None,
    };
    // One form stored before the group.
    let before = collection::store(&mut conn, &open, customer(&a, "already-stored-key-0001", 4).submission).unwrap();
    assert_eq!(before, Stored::New);

    let tokens = app.invite(&open_id, "B", 1);
    let manager_form = |value: u8, key: &str| Pending {
        campaign: open.clone(),
        submission: submission(
            Source::Signed {
                team_id: Some(a.clone()),
                author_id: manager.clone(),
                population: Population::Manager,
            },
            Population::Manager,
            key,
            value,
        ),
        invited_team: None,
    };
    let mut group = vec![
        customer(&a, "fresh-key-000000001", 5),
        customer(&b, "fresh-key-000000002", 1),
        customer(&b, "fresh-key-000000002", 1),
        customer(&a, "already-stored-key-0001", 4),
        Pending {
            campaign: closing.clone(),
            ..customer(&a, "closed-wave-key-00001", 3)
        },
        manager_form(2, "manager-key-00000001"),
        manager_form(9, "manager-key-00000002"),
    ];
    // An employee whose invitation was used before the group.
    let employee = submission(
        Source::Invitation {
            token: tokens[0].clone(),
        },
        Population::Employee,
        "employee-key-0000001",
        3,
    );
    let collection::Claim::Ready(invited) = collection::claim(&mut conn, &open, &employee).unwrap() else {
        panic!("the invitation is fresh")
    };
    group.push(Pending {
        campaign: open.clone(),
        submission: employee,
        invited_team: invited.map(|i| i.team),
    });
    for i in 0..40 {
        let team = if i % 2 == 0 { &a } else { &b };
        group.push(customer(team, &format!("many-keys-{i:010}"), (i % 5 + 1) as u8));
    }

    let outcomes = collection::store_batch(&mut conn, &group);
    let summary: Vec<String> = outcomes
        .iter()
        .take(8)
        .map(|o| match o {
            Ok(s) => format!("{s:?}"),
            Err(DomainError::Conflict(k) | DomainError::Validation(k)) => k.to_string(),
            Err(e) => format!("{e}"),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "New",
            "New",
            "Duplicate",
            "Duplicate",
            "error-campaign-closed",
            "New",
            "New",
            "New"
        ]
    );
    assert!(outcomes[8..].iter().all(|o| matches!(o, Ok(Stored::New))));

    // 1 before + 2 fresh + 40 customers; the manager's second form replaced
    // the first; the employee counted in B.
    assert_eq!(app.respondents(&open_id, &a, "customer"), 1 + 1 + 20);
    assert_eq!(app.respondents(&open_id, &b, "customer"), 1 + 20);
    assert_eq!(app.respondents(&open_id, &a, "manager"), 1);
    assert_eq!(app.respondents(&open_id, &b, "employee"), 1);
    assert_eq!(app.respondents(&closed_id, &a, "customer"), 0);
    let manager_item = items_for(InstrumentVersion::CURRENT, Population::Manager)[0].1;
    let (_, hi) = manager_item.scale(InstrumentVersion::CURRENT);
    assert_eq!(
        app.histogram(&open_id, &a, "manager", &manager_item.to_string(), i32::from(9.min(hi))),
        1,
        "the revision is the one kept"
    );

    let incremental = aggregates::load(&mut conn, &open_id).unwrap();
    miroir::domain::campaigns::rebuild_aggregates(&mut conn, &open_id).unwrap();
    assert_eq!(incremental, aggregates::load(&mut conn, &open_id).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_gives_each_submission_its_own_outcome_sqlite() {
    a_group_gives_each_submission_its_own_outcome(spawn_app(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_gives_each_submission_its_own_outcome_postgres() {
    a_group_gives_each_submission_its_own_outcome(spawn_app(Backend::Postgres).await).await;
}

/// Many people answering at once through the real form: every one told
/// "thank you" is stored, once, and the aggregates equal a rebuild.
async fn concurrent_forms_are_all_stored(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nA,Agence A,,10\nB,Agence B,,10\n",
    );
    let (campaign_id, code) = app.open_campaign(&org, "Vague");
    let app = Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..96 {
        let app = app.clone();
        let team = if i % 3 == 0 { "A" } else { "B" };
        let path = format!("/s/{code}/{team}");
        tasks.push(tokio::spawn(async move {
            let visitor = app.anonymous();
            let (status, html) = visitor.get_text(&path).await;
            assert_eq!(status, 200);
            // The form as it came, CSRF field and idempotency key included.
            let fields = dedup(fill_survey(&html, |_, choices| choices.first().cloned()));
            let post = || visitor.client.post(visitor.url(&path)).form(&fields).send();
            let res = post().await.unwrap();
            // A second click on the same form.
            let again = if i % 8 == 0 {
                Some(post().await.unwrap().status().as_u16())
            } else {
                None
            };
            (res.status().as_u16(), again)
        }));
    }
    let mut acknowledged = 0;
    for t in tasks {
        let (status, again) = t.await.unwrap();
        assert_eq!(status, 303, "thanked");
        acknowledged += 1;
        if let Some(again) = again {
            assert_eq!(again, 303, "a second click is thanked too");
        }
    }
    let (a, b) = (app.team_id(&org, "A"), app.team_id(&org, "B"));
    let stored = app.respondents(&campaign_id, &a, "customer") + app.respondents(&campaign_id, &b, "customer");
    assert_eq!(stored, acknowledged, "acknowledged = stored, each once");
    let mut conn = app.conn();
    let incremental = aggregates::load(&mut conn, &campaign_id).unwrap();
    let rows = miroir::domain::campaigns::rebuild_aggregates(&mut conn, &campaign_id).unwrap();
    assert_eq!(rows, 96);
    assert_eq!(incremental, aggregates::load(&mut conn, &campaign_id).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_forms_are_all_stored_sqlite() {
    concurrent_forms_are_all_stored(spawn_app(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_forms_are_all_stored_postgres() {
    concurrent_forms_are_all_stored(spawn_app(Backend::Postgres).await).await;
}
