INSERT INTO personas (name, role, description, background, system_prompt, traits, expertise,
                      tone, style, energy_level, chattiness, empathy_level, dominant_expertise,
                      status, visibility, created_by, tags, metadata)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16,
        $17::jsonb, '{"source": "seed"}'::jsonb)
RETURNING id
