#include "keychainidentity.h"

#include "db/pgconnection.h"
#include "util/sqlresource.h"

namespace uaip {

KeychainIdentity KeychainIdentity::read(PgConnection &connection)
{
    KeychainIdentity id;
    // A savepoint when called inside a transaction, so a refusal does not abort it.
    const bool inTransaction = PQtransactionStatus(connection.handle()) == PQTRANS_INTRANS;
    if (inTransaction)
        connection.exec("SAVEPOINT uaip_identity");
    PgResult r = connection.exec(SqlResource::get(QStringLiteral("crypto/sql/identity.sql")));
    if (r.ok() && r.rows() == 1) {
        id.identity = QStringLiteral("pg:%1/%2").arg(r.value(0, 0), r.value(0, 1));
        id.source = QStringLiteral("system_identifier");
        if (inTransaction)
            connection.exec("RELEASE SAVEPOINT uaip_identity");
        return id;
    }
    if (inTransaction)
        connection.exec("ROLLBACK TO SAVEPOINT uaip_identity");
    if (r.error().sqlState != QLatin1String("42501")) {
        id.error = r.error();
        return id;
    }
    PgResult u
        = connection.exec(SqlResource::get(QStringLiteral("crypto/sql/identity_fallback.sql")));
    if (!u.ok() || u.rows() != 1) {
        id.error = u.error();
        if (!id.error.isSet())
            id.error.message = tr("ai_prompt_encryption has no row");
        return id;
    }
    id.identity = QStringLiteral("uaip-db:%1").arg(u.value(0, 0));
    id.source = QStringLiteral("database_uuid");
    return id;
}

} // namespace uaip
