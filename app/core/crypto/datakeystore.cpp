#include "datakeystore.h"

#include <qt6keychain/keychain.h>

namespace uaip {

namespace {

// The keychain entry: "uaip-data-key:1:" + the key in base64url.
const QLatin1String kEntryPrefix("uaip-data-key:1:");
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

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
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(identity);
    connect(job, &QKeychain::Job::finished, this, [this, identity, then](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        DataKeyLookup lookup;
        lookup.identity = identity;
        if (r->error() == QKeychain::EntryNotFound)
            return then(lookup);
        if (r->error() != QKeychain::NoError) {
            lookup.error = tr("the keychain (service \"%1\") did not answer: %2")
                               .arg(m_service, r->errorString());
            return then(lookup);
        }
        const QString entry = r->textData();
        const auto bytes
            = QByteArray::fromBase64Encoding(entry.mid(kEntryPrefix.size()).toLatin1(),
                                             kB64 | QByteArray::AbortOnBase64DecodingErrors);
        lookup.key = bytes ? DataKey::fromBytes(*bytes) : DataKey();
        lookup.found = lookup.key.isValid();
        if (!entry.startsWith(kEntryPrefix) || !lookup.found)
            lookup.error = tr("the keychain entry \"%1\" of service \"%2\" is not a "
                              "UAIP data key")
                               .arg(identity, m_service);
        then(lookup);
    });
    job->start();
}

void DataKeyStore::writeEntry(const QString &identity, const DataKey &key,
                              const std::function<void(const QString &)> &then)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(identity);
    job->setTextData(kEntryPrefix + QString::fromLatin1(key.bytes().toBase64(kB64)));
    connect(job, &QKeychain::Job::finished, this, [this, then](QKeychain::Job *j) {
        then(j->error() == QKeychain::NoError
                 ? QString()
                 : tr("the keychain (service \"%1\") refused the key: %2")
                       .arg(m_service, j->errorString()));
    });
    job->start();
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
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(identity);
    connect(job, &QKeychain::Job::finished, this, [this, identity](QKeychain::Job *j) {
        const bool gone
            = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        emit removeFinished(identity, gone ? QString() : j->errorString());
    });
    job->start();
}

} // namespace uaip
