-- Who created an organisation: the sector benchmark leaves out
-- organisations the viewer created, so that nobody can fill a sector with
-- organisations of their own and read the rest by subtraction.
ALTER TABLE organisations ADD COLUMN created_by TEXT;
