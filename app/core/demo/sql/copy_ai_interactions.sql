-- Demo data: column order = DemoActivityGenerator::writeInteraction.
COPY ai_interactions (id, session_id, prompt_id, user_input, ai_response, model_used, tokens_used,
                      response_time_ms, success, error_message, created_at, interaction_id,
                      input_tokens, output_tokens, cost, status, quality_score)
FROM STDIN
