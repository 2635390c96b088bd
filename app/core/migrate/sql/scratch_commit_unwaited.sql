-- A scratch database's commits do not wait for the disk (a proof commits after each migration
-- and each ledger row, a few thousand times for an imported history): what a crash of the
-- sandbox would lose is a proof's scratch work, which is then dropped as a leftover. A
-- synchronous commit of any other session (the rename that keeps a proved database, for one)
-- makes every earlier commit durable too.
ALTER DATABASE %DATABASE% SET synchronous_commit = off
