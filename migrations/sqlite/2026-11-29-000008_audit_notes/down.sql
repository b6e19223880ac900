DROP TABLE audit_quotes;
DROP TABLE audit_notes;
