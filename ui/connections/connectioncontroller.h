#pragma once

#include "db/connectionprofile.h"
#include "db/sessionspec.h"

#include <QHash>
#include <QObject>

#include <optional>

class QWidget;

namespace uaip {

class JobManager;
class PasswordStore;

// Turns the chosen connection profile into a SessionSpec for the views: the sandbox is started
// (SandboxJob) and connected without a password; any other profile gets the password held for
// this session, the keychain's (PasswordStore), none when the server lets it in without one
// (ConnectionTestJob first), or one the user types. Until the password is
// known the target is std::nullopt: no session is opened from an incomplete profile.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(JobManager *jobs, const QString &sandboxDir, QWidget *window);

    PasswordStore *passwords() const { return m_passwords; }
    const ConnectionProfile &current() const { return m_current; }
    bool isAwaitingPassword() const { return !m_awaiting.isEmpty(); }

    // Emits targetChanged(std::nullopt) at once, targetChanged(spec) when the profile is ready.
    void open(const ConnectionProfile &profile);
    // Stops the sandbox cluster; when it is the current profile, its target goes first.
    void stopSandbox();
    // Perhaps a wrong password: the next open() asks again.
    void forgetPassword(const QString &name);
    // Held passwords of profiles that no longer exist go.
    void keepOnly(const QList<ConnectionProfile> &profiles);

signals:
    void targetChanged(const std::optional<uaip::SessionSpec> &spec);
    // For the connection bar: "reading the password", "connecting", "running", ... ("connected"
    // is the window's to say, once a session is open).
    void stateChanged(const uaip::ConnectionProfile &profile, const QString &state);
    void message(const QString &text, int timeoutMs);
    void sandboxFailed(const QString &why);
    // The local sandbox was started (true) or stopped (false) from this window.
    void sandboxRunning(bool running);
    // The password prompt was cancelled: nothing is opened for the profile.
    void passwordCancelled(const uaip::ConnectionProfile &profile);

private:
    void startSandbox();
    void onPasswordRead(const QString &key, const QString &password, bool found,
                        const QString &error);
    void connectWithPassword(const QString &password);
    void askPassword(const QString &key);

    JobManager *m_jobs;
    QString m_sandboxDir;
    QWidget *m_window;
    PasswordStore *m_passwords;
    ConnectionProfile m_current;
    QString m_awaiting; // the profile whose password is being read
    int m_attempt = 0; // open() calls: a probe of an earlier one is dropped
    QHash<QString, QString> m_held; // profile name -> password, this session only
};

} // namespace uaip
