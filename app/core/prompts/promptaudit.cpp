#include "promptaudit.h"

#include "db/pgconnection.h"
#include "promptsql.h"

#include <QJsonDocument>

namespace uaip {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

PromptAudit::PromptAudit(PgConnection &connection)
    : m_connection(connection)
{ }

PromptError PromptAudit::record(const QString &promptUuid, const QString &action,
                                const QJsonObject &oldValues, const QJsonObject &newValues,
                                const PromptActor &actor)
{
    return recordFor(QStringLiteral("ai_prompts"), promptUuid, action, oldValues, newValues, actor);
}

PromptError PromptAudit::recordFor(const QString &entityType, const QString &uuid,
                                   const QString &action, const QJsonObject &oldValues,
                                   const QJsonObject &newValues, const PromptActor &actor)
{
    PgResult r = m_connection.exec(PromptSql::get("audit_insert"),
                                   {uuid, action, compact(oldValues), compact(newValues),
                                    actor.application, actor.consoleUser, entityType});
    if (!r.ok())
        return PromptError::database(r.error(), QStringLiteral("audit_logs"));
    return {};
}

PromptError PromptAudit::confirmProtected(const QString &promptId, const QString &label,
                                          std::optional<int> versionNo,
                                          std::optional<bool> setProtected,
                                          const PromptActor &actor)
{
    PgResult r
        = m_connection.exec(PromptSql::get("label_move_confirmed"),
                            {promptId, label, versionNo ? QVariant(*versionNo) : QVariant(),
                             setProtected ? QVariant(*setProtected ? "true" : "false") : QVariant(),
                             m_connection.database(), actor.application, actor.consoleUser});
    if (!r.ok())
        return PromptError::database(r.error(), QStringLiteral("ai_prompt_label_move"));
    return {};
}

PromptResult<QList<PromptAuditEntry>> PromptAudit::entries(const QString &promptId)
{
    using Result = PromptResult<QList<PromptAuditEntry>>;
    PgResult r = m_connection.exec(PromptSql::get("audit_entries"), {promptId});
    if (!r.ok())
        return Result::fail(PromptError::database(r.error(), QStringLiteral("audit_logs")));
    Result out;
    for (int i = 0; i < r.rows(); ++i) {
        PromptAuditEntry e;
        e.action = r.value(i, "action");
        e.databaseUser = r.value(i, "database_user");
        e.consoleUser = r.value(i, "console_user");
        e.oldValues = QJsonDocument::fromJson(r.value(i, "old_values").toUtf8()).object();
        e.newValues = QJsonDocument::fromJson(r.value(i, "new_values").toUtf8()).object();
        e.createdAt = PromptSql::timestamp(r.value(i, "created_at"));
        out.value << e;
    }
    return out;
}

PromptResult<QString> PromptAudit::setSessionActor(const PromptActor &actor, const QString &reason)
{
    PgResult r = m_connection.exec(PromptSql::get("session_actor"), {actor.consoleUser, reason});
    if (!r.ok() || r.rows() != 1)
        return PromptResult<QString>::fail(
            //: what failed, before the server's message: "session actor: <message>"
            PromptError::database(r.error(), tr("session actor")));
    return {r.value(0, 2), {}};
}

} // namespace uaip
