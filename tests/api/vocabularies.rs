//! Closed vocabularies hold in the database too: a status, a role, a
//! population or a channel the code does not know is refused by SQLite
//! and PostgreSQL alike, whoever writes it (a script, a DBA, a bug).

use diesel::RunQueryDsl;

use crate::both_backends;
use crate::helpers::TestApp;

fn refused(app: &TestApp, sql: &str) -> bool {
    diesel::sql_query(sql).execute(&mut *app.conn()).is_err()
}

fn accepted(app: &TestApp, sql: &str) -> bool {
    diesel::sql_query(sql).execute(&mut *app.conn()).is_ok()
}

async fn unknown_values_are_refused(app: TestApp) {
    let org = app.create_org("Vocabularies");
    app.import_teams(&org, "code,name,parent_code,headcount\nA,Alpha,,8\n");
    let (campaign, _) = app.open_campaign(&org, "Wave");

    // Campaign status: only the four of the life cycle.
    assert!(refused(
        &app,
        &format!("UPDATE campaigns SET status = 'paused' WHERE id = '{campaign}'")
    ));
    assert!(accepted(
        &app,
        &format!("UPDATE campaigns SET status = 'closed' WHERE id = '{campaign}'")
    ));

    // Membership role.
    let user = app.create_admin("vocab@example.org");
    let member = |role: &str| {
        format!(
            "INSERT INTO memberships (id, organisation_id, user_id, role) VALUES ('m1', '{org}', '{user}', '{role}')"
        )
    };
    assert!(refused(&app, &member("owner")));
    assert!(accepted(&app, &member("viewer")));
    assert!(refused(&app, "UPDATE memberships SET role = 'owner' WHERE id = 'm1'"));

    // Response population and channel (a channel may be absent).
    let team = app.team_id(&org, "A");
    let insert = |id: &str, population: &str, channel: &str| {
        format!(
            "INSERT INTO responses (id, campaign_id, team_id, population, channel, submitted_on, language, answers) \
             VALUES ('{id}', '{campaign}', '{team}', '{population}', {channel}, CURRENT_DATE, 'fr', '')"
        )
    };
    assert!(refused(&app, &insert("r1", "supplier", "NULL")));
    assert!(refused(&app, &insert("r2", "customer", "'fax'")));
    assert!(accepted(&app, &insert("r3", "customer", "'phone'")));
    assert!(accepted(&app, &insert("r4", "employee", "NULL")));
    assert!(refused(&app, "UPDATE responses SET channel = 'fax' WHERE id = 'r3'"));
}

both_backends!(unknown_values_are_refused);
