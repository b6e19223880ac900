-- One number that moves whenever an organisation, a team or a campaign is
-- written, by whatever path (pages, API, scheduler, CLI, another instance):
-- instances compare it with the one their cached survey pages were built on.
-- The triggers fire once per statement, before it touches a row, so a
-- transaction takes the stamp's row lock before any row lock of the three
-- tables (writes to them are rare: set-up and campaign moves, never answers).
CREATE TABLE page_stamp (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO page_stamp (id, version) VALUES (1, 0);
CREATE FUNCTION page_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE page_stamp SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER page_stamp_organisations BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION page_stamp_bump();
CREATE TRIGGER page_stamp_teams BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
    FOR EACH STATEMENT EXECUTE FUNCTION page_stamp_bump();
CREATE TRIGGER page_stamp_campaigns BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns
    FOR EACH STATEMENT EXECUTE FUNCTION page_stamp_bump();
