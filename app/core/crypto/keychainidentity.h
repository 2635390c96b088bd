#pragma once

#include "datakeystore.h"
#include "error/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

class PgConnection;

// Where a database's data keys live in the keychain: a key ring, one entry per key,
// "uaip-db:<database uuid>/key/<key id>". The uuid is ai_prompt_encryption.database_uuid
// (migration 0014): it stays with the database through a rename, a dump and restore or a move
// to another cluster, so the key is found again; an entry is never overwritten with other
// material, and old keys stay when a new one comes (import, rotation).
// Entries of earlier versions ("pg:<system identifier>/<database>", "uaip-db:<uuid>": one key
// per database) are still read: DataKeyStore::find copies a key found there into the ring.
struct KeychainIdentity
{
    Q_DECLARE_TR_FUNCTIONS(uaip::KeychainIdentity)

public:
    QString identity; // the ring: "uaip-db:<uuid>"
    QString source; // "database_uuid"
    QStringList legacyEntries; // the names earlier versions used, most specific first
    Error error;

    bool ok() const { return !error.isSet(); }
    // The ring's entry of one key.
    QString entryFor(const QString &keyId) const
    {
        return DataKeyStore::entryName(identity, keyId);
    }
    static KeychainIdentity read(PgConnection &connection);
};

} // namespace uaip
