-- The answers of a response packed in its own row (issue #14): one row per
-- respondent instead of one per answer plus the response, so an import of
-- a million respondents writes a million rows, not nineteen million, and
-- checks two foreign keys per respondent instead of twenty.
-- `answers` is `item=value;item=value`, sorted by item code (byte order);
-- '' when the respondent answered nothing. Item codes are lower-case
-- letters, digits, '.' and '_' (analytics::ItemCode), so neither '=' nor
-- ';' can occur inside one. Reading and writing the text is
-- `db::models::response`'s alone.
ALTER TABLE responses ADD COLUMN answers TEXT NOT NULL DEFAULT '';

UPDATE responses r SET answers = a.packed
FROM (
    SELECT response_id, string_agg(item_code || '=' || value, ';' ORDER BY item_code COLLATE "C") AS packed
    FROM answers GROUP BY response_id
) a
WHERE a.response_id = r.id;

-- Every writer says what the answers are: no silent ''.
ALTER TABLE responses ALTER COLUMN answers DROP DEFAULT;

DROP TABLE answers;
