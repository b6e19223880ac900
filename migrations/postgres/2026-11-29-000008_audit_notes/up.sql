-- The consultant's own words in a campaign's audit report: findings and
-- recommendations (plain paragraphs or a small Markdown subset, rendered
-- with raw HTML escaped), who wrote them last and when. The author is kept
-- as an account id and forgotten (NULL) when that account is deleted.
CREATE TABLE audit_notes (
    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    findings TEXT NOT NULL,
    recommendations TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT REFERENCES users(id) ON DELETE SET NULL
);

-- The comments the consultant quotes in the audit report, by response. Only
-- comments of a population published for its team at that wave (n >= k)
-- can be chosen (domain::audit_notes checks it on every save and again on
-- every read); `position` keeps the consultant's order.
CREATE TABLE audit_quotes (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, response_id)
);
