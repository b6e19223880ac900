ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_known;
ALTER TABLE memberships DROP CONSTRAINT memberships_role_known;
ALTER TABLE actions DROP CONSTRAINT actions_status_known;
ALTER TABLE action_events DROP CONSTRAINT action_events_status_known;
ALTER TABLE responses DROP CONSTRAINT responses_population_known;
ALTER TABLE responses DROP CONSTRAINT responses_channel_known;
