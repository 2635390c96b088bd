-- A database of the sandbox about to be dropped: no template (DROP DATABASE refuses one, so a
-- scratch database its owner made a template stayed for good), connections allowed again.
ALTER DATABASE %DATABASE% WITH IS_TEMPLATE false ALLOW_CONNECTIONS true CONNECTION LIMIT -1
