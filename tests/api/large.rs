//! A large organisation's dashboard: above `REGIONS_FIRST_ABOVE` teams the
//! heat-map opens on the regions and unfolds one region on demand, so the
//! page stays one a browser and a person can hold.

use miroir::analytics::synthetic::Shape;

use crate::both_backends;
use crate::helpers::TestApp;

fn heat_rows(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let rows = scraper::Selector::parse("table.heatmap tbody tr th a:first-child").unwrap();
    doc.select(&rows).map(|a| a.text().collect::<String>()).collect()
}

async fn a_large_heat_map_opens_on_its_regions(app: TestApp) {
    let shape = Shape {
        regions: 8,
        branches_per_region: 9,
        responses: 20_000,
    };
    let seeded = miroir::domain::synthetic::seed(
        &mut app.conn(),
        &shape,
        miroir::domain::campaigns::CampaignStatus::Closed,
    )
    .unwrap();
    assert_eq!(seeded.teams, 80);
    assert!(seeded.teams > miroir::web::pages::dashboard::REGIONS_FIRST_ABOVE);
    app.create_admin("root@example.org");
    let root = app.as_user("root@example.org").await;
    let page = format!(
        "/orgs/{}/campaigns/{}/dashboard",
        seeded.organisation_id, seeded.campaign_id
    );

    let (status, folded) = root.get_text(&format!("{page}?lang=en")).await;
    assert_eq!(status, 200);
    let rows = heat_rows(&folded);
    assert_eq!(rows.len(), 8, "the regions only: {rows:?}");
    assert!(rows.iter().all(|r| r.starts_with("Region")), "{rows:?}");
    assert!(folded.contains("80 teams: the 8 regions come first"));
    assert_eq!(
        folded.matches("aria-expanded=\"false\"").count(),
        8,
        "each region opens"
    );

    // The scatters draw every team but name only those the heat-map shows.
    let doc = scraper::Html::parse_document(&folded);
    let linked = scraper::Selector::parse("svg#eei-csi a").unwrap();
    let drawn = scraper::Selector::parse("svg#eei-csi > g:last-of-type path").unwrap();
    let rows =
        scraper::Selector::parse("svg#eei-csi + details tbody tr, figure:has(svg#eei-csi) details tbody tr").unwrap();
    let (linked, drawn) = (doc.select(&linked).count(), doc.select(&drawn).count());
    assert!(drawn > 60, "every published team is drawn: {drawn}");
    assert!(linked <= 8, "only the regions are named: {linked}");
    assert!(doc.select(&rows).count() <= 8);
    assert!(folded.contains("more teams are drawn without their names"));

    // One region unfolded: its nine branches under it, in place.
    let (status, open) = root.get_text(&format!("{page}?lang=en&region=R001")).await;
    assert_eq!(status, 200);
    let rows = heat_rows(&open);
    assert_eq!(rows.len(), 17, "{rows:?}");
    let at = rows.iter().position(|r| r == "Region 1").unwrap();
    assert!(
        rows[at + 1..at + 10].iter().all(|r| r.starts_with("Branch 1.")),
        "{rows:?}"
    );
    assert!(open.contains("aria-expanded=\"true\""));
    assert!(
        open.contains("name=\"region\" value=\"R001\""),
        "the gap and sort form keeps it"
    );
    // Sorted by gap, the region's teams stay under it.
    let (_, sorted) = root.get_text(&format!("{page}?lang=en&region=R001&sort=gap")).await;
    let rows = heat_rows(&sorted);
    assert_eq!(rows.len(), 17);
    let at = rows.iter().position(|r| r == "Region 1").unwrap();
    assert!(
        rows[at + 1..at + 10].iter().all(|r| r.starts_with("Branch 1.")),
        "{rows:?}"
    );

    // A code that is not a region unfolds nothing.
    for region in ["R001-B001", "nope", ""] {
        let (status, html) = root.get_text(&format!("{page}?region={region}")).await;
        assert_eq!(status, 200, "{region}");
        assert_eq!(heat_rows(&html).len(), 8, "{region}");
    }
    // Unfolding adds the region's rows and nothing else.
    assert!(folded.len() < open.len());
}

both_backends!(a_large_heat_map_opens_on_its_regions);
