ALTER TABLE organisations DROP COLUMN label_average;
ALTER TABLE organisations DROP COLUMN label_floor;
