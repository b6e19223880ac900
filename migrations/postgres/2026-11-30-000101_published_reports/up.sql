-- Published reports (issue 14, item 4): a closed wave's reports, built once
-- at its close (and again only when what they depend on changes: an import
-- into the closed wave, a rebuild, a team tree or threshold frozen anew),
-- kept in the database so that every instance serves them without
-- recomputing and a restart does not lose them. One row per kind of report
-- (organisation, a team's subtree, a channel, the API's JSON text); stamp
-- is the digest of everything the report depends on.
CREATE TABLE published_reports (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    stamp TEXT NOT NULL,
    body BYTEA NOT NULL,
    built_at TIMESTAMP NOT NULL,
    PRIMARY KEY (campaign_id, kind)
);
