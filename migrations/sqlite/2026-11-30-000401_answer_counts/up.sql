-- Compact aggregates (issue 14, item 3): one row per histogram key with
-- its counts by value (v0 … v10: answers 0–10; agreement items use v1–v5)
-- instead of one row per key and value. A 1,000-team wave held about a
-- million histogram rows with four text keys each, whose loading was most
-- of a report's build; the same counts are now five to eleven times fewer
-- rows. A submission still upserts one row per answered item
-- (v_n = v_n + change). Existing counts are carried over.
CREATE TABLE answer_counts (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    team_key TEXT NOT NULL,
    population TEXT NOT NULL,
    channel TEXT NOT NULL,
    item_code TEXT NOT NULL,
    v0 BIGINT NOT NULL DEFAULT 0,
    v1 BIGINT NOT NULL DEFAULT 0,
    v2 BIGINT NOT NULL DEFAULT 0,
    v3 BIGINT NOT NULL DEFAULT 0,
    v4 BIGINT NOT NULL DEFAULT 0,
    v5 BIGINT NOT NULL DEFAULT 0,
    v6 BIGINT NOT NULL DEFAULT 0,
    v7 BIGINT NOT NULL DEFAULT 0,
    v8 BIGINT NOT NULL DEFAULT 0,
    v9 BIGINT NOT NULL DEFAULT 0,
    v10 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, team_key, population, channel, item_code)
);
INSERT INTO answer_counts (campaign_id, team_key, population, channel, item_code, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10)
SELECT campaign_id, team_key, population, channel, item_code,
    SUM(CASE WHEN value = 0 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 1 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 2 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 3 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 4 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 5 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 6 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 7 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 8 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 9 THEN count ELSE 0 END),
    SUM(CASE WHEN value = 10 THEN count ELSE 0 END)
FROM answer_histograms
GROUP BY campaign_id, team_key, population, channel, item_code;
DROP TABLE answer_histograms;
