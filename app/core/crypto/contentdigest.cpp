#include "contentdigest.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

namespace uaip {

namespace {

constexpr const char *kInfo = "uaip-content-digest:1";
constexpr int kDigestBytes = 32;

QByteArray derive(const DataKey &key)
{
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr),
                                                          &EVP_KDF_free);
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()),
                                                                  &EVP_KDF_CTX_free);
    if (!ctx)
        return {};
    char digest[] = "SHA256";
    QByteArray secret = key.bytes();
    QByteArray info(kInfo);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, secret.data(), size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end()};
    QByteArray out(kDigestBytes, '\0');
    const bool ok = EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()),
                                   size_t(out.size()), params)
        == 1;
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    if (!ok) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return {};
    }
    return out;
}

} // namespace

QString ContentDigest::keyed(const DataKey &key, const QString &systemPrompt,
                             const std::optional<QString> &userPromptTemplate)
{
    if (!key.isValid())
        return {};
    QByteArray macKey = derive(key);
    if (macKey.isEmpty())
        return {};
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr),
                                                          &EVP_MAC_free);
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(
        mac ? EVP_MAC_CTX_new(mac.get()) : nullptr, &EVP_MAC_CTX_free);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    QByteArray data = systemPrompt.toUtf8();
    if (userPromptTemplate)
        data += '\x1f' + userPromptTemplate->toUtf8();
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outLength = 0;
    const bool ok = ctx
        && EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(macKey.constData()),
                        size_t(macKey.size()), params)
            == 1
        && EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.constData()),
                          size_t(data.size()))
            == 1
        && EVP_MAC_final(ctx.get(), out, &outLength, sizeof out) == 1 && outLength == kDigestBytes;
    OPENSSL_cleanse(macKey.data(), size_t(macKey.size()));
    OPENSSL_cleanse(data.data(), size_t(data.size()));
    if (!ok)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(out), int(outLength)).toHex());
}

} // namespace uaip
