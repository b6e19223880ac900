-- Campaigns (survey waves), invitations, responses and the aggregates that
-- reports read. Invitations and responses share no column that joins them.
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    languages TEXT NOT NULL,
    populations TEXT NOT NULL,
    status TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX campaigns_org ON campaigns(organisation_id);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    used BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX invitations_campaign_team ON invitations(campaign_id, team_id);

CREATE TABLE responses (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    population TEXT NOT NULL,
    channel TEXT,
    submitted_on DATE NOT NULL,
    language TEXT NOT NULL,
    comment TEXT,
    author_id TEXT REFERENCES users(id) ON DELETE CASCADE
) WITHOUT ROWID; -- no insertion-order rowid beside the random ids
CREATE INDEX responses_campaign ON responses(campaign_id, team_id, population);
-- One signed self-assessment per author, team and campaign, even when two
-- are sent at once.
CREATE UNIQUE INDEX responses_one_signed ON responses(campaign_id, COALESCE(team_id, ''), population, author_id)
    WHERE author_id IS NOT NULL;

CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (response_id, item_code)
);

CREATE TABLE submission_keys (
    key TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE
);

CREATE TABLE contact_requests (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    contact TEXT NOT NULL,
    message TEXT,
    done BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX contact_requests_team ON contact_requests(campaign_id, team_id);

-- team_key is the team id, or '' for organisation-level (executive) rows;
-- channel is '' when none.
CREATE TABLE answer_histograms (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_key TEXT NOT NULL,
    population TEXT NOT NULL,
    channel TEXT NOT NULL,
    item_code TEXT NOT NULL,
    value INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, team_key, population, channel, item_code, value)
);

CREATE TABLE respondent_counts (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_key TEXT NOT NULL,
    population TEXT NOT NULL,
    channel TEXT NOT NULL,
    scope TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, team_key, population, channel, scope)
);

CREATE TABLE orientation_buckets (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_key TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, team_key, bucket)
);
