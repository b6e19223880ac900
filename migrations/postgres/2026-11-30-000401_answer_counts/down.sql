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
INSERT INTO answer_histograms (campaign_id, team_key, population, channel, item_code, value, count)
SELECT campaign_id, team_key, population, channel, item_code, 0, v0 FROM answer_counts WHERE v0 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 1, v1 FROM answer_counts WHERE v1 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 2, v2 FROM answer_counts WHERE v2 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 3, v3 FROM answer_counts WHERE v3 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 4, v4 FROM answer_counts WHERE v4 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 5, v5 FROM answer_counts WHERE v5 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 6, v6 FROM answer_counts WHERE v6 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 7, v7 FROM answer_counts WHERE v7 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 8, v8 FROM answer_counts WHERE v8 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 9, v9 FROM answer_counts WHERE v9 <> 0
UNION ALL
SELECT campaign_id, team_key, population, channel, item_code, 10, v10 FROM answer_counts WHERE v10 <> 0;
DROP TABLE answer_counts;
