//! The handlebars `t` helper: `{{t "key"}}`, `{{t some.path}}` or
//! `{{t "key" name=value}}`, in the language found at `lang` in the root
//! context. A missing key is a render error, so tests catch it.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason};

pub fn t_helper(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let key = h
        .param(0)
        .and_then(|p| p.value().as_str())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
    let lang = ctx
        .data()
        .get("lang")
        .and_then(|l| l.as_str())
        .unwrap_or(super::FALLBACK);
    let args: HashMap<String, FluentValue<'_>> = h
        .hash()
        .iter()
        .filter_map(|(k, v)| {
            let value = match v.value() {
                serde_json::Value::String(s) => FluentValue::from(s.clone()),
                serde_json::Value::Number(n) => FluentValue::from(n.as_f64()?),
                _ => return None,
            };
            Some((k.to_string(), value))
        })
        .collect();
    let args = (!args.is_empty()).then_some(&args);
    let text = super::try_translate(lang, key, args)
        .ok_or_else(|| RenderErrorReason::Other(format!("missing message `{key}` for `{lang}`")))?;
    out.write(&handlebars::html_escape(&text))?;
    Ok(())
}
