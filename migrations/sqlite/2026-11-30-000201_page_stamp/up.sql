-- One number that moves whenever an organisation, a team or a campaign is
-- written, by whatever path (pages, API, scheduler, CLI, another instance):
-- instances compare it with the one their cached survey pages were built on.
CREATE TABLE page_stamp (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO page_stamp (id, version) VALUES (1, 0);
CREATE TRIGGER page_stamp_organisations_insert AFTER INSERT ON organisations BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_organisations_update AFTER UPDATE ON organisations BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_organisations_delete AFTER DELETE ON organisations BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_teams_insert AFTER INSERT ON teams BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_teams_update AFTER UPDATE ON teams BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_teams_delete AFTER DELETE ON teams BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_campaigns_insert AFTER INSERT ON campaigns BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_campaigns_update AFTER UPDATE ON campaigns BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER page_stamp_campaigns_delete AFTER DELETE ON campaigns BEGIN UPDATE page_stamp SET version = version + 1 WHERE id = 1; END;
