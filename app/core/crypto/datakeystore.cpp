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

void DataKeyStore::read(const QString &identity)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(identity);
    connect(job, &QKeychain::Job::finished, this, [this, identity](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        DataKeyLookup lookup;
        lookup.identity = identity;
        if (r->error() == QKeychain::EntryNotFound)
            return emit readFinished(lookup);
        if (r->error() != QKeychain::NoError) {
            lookup.error = tr("the keychain (service \"%1\") did not answer: %2")
                               .arg(m_service, r->errorString());
            return emit readFinished(lookup);
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
        emit readFinished(lookup);
    });
    job->start();
}

void DataKeyStore::write(const QString &identity, const DataKey &key)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(identity);
    job->setTextData(kEntryPrefix + QString::fromLatin1(key.bytes().toBase64(kB64)));
    connect(job, &QKeychain::Job::finished, this, [this, identity](QKeychain::Job *j) {
        emit writeFinished(identity,
                           j->error() == QKeychain::NoError
                               ? QString()
                               : tr("the keychain (service \"%1\") refused the key: %2")
                                     .arg(m_service, j->errorString()));
    });
    job->start();
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
