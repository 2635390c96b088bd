-- Moves, protects or unprotects a protected label after the caller's typed confirmation, through
-- migration 0021's ai_prompt_label_move() (SECURITY DEFINER, the owner's): it records the
-- confirmation for this transaction, writes the label (for "production" only its protection:
-- it moves by publishing the version in the same transaction) and the audit row.
-- $1 prompt id, $2 label, $3 version (NULL: kept), $4 protect flag (NULL: kept), $5 the
-- confirmation (the database name), $6 application, $7 console user.
SELECT ai_prompt_label_move($1, $2, $3::integer, $4::boolean, $5,
                            jsonb_build_object('console_user', $7::text, 'application', $6::text))
