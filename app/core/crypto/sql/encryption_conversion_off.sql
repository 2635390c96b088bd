SELECT set_config('uaip.prompt_text_conversion', 'off', true)
