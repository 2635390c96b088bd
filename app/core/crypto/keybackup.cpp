#include "keybackup.h"

#include "keyfile.h"
#include "util/privatefile.h"

#include <QFile>

namespace uaip {

QString KeyBackup::writeVerified(const QString &path, const DataKey &key, const QString &passphrase)
{
    if (const QString weak = KeyFile::checkPassphrase(passphrase); !weak.isEmpty())
        return weak;
    const Result<QByteArray> wrapped = KeyFile::wrap(key, passphrase);
    if (!wrapped.ok())
        return wrapped.error().text();
    if (const QString why = PrivateFile::write(path, *wrapped); !why.isEmpty())
        return why;
    QFile back(path);
    QString why;
    if (!back.open(QIODevice::ReadOnly)) {
        why = tr("%1 cannot be read back: %2").arg(path, back.errorString());
    } else {
        const Result<QByteArray> unwrapped = KeyFile::unwrap(back.readAll(), passphrase);
        if (!unwrapped.ok())
            why = tr("%1 does not unwrap: %2").arg(path, unwrapped.error().text());
        else if (*unwrapped != key.bytes())
            why = tr("%1 does not hold key %2").arg(path, key.id());
        back.close();
    }
    if (!why.isEmpty())
        QFile::remove(path);
    return why;
}

} // namespace uaip
