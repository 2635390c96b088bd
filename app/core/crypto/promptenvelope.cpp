#include "promptenvelope.h"

#include "aesgcm.h"
#include "base64url.h"
#include "cryptofailure.h"

#include <QRegularExpression>

namespace uaip {

namespace {

QString b64(const QByteArray &b)
{
    return QString::fromLatin1(b.toBase64(Base64Url::kOptions));
}

// Strict base64url (no padding, no stray characters).
bool fromB64(const QString &text, QByteArray *out)
{
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]*$"));
    if (!alphabet.match(text).hasMatch() || text.size() % 4 == 1)
        return false;
    auto r = QByteArray::fromBase64Encoding(
        text.toLatin1(), Base64Url::kOptions | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}

bool isKeyId(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{16}$"));
    return re.match(s).hasMatch();
}

} // namespace

QString PromptEnvelope::keyIdOf(const QString &text)
{
    if (!isEnvelope(text))
        return QString();
    const QStringList parts = text.split(u':');
    if (parts.size() != 6 || parts.at(1) != QString::number(kVersion) || !isKeyId(parts.at(2)))
        return QString();
    return parts.at(2);
}

QByteArray PromptEnvelope::associatedData(const QString &keyId, const QString &promptId,
                                          int version)
{
    return QStringLiteral("uaipenc:%1:%2:%3:%4")
        .arg(kVersion)
        .arg(keyId, promptId)
        .arg(version)
        .toUtf8();
}

Result<QString> PromptEnvelope::seal(const DataKey &key, const QString &plaintext,
                                     const QString &promptId, int version)
{
    if (!key.isValid())
        return CryptoFailure::of(CryptoFailure::kWrongKey, tr("no valid 32-byte data key"));
    const Result<AesGcm::Sealed> sealed = AesGcm::seal(key.bytes(), plaintext.toUtf8(),
                                                       associatedData(key.id(), promptId, version));
    if (!sealed)
        return CryptoFailure::of(CryptoFailure::kInternal, sealed.error().toString());
    const AesGcm::Sealed &s = *sealed;
    return QStringLiteral("%1%2:%3:%4:%5:%6")
        .arg(kPrefix)
        .arg(kVersion)
        .arg(key.id(), b64(s.nonce), b64(s.ciphertext), b64(s.tag));
}

Result<QString> PromptEnvelope::open(const DataKey &key, const QString &envelope,
                                     const QString &promptId, int version)
{
    const QString v = QString::number(version);
    if (!isEnvelope(envelope))
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 is not an envelope (no \"%3\" "
               "prefix)")
                .arg(promptId, v, kPrefix));
    const QStringList parts = envelope.split(u':');
    if (parts.size() != 6)
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 has %3 fields, an envelope "
               "has 6")
                .arg(promptId, v, QString::number(parts.size())));
    if (parts.at(1) != QString::number(kVersion))
        return CryptoFailure::of(
            CryptoFailure::kUnsupportedVersion,
            tr("the encrypted text of prompt %1 version %2 is envelope version \"%3\"; "
               "this build reads version %4")
                .arg(promptId, v, parts.at(1), QString::number(kVersion)));
    if (!isKeyId(parts.at(2)))
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 has no valid key id (16 hex "
               "digits)")
                .arg(promptId, v));
    if (!key.isValid())
        return CryptoFailure::of(CryptoFailure::kWrongKey, tr("no valid 32-byte data key"));
    if (parts.at(2) != key.id())
        return CryptoFailure::of(
            CryptoFailure::kWrongKey,
            tr("the encrypted text of prompt %1 version %2 was sealed with key %3, not "
               "with key %4")
                .arg(promptId, v, parts.at(2), key.id()));
    AesGcm::Sealed s;
    if (!fromB64(parts.at(3), &s.nonce) || !fromB64(parts.at(4), &s.ciphertext)
        || !fromB64(parts.at(5), &s.tag))
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 has a field that is not "
               "base64url")
                .arg(promptId, v));
    if (s.nonce.size() != AesGcm::kNonceBytes || s.tag.size() != AesGcm::kTagBytes)
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 has a %3-byte nonce and a "
               "%4-byte tag (must be 12 and 16)")
                .arg(promptId, v, QString::number(s.nonce.size()), QString::number(s.tag.size())));
    const Result<QByteArray> r
        = AesGcm::open(key.bytes(), s, associatedData(key.id(), promptId, version));
    if (!r.ok())
        return Error(
            r.error().code(),
            tr("the encrypted text of prompt %1 version %2: %3").arg(promptId, v, r.error().text()),
            r.error().args());
    QString text = QString::fromUtf8(*r);
    if (text.toUtf8() != *r)
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the encrypted text of prompt %1 version %2 is not UTF-8 text").arg(promptId, v));
    return text;
}

} // namespace uaip
