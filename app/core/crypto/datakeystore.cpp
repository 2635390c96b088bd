#include "datakeystore.h"

#include "base64url.h"
#include "keychainmodule.h"

namespace uaip {

namespace {

// The keychain entry: "uaip-data-key:1:" + the key in base64url.
const QLatin1String kEntryPrefix("uaip-data-key:1:");

QVariantMap where(const QString &service, const QString &entry)
{
    return {{QStringLiteral("service"), service}, {QStringLiteral("entry"), entry}};
}

} // namespace

QString DataKeyStore::defaultService()
{
    return QStringLiteral("uaip-admin prompt keys");
}

DataKeyStore::DataKeyStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

void DataKeyStore::readEntry(const QString &identity,
                             const std::function<void(const DataKeyLookup &)> &then)
{
    KeychainModule::read(m_service, identity, this, [this, identity, then](const KeychainReply &r) {
        DataKeyLookup lookup;
        lookup.identity = identity;
        if (r.status == KeychainReply::Status::NotFound)
            return then(lookup);
        if (r.status != KeychainReply::Status::Ok) {
            lookup.status = Error(
                ErrorCode::Io,
                tr("the keychain (service \"%1\") did not answer: %2").arg(m_service, r.error),
                where(m_service, identity));
            return then(lookup);
        }
        const QString &entry = r.text;
        const auto bytes = QByteArray::fromBase64Encoding(
            entry.mid(kEntryPrefix.size()).toLatin1(),
            Base64Url::kOptions | QByteArray::AbortOnBase64DecodingErrors);
        lookup.key = bytes ? DataKey::fromBytes(*bytes) : DataKey();
        lookup.found = lookup.key.isValid();
        if (!entry.startsWith(kEntryPrefix) || !lookup.found)
            lookup.status = Error(ErrorCode::BadInput,
                                  tr("the keychain entry \"%1\" of service \"%2\" is not a "
                                     "UAIP data key")
                                      .arg(identity, m_service),
                                  where(m_service, identity));
        then(lookup);
    });
}

void DataKeyStore::writeEntry(const QString &identity, const DataKey &key,
                              const std::function<void(const Status &)> &then)
{
    KeychainModule::write(
        m_service, identity,
        kEntryPrefix + QString::fromLatin1(key.bytes().toBase64(Base64Url::kOptions)), this,
        [this, identity, then](const KeychainReply &r) {
            if (r.status == KeychainReply::Status::Ok)
                return then(Status());
            then(Error(
                ErrorCode::Io,
                tr("the keychain (service \"%1\") refused the key: %2").arg(m_service, r.error),
                where(m_service, identity)));
        });
}

void DataKeyStore::read(const QString &identity)
{
    readEntry(identity, [this](const DataKeyLookup &lookup) { emit readFinished(lookup); });
}

void DataKeyStore::write(const QString &identity, const DataKey &key)
{
    writeEntry(identity, key,
               [this, identity](const Status &status) { emit writeFinished(identity, status); });
}

QString DataKeyStore::entryName(const QString &ring, const QString &keyId)
{
    return QStringLiteral("%1/key/%2").arg(ring, keyId);
}

void DataKeyStore::find(const QString &ring, const QStringList &legacyEntries, const QString &keyId)
{
    if (keyId.isEmpty())
        return findLegacy(ring, legacyEntries, keyId);
    const QString entry = entryName(ring, keyId);
    readEntry(entry, [this, ring, legacyEntries, keyId](const DataKeyLookup &lookup) {
        if (!lookup.ok() || lookup.found)
            return emit readFinished(lookup);
        findLegacy(ring, legacyEntries, keyId);
    });
}

void DataKeyStore::findLegacy(const QString &ring, QStringList legacyEntries, const QString &keyId)
{
    if (legacyEntries.isEmpty()) {
        DataKeyLookup none;
        none.identity = keyId.isEmpty() ? ring : entryName(ring, keyId);
        return emit readFinished(none);
    }
    const QString old = legacyEntries.takeFirst();
    readEntry(old, [this, ring, legacyEntries, keyId](DataKeyLookup lookup) {
        // An entry of an earlier version that is unreadable or holds another key: the next.
        if (!lookup.ok() || !lookup.found || (!keyId.isEmpty() && lookup.key.id() != keyId))
            return findLegacy(ring, legacyEntries, keyId);
        // Into the ring under the stable name (the old entry stays); the key is at hand even
        // if the copy fails.
        lookup.identity = entryName(ring, lookup.key.id());
        readEntry(lookup.identity, [this, lookup](const DataKeyLookup &there) {
            if (!there.ok() || there.found)
                return emit readFinished(lookup);
            writeEntry(lookup.identity, lookup.key,
                       [this, lookup](const Status &) { emit readFinished(lookup); });
        });
    });
}

void DataKeyStore::add(const QString &ring, const DataKey &key)
{
    const QString entry = entryName(ring, key.id());
    readEntry(entry, [this, entry, key](const DataKeyLookup &existing) {
        if (!existing.ok()) // unreadable or not a key: never overwritten either
            return emit writeFinished(entry, existing.status);
        if (existing.found && existing.key.bytes() == key.bytes())
            return emit writeFinished(entry, Status());
        if (existing.found)
            return emit writeFinished(entry,
                                      Error(ErrorCode::Conflict,
                                            tr("the keychain entry \"%1\" holds other key material "
                                               "(key %2); it is never overwritten")
                                                .arg(entry, existing.key.id()),
                                            where(m_service, entry)));
        writeEntry(entry, key, [this, entry, key](const Status &written) {
            if (!written)
                return emit writeFinished(entry, written);
            readEntry(entry, [this, entry, key](const DataKeyLookup &back) {
                if (back.ok() && (!back.found || back.key.bytes() != key.bytes()))
                    return emit writeFinished(
                        entry,
                        Error(ErrorCode::Io,
                              tr("the keychain did not keep the key (entry \"%1\")").arg(entry),
                              where(m_service, entry)));
                emit writeFinished(entry, back.status);
            });
        });
    });
}

void DataKeyStore::remove(const QString &identity)
{
    KeychainModule::remove(m_service, identity, this, [this, identity](const KeychainReply &r) {
        if (r.status == KeychainReply::Status::Ok || r.status == KeychainReply::Status::NotFound)
            return emit removeFinished(identity, Status());
        emit removeFinished(identity, Error(ErrorCode::Io, r.error, where(m_service, identity)));
    });
}

} // namespace uaip
