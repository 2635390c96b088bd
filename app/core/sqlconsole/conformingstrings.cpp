#include "conformingstrings.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"

namespace uaip {

bool ConformingStrings::readsAsSplit(const PgConnection &connection, const QByteArray &statement)
{
    return !statement.contains('\\')
        || connection.parameter("standard_conforming_strings") == QLatin1String("on");
}

Status ConformingStrings::pinForTransaction(PgConnection &connection, const QByteArray &statement)
{
    if (readsAsSplit(connection, statement))
        return {};
    if (connection.transactionState() != PgConnection::TransactionState::InTransaction) {
        return Error(ErrorCode::Refused, refusal());
    }
    PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/conforming_strings_local.sql")));
    if (!r.ok())
        return Error(r.error());
    return {};
}

QString ConformingStrings::refusal()
{
    return tr("standard_conforming_strings is off on this connection and the statement holds a "
              "backslash, which the server would then read differently from the console. The "
              "console sets it on only inside a transaction (never for the session, which behind "
              "a pooler other clients share): run the statement with autocommit off, or SET "
              "standard_conforming_strings = on yourself.");
}

} // namespace uaip
