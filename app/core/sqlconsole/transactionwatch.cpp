#include "transactionwatch.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

namespace {

QJsonArray arrayOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

} // namespace

QString TransactionWatch::modeName(const QString &pgLocksMode)
{
    QString mode = pgLocksMode;
    if (mode.endsWith(QLatin1String("Lock")))
        mode.chop(4);
    QString out;
    for (int i = 0; i < mode.size(); ++i) {
        if (i > 0 && mode.at(i).isUpper())
            out += u' ';
        out += mode.at(i).toUpper();
    }
    return out;
}

Result<HeldTransaction> TransactionWatch::read(PgConnection &connection, int serverPid)
{
    PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("sqlconsole/sql/transaction_watch.sql")),
                          {qint64(serverPid)});
    if (!r.ok())
        return Error(r.error());
    HeldTransaction held;
    if (r.rows() != 1)
        return held;
    held.open = r.value(0, 0) == QLatin1String("t");
    held.ageSeconds = r.value(0, 1).toDouble();
    held.idleSeconds = r.value(0, 2).toDouble();
    held.state = r.value(0, 3);
    for (const QJsonValue &v : arrayOf(r.value(0, 4))) {
        const QJsonObject o = v.toObject();
        held.locks.append({o.value(QLatin1String("mode")).toString(),
                           o.value(QLatin1String("relation")).toString()});
    }
    held.lockCount = r.value(0, 5).toLongLong();
    for (const QJsonValue &v : arrayOf(r.value(0, 6))) {
        const QJsonObject o = v.toObject();
        held.waiters.append({o.value(QLatin1String("pid")).toInt(),
                             o.value(QLatin1String("mode")).toString(),
                             o.value(QLatin1String("locktype")).toString(),
                             o.value(QLatin1String("relation")).toString(),
                             o.value(QLatin1String("xid")).toString()});
    }
    return held;
}

} // namespace uaip
