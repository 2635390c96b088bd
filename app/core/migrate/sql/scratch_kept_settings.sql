-- A kept database taken for a proof: its own settings (ALTER DATABASE ... SET, which its owner
-- may run: a search_path or a role every session of it would start with) cleared before any
-- session connects to it.
ALTER DATABASE %DATABASE% RESET ALL
