-- 0022_prompt_trust down: 0021's rules as they were; audit rows written meanwhile keep the
-- author the trigger gave them.

DROP TRIGGER trg_audit_logs_author ON public.audit_logs;
DROP FUNCTION public.audit_logs_author();
DROP TRIGGER trg_ai_prompt_versions_certified ON public.ai_prompt_versions;
DROP FUNCTION public.ai_prompt_versions_certified();
DROP TRIGGER trg_ai_prompt_versions_sealed_owner_only ON public.ai_prompt_versions;
DROP FUNCTION public.ai_prompt_versions_sealed_owner_only();
DROP TRIGGER trg_ai_prompts_sealed_owner_only ON public.ai_prompts;
DROP FUNCTION public.ai_prompt_texts_sealed_owner_only();
DROP TRIGGER trg_ai_prompts_serve_a_version ON public.ai_prompts;
DROP FUNCTION public.ai_prompts_serve_a_version();
DROP FUNCTION public.ai_prompt_encryption_key_on();
