-- The stored labels of every prompt, by ai_prompts.id (the list's labels column): a scan of
-- the small label table, merged into the list's rows by the client. Aggregating them per
-- prompt in list_prompts.sql and joining cost more server time than the whole rest of the list
-- (EXPLAIN on the bench data: ~90 ms vs 0.6 ms for this scan, loaded machine).
SELECT l.prompt_id, l.label, l.version_no
FROM ai_prompt_labels l
