//! The audit report as the consultant's deliverable, on the two-wave demo:
//! the consultant's findings and recommendations (who may write them, what
//! is refused, that nothing typed becomes markup), the quoted comments
//! (never one of a population that is not published for its team, even by
//! a forged form), the trend, the channels and the follow-up of the plan.

use diesel::prelude::*;
use miroir::auth::policy::Role;
use miroir::db::schema::{audit_notes, audit_quotes, responses};
use miroir::domain::demo::{self, Installed};

use crate::both_backends;
use crate::helpers::{set_password, TestApp};

struct Demo {
    installed: Installed,
    wave1: String,
    wave2: String,
    org: String,
}

fn install(app: &TestApp) -> Demo {
    let mut conn = app.conn();
    let installed = demo::install(&mut conn, &miroir::demo::plan(miroir::demo::DEFAULT_SEED)).unwrap();
    for email in [
        &installed.director_email,
        &installed.manager_email,
        &installed.consultant_email,
    ] {
        set_password(&mut conn, email);
    }
    Demo {
        wave1: installed.campaign_ids[0].clone(),
        wave2: installed.campaign_ids[1].clone(),
        org: installed.organisation_id.clone(),
        installed,
    }
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn stored_findings(app: &TestApp, campaign: &str) -> Option<String> {
    audit_notes::table
        .find(campaign)
        .select(audit_notes::findings)
        .first::<String>(&mut app.conn())
        .optional()
        .unwrap()
}

async fn the_consultant_writes_findings_that_print_after_the_summary(app: TestApp) {
    let d = install(&app);
    let audit = format!("/orgs/{}/campaigns/{}/audit", d.org, d.wave2);
    let notes = format!("{audit}/notes");
    let consultant = app.as_user(&d.installed.consultant_email).await;

    // Nothing written yet: the screen shows the form and the hint, the
    // print leaves the section out.
    let (status, page) = consultant.get_text(&format!("{audit}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Findings and recommendations of the consultant"));
    assert!(
        page.contains(r#"class="flow consultant no-print""#),
        "empty notes do not print"
    );
    assert!(page.contains("the printed report leaves this section out"));
    assert!(page.contains(&format!(r#"action="{notes}""#)), "the form is there");

    let res = consultant
        .post_form(
            &notes,
            &[
                (
                    "findings",
                    "Customers feel **unheard** in the branches.\r\n\r\n- listening\r\n- follow-up",
                ),
                ("recommendations", "Start with the *call-backs*."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with(&format!("{audit}?notice=notice-saved")));
    let (_, page) = consultant.get_text(&format!("{audit}?lang=en")).await;
    assert!(page.contains(r#"class="flow consultant""#), "written notes print");
    assert!(page.contains("Customers feel <strong>unheard</strong> in the branches."));
    assert!(page.contains("<li>listening</li>") && page.contains("<em>call-backs</em>"));
    // After the summary, before the findings' charts.
    let summary = page.find(r#"id="summary-heading""#).unwrap();
    let notes_at = page.find(r#"id="consultant-heading""#).unwrap();
    let charts = page.find(r#"id="findings-heading""#).unwrap();
    assert!(summary < notes_at && notes_at < charts);
    assert!(page.contains("Written by"), "signed by the consultant");
    let stored = stored_findings(&app, &d.wave2).unwrap();
    assert!(stored.contains("\n- listening") && !stored.contains('\r'));

    // The director may write too; the director reads what the consultant wrote.
    let director = app.as_user(&d.installed.director_email).await;
    let (_, page) = director.get_text(&format!("{audit}?lang=en")).await;
    assert!(page.contains("<strong>unheard</strong>"));
    let res = director
        .post_form(&notes, &[("findings", "Director's view."), ("recommendations", "")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored_findings(&app, &d.wave2).unwrap(), "Director's view.");

    // A manager may not (and sees no audit at all); a viewer reads the
    // report but gets no form and may not post one.
    let manager = app.as_user(&d.installed.manager_email).await;
    let res = manager
        .post_form(&notes, &[("findings", "Manager was here"), ("recommendations", "")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    app.member(&d.org, "viewer@example.org", Role::Viewer, "");
    let viewer = app.as_user("viewer@example.org").await;
    let (status, page) = viewer.get_text(&format!("{audit}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Director&#x27;s view.") || page.contains("Director's view."));
    assert!(!page.contains(&format!(r#"action="{notes}""#)), "no form for a viewer");
    assert!(!page.contains("/audit/quotes"), "no choice of comments for a viewer");
    let res = viewer
        .post_form(&notes, &[("findings", "Viewer was here"), ("recommendations", "")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(stored_findings(&app, &d.wave2).unwrap(), "Director's view.");

    // No CSRF token, no save.
    let res = consultant
        .client
        .post(consultant.url(&notes))
        .form(&[("findings", "forged"), ("recommendations", "")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(stored_findings(&app, &d.wave2).unwrap(), "Director's view.");

    // Another organisation's campaign through this organisation's path: 404.
    app.create_admin("root@example.org");
    let elsewhere = app.create_org("Elsewhere");
    app.import_teams(&elsewhere, "code,name\nX,Team X\n");
    let (foreign, _) = app.open_campaign(&elsewhere, "Other wave");
    let res = consultant
        .post_form(
            &format!("/orgs/{}/campaigns/{foreign}/audit/notes", d.org),
            &[("findings", "x"), ("recommendations", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    let res = consultant
        .post_form(
            &format!("/orgs/{elsewhere}/campaigns/{foreign}/audit/notes"),
            &[("findings", "x"), ("recommendations", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
}

async fn typed_markup_is_shown_as_text_and_too_long_a_text_is_kept(app: TestApp) {
    let d = install(&app);
    let audit = format!("/orgs/{}/campaigns/{}/audit", d.org, d.wave2);
    let notes = format!("{audit}/notes");
    let consultant = app.as_user(&d.installed.consultant_email).await;
    let attack = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) \
                  ![i](javascript:alert(4)) <a href=\"javascript:alert(5)\">a</a>\n\n<div onclick=alert(6)>d</div>";
    let res = consultant
        .post_form(
            &notes,
            &[
                ("findings", attack),
                ("recommendations", "</textarea><script>alert(7)</script>"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = consultant.get_text(&format!("{audit}?lang=en")).await;
    for forbidden in [
        "<script>alert",
        "<img src=x",
        "<a href=\"javascript",
        "<img src=\"javascript",
        "<div onclick",
        "</textarea><script>",
    ] {
        assert!(!page.contains(forbidden), "{forbidden} in the page");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(page.contains("<p>click"), "a link keeps its words");
    // The CSP would stop an inline script anyway; the report has none.
    assert_eq!(page.matches("<script").count(), page.matches("<script src=").count());

    // Too long: 422, the message beside the field, every typed character
    // sent back, the stored text unchanged.
    let mut long = "Lorem ipsum dolor sit amet. ".repeat(800);
    long.push_str("END-OF-A-LONG-TEXT");
    assert!(long.chars().count() > 20_000);
    let res = consultant
        .post_form(&notes, &[("findings", &long), ("recommendations", "kept too")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("longer than 20,000 characters"), "the message");
    assert!(body.contains(r#"id="findings-error""#) && body.contains(r#"aria-invalid="true""#));
    assert!(
        body.contains("END-OF-A-LONG-TEXT") && body.contains("kept too"),
        "nothing typed is lost"
    );
    assert!(stored_findings(&app, &d.wave2).unwrap().starts_with("<script>"));
    // In French, the message too.
    let res = consultant
        .post_form(
            &format!("{notes}?lang=fr"),
            &[("findings", "ok"), ("recommendations", &long)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("dépasse 20") && body.contains(r#"id="recommendations-error""#));
    // 20,000 characters exactly (multi-byte ones) are accepted.
    let full = "é".repeat(20_000);
    let res = consultant
        .post_form(&notes, &[("findings", &full), ("recommendations", "")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored_findings(&app, &d.wave2).unwrap().chars().count(), 20_000);
}

/// The checkbox values of the comment choice page.
fn choices(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"input[name="quote"]"#).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("value").map(str::to_string))
        .collect()
}

fn quoted(app: &TestApp, campaign: &str) -> Vec<String> {
    audit_quotes::table
        .filter(audit_quotes::campaign_id.eq(campaign))
        .order(audit_quotes::position)
        .select(audit_quotes::response_id)
        .load(&mut app.conn())
        .unwrap()
}

/// A comment written into the responses of a team whose employees the
/// published report hides: it exists, and must never be quotable.
fn plant_hidden_comment(app: &TestApp, d: &Demo, text: &str) -> String {
    let mut conn = app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, &d.wave2)
        .unwrap()
        .unwrap();
    let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
    let hidden = report
        .teams
        .iter()
        .find(|t| t.group.suppressed.employee && t.parent_code.is_some())
        .expect("the demo hides some team's employees");
    let team_id = miroir::db::models::team::find_by_code(&mut conn, &d.org, &hidden.code)
        .unwrap()
        .unwrap()
        .id;
    let id = miroir::db::models::new_id();
    diesel::insert_into(responses::table)
        .values((
            responses::id.eq(&id),
            responses::campaign_id.eq(&d.wave2),
            responses::team_id.eq(Some(team_id)),
            responses::population.eq("employee"),
            responses::submitted_on.eq(c.opens_on),
            responses::language.eq("fr"),
            responses::comment.eq(Some(text)),
            responses::answers.eq(""),
        ))
        .execute(&mut conn)
        .unwrap();
    id
}

async fn only_comments_of_published_populations_can_be_quoted(app: TestApp) {
    let d = install(&app);
    let audit = format!("/orgs/{}/campaigns/{}/audit", d.org, d.wave2);
    let quotes = format!("{audit}/quotes");
    let secret_text = "SECRET-COMMENT-OF-A-HIDDEN-TEAM";
    let secret = plant_hidden_comment(&app, &d, secret_text);
    let consultant = app.as_user(&d.installed.consultant_email).await;

    let (status, page) = consultant.get_text(&format!("{quotes}?lang=en")).await;
    assert_eq!(status, 200);
    let offered = choices(&page);
    assert!(offered.len() > 30, "{} comments offered", offered.len());
    assert!(!page.contains(secret_text) && !offered.contains(&secret));

    // Every offered comment is one of a team whose own population reaches k
    // and that the report shows.
    {
        let mut conn = app.conn();
        let c = miroir::db::models::campaign::find_by_id(&mut conn, &d.wave2)
            .unwrap()
            .unwrap();
        let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
        let own = miroir::db::models::aggregates::respondents_per_team(&mut conn, &d.wave2).unwrap();
        for id in &offered {
            let (team_id, population): (Option<String>, String) = responses::table
                .find(id)
                .select((responses::team_id, responses::population))
                .first(&mut conn)
                .unwrap();
            let team_id = team_id.unwrap();
            let n = own.get(&(team_id.clone(), population.clone())).copied().unwrap_or(0);
            assert!(n >= 5, "a comment of a team with {n} {population}s offered");
            let team = miroir::db::models::team::list_by_org(&mut conn, &d.org)
                .unwrap()
                .into_iter()
                .find(|t| t.id == team_id)
                .unwrap();
            let group = &report.teams.iter().find(|t| t.code == team.code).unwrap().group;
            let hidden = match population.as_str() {
                "customer" => group.suppressed.customer,
                _ => group.suppressed.employee,
            };
            assert!(!hidden, "a comment of a hidden {population} population offered");
        }
    }

    // The attack: a forged form quoting the hidden comment, alone or among
    // allowed ones, or a comment of another wave, is refused whole.
    for forged in [
        vec![secret.clone()],
        vec![offered[0].clone(), secret.clone()],
        vec!["not-a-response".to_string()],
    ] {
        let fields: Vec<(&str, &str)> = forged.iter().map(|id| ("quote", id.as_str())).collect();
        let res = consultant.post_form(&format!("{quotes}?lang=en"), &fields).await;
        assert_eq!(res.status().as_u16(), 422);
        let body = res.text().await.unwrap();
        assert!(body.contains("cannot be quoted"), "the refusal says why");
        assert!(!body.contains(secret_text));
        assert!(quoted(&app, &d.wave2).is_empty(), "nothing saved");
    }
    let wave1_comment: String = responses::table
        .filter(responses::campaign_id.eq(&d.wave1))
        .filter(responses::comment.is_not_null())
        .select(responses::id)
        .first(&mut app.conn())
        .unwrap();
    let res = consultant.post_form(&quotes, &[("quote", &wave1_comment)]).await;
    assert_eq!(res.status().as_u16(), 422);

    // A manager may neither see the choice nor post one.
    let manager = app.as_user(&d.installed.manager_email).await;
    assert_eq!(manager.get(&quotes).await.status().as_u16(), 403);
    let res = manager.post_form(&quotes, &[("quote", &offered[0])]).await;
    assert_eq!(res.status().as_u16(), 403);

    // Too many.
    let many: Vec<(&str, &str)> = offered.iter().take(31).map(|id| ("quote", id.as_str())).collect();
    let res = consultant.post_form(&format!("{quotes}?lang=en"), &many).await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("at most 30"));
    assert_eq!(choices(&body).len(), offered.len());
    assert_eq!(body.matches(" checked>").count(), 31, "the choice typed is kept");

    // Two allowed ones: saved in order, printed in the report with their team.
    let res = consultant
        .post_form(&quotes, &[("quote", &offered[3]), ("quote", &offered[1])])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(quoted(&app, &d.wave2), vec![offered[3].clone(), offered[1].clone()]);
    let director = app.as_user(&d.installed.director_email).await;
    let (_, page) = director.get_text(&format!("{audit}?lang=en")).await;
    assert_eq!(page.matches(r#"<blockquote class="quote">"#).count(), 2);
    assert!(page.contains(r#"class="flow" id="quotes""#), "quotes print");

    // Even a row written behind the rules' back is never shown.
    diesel::insert_into(audit_quotes::table)
        .values((
            audit_quotes::campaign_id.eq(&d.wave2),
            audit_quotes::response_id.eq(&secret),
            audit_quotes::position.eq(0),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let (_, page) = director.get_text(&format!("{audit}?lang=en")).await;
    assert!(!page.contains(secret_text));
    assert_eq!(page.matches(r#"<blockquote class="quote">"#).count(), 2);
}

async fn the_audit_follows_the_trend_the_channels_and_the_plan(app: TestApp) {
    let d = install(&app);
    let director = app.as_user(&d.installed.director_email).await;
    // An action adopted in the second wave, due in the past: overdue.
    {
        let mut conn = app.conn();
        let p = app.admin_principal();
        let input = miroir::domain::actions::AdoptInput {
            team: String::new(),
            point: "share-voice".into(),
            owner: "Claire Overdue".into(),
            due_on: "2020-01-31".into(),
            note: String::new(),
        };
        miroir::domain::actions::adopt(&mut conn, &p, "test", &d.wave2, &input).unwrap();
    }
    let (status, page) = director
        .get_text(&format!("/orgs/{}/campaigns/{}/audit?lang=en", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
    let wave1_name: String = {
        let mut conn = app.conn();
        miroir::db::models::campaign::find_by_id(&mut conn, &d.wave1)
            .unwrap()
            .unwrap()
            .name
    };
    // The trend: indices and dimensions, before → after.
    assert!(page.contains("Change since the previous wave"));
    assert!(page.contains(&format!("Compared with {wave1_name}.")));
    assert!(page.contains("Indices: previous wave → this wave"));
    assert!(page.contains("Dimensions, % favourable: previous wave → this wave"));
    assert!(page.matches(" → ").count() >= 11, "before → after per dimension");
    assert!(page.contains("not tested"), "CSI and EEI changes are not tested");
    let trend = &page[page.find("Indices: previous wave").unwrap()..];
    let (csi, ies) = (
        trend.find("Customer satisfaction index (CSI)").unwrap(),
        trend.find("Internal ease").unwrap(),
    );
    assert!(csi < ies, "the indices in the report's order, CSI first");
    // The channels.
    assert!(page.contains("Consistency across channels"));
    assert!(page.contains(r#"class="scores channels""#) || page.contains("do not allow a comparison between channels"));
    // The follow-up of the plan: the demo's points adopted after wave 1,
    // and the overdue one.
    assert!(page.contains("Follow-up of the action plan"));
    assert!(page.contains("Actions per status:"));
    assert!(
        page.contains("Claire Overdue") && page.contains("31 January 2020"),
        "the due date in words"
    );
    assert!(page.contains(r#"<tr class="overdue">"#) && page.contains("⚠ overdue"));
    assert!(page.contains("One action is overdue") || page.contains("actions are overdue"));
    // The demo adopts points after wave 1 and after wave 2 (issue #15).
    let demo_actions: i64 = miroir::db::schema::actions::table
        .filter(miroir::db::schema::actions::campaign_id.eq_any([&d.wave1, &d.wave2]))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert!(demo_actions > 0);
    let rows = {
        let doc = scraper::Html::parse_document(&page);
        let sel = scraper::Selector::parse("table.follow-up tbody tr").unwrap();
        doc.select(&sel).count()
    };
    assert_eq!(
        rows as i64,
        // The action this test adopted in wave 2 is among them.
        demo_actions,
        "the previous wave's actions and this one's"
    );
    // The first wave has nothing to compare with.
    let (_, first) = director
        .get_text(&format!("/orgs/{}/campaigns/{}/audit?lang=fr", d.org, d.wave1))
        .await;
    assert!(first.contains("première vague publiée"));
    assert!(first.contains("Suivi du plan d’action"));
}

both_backends!(
    the_consultant_writes_findings_that_print_after_the_summary,
    typed_markup_is_shown_as_text_and_too_long_a_text_is_kept,
    only_comments_of_published_populations_can_be_quoted,
    the_audit_follows_the_trend_the_channels_and_the_plan,
);
