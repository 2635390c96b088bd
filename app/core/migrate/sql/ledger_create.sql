-- The migration ledger: what is applied now, and every event that ever happened.
CREATE TABLE IF NOT EXISTS uaip_ledger_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO uaip_ledger_info (key, value) VALUES ('format', '1') ON CONFLICT (key) DO NOTHING;

CREATE TABLE IF NOT EXISTS uaip_schema_migrations (
    version       text PRIMARY KEY,
    name          text NOT NULL,
    checksum      text NOT NULL,
    down_checksum text,
    applied_at    timestamptz NOT NULL DEFAULT now(),
    applied_by    text NOT NULL DEFAULT current_user,
    client        text,
    duration_ms   integer,
    state         text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'dirty')),
    error         text
);

CREATE TABLE IF NOT EXISTS uaip_migration_events (
    id          bigserial PRIMARY KEY,
    version     text,
    name        text,
    action      text NOT NULL CHECK (action IN ('apply', 'rollback', 'baseline', 'repair')),
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL DEFAULT current_user,
    client      text,
    duration_ms integer,
    checksum    text,
    error       text
);
CREATE INDEX IF NOT EXISTS uaip_migration_events_version_idx
    ON uaip_migration_events (version, happened_at);
