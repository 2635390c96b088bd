#include "libpqsqlstate.h"

#include <QRegularExpression>

namespace uaip {

QString libpqSqlState(const QString &message)
{
    static const QRegularExpression coded(QStringLiteral("(?:^|\\s)[^\\s:]+:  ([0-9A-Z]{5}): "));
    QString last;
    for (auto it = coded.globalMatch(message); it.hasNext();)
        last = it.next().captured(1);
    return last;
}

} // namespace uaip
