-- The insert triggers as 2026-11-29-000007_closed_vocabularies wrote them.
DROP TRIGGER responses_population_known_insert;
CREATE TRIGGER responses_population_known_insert BEFORE INSERT ON responses
WHEN NEW.population NOT IN ('customer', 'employee', 'manager', 'executive')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_population_known'); END;
DROP TRIGGER responses_channel_known_insert;
CREATE TRIGGER responses_channel_known_insert BEFORE INSERT ON responses
WHEN NOT (NEW.channel IS NULL OR NEW.channel IN ('in_person', 'phone', 'web', 'app', 'email', 'other'))
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_channel_known'); END;

-- One row per answer again, split out of the packed text.
CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (response_id, item_code)
);

WITH RECURSIVE pairs(response_id, pair, rest) AS (
    SELECT id, '', answers || ';' FROM responses WHERE answers <> ''
    UNION ALL
    SELECT response_id, substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1)
    FROM pairs WHERE rest <> ''
)
INSERT INTO answers (response_id, item_code, value)
SELECT response_id, substr(pair, 1, instr(pair, '=') - 1), CAST(substr(pair, instr(pair, '=') + 1) AS INTEGER)
FROM pairs WHERE pair <> '';

ALTER TABLE responses DROP COLUMN answers;
