#pragma once

#include "crypto/datakeylookup.h"
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class CliContext;
class PgConnection;

// The keychain and the database's key ring for the prompt key commands: the CLI's (only) event
// loop runs until the keychain answers, so this is never a nested loop.
class CliKeychain
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CliKeychain)

public:
    static constexpr int kTimeoutMs = 30000;

    // The connection and the ring's name; when connection is null, exitCode was reported.
    struct Target
    {
        PgConnection *connection = nullptr;
        KeychainIdentity id;
        int exitCode = 0;
    };
    // writes: the command writes (audit rows, conversions): refused on a standby or a
    // connection kept read-only (CliContext::connectToWrite).
    static Target target(CliContext &ctx, bool writes = true);

    // Key keyId of the ring (copied over from an entry of an earlier version if need be).
    static DataKeyLookup find(DataKeyStore &store, const KeychainIdentity &id,
                              const QString &keyId);
    // Adds the key to the ring (never replaces other material): done, or why not.
    static Status add(DataKeyStore &store, const KeychainIdentity &id, const DataKey &key);
    // "no data key ... import it with ..."
    static QString noKeyHint(const QString &entry);
    // The state is missing on a database without migration 0014: exit 2 with a hint.
    static int stateFailure(CliContext &ctx, const Error &e);
};

} // namespace uaip
