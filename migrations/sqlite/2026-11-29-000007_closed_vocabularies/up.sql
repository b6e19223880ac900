-- Closed vocabularies: a status, a role, a population or a channel that the
-- code does not know is refused by the database too (the Rust side maps
-- each column to an enum: db::text_enum). The aggregate tables are left
-- out: they are written only by the engine from those enums, on the hot
-- path of every submission.
-- SQLite cannot add a CHECK constraint to an existing table without
-- rebuilding it (and a rebuild of a table others reference would cascade
-- deletes under foreign_keys=ON), so the same rule is a pair of triggers.
CREATE TRIGGER campaigns_status_known_insert BEFORE INSERT ON campaigns
WHEN NEW.status NOT IN ('draft', 'open', 'closed', 'archived')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: campaigns_status_known'); END;
CREATE TRIGGER campaigns_status_known_update BEFORE UPDATE OF status ON campaigns
WHEN NEW.status NOT IN ('draft', 'open', 'closed', 'archived')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: campaigns_status_known'); END;
CREATE TRIGGER memberships_role_known_insert BEFORE INSERT ON memberships
WHEN NEW.role NOT IN ('director', 'manager', 'viewer', 'consultant')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: memberships_role_known'); END;
CREATE TRIGGER memberships_role_known_update BEFORE UPDATE OF role ON memberships
WHEN NEW.role NOT IN ('director', 'manager', 'viewer', 'consultant')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: memberships_role_known'); END;
CREATE TRIGGER actions_status_known_insert BEFORE INSERT ON actions
WHEN NEW.status NOT IN ('planned', 'in_progress', 'done', 'dropped')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: actions_status_known'); END;
CREATE TRIGGER actions_status_known_update BEFORE UPDATE OF status ON actions
WHEN NEW.status NOT IN ('planned', 'in_progress', 'done', 'dropped')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: actions_status_known'); END;
CREATE TRIGGER action_events_status_known_insert BEFORE INSERT ON action_events
WHEN NEW.status NOT IN ('planned', 'in_progress', 'done', 'dropped')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: action_events_status_known'); END;
CREATE TRIGGER action_events_status_known_update BEFORE UPDATE OF status ON action_events
WHEN NEW.status NOT IN ('planned', 'in_progress', 'done', 'dropped')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: action_events_status_known'); END;
CREATE TRIGGER responses_population_known_insert BEFORE INSERT ON responses
WHEN NEW.population NOT IN ('customer', 'employee', 'manager', 'executive')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_population_known'); END;
CREATE TRIGGER responses_population_known_update BEFORE UPDATE OF population ON responses
WHEN NEW.population NOT IN ('customer', 'employee', 'manager', 'executive')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_population_known'); END;
CREATE TRIGGER responses_channel_known_insert BEFORE INSERT ON responses
WHEN NOT (NEW.channel IS NULL OR NEW.channel IN ('in_person', 'phone', 'web', 'app', 'email', 'other'))
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_channel_known'); END;
CREATE TRIGGER responses_channel_known_update BEFORE UPDATE OF channel ON responses
WHEN NOT (NEW.channel IS NULL OR NEW.channel IN ('in_person', 'phone', 'web', 'app', 'email', 'other'))
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: responses_channel_known'); END;
