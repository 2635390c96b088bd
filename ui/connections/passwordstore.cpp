#include "passwordstore.h"

#include "crypto/keychainmodule.h"

#include <QTimer>

namespace uaip {

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
    KeychainModule::read(m_service, key, this, [this, key](const KeychainReply &r) {
        if (r.status == KeychainReply::Status::Ok)
            return emit readFinished(key, r.text, true, QString());
        if (r.status == KeychainReply::Status::NotFound)
            return emit readFinished(key, QString(), false, QString());
        if (r.status == KeychainReply::Status::Unavailable)
            markUnavailable(r.error);
        emit readFinished(key, QString(), false, m_available ? r.error : QString());
    });
}

void PasswordStore::write(const QString &key, const QString &password)
{
    if (!m_available) {
        m_memory.insert(key, password);
        QTimer::singleShot(0, this, [this, key] { emit writeFinished(key, false, QString()); });
        return;
    }
    KeychainModule::write(m_service, key, password, this,
                          [this, key, password](const KeychainReply &r) {
                              if (r.status == KeychainReply::Status::Ok) {
                                  m_memory.remove(key);
                                  return emit writeFinished(key, true, QString());
                              }
                              m_memory.insert(key, password);
                              if (r.status == KeychainReply::Status::Unavailable)
                                  markUnavailable(r.error);
                              emit writeFinished(key, false, r.error);
                          });
}

void PasswordStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_available)
        return;
    KeychainModule::remove(m_service, key, this, [](const KeychainReply &) {});
}

} // namespace uaip
