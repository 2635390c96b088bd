#include "keychainidentity.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

KeychainIdentity KeychainIdentity::read(PgConnection &connection)
{
    KeychainIdentity id;
    PgResult u
        = connection.exec(SqlResource::get(QStringLiteral("crypto/sql/identity_fallback.sql")));
    if (!u.ok() || u.rows() != 1) {
        id.error = u.ok() ? Error(ErrorCode::NotFound, tr("ai_prompt_encryption has no row"))
                          : Error(u.error());
        return id;
    }
    id.identity = QStringLiteral("uaip-db:%1").arg(u.value(0, 0));
    id.source = QStringLiteral("database_uuid");
    // The name of earlier versions, where pg_control_system() is allowed (a savepoint inside a
    // transaction, rolled back when it ends, so a refusal does not abort it).
    Transaction savepoint(connection);
    if (connection.transactionState() == PgConnection::TransactionState::InTransaction)
        savepoint.begin(TransactionOptions::nested());
    PgResult r = connection.exec(SqlResource::get(QStringLiteral("crypto/sql/identity.sql")));
    if (r.ok() && r.rows() == 1)
        id.legacyEntries << QStringLiteral("pg:%1/%2").arg(r.value(0, 0), r.value(0, 1));
    savepoint.rollback(); // a read: nothing to keep
    id.legacyEntries << id.identity;
    return id;
}

} // namespace uaip
