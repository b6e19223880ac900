-- One row per answer again, split out of the packed text.
CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (response_id, item_code)
);

INSERT INTO answers (response_id, item_code, value)
SELECT r.id, split_part(p.pair, '=', 1), split_part(p.pair, '=', 2)::integer
FROM responses r, unnest(string_to_array(r.answers, ';')) AS p(pair)
WHERE r.answers <> '';

ALTER TABLE responses DROP COLUMN answers;
