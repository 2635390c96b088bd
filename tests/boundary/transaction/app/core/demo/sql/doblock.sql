-- Fixture: a DO block's BEGIN is no transaction control (never named).
DO $$
BEGIN
    PERFORM 1;
END
$$
