#include "datakey.h"

#include "aesgcm.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>

namespace uaip {

DataKey::~DataKey()
{
    if (!m_bytes.isEmpty() && !m_bytes.isDetached())
        return; // another copy still shares the bytes
    if (!m_bytes.isEmpty())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
}

DataKey DataKey::generate()
{
    return fromBytes(AesGcm::randomBytes(AesGcm::kKeyBytes));
}

DataKey DataKey::fromBytes(const QByteArray &bytes)
{
    DataKey k;
    if (bytes.size() != AesGcm::kKeyBytes)
        return k;
    k.m_bytes = bytes;
    k.m_id = idOf(bytes);
    return k;
}

QString DataKey::idOf(const QByteArray &bytes)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).left(8).toHex());
}

} // namespace uaip
