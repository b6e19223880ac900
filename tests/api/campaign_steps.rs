//! Closing and archiving a campaign from its page: a confirmation page
//! (no JavaScript) says what the step does, and its button posts the step.

use miroir::auth::policy::Role;

use crate::both_backends;
use crate::helpers::{input_value, TestApp};

async fn closing_and_archiving_are_confirmed_first(app: TestApp) {
    let org = app.create_org("Confirmations");
    app.import_teams(&org, "code,name,parent_code,headcount\nR1,Region,,10\n");
    app.member(&org, "director@example.org", Role::Director, "");
    let (c, _) = app.open_campaign(&org, "Spring wave");
    let director = app.as_user("director@example.org").await;
    let page = format!("/orgs/{org}/campaigns/{c}");

    // The campaign page links to the confirmation instead of posting.
    let (status, html) = director.get_text(&format!("{page}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("href=\"{page}/close\"")),
        "a link to the confirmation"
    );
    assert!(
        !html.contains("name=\"verb\" value=\"close\""),
        "no direct close button"
    );

    // The confirmation says what closing does, in English and in French.
    let (status, html) = director.get_text(&format!("{page}/close?lang=en")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Close the campaign?"), "{html}");
    assert!(html.contains("the answers collected are frozen"));
    assert!(html.contains("the figures are published"));
    assert!(html.contains("This step cannot be undone."));
    assert!(html.contains("name=\"verb\" value=\"close\""));
    assert!(html.contains(&format!("action=\"{page}/status\"")));
    assert!(
        input_value(&html, "csrf").is_some_and(|t| !t.is_empty()),
        "the form carries its CSRF token"
    );
    let (_, french) = director.get_text(&format!("{page}/close?lang=fr")).await;
    assert!(french.contains("Clôturer la campagne\u{202f}?"));
    assert!(french.contains("les réponses recueillies sont figées"));

    // Confirming still closes it.
    let res = director
        .post_form(&format!("{page}/status"), &[("verb", "close")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, html) = director.get_text(&format!("{page}?lang=en")).await;
    assert!(html.contains("status-closed"));
    assert!(html.contains(&format!("href=\"{page}/archive\"")));

    let (status, html) = director.get_text(&format!("{page}/archive?lang=en")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Archive the campaign?"));
    assert!(html.contains("its published figures stay readable"));
    assert!(html.contains("name=\"verb\" value=\"archive\""));
    let res = director
        .post_form(&format!("{page}/status"), &[("verb", "archive")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, html) = director.get_text(&format!("{page}?lang=en")).await;
    assert!(html.contains("status-archived"));

    // Only these two steps have a confirmation; a viewer gets none.
    assert_eq!(director.get(&format!("{page}/open")).await.status().as_u16(), 404);
    app.member(&org, "viewer@example.org", Role::Viewer, "");
    let viewer = app.as_user("viewer@example.org").await;
    assert_eq!(viewer.get(&format!("{page}/close")).await.status().as_u16(), 403);
}

both_backends!(closing_and_archiving_are_confirmed_first);
