#include "keyfile.h"

#include "aesgcm.h"
#include "base64url.h"
#include "cryptofailure.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace uaip {

namespace {

constexpr int kSaltBytes = 16;
constexpr quint64 kMinN = quint64(1) << 14;
const char *const kFormat = "uaip-prompt-key";

QByteArray aadFor(const QString &keyId)
{
    return QStringLiteral("uaip-prompt-key:1:%1").arg(keyId).toUtf8();
}

// The wrapping key; empty when OpenSSL refused (parameters out of range, memory).
QByteArray deriveKey(const QString &passphrase, const QByteArray &salt, KeyFile::Kdf kdf)
{
    QByteArray pass = passphrase.toUtf8();
    QByteArray key(AesGcm::kKeyBytes, Qt::Uninitialized);
    const quint64 maxmem = 128ULL * kdf.r * (kdf.n + kdf.p + 2) + (1ULL << 20);
    const int rc = EVP_PBE_scrypt(
        pass.constData(), size_t(pass.size()),
        reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()), kdf.n,
        kdf.r, kdf.p, maxmem, reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()));
    OPENSSL_cleanse(pass.data(), size_t(pass.size()));
    return rc == 1 ? key : QByteArray();
}

Error malformed(const QString &why)
{
    return CryptoFailure::of(
        CryptoFailure::kMalformed,
        QCoreApplication::translate("uaip::KeyFile", "not a UAIP prompt key file: %1").arg(why));
}

bool field(const QJsonObject &o, const char *name, QByteArray *out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString())
        return false;
    auto r = QByteArray::fromBase64Encoding(
        v.toString().toLatin1(), Base64Url::kOptions | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}

} // namespace

Status KeyFile::checkPassphrase(const QString &passphrase)
{
    if (passphrase.size() < 12)
        return Error(ErrorCode::BadInput,
                     tr("the passphrase must be at least 12 characters long (it protects "
                        "the key of every encrypted prompt)"));
    return {};
}

Result<QByteArray> KeyFile::wrap(const DataKey &key, const QString &passphrase)
{
    return wrap(key, passphrase, Kdf());
}

Result<QByteArray> KeyFile::wrap(const DataKey &key, const QString &passphrase, Kdf kdf)
{
    if (!key.isValid())
        return CryptoFailure::of(CryptoFailure::kWrongKey, tr("no valid data key"));
    const QByteArray salt = AesGcm::randomBytes(kSaltBytes);
    QByteArray wrapping = deriveKey(passphrase, salt, kdf);
    if (salt.isEmpty() || wrapping.isEmpty())
        return CryptoFailure::of(CryptoFailure::kInternal, tr("scrypt failed in OpenSSL"));
    const Result<AesGcm::Sealed> sealed = AesGcm::seal(wrapping, key.bytes(), aadFor(key.id()));
    OPENSSL_cleanse(wrapping.data(), size_t(wrapping.size()));
    if (!sealed)
        return CryptoFailure::of(CryptoFailure::kInternal, sealed.error().toString());
    const AesGcm::Sealed &s = *sealed;
    const QJsonObject o{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), 1},
        {QStringLiteral("key_id"), key.id()},
        {QStringLiteral("kdf"),
         QJsonObject{
             {QStringLiteral("name"), QStringLiteral("scrypt")},
             {QStringLiteral("n"), qint64(kdf.n)},
             {QStringLiteral("r"), qint64(kdf.r)},
             {QStringLiteral("p"), qint64(kdf.p)},
             {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64(Base64Url::kOptions))}}},
        {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
        {QStringLiteral("nonce"), QString::fromLatin1(s.nonce.toBase64(Base64Url::kOptions))},
        {QStringLiteral("ciphertext"),
         QString::fromLatin1(s.ciphertext.toBase64(Base64Url::kOptions))},
        {QStringLiteral("tag"), QString::fromLatin1(s.tag.toBase64(Base64Url::kOptions))},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<QByteArray> KeyFile::unwrap(const QByteArray &file, const QString &passphrase)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(file, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(tr("invalid JSON at offset %1 (%2)").arg(pe.offset).arg(pe.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return malformed(tr("\"format\" is not \"%1\"").arg(QLatin1String(kFormat)));
    if (o.value(QStringLiteral("version")).toInt() != 1)
        return CryptoFailure::of(
            CryptoFailure::kUnsupportedVersion,
            tr("key file version %1; this build reads version 1")
                .arg(o.value(QStringLiteral("version")).toVariant().toString()));
    const QJsonObject k = o.value(QStringLiteral("kdf")).toObject();
    if (k.value(QStringLiteral("name")).toString() != QLatin1String("scrypt")
        || o.value(QStringLiteral("cipher")).toString() != QLatin1String("aes-256-gcm"))
        return malformed(tr("only kdf \"scrypt\" with cipher \"aes-256-gcm\" is read"));
    const QJsonValue nValue = k.value(QStringLiteral("n")), rValue = k.value(QStringLiteral("r")),
                     pValue = k.value(QStringLiteral("p"));
    if (!nValue.isDouble() || !rValue.isDouble() || !pValue.isDouble())
        return malformed(tr("the scrypt parameters n, r and p must be numbers"));
    // A hostile file must not ask for gigabytes or minutes: nothing above what wrap() writes
    // (Kdf's defaults) is accepted, checked before any derivation.
    const Kdf most;
    const double n = nValue.toDouble(), rr = rValue.toDouble(), pp = pValue.toDouble();
    struct Bound
    {
        const char *name;
        double value;
        double least;
        double most;
    };
    for (const Bound &b : {Bound{"n", n, double(kMinN), double(most.n)},
                           Bound{"r", rr, 1, double(most.r)}, Bound{"p", pp, 1, double(most.p)}}) {
        if (b.value > b.most)
            return CryptoFailure::of(
                CryptoFailure::kMalformed,
                tr("scrypt parameter %1 = %2 is above %3, the most this program writes; the "
                   "key file is refused without deriving (it would cost time and memory)")
                    .arg(QLatin1String(b.name))
                    .arg(qint64(b.value))
                    .arg(qint64(b.most)));
        if (b.value < b.least || b.value != double(qint64(b.value)))
            return malformed(tr("scrypt parameter %1 = %2 is not a whole number from %3 to %4")
                                 .arg(QLatin1String(b.name))
                                 .arg(b.value)
                                 .arg(qint64(b.least))
                                 .arg(qint64(b.most)));
    }
    if ((qint64(n) & (qint64(n) - 1)) != 0)
        return malformed(tr("scrypt parameter n = %1 is not a power of two").arg(qint64(n)));
    Kdf kdf;
    kdf.r = quint32(rr);
    kdf.p = quint32(pp);
    kdf.n = quint64(n);
    const QString keyId = o.value(QStringLiteral("key_id")).toString();
    QByteArray salt;
    AesGcm::Sealed s;
    if (!field(k, "salt", &salt) || salt.size() < kSaltBytes || !field(o, "nonce", &s.nonce)
        || !field(o, "ciphertext", &s.ciphertext) || !field(o, "tag", &s.tag)
        || s.ciphertext.size() != AesGcm::kKeyBytes)
        return malformed(tr("salt, nonce, ciphertext or tag missing or not base64url"));
    QByteArray wrapping = deriveKey(passphrase, salt, kdf);
    if (wrapping.isEmpty())
        return CryptoFailure::of(CryptoFailure::kInternal, tr("scrypt failed in OpenSSL"));
    Result<QByteArray> r = AesGcm::open(wrapping, s, aadFor(keyId));
    OPENSSL_cleanse(wrapping.data(), size_t(wrapping.size()));
    if (!r.ok() && CryptoFailure::is(r.error(), CryptoFailure::kAuthenticationFailed))
        return CryptoFailure::of(CryptoFailure::kWrongPassphrase,
                                 tr("wrong passphrase, or the key file was altered"));
    if (!r.ok())
        return r;
    if (DataKey::idOf(*r) != keyId)
        return malformed(tr("the key does not match its key id %1").arg(keyId));
    return r;
}

} // namespace uaip
