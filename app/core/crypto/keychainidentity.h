#pragma once

#include "db/pgerror.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// The name of a database's data key in the keychain: "pg:<system identifier>/<database>"
// (pg_control_system(), which PostgreSQL 15 lets every role call). Where the server refuses
// it (a managed service that revoked it), "uaip-db:<uuid>" from ai_prompt_encryption
// (migration 0014), which a dump and restore carries along.
struct KeychainIdentity
{
    Q_DECLARE_TR_FUNCTIONS(uaip::KeychainIdentity)

public:
    QString identity;
    QString source; // "system_identifier" or "database_uuid"
    PgError error;

    bool ok() const { return !error.isSet(); }
    static KeychainIdentity read(PgConnection &connection);
};

} // namespace uaip
