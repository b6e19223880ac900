//! E-mailing employee invitations and their reminders, password links and
//! notices (digests and nudges, `domain::notices`). Each address gets one
//! single-use link. To remind, the address and its link are kept sealed
//! beside the invitation until the wave closes (`domain::reminders`, with
//! the key this mailer carries); no response refers to either.

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{Message, SmtpTransport, Transport};

use super::types::Email;
use super::{DomainError, DomainResult};
use crate::i18n;

#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    /// The key that seals the addresses kept for reminders (derived from
    /// the instance secret): whoever may send reminders holds it.
    address_key: Option<crate::auth::seal::SealKey>,
    /// Base of the links in notices sent without a request (the scheduler's).
    base_url: String,
}

/// `List-Unsubscribe: <url>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(
            s.trim().trim_start_matches('<').trim_end_matches('>').to_string(),
        ))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = SmtpTransport::from_url(smtp_url)?.build();
        Ok(Mailer {
            transport,
            from: from.parse()?,
            address_key: None,
            base_url: "http://localhost:8080".to_string(),
        })
    }

    /// This mailer with the key of the addresses kept for reminders,
    /// derived from the instance secret.
    pub fn with_address_key(mut self, secret: &crate::auth::Secret) -> Mailer {
        self.address_key = Some(crate::auth::seal::SealKey::derive(
            secret,
            crate::domain::reminders::KEY_PURPOSE,
        ));
        self
    }

    pub(crate) fn address_key(&self) -> DomainResult<&crate::auth::seal::SealKey> {
        self.address_key
            .as_ref()
            .ok_or_else(|| DomainError::Unexpected(anyhow::anyhow!("a mailer without the address key")))
    }

    /// Sends each `(address, link)` the reminder of `campaign`, closing on
    /// `closes`; returns how many were sent.
    pub fn send_reminders(
        &self,
        lang: &str,
        campaign: &str,
        closes: &str,
        recipients: &[(Email, String)],
    ) -> DomainResult<usize> {
        let subject = i18n::t_args(lang, "email-reminder-subject", &[("campaign", campaign.to_string())]);
        let mut sent = 0;
        for (to, link) in recipients {
            let body = i18n::t_args(
                lang,
                "email-reminder-body",
                &[
                    ("campaign", campaign.to_string()),
                    ("closes", closes.to_string()),
                    ("link", link.clone()),
                ],
            );
            self.send("emails", to, subject.clone(), body)?;
            sent += 1;
        }
        Ok(sent)
    }

    /// The base of the links in notices sent without a request (the
    /// public URL, else the address the server listens on).
    pub fn with_base_url(mut self, base_url: &str) -> Mailer {
        self.base_url = base_url.trim_end_matches('/').to_string();
        self
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A notice (digest, nudge) to one person, with a one-click unsubscribe
    /// link in its headers (RFC 2369 and 8058) as well as in its body.
    pub fn send_notice(&self, to: &str, subject: String, body: String, unsubscribe: &str) -> DomainResult<()> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| DomainError::Field("email", "error-email-invalid"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .header(ListUnsubscribe(unsubscribe.to_string()))
            .header(ListUnsubscribePost)
            .body(body)
            .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("building an e-mail: {e}")))?;
        self.transport
            .send(&message)
            .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("sending an e-mail: {e}")))?;
        Ok(())
    }

    /// Sends `links[i]` to `recipients[i]`; returns how many were sent.
    pub fn send_invitations(
        &self,
        lang: &str,
        campaign: &str,
        team: &str,
        recipients: &[Email],
        links: &[String],
    ) -> DomainResult<usize> {
        let subject = i18n::t_args(lang, "email-invitation-subject", &[("campaign", campaign.to_string())]);
        let mut sent = 0;
        for (to, link) in recipients.iter().zip(links) {
            let body = i18n::t_args(
                lang,
                "email-invitation-body",
                &[
                    ("campaign", campaign.to_string()),
                    ("team", team.to_string()),
                    ("link", link.clone()),
                ],
            );
            self.send("emails", to, subject.clone(), body)?;
            sent += 1;
        }
        Ok(sent)
    }

    /// Sends a single-use password link (valid `hours`) to `to`.
    pub fn send_reset(&self, lang: &str, to: &Email, link: &str, hours: i64) -> DomainResult<()> {
        let subject = i18n::t(lang, "email-reset-subject");
        let body = i18n::t_args(
            lang,
            "email-reset-body",
            &[("link", link.to_string()), ("hours", hours.to_string())],
        );
        self.send("email", to, subject, body)
    }

    fn send(&self, field: &'static str, to: &Email, subject: String, body: String) -> DomainResult<()> {
        let to: Mailbox = to
            .as_str()
            .parse()
            .map_err(|_| DomainError::Field(field, "error-email-invalid"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("building an e-mail: {e}")))?;
        self.transport
            .send(&message)
            .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("sending an e-mail: {e}")))?;
        Ok(())
    }
}

/// The addresses typed in the form, one per line or separated by commas.
pub fn parse_recipients(text: &str) -> DomainResult<Vec<Email>> {
    let mut out = Vec::new();
    for raw in text.split(['\n', ',', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        let email = Email::parse(raw).map_err(|k| DomainError::Field("emails", k))?;
        if !out.contains(&email) {
            out.push(email);
        }
    }
    if out.len() > super::campaigns::MAX_INVITATIONS {
        return Err(DomainError::Field("emails", "error-invitation-count"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn recipients_are_checked_and_deduplicated() {
        let list = super::parse_recipients("a@example.org\nB@example.org, a@example.org;\n\n").unwrap();
        assert_eq!(
            list.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
            ["a@example.org", "b@example.org"]
        );
        assert!(super::parse_recipients("a@example.org\nnot an address").is_err());
    }
}
