#pragma once

#include "keychainbackend.h"

#include <QObject>

namespace uaip {

// KeychainBackend over QtKeychain: the whole of the keychain module (uaip_keychain).
class QtKeychainBackend : public QObject, public KeychainBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID UAIP_KEYCHAIN_BACKEND_IID FILE "uaip_keychain.json")
    Q_INTERFACES(uaip::KeychainBackend)

public:
    void read(const QString &service, const QString &key, QObject *context, Answer then) override;
    void write(const QString &service, const QString &key, const QString &text, QObject *context,
               Answer then) override;
    void remove(const QString &service, const QString &key, QObject *context, Answer then) override;
};

} // namespace uaip
