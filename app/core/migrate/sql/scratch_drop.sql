-- A scratch database (ScratchDatabase) dropped, its sessions ended first. PostgreSQL 15 waits
-- here for a checkpoint of the whole sandbox.
DROP DATABASE IF EXISTS %DATABASE% WITH (FORCE)
