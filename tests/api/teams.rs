//! Teams: CSV import through the upload form, edits, moves and cycles.

use diesel::prelude::*;
use miroir::db::schema::teams;

use crate::both_backends;
use crate::helpers::{forty_teams_csv, input_value, TestApp, PASSWORD};

async fn upload(app: &TestApp, org: &str, csv: &str) -> reqwest::Response {
    let token = app.csrf().await;
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
            .file_name("teams.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    app.client
        .post(app.url(&format!("/orgs/{org}/teams/import")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn count(app: &TestApp, org: &str) -> i64 {
    teams::table
        .filter(teams::organisation_id.eq(org))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

async fn a_good_csv_creates_the_tree(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.sign_in("root@example.org", PASSWORD).await;
    let res = upload(&app, &org, &forty_teams_csv()).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("40 teams created, 0 updated"));
    assert_eq!(count(&app, &org), 40);
    let (_, html) = app.get_text(&format!("/orgs/{org}")).await;
    assert!(html.contains("Branch 3.8") && html.contains("depth-1"));
}

async fn a_bad_csv_stores_nothing_and_names_rows_and_columns(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.sign_in("root@example.org", PASSWORD).await;
    let csv = "code,name,parent_code,headcount\nA,Alpha,,3\nB,Beta,ZZZ,2\nC,Gamma,,-4\n";
    let res = upload(&app, &org, csv).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("nothing has been stored"));
    assert!(html.contains("<td>3</td><td>headcount</td>"), "{html}");
    assert_eq!(count(&app, &org), 0);
    // Parents are checked once the cells are right.
    let res = upload(&app, &org, "code,name,parent_code\nA,Alpha,\nB,Beta,ZZZ\n").await;
    let html = res.text().await.unwrap();
    assert!(html.contains("<td>2</td><td>parent_code</td><td>No team has this parent code.</td>"));
    assert_eq!(count(&app, &org), 0);
}

async fn a_move_that_makes_a_cycle_is_refused(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code\nR,Region,\nB,Branch,R\nD,Desk,B\n");
    app.sign_in("root@example.org", PASSWORD).await;
    let region = app.team_id(&org, "R");
    let res = app
        .post_form(
            &format!("/orgs/{org}/teams/{region}/edit"),
            &[
                ("code", "R"),
                ("name", "Region renamed"),
                ("parent_code", "D"),
                ("headcount", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("cannot be placed under itself"));
    assert_eq!(
        input_value(&html, "name").as_deref(),
        Some("Region renamed"),
        "typed value kept"
    );
    let parent: Option<String> = teams::table
        .find(&region)
        .select(teams::parent_id)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(parent, None);

    // The same through an import: R under D while D is under R.
    let res = upload(&app, &org, "code,name,parent_code\nR,Region,D\n").await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("cannot be placed under itself"));

    // A legal move works.
    let desk = app.team_id(&org, "D");
    let res = app
        .post_form(
            &format!("/orgs/{org}/teams/{desk}/edit"),
            &[
                ("code", "D"),
                ("name", "Desk"),
                ("parent_code", "R"),
                ("headcount", "4"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn only_empty_teams_can_be_deleted(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code\nR,Region,\nB,Branch,R\n");
    app.sign_in("root@example.org", PASSWORD).await;
    let region = app.team_id(&org, "R");
    let res = app.post_form(&format!("/orgs/{org}/teams/{region}/delete"), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("still has sub-teams"));
    let branch = app.team_id(&org, "B");
    assert_eq!(
        app.post_form(&format!("/orgs/{org}/teams/{branch}/delete"), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(count(&app, &org), 1);
}

/// A team file saved by French Excel: BOM, semicolons, CRLF, a quoted name
/// holding a semicolon and a comma.
async fn a_french_excel_file_with_semicolons_and_bom_is_read(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.sign_in("root@example.org", PASSWORD).await;
    let csv =
        "\u{feff}code;name;parent_code;headcount\r\nNORD;Région Nord;;12\r\nLIL;\"Lille; centre, gare\";NORD;7\r\n";
    let res = upload(&app, &org, csv).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("2 teams created, 0 updated"));
    let mut stored: Vec<(String, String, i32)> = teams::table
        .filter(teams::organisation_id.eq(&org))
        .select((teams::code, teams::name, teams::headcount))
        .load(&mut app.conn())
        .unwrap();
    stored.sort();
    assert_eq!(
        stored,
        vec![
            ("LIL".to_owned(), "Lille; centre, gare".to_owned(), 7),
            ("NORD".to_owned(), "Région Nord".to_owned(), 12),
        ]
    );
}

both_backends!(
    a_french_excel_file_with_semicolons_and_bom_is_read,
    a_good_csv_creates_the_tree,
    a_bad_csv_stores_nothing_and_names_rows_and_columns,
    a_move_that_makes_a_cycle_is_refused,
    only_empty_teams_can_be_deleted,
);
