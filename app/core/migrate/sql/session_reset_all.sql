-- Between migrations: every setting back to its default (search_path, role, timeouts, ...);
-- the advisory lock stays (never DISCARD ALL). session_restore.sql then puts back the runner's own.
RESET ALL
