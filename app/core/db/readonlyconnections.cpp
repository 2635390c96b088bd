#include "readonlyconnections.h"

#include "conninfo.h"
#include "pgconnection.h"

#include <QRegularExpression>

namespace uaip {

bool ReadOnlyConnections::requestedIn(const QString &options)
{
    // -c default_transaction_read_only=on, --default-transaction-read-only=true, -c
    // transaction_read_only=1 ...: the backend's own switch syntax (dashes and underscores alike)
    // and every true value of its boolean parser (parse_bool: on, 1 and any prefix of true or
    // yes, so t, tr, y, ye too; case-insensitive)
    static const QRegularExpression setting(
        QStringLiteral(R"((?:^|\s)(?:-c\s*|--)(?:default[-_])?transaction[-_]read[-_]only\s*=\s*)"
                       R"((on|1|t|tr|tru|true|y|ye|yes|'on'|'true')(?:\s|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return setting.match(options).hasMatch();
}

QString ReadOnlyConnections::optionsOf(const PgConnection &connection)
{
    return ConnInfo::of(connection).value("options");
}

} // namespace uaip
