#pragma once

#include <QObject>
#include <QString>
#include <QtPlugin>

#include <functional>

namespace uaip {

// What the OS keychain answered, reduced to what the callers tell apart.
struct KeychainReply
{
    // Unavailable: no keychain answers at all (no Secret Service, access denied, or the
    // keychain module is not installed); Failed: it answered with an error.
    enum class Status { Ok, NotFound, Unavailable, Failed };
    Status status = Status::Failed;
    QString text; // read: the entry's text
    QString error; // Unavailable, Failed: the keychain's own words
};

// The OS keychain (QtKeychain: Secret Service, Keychain, Credential Store) as the keychain
// module offers it (app/keychain; use it through KeychainModule): only what uses keys loads
// QtKeychain, QtDBus and their libraries, not every start of uaip-migrate. Each call answers
// once through `then`, from the event loop of the calling thread; `context` owns the job and
// ends it (no answer) when it is destroyed first.
class KeychainBackend
{
public:
    using Answer = std::function<void(const KeychainReply &)>;

    virtual ~KeychainBackend() = default;
    virtual void read(const QString &service, const QString &key, QObject *context, Answer then)
        = 0;
    virtual void write(const QString &service, const QString &key, const QString &text,
                       QObject *context, Answer then)
        = 0;
    virtual void remove(const QString &service, const QString &key, QObject *context, Answer then)
        = 0;
};

} // namespace uaip

#define UAIP_KEYCHAIN_BACKEND_IID "org.uaip.admin.KeychainBackend/1"
Q_DECLARE_INTERFACE(uaip::KeychainBackend, UAIP_KEYCHAIN_BACKEND_IID)
