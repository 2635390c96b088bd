#include "checksum.h"

#include <QCryptographicHash>

namespace uaip {

QString Checksum::of(const QByteArray &content)
{
    QByteArray normalised = content;
    normalised.replace("\r\n", "\n");
    return QString::fromLatin1(
        QCryptographicHash::hash(normalised, QCryptographicHash::Sha256).toHex());
}

} // namespace uaip
