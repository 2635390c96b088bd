#include "aesgcm.h"

#include "cryptofailure.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace uaip {

namespace {

struct CtxFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

} // namespace

QByteArray AesGcm::randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    if (RAND_bytes(bytes(b), n) != 1)
        return {};
    return b;
}

Result<AesGcm::Sealed> AesGcm::seal(const QByteArray &key, const QByteArray &plaintext,
                                    const QByteArray &aad)
{
    // what: the OpenSSL call that failed
    auto failed = [](const char *what) {
        return CryptoFailure::of(
                   CryptoFailure::kInternal,
                   tr("AES-256-GCM encryption failed in OpenSSL (%1)").arg(QLatin1String(what)))
            .with(QStringLiteral("call"), QLatin1String(what));
    };
    if (key.size() != kKeyBytes)
        return Error(ErrorCode::BadInput,
                     tr("AES-256-GCM encryption failed: the key is not 32 bytes"));
    const QByteArray nonce = randomBytes(kNonceBytes);
    if (nonce.isEmpty())
        return failed("RAND_bytes");
    Ctx ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1)
        return failed("EVP_EncryptInit_ex");
    int len = 0;
    if (!aad.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        return CryptoFailure::of(CryptoFailure::kInternal,
                                 tr("AES-256-GCM encryption failed in OpenSSL (associated data)"))
            .with(QStringLiteral("call"), QStringLiteral("EVP_EncryptUpdate"));
    QByteArray ciphertext(plaintext.size() + 16, Qt::Uninitialized);
    int total = 0;
    if (!plaintext.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), bytes(ciphertext), &len, bytes(plaintext),
                             int(plaintext.size()))
            != 1)
        return failed("EVP_EncryptUpdate");
    total = plaintext.isEmpty() ? 0 : len;
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(ciphertext) + total, &len) != 1)
        return failed("EVP_EncryptFinal_ex");
    total += len;
    ciphertext.resize(total);
    QByteArray tag(kTagBytes, Qt::Uninitialized);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
        return failed("EVP_CTRL_GCM_GET_TAG");
    return Sealed{nonce, ciphertext, tag};
}

Result<QByteArray> AesGcm::open(const QByteArray &key, const Sealed &sealed, const QByteArray &aad)
{
    // what: the OpenSSL call that failed
    auto internal = [](const char *what) {
        return CryptoFailure::of(
            CryptoFailure::kInternal,
            tr("AES-256-GCM decryption failed in OpenSSL (%1)").arg(QLatin1String(what)));
    };
    if (key.size() != kKeyBytes)
        return CryptoFailure::of(CryptoFailure::kWrongKey, tr("the key is not 32 bytes"));
    if (sealed.nonce.size() != kNonceBytes || sealed.tag.size() != kTagBytes)
        return CryptoFailure::of(
            CryptoFailure::kMalformed,
            tr("the nonce must be %1 bytes and the tag %2").arg(kNonceBytes).arg(kTagBytes));
    Ctx ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key),
                              bytes(sealed.nonce))
            != 1)
        return internal("EVP_DecryptInit_ex");
    int len = 0;
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        return CryptoFailure::of(CryptoFailure::kInternal,
                                 tr("AES-256-GCM decryption failed in OpenSSL (associated data)"));
    QByteArray plaintext(sealed.ciphertext.size() + 16, Qt::Uninitialized);
    int total = 0;
    if (!sealed.ciphertext.isEmpty()) {
        if (EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &len, bytes(sealed.ciphertext),
                              int(sealed.ciphertext.size()))
            != 1)
            return internal("EVP_DecryptUpdate");
        total = len;
    }
    QByteArray tag = sealed.tag;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1)
        return internal("EVP_CTRL_GCM_SET_TAG");
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext) + total, &len) != 1) {
        plaintext.fill('\0');
        return CryptoFailure::of(
            CryptoFailure::kAuthenticationFailed,
            tr("the authentication tag does not verify: the ciphertext, nonce, tag "
               "or associated data was altered, or it was sealed with another key"));
    }
    total += len;
    plaintext.resize(total);
    return plaintext;
}

} // namespace uaip
