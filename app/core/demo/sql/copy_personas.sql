-- Demo data: column order = DemoEntityGenerator::writePersona.
COPY personas (id, name, role, description, background, system_prompt, traits, expertise, tone,
               style, energy_level, chattiness, empathy_level, dominant_expertise, status,
               visibility, created_by, tags, capabilities, quality_score, consistency_score,
               user_satisfaction, total_interactions, successful_interactions, last_used_at,
               created_at, updated_at)
FROM STDIN
