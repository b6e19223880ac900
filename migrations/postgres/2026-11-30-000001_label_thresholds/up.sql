-- The symmetry label's thresholds (issue 15, item 4) are organisation
-- settings: every audit at least label_floor, their average above
-- label_average (points out of 100; the label's published rule, 55 and 70,
-- by default).
ALTER TABLE organisations ADD COLUMN label_floor INTEGER NOT NULL DEFAULT 55;
ALTER TABLE organisations ADD COLUMN label_average INTEGER NOT NULL DEFAULT 70;
