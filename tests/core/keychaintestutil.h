#pragma once

// The keychain as the prompt key tests drive it: DataKeyStore's asynchronous calls waited on
// through their signals, and a probe that says why no Secret Service answers.

#include "crypto/datakey.h"
#include "crypto/datakeylookup.h"
#include "crypto/datakeystore.h"
#include "error/status.h"

#include <QRandomGenerator>
#include <QSignalSpy>

namespace uaip::test {

inline Error noAnswer()
{
    return Error(ErrorCode::Cancelled, QStringLiteral("the keychain did not answer in 20 s"));
}

inline DataKeyLookup readKey(DataKeyStore &store, const QString &entry)
{
    QSignalSpy spy(&store, &DataKeyStore::readFinished);
    store.read(entry);
    if (!spy.wait(20000))
        return {entry, {}, false, noAnswer()};
    return spy.first().at(0).value<DataKeyLookup>();
}

inline Status writeKey(DataKeyStore &store, const QString &entry, const DataKey &key)
{
    QSignalSpy spy(&store, &DataKeyStore::writeFinished);
    store.write(entry, key);
    if (!spy.wait(20000))
        return noAnswer();
    return spy.first().at(1).value<Status>();
}

inline Status removeKey(DataKeyStore &store, const QString &entry)
{
    QSignalSpy spy(&store, &DataKeyStore::removeFinished);
    store.remove(entry);
    if (!spy.wait(20000))
        return noAnswer();
    return spy.first().at(1).value<Status>();
}

// Empty when done, else what failed: for QCOMPARE(failure(...), QString()), which says why.
inline QString failure(const Status &status)
{
    return status ? QString() : status.error().toString();
}

// Done when a Secret Service stores and removes a key under a throw-away service name.
inline Status keychainProblem()
{
    DataKeyStore probe(
        QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate()));
    const Status written = writeKey(probe, QStringLiteral("probe"), DataKey::generate());
    removeKey(probe, QStringLiteral("probe"));
    return written;
}

} // namespace uaip::test
