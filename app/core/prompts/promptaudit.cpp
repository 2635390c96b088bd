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

Status PromptAudit::record(const QString &promptUuid, const QString &action,
                           const QJsonObject &oldValues, const QJsonObject &newValues,
                           const PromptActor &actor)
{
    return recordFor(QStringLiteral("ai_prompts"), promptUuid, action, oldValues, newValues, actor);
}

Status PromptAudit::recordFor(const QString &entityType, const QString &uuid, const QString &action,
                              const QJsonObject &oldValues, const QJsonObject &newValues,
                              const PromptActor &actor)
{
    PgResult r = m_connection.exec(PromptSql::get("audit_insert"),
                                   {uuid, action, compact(oldValues), compact(newValues),
                                    actor.application, actor.consoleUser, entityType});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("audit_logs"));
    return {};
}

Status PromptAudit::confirmProtected(const QString &promptId, const QString &label,
                                     std::optional<int> versionNo, std::optional<bool> setProtected,
                                     const PromptActor &actor)
{
    PgResult r
        = m_connection.exec(PromptSql::get("label_move_confirmed"),
                            {promptId, label, versionNo ? QVariant(*versionNo) : QVariant(),
                             setProtected ? QVariant(*setProtected ? "true" : "false") : QVariant(),
                             m_connection.database(), actor.application, actor.consoleUser});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("ai_prompt_label_move"));
    return {};
}

Result<QList<PromptAuditEntry>> PromptAudit::entries(const QString &promptId)
{
    PgResult r = m_connection.exec(PromptSql::get("audit_entries"), {promptId});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("audit_logs"));
    QList<PromptAuditEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
        PromptAuditEntry e;
        e.action = r.value(i, "action");
        e.databaseUser = r.value(i, "database_user");
        e.consoleUser = r.value(i, "console_user");
        e.oldValues = QJsonDocument::fromJson(r.value(i, "old_values").toUtf8()).object();
        e.newValues = QJsonDocument::fromJson(r.value(i, "new_values").toUtf8()).object();
        e.createdAt = PromptSql::timestamp(r.value(i, "created_at"));
        out << e;
    }
    return out;
}

Result<QString> PromptAudit::setSessionActor(const PromptActor &actor, const QString &reason)
{
    PgResult r = m_connection.exec(PromptSql::get("session_actor"), {actor.consoleUser, reason});
    if (!r.ok())
        return
            //: what failed, before the server's message: "session actor: <message>"
            Error(r.error()).in(tr("session actor"));
    if (r.rows() != 1)
        return Error(ErrorCode::Internal, tr("session actor"));
    return r.value(0, 2);
}

} // namespace uaip
