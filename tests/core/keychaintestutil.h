#pragma once

// The keychain as the prompt key tests drive it: DataKeyStore's asynchronous calls waited on
// through their signals, and a probe that says why no Secret Service answers.

#include "crypto/datakey.h"
#include "crypto/datakeylookup.h"
#include "crypto/datakeystore.h"

#include <QRandomGenerator>
#include <QSignalSpy>

namespace uaip::test {

inline DataKeyLookup readKey(DataKeyStore &store, const QString &entry)
{
    QSignalSpy spy(&store, &DataKeyStore::readFinished);
    store.read(entry);
    if (!spy.wait(20000))
        return {entry, {}, false, QStringLiteral("timeout")};
    return spy.first().at(0).value<DataKeyLookup>();
}

// The error, or empty.
inline QString writeKey(DataKeyStore &store, const QString &entry, const DataKey &key)
{
    QSignalSpy spy(&store, &DataKeyStore::writeFinished);
    store.write(entry, key);
    if (!spy.wait(20000))
        return QStringLiteral("timeout");
    return spy.first().at(1).toString();
}

// The error, or empty.
inline QString removeKey(DataKeyStore &store, const QString &entry)
{
    QSignalSpy spy(&store, &DataKeyStore::removeFinished);
    store.remove(entry);
    if (!spy.wait(20000))
        return QStringLiteral("timeout");
    return spy.first().at(1).toString();
}

// Empty when a Secret Service stores and removes a key under a throw-away service name.
inline QString keychainProblem()
{
    DataKeyStore probe(
        QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate()));
    const QString error = writeKey(probe, QStringLiteral("probe"), DataKey::generate());
    removeKey(probe, QStringLiteral("probe"));
    return error;
}

} // namespace uaip::test
