-- What a closed wave's figures were published with: the anonymity
-- threshold and the team tree, frozen at the first read after the close.
-- Moving a team or changing the threshold afterwards would otherwise give
-- two publications of the same answers whose difference is a hidden group.
CREATE TABLE publications (
    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    anonymity_threshold INTEGER NOT NULL,
    teams TEXT NOT NULL
);
