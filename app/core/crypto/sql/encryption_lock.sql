-- Writers of prompt texts wait until the conversion commits; readers go on.
LOCK TABLE ai_prompts, ai_prompt_versions IN EXCLUSIVE MODE
