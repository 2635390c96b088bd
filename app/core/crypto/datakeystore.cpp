#include "datakeystore.h"

#include "base64url.h"
#include "keychainmodule.h"

namespace uaip {

namespace {

// The keychain entry: "uaip-data-key:1:" + the key in base64url.
const QLatin1String kEntryPrefix("uaip-data-key:1:");

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
            lookup.error
                = tr("the keychain (service \"%1\") did not answer: %2").arg(m_service, r.error);
            return then(lookup);
        }
        const QString &entry = r.text;
        const auto bytes = QByteArray::fromBase64Encoding(
            entry.mid(kEntryPrefix.size()).toLatin1(),
            Base64Url::kOptions | QByteArray::AbortOnBase64DecodingErrors);
        lookup.key = bytes ? DataKey::fromBytes(*bytes) : DataKey();
        lookup.found = lookup.key.isValid();
        if (!entry.startsWith(kEntryPrefix) || !lookup.found)
            lookup.error = tr("the keychain entry \"%1\" of service \"%2\" is not a "
                              "UAIP data key")
                               .arg(identity, m_service);
        then(lookup);
    });
}

void DataKeyStore::writeEntry(const QString &identity, const DataKey &key,
                              const std::function<void(const QString &)> &then)
{
    KeychainModule::write(m_service, identity,
                          kEntryPrefix
                              + QString::fromLatin1(key.bytes().toBase64(Base64Url::kOptions)),
                          this, [this, then](const KeychainReply &r) {
                              then(r.status == KeychainReply::Status::Ok
                                       ? QString()
                                       : tr("the keychain (service \"%1\") refused the key: %2")
                                             .arg(m_service, r.error));
                          });
}

void DataKeyStore::read(const QString &identity)
{
    readEntry(identity, [this](const DataKeyLookup &lookup) { emit readFinished(lookup); });
}

void DataKeyStore::write(const QString &identity, const DataKey &key)
{
    writeEntry(identity, key,
               [this, identity](const QString &error) { emit writeFinished(identity, error); });
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
                       [this, lookup](const QString &) { emit readFinished(lookup); });
        });
    });
}

void DataKeyStore::add(const QString &ring, const DataKey &key)
{
    const QString entry = entryName(ring, key.id());
    readEntry(entry, [this, entry, key](const DataKeyLookup &existing) {
        if (!existing.ok()) // unreadable or not a key: never overwritten either
            return emit writeFinished(entry, existing.error);
        if (existing.found && existing.key.bytes() == key.bytes())
            return emit writeFinished(entry, QString());
        if (existing.found)
            return emit writeFinished(entry,
                                      tr("the keychain entry \"%1\" holds other key material "
                                         "(key %2); it is never overwritten")
                                          .arg(entry, existing.key.id()));
        writeEntry(entry, key, [this, entry, key](const QString &error) {
            if (!error.isEmpty())
                return emit writeFinished(entry, error);
            readEntry(entry, [this, entry, key](const DataKeyLookup &back) {
                QString why = back.error;
                if (why.isEmpty() && (!back.found || back.key.bytes() != key.bytes()))
                    why = tr("the keychain did not keep the key (entry \"%1\")").arg(entry);
                emit writeFinished(entry, why);
            });
        });
    });
}

void DataKeyStore::remove(const QString &identity)
{
    KeychainModule::remove(m_service, identity, this, [this, identity](const KeychainReply &r) {
        const bool gone
            = r.status == KeychainReply::Status::Ok || r.status == KeychainReply::Status::NotFound;
        emit removeFinished(identity, gone ? QString() : r.error);
    });
}

} // namespace uaip
