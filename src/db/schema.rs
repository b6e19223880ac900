//! The database schema, written once for both backends. The migration test
//! (`tests/api/migrations.rs`) reads the `table!` definitions below and
//! checks that each backend's migrated schema has exactly these tables and
//! columns, with these types and this nullability.

diesel::table! {
    app_settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    /// Moved by triggers on every write to organisations, teams and
    /// campaigns; read by the survey page cache.
    page_stamp (id) {
        id -> Integer,
        version -> BigInt,
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
        created_by -> Nullable<Text>,
        label_floor -> Integer,
        label_average -> Integer,
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

diesel::table! {
    campaigns (id) {
        id -> Text,
        organisation_id -> Text,
        code -> Text,
        name -> Text,
        opens_on -> Date,
        closes_on -> Date,
        languages -> Text,
        populations -> Text,
        status -> Text,
        instrument_version -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (token_hash) {
        token_hash -> Text,
        campaign_id -> Text,
        team_id -> Text,
        used -> Bool,
    }
}

diesel::table! {
    responses (id) {
        id -> Text,
        campaign_id -> Text,
        team_id -> Nullable<Text>,
        population -> Text,
        channel -> Nullable<Text>,
        submitted_on -> Date,
        language -> Text,
        comment -> Nullable<Text>,
        author_id -> Nullable<Text>,
        answers -> Text,
    }
}

diesel::table! {
    submission_keys (key) {
        key -> Text,
        campaign_id -> Text,
    }
}

diesel::table! {
    contact_requests (id) {
        id -> Text,
        campaign_id -> Text,
        team_id -> Text,
        contact -> Text,
        message -> Nullable<Text>,
        done -> Bool,
    }
}

diesel::table! {
    /// One row per histogram key, its counts by answer value (v0 … v10).
    answer_counts (campaign_id, team_key, population, channel, item_code) {
        campaign_id -> Text,
        team_key -> Text,
        population -> Text,
        channel -> Text,
        item_code -> Text,
        v0 -> BigInt,
        v1 -> BigInt,
        v2 -> BigInt,
        v3 -> BigInt,
        v4 -> BigInt,
        v5 -> BigInt,
        v6 -> BigInt,
        v7 -> BigInt,
        v8 -> BigInt,
        v9 -> BigInt,
        v10 -> BigInt,
    }
}

diesel::table! {
    respondent_counts (campaign_id, team_key, population, channel, scope) {
        campaign_id -> Text,
        team_key -> Text,
        population -> Text,
        channel -> Text,
        scope -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    orientation_buckets (campaign_id, team_key, bucket) {
        campaign_id -> Text,
        team_key -> Text,
        bucket -> Integer,
        count -> BigInt,
    }
}

diesel::table! {
    actions (id) {
        id -> Text,
        organisation_id -> Text,
        campaign_id -> Text,
        team_id -> Nullable<Text>,
        point -> Text,
        owner -> Text,
        due_on -> Nullable<Date>,
        status -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    action_events (id) {
        id -> Text,
        action_id -> Text,
        at -> Timestamp,
        author -> Text,
        status -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    aggregate_versions (campaign_id) {
        campaign_id -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    publications (campaign_id) {
        campaign_id -> Text,
        anonymity_threshold -> Integer,
        teams -> Text,
    }
}

diesel::table! {
    audit_notes (campaign_id) {
        campaign_id -> Text,
        findings -> Text,
        recommendations -> Text,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
    }
}

diesel::table! {
    audit_quotes (campaign_id, response_id) {
        campaign_id -> Text,
        response_id -> Text,
        position -> Integer,
    }
}

diesel::table! {
    campaign_schedules (campaign_id) {
        campaign_id -> Text,
        time_zone -> Text,
    }
}

diesel::table! {
    campaign_events (id) {
        id -> Text,
        campaign_id -> Text,
        at -> Timestamp,
        step -> Text,
        actor_id -> Nullable<Text>,
        by_scheduler -> Bool,
    }
}

diesel::table! {
    scheduler_leases (name) {
        name -> Text,
        holder -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        organisation_id -> Text,
        url -> Text,
        events -> Text,
        secret -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_outbox (id) {
        id -> Text,
        endpoint_id -> Text,
        message_id -> Text,
        event_type -> Text,
        payload -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_participation (campaign_id) {
        campaign_id -> Text,
        counts -> Text,
        checked_at -> Timestamp,
    }
}

diesel::joinable!(teams -> organisations (organisation_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(team_managers -> teams (team_id));
diesel::joinable!(team_managers -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));
diesel::joinable!(campaigns -> organisations (organisation_id));
diesel::joinable!(invitations -> campaigns (campaign_id));
diesel::joinable!(responses -> campaigns (campaign_id));
diesel::joinable!(audit_quotes -> responses (response_id));
diesel::joinable!(contact_requests -> campaigns (campaign_id));
diesel::joinable!(action_events -> actions (action_id));

diesel::joinable!(webhook_endpoints -> organisations (organisation_id));
diesel::joinable!(webhook_outbox -> webhook_endpoints (endpoint_id));
diesel::allow_tables_to_appear_in_same_query!(
    app_settings,
    page_stamp,
    organisations,
    teams,
    users,
    memberships,
    team_managers,
    password_resets,
    campaigns,
    invitations,
    responses,
    submission_keys,
    contact_requests,
    answer_counts,
    respondent_counts,
    orientation_buckets,
    aggregate_versions,
    publications,
    actions,
    action_events,
    audit_notes,
    audit_quotes,
    campaign_schedules,
    campaign_events,
    scheduler_leases,
    webhook_endpoints,
    webhook_outbox,
    webhook_participation,
);

diesel::table! {
    invitation_addresses (token_hash) {
        token_hash -> Text,
        campaign_id -> Text,
        sealed -> Text,
    }
}

diesel::table! {
    campaign_reminders (campaign_id) {
        campaign_id -> Text,
        sent -> Integer,
        scheduled_sent -> Bool,
    }
}

// Digests and nudges by e-mail (`domain::notices`).
diesel::table! {
    notice_outbox (id) {
        id -> Text,
        kind -> Text,
        campaign_id -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    notices_sent (kind, scope, user_id) {
        kind -> Text,
        scope -> Text,
        user_id -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    notice_opt_outs (user_id, kind) {
        user_id -> Text,
        kind -> Text,
    }
}

diesel::table! {
    published_reports (campaign_id, kind) {
        campaign_id -> Text,
        kind -> Text,
        stamp -> Text,
        body -> Binary,
        built_at -> Timestamp,
    }
}
