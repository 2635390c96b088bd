-- Fixture: a function's BEGIN ATOMIC ... END, CASE ... END and a body's words: never named.
CREATE FUNCTION demo_atomic(x int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
    SELECT 'commit;';
END;
CREATE PROCEDURE demo_words() LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'rollback'; -- commit;
    /* a /* nested */ comment; COMMIT; */
END
$$;
SELECT a$b$c FROM demo_end;
