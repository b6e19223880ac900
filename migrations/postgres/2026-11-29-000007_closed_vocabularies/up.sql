-- Closed vocabularies: a status, a role, a population or a channel that the
-- code does not know is refused by the database too (the Rust side maps
-- each column to an enum: db::text_enum). The aggregate tables are left
-- out: they are written only by the engine from those enums, on the hot
-- path of every submission.
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_known CHECK (status IN ('draft', 'open', 'closed', 'archived'));
ALTER TABLE memberships ADD CONSTRAINT memberships_role_known CHECK (role IN ('director', 'manager', 'viewer', 'consultant'));
ALTER TABLE actions ADD CONSTRAINT actions_status_known CHECK (status IN ('planned', 'in_progress', 'done', 'dropped'));
ALTER TABLE action_events ADD CONSTRAINT action_events_status_known CHECK (status IN ('planned', 'in_progress', 'done', 'dropped'));
ALTER TABLE responses ADD CONSTRAINT responses_population_known CHECK (population IN ('customer', 'employee', 'manager', 'executive'));
ALTER TABLE responses ADD CONSTRAINT responses_channel_known CHECK (channel IS NULL OR channel IN ('in_person', 'phone', 'web', 'app', 'email', 'other'));
