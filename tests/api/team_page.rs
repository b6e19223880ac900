//! The team page for a manager who is not a statistician (issue #12, item
//! 2), on the demo organisation: the summary in words comes first (the
//! engine's findings and changes, each one sentence), then the dot chart,
//! then the detailed figures; the how-to-read block is on the team page
//! and the dashboard; a suppressed population shows no figure, marker or
//! sentence; an open wave's team page has breadcrumbs.

use miroir::analytics::findings::{self, FindingGap};
use miroir::domain::demo::{self, Installed};
use miroir::render::findings::{change, finding, Reader};

use crate::both_backends;
use crate::helpers::{set_password, TestApp};

struct Demo {
    installed: Installed,
    wave2: String,
    org: String,
}

fn install(app: &TestApp) -> Demo {
    let mut conn = app.conn();
    let installed = demo::install(&mut conn, &miroir::demo::plan(miroir::demo::DEFAULT_SEED)).unwrap();
    for email in [&installed.director_email, &installed.manager_email] {
        set_password(&mut conn, email);
    }
    Demo {
        wave2: installed.campaign_ids[1].clone(),
        org: installed.organisation_id.clone(),
        installed,
    }
}

fn manager_team(app: &TestApp, email: &str) -> String {
    use diesel::prelude::*;
    use miroir::db::schema::{team_managers, teams, users};
    team_managers::table
        .inner_join(teams::table)
        .inner_join(users::table)
        .filter(users::email.eq(email))
        .select(teams::code)
        .first(&mut app.conn())
        .unwrap()
}

/// What handlebars makes of a text.
fn escaped(text: &str) -> String {
    handlebars::html_escape(text)
}

/// The part of the page between two markers.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let end = start + html[start..].find(to).unwrap_or_else(|| panic!("no {to} after {from}"));
    &html[start..end]
}

fn published(
    app: &TestApp,
    campaign: &str,
) -> (
    miroir::db::models::campaign::Campaign,
    std::sync::Arc<miroir::analytics::CampaignReport>,
) {
    let mut conn = app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, campaign)
        .unwrap()
        .unwrap();
    let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
    (c, report)
}

async fn the_manager_reads_their_team_in_words_first(app: TestApp) {
    let d = install(&app);
    let email = d.installed.manager_email.clone();
    let own = manager_team(&app, &email);
    let manager = app.as_user(&email).await;
    let (status, html) = manager
        .get_text(&format!("/orgs/{}/campaigns/{}/teams/{own}?lang=en", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
    // Words first: the summary, then the chart, then the detailed table.
    let (summary_at, chart_at, table_at) = (
        html.find("id=\"summary\"").unwrap(),
        html.find("<svg id=\"team-dots\"").unwrap(),
        html.find("<table class=\"scores\">").unwrap(),
    );
    assert!(summary_at < chart_at && chart_at < table_at);
    let first_section = html.find("<section").unwrap();
    assert!(
        html[first_section..summary_at].find('>').is_none(),
        "the summary is the first section"
    );
    let summary = between(&html, "id=\"summary\"", "</section>");

    // The engine's findings, each its sentence, in the engine's order.
    let (c, report) = published(&app, &d.wave2);
    let group = &report.teams.iter().find(|t| t.code == own).unwrap().group;
    let found = findings::findings(group);
    assert!(!found.is_empty(), "the demo team has something to say");
    let mut at = 0;
    for f in &found {
        let sentence = escaped(&finding("en", f, Reader::Manager));
        let here = summary[at..]
            .find(&sentence)
            .unwrap_or_else(|| panic!("{sentence} in\n{summary}"));
        at += here + sentence.len();
        if !f.gap.tested() {
            assert!(!sentence.contains("chance"), "{sentence}");
        }
    }
    // Since the previous wave: the engine's comparison, in sentences.
    let mut conn = app.conn();
    let (previous, comparison) = miroir::domain::reports::previous_wave(&mut conn, &c).unwrap().unwrap();
    let (changes, _) = findings::significant_changes(&comparison.teams[&own]);
    if changes.is_empty() {
        assert!(summary.contains(&escaped(&format!(
            "No score has changed by more than chance since {}.",
            previous.name
        ))));
    }
    for ch in &changes {
        assert!(summary.contains(&escaped(&change("en", ch, &previous.name))));
    }
    // The recommended points, with their one sentence.
    for r in &group.recommendations {
        assert!(
            summary.contains(&escaped(&miroir::render::reason::of("en", r))),
            "{}",
            r.action
        );
    }

    // The chart: a marker per shown customer score, none for missing ones.
    let chart = between(&html, "<svg id=\"team-dots\"", "</svg>");
    let shown = |f: fn(&miroir::analytics::group::DimensionReport) -> Option<f64>| {
        group.dimensions.values().filter(|r| f(r).is_some()).count()
    };
    assert_eq!(
        chart.matches("data-perspective=\"C\"").count(),
        shown(|r| r.customer.favourable)
    );
    assert_eq!(
        chart.matches("data-perspective=\"E\"").count(),
        shown(|r| r.employee.favourable)
    );
    assert_eq!(
        chart.matches("data-perspective=\"MC\"").count(),
        shown(|r| r.manager_estimate_customer.favourable)
    );
    assert!(html.contains("<figcaption class=\"chart-title\">How each side sees each dimension</figcaption>"));
    // How to read, in words; no "< k" anywhere.
    assert!(html.contains("<details class=\"how-to-read\""));
    assert!(html.contains("Fewer than 5 answers") && html.contains("Benjamini–Hochberg"));
    assert!(!html.contains("&lt; 5") && !html.contains("&lt; k") && !html.contains(">< k<"));

    // The dashboard shows the same block.
    let director = app.as_user(&d.installed.director_email).await;
    let (status, dashboard) = director
        .get_text(&format!("/orgs/{}/campaigns/{}/dashboard?lang=fr", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
    assert!(dashboard.contains("<details class=\"how-to-read\"") && dashboard.contains("Comment lire cette page"));
}

async fn a_suppressed_population_shows_no_figure_on_the_team_page(app: TestApp) {
    let d = install(&app);
    let (_, report) = published(&app, &d.wave2);
    let hidden = report.teams.iter().find(|t| t.group.suppressed.employee).unwrap();
    let director = app.as_user(&d.installed.director_email).await;
    let (status, html) = director
        .get_text(&format!(
            "/orgs/{}/campaigns/{}/teams/{}?lang=en",
            d.org, d.wave2, hidden.code
        ))
        .await;
    assert_eq!(status, 200);
    // No marker of the employees or of their estimate, a note in words.
    let chart = between(&html, "<svg id=\"team-dots\"", "</svg>");
    assert!(!chart.contains("data-perspective=\"E\"") && !chart.contains("data-perspective=\"EC\""));
    assert!(html.contains("Employees: fewer than 5 people answered, so these markers are not shown"));
    // The chart's table and the detailed table say it in words.
    let data = between(&html, "<details class=\"chart-data\">", "</details>");
    let rows = data.matches("<tr><th scope=\"row\">").count();
    assert_eq!(rows, 11);
    assert!(html.contains("Employees fewer than 5"), "the answers line in words");
    assert!(html.matches("<span class=\"suppressed\">fewer than 5</span>").count() >= 22);
    // No sentence about employees: every finding is the manager's view of customers.
    let summary = between(&html, "id=\"summary\"", "</section>");
    for f in findings::findings(&hidden.group) {
        assert_eq!(f.gap, FindingGap::ManagerCustomerBlindSpot, "{f:?}");
    }
    let findings_part = between(summary, "<h3>What stands out</h3>", "<h3>");
    for phrase in ["your employees", "Your employees", "the employees’", "Employees’ score"] {
        assert!(!findings_part.contains(phrase), "{phrase} in {findings_part}");
    }
    let since = between(summary, "<h3>Since the previous wave</h3>", "<h3>");
    assert!(!since.contains("Employees’ score"), "{since}");
}

async fn an_open_waves_team_page_has_breadcrumbs(app: TestApp) {
    let d = install(&app);
    let own = manager_team(&app, &d.installed.manager_email);
    let (open, _) = app.open_campaign(&d.org, "Wave 3");
    let director = app.as_user(&d.installed.director_email).await;
    let (status, html) = director
        .get_text(&format!("/orgs/{}/campaigns/{open}/teams/{own}?lang=en", d.org))
        .await;
    assert_eq!(status, 200);
    let crumbs = between(&html, "<nav class=\"breadcrumbs\"", "</nav>");
    assert!(
        crumbs.contains(&format!("href=\"/orgs/{}/campaigns/{open}\">Wave 3</a>", d.org)),
        "{crumbs}"
    );
    assert!(crumbs.contains("<li aria-current=\"page\">Team results</li>"));
    assert!(!html.contains("← Wave 3"), "the old back link is gone");
    assert!(!html.contains("id=\"summary\""), "no figure before the close");
}

both_backends!(
    the_manager_reads_their_team_in_words_first,
    a_suppressed_population_shows_no_figure_on_the_team_page,
    an_open_waves_team_page_has_breadcrumbs,
);
