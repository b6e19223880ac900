-- The answers of a response packed in its own row (issue #14): one row per
-- respondent instead of one per answer plus the response, so an import of
-- a million respondents writes a million rows, not nineteen million.
-- `answers` is `item=value;item=value`, sorted by item code (byte order);
-- '' when the respondent answered nothing. Item codes are lower-case
-- letters, digits, '.' and '_' (analytics::ItemCode), so neither '=' nor
-- ';' can occur inside one. Reading and writing the text is
-- `db::models::response`'s alone.
--
-- SQLite cannot add a NOT NULL column without a default, nor drop the
-- default afterwards short of rebuilding the table (which would cascade
-- into audit_quotes): the default '' stays, and every insert in
-- `db::models::response` writes the column.
ALTER TABLE responses ADD COLUMN answers TEXT NOT NULL DEFAULT '';

UPDATE responses SET answers = (
    SELECT group_concat(a.item_code || '=' || a.value, ';' ORDER BY a.item_code)
    FROM answers a WHERE a.response_id = responses.id
)
WHERE id IN (SELECT response_id FROM answers);

DROP TABLE answers;
