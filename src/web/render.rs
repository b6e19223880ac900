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
    hb.register_helper("num", Box::new(NumberHelper { signed: false }));
    hb.register_helper("signed", Box::new(NumberHelper { signed: true }));
    hb.register_helper("date", Box::new(DateHelper));
    match dir {
        Some(dir) => {
            hb.set_dev_mode(true);
            hb.register_templates_directory(dir, handlebars::DirectorySourceOptions::default())?;
        }
        None => hb.register_embed_templates_with_extension::<Templates>(".hbs")?,
    }
    Ok(hb)
}

/// A stored date or timestamp as people read it in the page's language
/// ("25 octobre 2026", "25 October 2026, 14:05"), by `render::date`; also
/// usable as a subexpression (`(date page.campaign.opens_on)`).
struct DateHelper;

impl handlebars::HelperDef for DateHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let lang = ctx.data().get("lang").and_then(|l| l.as_str()).unwrap_or("en");
        let text = match h.param(0).map(|p| p.value()) {
            Some(serde_json::Value::String(s)) => crate::render::date::stored(lang, s),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(text)))
    }
}
handlebars::handlebars_helper!(eq_helper: |a: Json, b: Json| a == b);
handlebars::handlebars_helper!(concat_helper: |*args| args
    .iter()
    .map(|a| match a {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
    .collect::<String>());

/// A number for reading: one decimal (or `digits=`), the language's
/// decimal separator, "—" for a missing figure, by the one rule of
/// `render::number`. Presentation only: the figures themselves come
/// computed from the engine.
pub fn format_number(value: Option<f64>, digits: usize, lang: &str, signed: bool) -> String {
    crate::render::number::format_option(
        value,
        digits,
        crate::render::number::NumberStyle::for_lang(lang),
        signed,
    )
}

/// `num` and `signed`: a number in the reader's style, as a value, so it
/// also serves inside a translated sentence:
/// `{{t "key" value=(num x digits=2)}}`.
struct NumberHelper {
    signed: bool,
}

impl handlebars::HelperDef for NumberHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let value = h.param(0).and_then(|p| p.value().as_f64());
        let digits = h.hash_get("digits").and_then(|d| d.value().as_u64()).unwrap_or(1) as usize;
        let lang = ctx.data().get("lang").and_then(|l| l.as_str()).unwrap_or("en");
        let text = format_number(value, digits.min(6), lang, self.signed);
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(text)))
    }
}

/// The signed-in person as templates see them.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub display_name: String,
    pub email: String,
    pub is_platform_admin: bool,
    /// Consultants and administrators see the portfolio.
    pub is_consultant: bool,
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
    /// A survey respondent's page: no sign-in link (a customer or an
    /// employee answering a survey has no account to sign in to).
    pub respondent: bool,
    /// A survey form is on the page: the language buttons submit it
    /// (`switch_lang`), so switching keeps what was typed.
    pub survey_form: bool,
    pub page: T,
}

pub fn html(hb: &Handlebars<'_>, template: &str, ctx: &impl Serialize) -> AppResult<HttpResponse> {
    let body = hb
        .render(template, ctx)
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("rendering {template}: {e}")))?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_read_in_the_reader_s_language() {
        // Half away from zero on the shown digits, as charts round.
        assert_eq!(format_number(Some(61.25), 1, "en", false), "61.3");
        assert_eq!(format_number(Some(61.26), 1, "fr", false), "61,3");
        assert_eq!(format_number(Some(-4.0), 1, "fr", true), "−4,0");
        assert_eq!(format_number(Some(12.34), 1, "en", true), "+12.3");
        assert_eq!(format_number(Some(-0.01), 1, "en", true), "0.0");
        assert_eq!(format_number(None, 1, "en", false), "—");
        assert_eq!(format_number(Some(f64::NAN), 1, "en", false), "—");
    }
}
