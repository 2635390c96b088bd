#include "databaseidentity.h"

#include <QCoreApplication>
#include <QDateTime>

namespace uaip {

QString DatabaseIdentity::describe() const
{
    if (!isKnown())
        return tr("an unknown database");
    return tr("%1 on cluster %2").arg(database, systemIdentifier);
}

QString DatabaseIdentity::serverStartText() const
{
    bool ok = false;
    const qint64 us = serverStart.toLongLong(&ok);
    if (!ok)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
}

} // namespace uaip
