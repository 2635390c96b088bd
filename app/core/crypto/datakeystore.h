#pragma once

#include "datakey.h"
#include "datakeylookup.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace uaip {

// The data keys in the OS keychain (QtKeychain: Secret Service, Keychain, Credential Store),
// one entry per key of a database's key ring (KeychainIdentity::entryFor) under one service
// name. Asynchronous:
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
    // The ring's entry of one key: "<ring>/key/<key id>" (ring: KeychainIdentity::identity).
    static QString entryName(const QString &ring, const QString &keyId);
    // A key of the ring: the entry of key `keyId`; when it is absent, the first of
    // `legacyEntries` (names of earlier versions) holding a key with that id (any key when
    // keyId is empty), which is then copied into the ring (the old entry stays). Answers with
    // readFinished; its identity is the ring's entry of the key found (or asked for).
    void find(const QString &ring, const QStringList &legacyEntries, const QString &keyId);
    // Adds a key to the ring: writes its entry unless it holds this key already; never
    // replaces other material (Conflict); reads the entry back. Answers with writeFinished
    // (identity: the entry).
    void add(const QString &ring, const DataKey &key);

signals:
    void readFinished(const uaip::DataKeyLookup &lookup);
    // Done, or why not: Io (the keychain failed or no keychain answers), BadInput (the entry
    // holds no UAIP data key), Conflict (it holds another key).
    void writeFinished(const QString &identity, const uaip::Status &status);
    void removeFinished(const QString &identity, const uaip::Status &status);

private:
    void readEntry(const QString &entry, const std::function<void(const DataKeyLookup &)> &then);
    void writeEntry(const QString &entry, const DataKey &key,
                    const std::function<void(const Status &)> &then);
    void findLegacy(const QString &ring, QStringList legacyEntries, const QString &keyId);

    QString m_service;
};

} // namespace uaip
