-- The migration ledger (format 5): what is applied now, and every event that ever happened,
-- in the fixed schema uaip_ledger. Idempotent: it also completes a ledger of an older format
-- (after ledger_upgrade_move.sql). Runs in a transaction of its own, under the migration lock.
CREATE SCHEMA IF NOT EXISTS uaip_ledger;

CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_ledger_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_schema_migrations (
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
-- How far a no-transaction run got (format 2): its direction, the statements that completed,
-- how many there are, and file:line:col of the first one that did not.
ALTER TABLE uaip_ledger.uaip_schema_migrations
    ADD COLUMN IF NOT EXISTS progress_action text CHECK (progress_action IN ('apply', 'rollback')),
    ADD COLUMN IF NOT EXISTS progress_done   integer,
    ADD COLUMN IF NOT EXISTS progress_total  integer,
    ADD COLUMN IF NOT EXISTS progress_at     text,
    -- format 3: the SHA-256 of the statements that completed (each text and a NUL), so a
    -- resume refuses a file whose part that ran was edited
    ADD COLUMN IF NOT EXISTS progress_checksum text,
    -- format 5: where a batched statement (uaip:batch) stands: BackfillPosition's JSON
    ADD COLUMN IF NOT EXISTS progress_batch text;

CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_migration_events (
    id          bigserial PRIMARY KEY,
    version     text,
    name        text,
    action      text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL DEFAULT current_user,
    client      text,
    duration_ms integer,
    checksum    text,
    error       text
);
-- format 4: 'adopt' (another tool's history taken over, uaip-migrate adopt) and what it took
-- over from (the tool, its table and row): an adopt event always names it.
ALTER TABLE uaip_ledger.uaip_migration_events
    ADD COLUMN IF NOT EXISTS detail text,
    DROP CONSTRAINT IF EXISTS uaip_migration_events_action_check,
    ADD CONSTRAINT uaip_migration_events_action_check
        CHECK (action IN ('apply', 'rollback', 'baseline', 'repair', 'adopt')),
    DROP CONSTRAINT IF EXISTS uaip_migration_events_adopt_detail_check,
    ADD CONSTRAINT uaip_migration_events_adopt_detail_check
        CHECK (action <> 'adopt' OR detail IS NOT NULL);
CREATE INDEX IF NOT EXISTS uaip_migration_events_version_idx
    ON uaip_ledger.uaip_migration_events (version, happened_at);

-- Raises its message: lets one ledger statement refuse (rolling back its transaction) when
-- the ledger is not as the runner expects. VOLATILE, so it runs only when reached.
CREATE OR REPLACE FUNCTION uaip_ledger.fail(message text) RETURNS integer
    LANGUAGE plpgsql VOLATILE
    AS $fail$ BEGIN RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'P0001'; END $fail$;

INSERT INTO uaip_ledger.uaip_ledger_info (key, value)
VALUES ('format', '5'), ('schema', 'uaip_ledger')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
