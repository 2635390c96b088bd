#include "domaingrouping.h"

#include <QCoreApplication>
#include <QHash>

namespace uaip {

namespace {

struct Domain
{
    const char *name; // English, marked for lupdate; shown translated
    QStringList tables;
};

// From migrations/NNNN_*/up.sql: one domain per migration (0010 only adds indexes); the later
// migrations' tables join their domain (tst_domaingrouping: every bundled table has one).
const QList<Domain> &platformDomains()
{
    static const QList<Domain> domains{
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Core"),
         {"users", "refresh_tokens", "password_reset_tokens", "security_policies",
          "integration_events"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "LLM"), {"llm_providers", "user_llm_providers"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Personas"),
         {"personas", "persona_analytics", "persona_analytics_day_counts"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Agents"),
         {"agents", "agent_capability_metrics", "conversation_contexts"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Discussions"),
         {"discussions", "discussion_participants"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Tools"),
         {"tool_definitions", "tool_executions", "tool_usage_records"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Operations"),
         {"operations", "operation_states", "operation_checkpoints", "step_results",
          "approval_workflows", "approval_decisions"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Artifacts"),
         {"artifacts", "artifact_deployments", "artifact_reviews"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "AI prompts"),
         {"ai_prompts", "ai_prompt_versions", "ai_prompt_labels", "ai_prompt_label_history",
          "ai_prompt_label_confirmations", "ai_prompt_encryption",
          "ai_prompt_encryption_conversions", "ai_sessions", "ai_interactions",
          "ai_finetune_datasets"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Orchestration"),
         {"organizations", "teams", "team_members", "permissions", "roles", "role_permissions",
          "user_roles", "projects", "task_templates", "workflows", "workflow_executions", "tasks",
          "knowledge_items", "audit_logs"}},
        {QT_TRANSLATE_NOOP("uaip::DomainGrouping", "Threads"),
         {"threads", "messages", "tool_calls", "token_consumption"}},
    };
    return domains;
}

} // namespace

QString DomainGrouping::domainOf(const QString &schema, const QString &table)
{
    static const QHash<QString, QString> byTable = [] {
        QHash<QString, QString> map;
        for (const Domain &d : platformDomains())
            for (const QString &t : d.tables)
                map.insert(t, QCoreApplication::translate("uaip::DomainGrouping", d.name));
        return map;
    }();
    // The migrations create their tables in the connection's default schema.
    if (schema != QLatin1String("public"))
        return QString();
    return byTable.value(table);
}

QStringList DomainGrouping::domains()
{
    QStringList out;
    for (const Domain &d : platformDomains())
        out << QCoreApplication::translate("uaip::DomainGrouping", d.name);
    return out;
}

} // namespace uaip
