-- Published reports compressed with lz4 instead of pglz (issue 14): a
-- 1,000-team wave's kept report is about 15 MB of JSON, and pglz spent
-- about a third of a second compressing it at the close (lz4: a tenth of
-- a second, a smaller result). PostgreSQL builds without lz4 (or before
-- 14) keep the text uncompressed instead: storing it is then as fast, it
-- only takes more room. Rows already stored keep their compression.
-- (SQLite stores the text as it is: nothing to change there.)
DO $$
BEGIN
    ALTER TABLE published_reports ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
    ALTER TABLE published_reports ALTER COLUMN body SET STORAGE EXTERNAL;
END
$$;
