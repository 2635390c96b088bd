#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace uaip {

namespace {

bool backendMissing(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented
        || e == QKeychain::OtherError || e == QKeychain::AccessDenied;
}

} // namespace

PasswordStore::PasswordStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

void PasswordStore::markUnavailable(const QString &reason)
{
    m_available = false;
    if (m_told)
        return;
    m_told = true;
    emit keychainUnavailable(tr("No keychain answered (%1). Passwords are kept in memory for "
                                "this session only and must be entered again next time.")
                                 .arg(reason));
}

void PasswordStore::read(const QString &key)
{
    if (m_memory.contains(key) || !m_available) {
        const QString password = m_memory.value(key);
        const bool found = m_memory.contains(key);
        QTimer::singleShot(0, this, [this, key, password, found] {
            emit readFinished(key, password, found, QString());
        });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() == QKeychain::NoError)
            return emit readFinished(key, r->textData(), true, QString());
        if (r->error() == QKeychain::EntryNotFound)
            return emit readFinished(key, QString(), false, QString());
        if (backendMissing(r->error()))
            markUnavailable(r->errorString());
        emit readFinished(key, QString(), false, m_available ? r->errorString() : QString());
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password)
{
    if (!m_available) {
        m_memory.insert(key, password);
        QTimer::singleShot(0, this, [this, key] { emit writeFinished(key, false, QString()); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, key, password](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            m_memory.remove(key);
            return emit writeFinished(key, true, QString());
        }
        m_memory.insert(key, password);
        if (backendMissing(j->error()))
            markUnavailable(j->errorString());
        emit writeFinished(key, false, j->errorString());
    });
    job->start();
}

void PasswordStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace uaip
