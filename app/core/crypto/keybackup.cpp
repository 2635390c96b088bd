#include "keybackup.h"

#include "keyfile.h"
#include "util/privatefile.h"

#include <QFile>

namespace uaip {

Status KeyBackup::writeVerified(const QString &path, const DataKey &key, const QString &passphrase)
{
    if (const Status weak = KeyFile::checkPassphrase(passphrase); !weak)
        return weak;
    const Result<QByteArray> wrapped = KeyFile::wrap(key, passphrase);
    if (!wrapped.ok())
        return wrapped.error();
    const QVariantMap file{{QStringLiteral("path"), path}};
    if (const QString why = PrivateFile::write(path, *wrapped); !why.isEmpty())
        return Error(ErrorCode::Io, why, file);
    QFile back(path);
    Status checked;
    if (!back.open(QIODevice::ReadOnly)) {
        checked = Error(ErrorCode::Io,
                        tr("%1 cannot be read back: %2").arg(path, back.errorString()), file);
    } else {
        const Result<QByteArray> unwrapped = KeyFile::unwrap(back.readAll(), passphrase);
        if (!unwrapped.ok())
            checked = Error(unwrapped.error().code(),
                            tr("%1 does not unwrap: %2").arg(path, unwrapped.error().text()), file);
        else if (*unwrapped != key.bytes())
            checked = Error(ErrorCode::Internal, tr("%1 does not hold key %2").arg(path, key.id()),
                            file);
        back.close();
    }
    if (!checked)
        QFile::remove(path);
    return checked;
}

} // namespace uaip
