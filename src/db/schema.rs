//! The database schema, written once for both backends. The migration test
//! checks that each backend's migrated schema exposes exactly these tables
//! and columns.

diesel::table! {
    app_settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        name -> Text,
        sector -> Text,
        default_language -> Text,
        anonymity_threshold -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    teams (id) {
        id -> Text,
        organisation_id -> Text,
        code -> Text,
        name -> Text,
        parent_id -> Nullable<Text>,
        headcount -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        language -> Nullable<Text>,
        is_platform_admin -> Bool,
        is_consultant -> Bool,
        token_version -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        user_id -> Text,
        organisation_id -> Text,
        role -> Text,
    }
}

diesel::table! {
    team_managers (team_id, user_id) {
        team_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    password_resets (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        expires_at -> Timestamp,
        used -> Bool,
    }
}

diesel::joinable!(teams -> organisations (organisation_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(team_managers -> teams (team_id));
diesel::joinable!(team_managers -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    app_settings,
    organisations,
    teams,
    users,
    memberships,
    team_managers,
    password_resets,
);

/// Every table of the schema with its columns, for the migration test.
pub const TABLES: &[(&str, &[&str])] = &[
    ("app_settings", &["key", "value"]),
    (
        "organisations",
        &[
            "id",
            "name",
            "sector",
            "default_language",
            "anonymity_threshold",
            "created_at",
        ],
    ),
    (
        "teams",
        &["id", "organisation_id", "code", "name", "parent_id", "headcount"],
    ),
    (
        "users",
        &[
            "id",
            "email",
            "display_name",
            "password_hash",
            "language",
            "is_platform_admin",
            "is_consultant",
            "token_version",
            "created_at",
        ],
    ),
    ("memberships", &["id", "user_id", "organisation_id", "role"]),
    ("team_managers", &["team_id", "user_id"]),
    ("password_resets", &["token_hash", "user_id", "expires_at", "used"]),
];
