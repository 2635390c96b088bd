-- 0022_prompt_trust down: 0021's rules as they were; audit rows written meanwhile keep the
-- author the trigger gave them.

COMMENT ON COLUMN public.audit_logs.metadata IS NULL;
COMMENT ON COLUMN public.ai_prompt_label_history.reason IS NULL;
COMMENT ON COLUMN public.ai_prompt_label_history.console_user IS NULL;
COMMENT ON COLUMN public.ai_prompt_label_history.database_user IS NULL;
DROP TRIGGER trg_audit_logs_author ON public.audit_logs;
DROP FUNCTION public.audit_logs_author();
DROP TRIGGER trg_ai_prompts_protected_delete ON public.ai_prompts;
DROP FUNCTION public.ai_prompt_protected_delete_check();
DROP TRIGGER trg_ai_prompt_versions_certified ON public.ai_prompt_versions;
DROP FUNCTION public.ai_prompt_versions_certified();
DROP TRIGGER trg_ai_prompt_versions_sealed_owner_only ON public.ai_prompt_versions;
DROP FUNCTION public.ai_prompt_versions_sealed_owner_only();
DROP TRIGGER trg_ai_prompts_key_owner_only ON public.ai_prompts;
DROP FUNCTION public.ai_prompts_key_owner_only();
DROP TRIGGER trg_ai_prompts_sealed_owner_only ON public.ai_prompts;
DROP FUNCTION public.ai_prompt_texts_sealed_owner_only();
DROP TRIGGER trg_ai_prompts_serve_a_version ON public.ai_prompts;
DROP FUNCTION public.ai_prompts_serve_a_version();
DROP FUNCTION public.ai_prompt_encryption_key_on();
