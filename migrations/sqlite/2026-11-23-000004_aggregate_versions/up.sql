-- Bumped whenever the aggregates of a campaign that is no longer open
-- change (import into a closed campaign, rebuild), so that a cached report
-- of a closed campaign is known to be stale on every instance.
CREATE TABLE aggregate_versions (
    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    version BIGINT NOT NULL
);
