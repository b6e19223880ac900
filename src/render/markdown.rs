//! The consultant's texts of an audit report as HTML: plain paragraphs or a
//! small Markdown subset (emphasis, strong, lists, headings, quotes, line
//! breaks, tables), read by `pulldown-cmark`.
//!
//! What a person typed never becomes markup of its own: raw HTML (blocks
//! and inline) is turned into text and escaped, links and images keep only
//! their words (no `href`, no `src`: no `javascript:` URL can reach the
//! page), and headings are brought down to `h4` so that the report's own
//! outline stays whole.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The HTML of `text`, safe to put into a page as it is.
pub fn to_safe_html(text: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let events = Parser::new_ext(text, options).filter_map(|event| match event {
        // Raw HTML is shown as the text it is.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        // A link or an image keeps its words, not its address.
        Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => None,
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Heading { .. }) => Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H4,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(_)) => Some(Event::End(TagEnd::Heading(HeadingLevel::H4))),
        // Footnotes, maths and metadata are not enabled; any other event
        // is plain structure that `push_html` escapes.
        Event::FootnoteReference(name) => Some(Event::Text(CowStr::from(format!("[^{name}]")))),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn paragraphs_lists_and_emphasis_render() {
        let html = to_safe_html("First finding.\n\nSecond **strong** and *soft*.\n\n- one\n- two\n");
        assert!(html.contains("<p>First finding.</p>"), "{html}");
        assert!(
            html.contains("<strong>strong</strong>") && html.contains("<em>soft</em>"),
            "{html}"
        );
        assert!(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"), "{html}");
    }

    #[test]
    fn no_typed_markup_survives() {
        for attack in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "text <b onmouseover=alert(1)>bold</b>",
            "<div>\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n\n</div>",
            "[click](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<svg/onload=alert(1)>",
            "`<script>` and ```\n<script>\n```",
        ] {
            let html = to_safe_html(attack);
            // Typed words may stay ("src=x" as text); no tag of theirs may.
            for tag in [
                "<script",
                "<img",
                "<b ",
                "<div",
                "<iframe",
                "<svg",
                "<a ",
                "href=\"javascript",
            ] {
                assert!(!html.contains(tag), "{attack:?} gave {html:?}");
            }
        }
        assert!(to_safe_html("<script>alert(1)</script>").contains("&lt;script&gt;"));
        assert_eq!(to_safe_html("[click](https://example.org)"), "<p>click</p>\n");
    }

    #[test]
    fn headings_stay_below_the_report_outline() {
        let html = to_safe_html("# Big\n\n###### small");
        assert!(
            html.contains("<h4>Big</h4>") && html.contains("<h4>small</h4>"),
            "{html}"
        );
        assert!(!html.contains("<h1") && !html.contains("<h6"));
    }
}
