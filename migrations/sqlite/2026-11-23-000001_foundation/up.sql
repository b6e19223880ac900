-- Foundation: organisations, teams, users, memberships, sessions' secrets.
CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    default_language TEXT NOT NULL,
    anonymity_threshold INTEGER NOT NULL DEFAULT 5 CHECK (anonymity_threshold >= 3),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    headcount INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),
    UNIQUE (organisation_id, code)
);
CREATE INDEX teams_parent ON teams(parent_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language TEXT,
    is_platform_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_consultant BOOLEAN NOT NULL DEFAULT FALSE,
    token_version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    UNIQUE (user_id, organisation_id)
);
CREATE INDEX memberships_org ON memberships(organisation_id);

CREATE TABLE team_managers (
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_managers_user ON team_managers(user_id);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used BOOLEAN NOT NULL DEFAULT FALSE
);
