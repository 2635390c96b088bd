#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace uaip {

// Writes a file only its owner can read: decrypted prompt exports and wrapped keys. The file is
// created with open(O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600) and fchmod 0600 (whatever
// the umask): an existing file is never overwritten, and a symlink at the path (even a
// dangling one) is refused, never followed. A failed write removes what it created.
class PrivateFile
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PrivateFile)
public:
    // Empty on success, otherwise why not (naming the path).
    static QString write(const QString &path, const QByteArray &bytes);
};

} // namespace uaip
