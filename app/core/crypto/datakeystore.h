#pragma once

#include "datakey.h"
#include "datakeylookup.h"

#include <QObject>
#include <QString>

namespace uaip {

// The data keys in the OS keychain (QtKeychain: Secret Service, Keychain, Credential Store),
// one entry per database identity (KeychainIdentity) under one service name. Asynchronous:
// every call answers with its signal from the calling thread's event loop; never a nested
// event loop. The key is never written anywhere else.
class DataKeyStore : public QObject
{
    Q_OBJECT
public:
    static QString defaultService(); // "uaip-admin prompt keys"

    explicit DataKeyStore(const QString &service = defaultService(), QObject *parent = nullptr);
    QString service() const { return m_service; }

    void read(const QString &identity);
    void write(const QString &identity, const DataKey &key);
    void remove(const QString &identity);

signals:
    void readFinished(const uaip::DataKeyLookup &lookup);
    void writeFinished(const QString &identity, const QString &error);
    void removeFinished(const QString &identity, const QString &error);

private:
    QString m_service;
};

} // namespace uaip
