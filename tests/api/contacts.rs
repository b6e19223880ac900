//! Customers' call-back requests: only the people of the request's own
//! team (its managers, the directors) may mark it handled, whatever team
//! the form names.

use miroir::auth::policy::Role;
use miroir::db::models::new_id;
use miroir::db::models::response::{self, ContactRequest};

use crate::both_backends;
use crate::helpers::TestApp;

fn contact(app: &TestApp, campaign: &str, team_id: &str) -> String {
    let id = new_id();
    response::insert_contact(
        &mut app.conn(),
        &ContactRequest {
            id: id.clone(),
            campaign_id: campaign.into(),
            team_id: team_id.into(),
            contact: "client@example.org".into(),
            message: None,
            done: false,
        },
    )
    .unwrap();
    id
}

fn done(app: &TestApp, campaign: &str, id: &str) -> bool {
    response::find_contact(&mut app.conn(), campaign, id)
        .unwrap()
        .unwrap()
        .done
}

async fn a_manager_cannot_mark_another_teams_call_back_done(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code\nR,Région,\nA1,Agence A,R\nB1,Agence B,\n");
    app.member(&org, "alice@example.org", Role::Manager, "A1");
    app.member(&org, "dora@example.org", Role::Director, "");
    let (campaign, _) = app.open_campaign(&org, "Vague");
    let mine = contact(&app, &campaign, &app.team_id(&org, "A1"));
    let theirs = contact(&app, &campaign, &app.team_id(&org, "B1"));

    let alice = app.as_user("alice@example.org").await;
    let url = |id: &str| format!("/orgs/{org}/campaigns/{campaign}/contacts/{id}");
    // Naming her own team, or theirs, or none: refused, nothing changes.
    for team in [Some("A1"), Some("B1"), None] {
        let mut fields = vec![("done", "1")];
        fields.extend(team.map(|t| ("team", t)));
        let res = alice.post_form(&url(&theirs), &fields).await;
        assert!(
            [403, 404].contains(&res.status().as_u16()),
            "{team:?}: {}",
            res.status()
        );
        assert!(!done(&app, &campaign, &theirs), "{team:?}");
    }
    // Her own team's request: done, and back to her team's list.
    let res = alice.post_form(&url(&mine), &[("done", "1"), ("team", "B1")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        res.headers()["location"],
        format!("/orgs/{org}/campaigns/{campaign}/teams/A1#contacts").as_str()
    );
    assert!(done(&app, &campaign, &mine));
    // Her team's list shows hers only; the other team's page shows none.
    let (_, html) = alice
        .get_text(&format!("/orgs/{org}/campaigns/{campaign}/teams/A1"))
        .await;
    assert!(
        html.contains(&mine) && !html.contains(&theirs),
        "the open wave's team page lists its call-backs"
    );
    // A director handles any team's; an unknown request is not found.
    let dora = app.as_user("dora@example.org").await;
    assert_eq!(
        dora.post_form(&url(&theirs), &[("done", "1")]).await.status().as_u16(),
        303
    );
    assert!(done(&app, &campaign, &theirs));
    assert_eq!(
        dora.post_form(&url("nope"), &[("done", "1")]).await.status().as_u16(),
        404
    );
    // Undo works the same way.
    assert_eq!(alice.post_form(&url(&mine), &[]).await.status().as_u16(), 303);
    assert!(!done(&app, &campaign, &mine));
}

both_backends!(a_manager_cannot_mark_another_teams_call_back_done);
