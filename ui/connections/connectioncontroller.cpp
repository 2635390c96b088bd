#include "connectioncontroller.h"

#include "connections/connectiontestjob.h"
#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobs/sandboxjob.h"
#include "passwordstore.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QWidget>

namespace uaip {

ConnectionController::ConnectionController(JobManager *jobs, const QString &sandboxDir,
                                           QWidget *window)
    : QObject(window)
    , m_jobs(jobs)
    , m_sandboxDir(sandboxDir)
    , m_window(window)
    , m_passwords(new PasswordStore(QStringLiteral("uaip-admin"), this))
{
    connect(m_passwords, &PasswordStore::readFinished, this, &ConnectionController::onPasswordRead);
    connect(m_passwords, &PasswordStore::keychainUnavailable, this,
            [this](const QString &why) { emit message(why, 0); });
}

void ConnectionController::open(const ConnectionProfile &profile)
{
    m_current = profile;
    ++m_attempt;
    m_awaiting.clear();
    emit targetChanged(std::nullopt);
    if (m_current.sandbox)
        return startSandbox();
    const auto held = m_held.constFind(profile.name);
    if (held != m_held.cend())
        return connectWithPassword(*held);
    emit stateChanged(m_current, tr("reading the password"));
    m_awaiting = profile.name;
    m_passwords->read(profile.name);
}

void ConnectionController::onPasswordRead(const QString &key, const QString &password, bool found,
                                          const QString &error)
{
    if (key != m_awaiting || m_current.name != key)
        return;
    m_awaiting.clear();
    if (!error.isEmpty())
        emit message(tr("Keychain: %1").arg(error), 0);
    if (found)
        return connectWithPassword(password);
    // No password stored: the server may need none (trust, peer, a .pgpass or service file,
    // a client certificate). Asked only when it says it needs one.
    emit stateChanged(m_current, tr("connecting"));
    auto *job = new ConnectionTestJob(SessionSpec::from(m_current, QString()));
    connect(job, &Job::finished, this,
            [this, job, key, attempt = m_attempt](bool, const QString &) {
                if (attempt != m_attempt)
                    return; // a profile was chosen again meanwhile
                const ConnectionDiagnosis::Kind kind = job->diagnosis().kind;
                if (kind == ConnectionDiagnosis::Kind::NoPassword
                    || kind == ConnectionDiagnosis::Kind::WrongPassword)
                    return askPassword(key);
                connectWithPassword(QString()); // connected, or the session says why not
            });
    m_jobs->start(job, std::nullopt);
}

void ConnectionController::askPassword(const QString &key)
{
    bool ok = false;
    const QString typed = QInputDialog::getText(
        m_window, tr("Password"), tr("Password for %1 (empty: none):").arg(m_current.describe()),
        QLineEdit::Password, QString(), &ok);
    if (m_current.name != key)
        return; // another profile was chosen meanwhile
    if (!ok) {
        emit stateChanged(m_current, tr("not connected"));
        return emit passwordCancelled(m_current);
    }
    if (!typed.isEmpty())
        m_passwords->write(key, typed);
    connectWithPassword(typed);
}

void ConnectionController::connectWithPassword(const QString &password)
{
    // Held for the session, so coming back to this profile does not ask again; dropped when
    // the connection fails (a wrong password) or the profile is edited.
    m_held.insert(m_current.name, password);
    // Not "connected" yet: nothing is open until a session is (the window says so then).
    emit stateChanged(m_current, tr("connecting"));
    emit targetChanged(SessionSpec::from(m_current, password));
}

void ConnectionController::forgetPassword(const QString &name)
{
    m_held.remove(name);
}

void ConnectionController::keepOnly(const QList<ConnectionProfile> &profiles)
{
    for (auto it = m_held.begin(); it != m_held.end();) {
        const bool exists
            = std::any_of(profiles.cbegin(), profiles.cend(),
                          [&it](const ConnectionProfile &p) { return p.name == it.key(); });
        it = exists ? std::next(it) : m_held.erase(it);
    }
}

void ConnectionController::startSandbox()
{
    emit stateChanged(m_current, tr("starting the sandbox"));
    // The profile's database (the sandbox's "uaip", or a --screenshot run's scratch one) is
    // made when missing.
    auto *job = new SandboxJob(SandboxJob::Action::Start, m_sandboxDir, m_current.database);
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &summary) {
        if (!m_current.sandbox)
            return; // another profile was chosen meanwhile
        if (!ok) {
            emit stateChanged(m_current, tr("not running"));
            emit message(summary, 0);
            emit sandboxFailed(summary);
            return;
        }
        emit message(summary, 5000);
        emit sandboxRunning(true);
        emit stateChanged(m_current, tr("running"));
        ConnectionProfile profile = job->profile();
        profile.name = m_current.name;
        // the sandbox's own password, not a PGPASSWORD of the user's for another server
        emit targetChanged(SessionSpec::from(profile, job->password()));
    });
    m_jobs->start(job, std::nullopt);
}

void ConnectionController::stopSandbox()
{
    if (m_current.sandbox) {
        emit targetChanged(std::nullopt);
        emit stateChanged(m_current, tr("stopping"));
    }
    auto *job = new SandboxJob(SandboxJob::Action::Stop, m_sandboxDir);
    connect(job, &Job::finished, this, [this](bool ok, const QString &summary) {
        emit message(summary, 0);
        if (ok)
            emit sandboxRunning(false);
        if (m_current.sandbox)
            emit stateChanged(m_current, tr("stopped"));
    });
    m_jobs->start(job, std::nullopt);
}

} // namespace uaip
