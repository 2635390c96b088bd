-- Lets migration 0014's immutability trigger pass the stored-form change of a version's text.
SELECT set_config('uaip.prompt_text_conversion', 'on', true)
