#pragma once

#include "keychainbackend.h"

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

// The keychain module (uaip_keychain, app/keychain), loaded on first use from beside the
// programs (<bindir>/../lib/.../uaip-admin), the build tree, or UAIP_KEYCHAIN_MODULE (a file).
// Each call answers once through `then` from the event loop, like KeychainBackend's; when the
// module cannot be loaded, with Unavailable and where it was looked for.
class KeychainModule
{
    Q_DECLARE_TR_FUNCTIONS(uaip::KeychainModule)

public:
    static void read(const QString &service, const QString &key, QObject *context,
                     KeychainBackend::Answer then);
    static void write(const QString &service, const QString &key, const QString &text,
                      QObject *context, KeychainBackend::Answer then);
    static void remove(const QString &service, const QString &key, QObject *context,
                       KeychainBackend::Answer then);

private:
    // The loaded backend, or NotFound saying where it was looked for (thread-safe; loaded once
    // per process).
    static Result<KeychainBackend *> backend();
    static void unavailable(const QString &error, QObject *context, KeychainBackend::Answer then);
};

} // namespace uaip
