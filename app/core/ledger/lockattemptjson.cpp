#include "lockattemptjson.h"

#include <QJsonObject>

namespace uaip {

QJsonArray LockAttemptJson::of(const QList<LockAttempt> &attempts)
{
    QJsonArray out;
    for (const LockAttempt &a : attempts) {
        QJsonArray blockers;
        for (const LockBlocker &b : a.blockers)
            blockers.append(QJsonObject{
                {QStringLiteral("pid"), b.pid},
                {QStringLiteral("user"), b.user},
                {QStringLiteral("application"), b.application},
                {QStringLiteral("state"), b.state},
                {QStringLiteral("transaction_ms"),
                 b.transactionMs < 0 ? QJsonValue() : QJsonValue(b.transactionMs)},
                {QStringLiteral("query_start"), b.queryStart},
                {QStringLiteral("relation"), b.relation},
                {QStringLiteral("mode"), b.mode},
                {QStringLiteral("waiting"), b.waiting},
                {QStringLiteral("gid"), b.gid.isEmpty() ? QJsonValue() : QJsonValue(b.gid)},
                // a prepared transaction's database and when it was prepared (UTC)
                {QStringLiteral("database"),
                 b.database.isEmpty() ? QJsonValue() : QJsonValue(b.database)},
                {QStringLiteral("prepared_at"),
                 b.preparedAt.isEmpty() ? QJsonValue() : QJsonValue(b.preparedAt)},
                // another role's session whose state and query this role may not see
                {QStringLiteral("hidden"), b.hidden}});
        out.append(
            QJsonObject{{QStringLiteral("migration"), a.migration},
                        {QStringLiteral("at"), a.at},
                        {QStringLiteral("attempt"), a.attempt},
                        {QStringLiteral("waited_ms"), a.waitedMs},
                        {QStringLiteral("lock"), a.lock},
                        {QStringLiteral("waited_for"),
                         a.waitedFor.isEmpty() ? QJsonValue() : QJsonValue(a.waitedFor)},
                        {QStringLiteral("blockers"), blockers},
                        {QStringLiteral("blockers_error"),
                         a.blockersError.isEmpty() ? QJsonValue() : QJsonValue(a.blockersError)},
                        {QStringLiteral("pause_ms"), a.pauseMs}});
    }
    return out;
}

} // namespace uaip
