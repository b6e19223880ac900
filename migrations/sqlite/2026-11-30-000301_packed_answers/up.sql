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

-- The closed vocabularies of responses, checked on insert with a chain of
-- comparisons instead of `NOT IN (…)`: the same refusals with the same
-- messages, but SQLite builds an ephemeral table for an IN list at every
-- firing, which made these two triggers cost more than the insert itself
-- (a million-row import: 2.6 s of CPU per 200,000 rows with them, 1.4 s
-- with comparisons, 1.0 s without any trigger).
DROP TRIGGER responses_population_known_insert;
CREATE TRIGGER responses_population_known_insert BEFORE INSERT ON responses
WHEN NOT (NEW.population = 'customer' OR NEW.population = 'employee' OR NEW.population = 'manager'
          OR NEW.population = 'executive')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_population_known'); END;
DROP TRIGGER responses_channel_known_insert;
CREATE TRIGGER responses_channel_known_insert BEFORE INSERT ON responses
WHEN NOT (NEW.channel IS NULL OR NEW.channel = 'in_person' OR NEW.channel = 'phone' OR NEW.channel = 'web'
          OR NEW.channel = 'app' OR NEW.channel = 'email' OR NEW.channel = 'other')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_channel_known'); END;
