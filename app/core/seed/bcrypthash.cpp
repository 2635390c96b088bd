#include "bcrypthash.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <crypt.h>

#include <cerrno>
#include <cstring>

namespace uaip {

Result<QByteArray> BcryptHash::of(const QString &password, int cost)
{
    char random[16];
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random),
                                          sizeof random / sizeof(quint32));
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2a$", static_cast<unsigned long>(cost), random, sizeof random, setting,
                          sizeof setting))
        return Error(ErrorCode::Internal,
                     QCoreApplication::translate(
                         "uaip::BcryptHash", "the system's crypt library makes no bcrypt salt: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno))));
    crypt_data data;
    std::memset(&data, 0, sizeof data);
    const QByteArray utf8 = password.toUtf8();
    const char *hash = crypt_rn(utf8.constData(), setting, &data, sizeof data);
    QByteArray out = hash && hash[0] != '*' ? QByteArray(hash) : QByteArray();
    std::memset(&data, 0, sizeof data);
    if (out.isEmpty())
        return Error(ErrorCode::Internal,
                     QCoreApplication::translate(
                         "uaip::BcryptHash", "the system's crypt library cannot hash with bcrypt"));
    return out;
}

} // namespace uaip
