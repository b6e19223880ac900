-- Waves that run themselves (issue #13): a campaign with a schedule opens on
-- its opening date and closes at the end of its closing date, in the
-- schedule's time zone, by the scheduler inside the server.
CREATE TABLE campaign_schedules (
    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    time_zone TEXT NOT NULL
);

-- Every move of a campaign (open, close, archive), by a person or by the
-- scheduler: the campaign's history. A person's id is forgotten (NULL)
-- when their account is deleted.
CREATE TABLE campaign_events (
    id TEXT PRIMARY KEY NOT NULL,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    step TEXT NOT NULL,
    actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    by_scheduler BOOLEAN NOT NULL
);
CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id, at);

-- Leases of the server's background work: one instance at a time runs a
-- given job; a lease left by a stopped instance expires.
CREATE TABLE scheduler_leases (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
