DROP TABLE password_resets;
DROP TABLE team_managers;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE teams;
DROP TABLE organisations;
DROP TABLE app_settings;
