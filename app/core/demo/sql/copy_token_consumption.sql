-- Demo data: column order = DemoActivityGenerator::writeTokenConsumption.
COPY token_consumption (id, usage_date, model, organization_id, user_id, input_tokens,
                        output_tokens, cost, request_count, created_at, updated_at)
FROM STDIN
