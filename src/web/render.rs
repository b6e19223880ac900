//! Server-side rendering: the handlebars registry (strict, templates
//! embedded in the binary) and the named context every page gets.

use actix_web::HttpResponse;
use handlebars::Handlebars;
use rust_embed::RustEmbed;
use serde::Serialize;

use crate::error::{AppError, AppResult};

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct Templates;

/// Templates from the binary, or from `dir` with reloading (development).
pub fn registry(dir: Option<&str>) -> anyhow::Result<Handlebars<'static>> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_helper("t", Box::new(crate::i18n::helper::t_helper));
    hb.register_helper("eq", Box::new(eq_helper));
    hb.register_helper("concat", Box::new(concat_helper));
    match dir {
        Some(dir) => {
            hb.set_dev_mode(true);
            hb.register_templates_directory(dir, handlebars::DirectorySourceOptions::default())?;
        }
        None => hb.register_embed_templates_with_extension::<Templates>(".hbs")?,
    }
    Ok(hb)
}

handlebars::handlebars_helper!(eq_helper: |a: Json, b: Json| a == b);
handlebars::handlebars_helper!(concat_helper: |*args| args
    .iter()
    .map(|a| match a {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
    .collect::<String>());

/// The signed-in person as templates see them.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub display_name: String,
    pub email: String,
    pub is_platform_admin: bool,
}

/// What every page gets; `page` is the page's own named struct.
#[derive(Debug, Serialize)]
pub struct PageContext<T: Serialize> {
    pub lang: String,
    pub languages: Vec<String>,
    pub csrf: String,
    pub user: Option<UserView>,
    /// Current path and query, for the language switch's return.
    pub here: String,
    pub title: String,
    pub notice: Option<String>,
    pub page: T,
}

pub fn html(hb: &Handlebars<'_>, template: &str, ctx: &impl Serialize) -> AppResult<HttpResponse> {
    let body = hb
        .render(template, ctx)
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("rendering {template}: {e}")))?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
