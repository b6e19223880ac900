//! Structured logs with request ids. The root span records the route
//! pattern, never the concrete path or the client address: paths carry
//! tokens (reset links, invitations) and addresses must never sit beside
//! responses.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpanBuilder};
use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("MIROIR_LOG_FORMAT").is_ok_and(|f| f == "json");
    // Colour codes only for a person at a terminal: a file, a pipe or a
    // log collector gets plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(ansi);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

pub struct PrivateRootSpan;

impl RootSpanBuilder for PrivateRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        tracing::info_span!("request", method = %request.method(), route = tracing::field::Empty, request_id = %request_id, status = tracing::field::Empty)
    }

    // The route is read when the response leaves, from the resource the
    // router chose: at the start it would mean matching every path twice.
    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        if let Ok(response) = outcome {
            let route = response.request().match_pattern();
            span.record("route", route.as_deref().unwrap_or("unmatched"));
            span.record("status", response.status().as_u16());
        }
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}
