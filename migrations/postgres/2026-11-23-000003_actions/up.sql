-- Adopted points of the ten-point plan, with their history.
CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    point TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on DATE,
    status TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX actions_org ON actions(organisation_id, campaign_id);

CREATE TABLE action_events (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    author TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT
);
CREATE INDEX action_events_action ON action_events(action_id);
