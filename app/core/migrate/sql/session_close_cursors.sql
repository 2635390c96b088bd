-- Between migrations: cursors a migration declared WITH HOLD (also through EXECUTE) would
-- outlive its COMMIT; they go.
CLOSE ALL
