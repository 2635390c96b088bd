-- Fixture of boundary_refuses_transaction: a DO block that commits.
DO $body$
BEGIN
    PERFORM 1;
    IF true THEN COMMIT; END IF;
END
$body$;
END;
