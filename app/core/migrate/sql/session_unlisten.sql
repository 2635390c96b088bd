-- Between migrations: the run's session listens to nothing (also after a LISTEN through
-- EXECUTE).
UNLISTEN *
