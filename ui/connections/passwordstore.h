#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace uaip {

// Passwords in the OS keychain (QtKeychain, asynchronous jobs, never a nested event loop).
// When no keychain answers, it says so once (keychainUnavailable) and keeps passwords in
// memory for the session only. Nothing is ever written to a file.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(const QString &service = QStringLiteral("uaip-admin"),
                           QObject *parent = nullptr);

    void read(const QString &key);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);
    bool keychainAvailable() const { return m_available; }

signals:
    // found false and error empty: no password stored for key.
    void readFinished(const QString &key, const QString &password, bool found,
                      const QString &error);
    // inKeychain false: kept in memory for this session only.
    void writeFinished(const QString &key, bool inKeychain, const QString &error);
    void keychainUnavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    bool m_available = true;
    bool m_told = false;
    QHash<QString, QString> m_memory;
};

} // namespace uaip
