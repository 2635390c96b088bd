#pragma once

#include "datakey.h"

#include "error/status.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// A verified copy of the data key in a key file (KeyFile): written 0600 with O_EXCL (never over
// a file or a symlink, PrivateFile), read back, unwrapped with the passphrase and compared with
// the key. Encryption enable requires it (or an explicit --no-backup) before it commits, so the
// only copy of a key is never the keychain alone.
class KeyBackup
{
    Q_DECLARE_TR_FUNCTIONS(uaip::KeyBackup)
public:
    // Done when the file holds the key, else why not (its argument "path" the file): BadInput
    // for a weak passphrase, Io when the file cannot be written or read back, Internal when it
    // does not give the key back; a file that failed the check is removed.
    static Status writeVerified(const QString &path, const DataKey &key, const QString &passphrase);
};

} // namespace uaip
