-- Webhooks: an organisation's endpoints, the events each wants, and the
-- durable outbox of messages to deliver (one row per endpoint and event),
-- written in the transaction of what they announce and delivered with
-- retries by a background task. The delivery log of the settings page is
-- the last rows of the outbox.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    -- comma-separated event types
    events TEXT NOT NULL,
    -- whsec_ followed by the base64 of the signing key
    secret TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT
);
CREATE INDEX webhook_endpoints_org ON webhook_endpoints (organisation_id);

CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    -- webhook-id: the same for every endpoint of one event, kept on retries
    message_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    -- the JSON body sent
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- NULL once delivered or given up
    next_attempt_at TIMESTAMP,
    delivered_at TIMESTAMP,
    last_status INTEGER,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at);
CREATE INDEX webhook_outbox_endpoint ON webhook_outbox (endpoint_id, created_at);

-- participation.updated: the counts last sent for an open campaign and
-- when they were last compared (at most once an hour, claimed by one
-- instance with a conditional update).
CREATE TABLE webhook_participation (
    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    counts TEXT NOT NULL,
    checked_at TIMESTAMP NOT NULL
);
