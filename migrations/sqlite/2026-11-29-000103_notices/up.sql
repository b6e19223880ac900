-- Digests and nudges by e-mail (issue 13, item 4).
-- What a move of a campaign asks to tell people, recorded in the move's
-- transaction and sent after its commit (`domain::notices::send_pending`).
CREATE TABLE notice_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX notice_outbox_pending ON notice_outbox(sent_at);

-- Who was told what, so that each notice reaches a person at most once per
-- scope (a wave, an ISO week, a team of a wave). A row is claimed before
-- the mail goes and released if sending fails.
CREATE TABLE notices_sent (
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, scope, user_id)
);
CREATE INDEX notices_sent_user ON notices_sent(user_id);

-- The kinds of notice a person asked not to receive.
CREATE TABLE notice_opt_outs (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
