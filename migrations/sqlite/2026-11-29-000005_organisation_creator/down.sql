ALTER TABLE organisations DROP COLUMN created_by;
