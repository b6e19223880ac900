-- Reminders (issue 13). The address an invitation was e-mailed to, with the
-- link it carried, sealed (XChaCha20-Poly1305, a key derived from the
-- instance secret, a random nonce per row, the token hash as associated
-- data), kept only while the wave is open: the close erases every row of
-- the campaign. Nothing here is written when an invitation is used, and no
-- response refers to it.
CREATE TABLE invitation_addresses (
    token_hash TEXT PRIMARY KEY REFERENCES invitations(token_hash) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    sealed TEXT NOT NULL
);
CREATE INDEX invitation_addresses_campaign ON invitation_addresses(campaign_id);

-- Reminders sent per wave (at most three), and whether the scheduled one
-- (three days before the closing date) has gone.
CREATE TABLE campaign_reminders (
    campaign_id TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    sent INTEGER NOT NULL DEFAULT 0,
    scheduled_sent BOOLEAN NOT NULL DEFAULT FALSE
);
