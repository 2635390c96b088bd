#include "checksum.h"

#include <QByteArrayView>
#include <QCryptographicHash>

namespace uaip {

namespace {

constexpr QByteArrayView byteOrderMark("\xEF\xBB\xBF");

QString foldedHash(QByteArrayView content)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qsizetype from = 0;
    for (qsizetype cr = content.indexOf("\r\n"); cr >= 0; cr = content.indexOf("\r\n", from)) {
        hash.addData(content.sliced(from, cr - from));
        from = cr + 1; // the '\n' starts the next piece
    }
    hash.addData(content.sliced(from));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

QString Checksum::of(const QByteArray &content)
{
    const QByteArrayView view(content);
    return foldedHash(view.startsWith(byteOrderMark) ? view.sliced(byteOrderMark.size()) : view);
}

QString Checksum::withByteOrderMark(const QByteArray &content)
{
    return QByteArrayView(content).startsWith(byteOrderMark) ? foldedHash(content) : QString();
}

} // namespace uaip
