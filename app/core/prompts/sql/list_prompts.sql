-- The prompt list. $1 full-text query over name, description and system prompt ('' = none),
-- $2 LIKE prefix pattern on lower(prompt_id) ('' = none): both through indexes (GIN on search_vector,
-- idx_ai_prompts_prompt_id_pattern), so a search does not scan the table. $3 prompt_type,
-- $4 model_preference, $5 label, $6 active ('', 'true', 'false'), $7/$8 the usage period
-- [from, to), $9 whether to aggregate usage at all ('false': the usage columns are empty, for
-- a list that opens first and fills usage in). probe: the
-- first 64 characters of a stored system prompt that is an envelope (PromptTextCodec's
-- kEnvelopePrefix 'uaipenc:'), NULL for plain text.
-- Labels come from list_labels.sql (merged by the client); latest is the stored
-- ai_prompts.latest_version (migration 0016; NULL without versions).
-- Cost (EXPLAIN (ANALYZE, BUFFERS) on the bench data, 10,000 prompts x 10 versions): without a
-- search the rows come in prompt_id order from the unique index, no join, no sort, no
-- aggregate (the usage CTE is filtered out by the bound constant $9 = 'false': PQexecParams
-- plans with the values). Before migration 0016 "latest" was a GroupAggregate over all
-- 100,000 version index entries and the labels a per-prompt string_agg joined in: together
-- over 80 % of the server time of the list.
WITH usage AS (
    SELECT i.prompt_id,
           count(*) AS interactions,
           avg(CASE WHEN i.success THEN 1.0 ELSE 0.0 END) AS success_rate,
           avg(i.response_time_ms) AS mean_latency_ms
    FROM ai_interactions i
    WHERE $9::boolean
      AND i.created_at >= $7::timestamptz AND i.created_at < $8::timestamptz
      AND i.prompt_id IS NOT NULL
    GROUP BY i.prompt_id
),
-- The full-text query: $1 as a web search (whole words, stemmed), and a single word being typed
-- also as a prefix ("orchestrat" finds "orchestrator"). The vector holds English stems
-- ('orchestr'), which a typed prefix may be longer than, so the prefix query is the word with
-- ':*' or one of its last few truncations as a whole lexeme: 'orchestrat':* | 'orchestr' | ...
-- (at least 4 characters). Built from the bound $1 (quote_literal), never spliced; the GIN index
-- on search_vector serves both.
search AS (
    SELECT CASE WHEN lower($1) ~ '^[[:alnum:]]{3,}$'
                THEN websearch_to_tsquery('english', $1)
                     || (SELECT string_agg(quote_literal(left(lower($1), n))
                                               || CASE WHEN n = length($1) THEN ':*' ELSE '' END,
                                           ' | ')::tsquery
                         FROM generate_series(least(length($1), greatest(4, length($1) - 5)),
                                              length($1)) n)
                ELSE websearch_to_tsquery('english', $1)
           END AS q
)
SELECT p.id, p.prompt_id, p.name, p.prompt_type, p.model_preference, p.current_version,
       p.latest_version AS latest,
       p.is_active, (extract(epoch FROM p.updated_at) * 1000)::bigint AS updated_ms,
       CASE WHEN starts_with(p.system_prompt, 'uaipenc:') THEN left(p.system_prompt, 64) END
           AS probe,
       coalesce(u.interactions, 0) AS interactions, u.success_rate, u.mean_latency_ms
FROM ai_prompts p
LEFT JOIN usage u ON u.prompt_id = p.id
WHERE ($1 = '' OR p.search_vector @@ (SELECT q FROM search)
       OR ($2 <> '' AND lower(p.prompt_id) LIKE $2))
  AND ($3 = '' OR p.prompt_type::text = $3)
  AND ($4 = '' OR p.model_preference = $4)
  AND ($5 = '' OR EXISTS (SELECT 1 FROM ai_prompt_labels l2
                          WHERE l2.prompt_id = p.id AND l2.label = $5))
  AND ($6 = '' OR p.is_active = ($6 = 'true'))
ORDER BY p.prompt_id
