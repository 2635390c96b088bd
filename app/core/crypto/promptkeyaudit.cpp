#include "promptkeyaudit.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QJsonDocument>

namespace uaip {

Status PromptKeyAudit::record(PgConnection &connection, const QString &action,
                              const QJsonObject &values, const PromptActor &actor,
                              const QString &profile)
{
    PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("crypto/sql/key_audit.sql")),
        {action, QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)),
         actor.application, actor.consoleUser, profile});
    if (r.ok() && r.affectedRows() == 1)
        return {};
    if (!r.ok())
        return Error(r.error());
    return Error(ErrorCode::NotFound,
                 QStringLiteral("audit_logs: no row written for %1 (ai_prompt_encryption has "
                                "no row)")
                     .arg(action));
}

} // namespace uaip
