#pragma once

#include "db/connectionprofile.h"
#include "job.h"

#include <QStringList>

namespace uaip {

// Starts (and makes sure the database exists) or stops the private sandbox cluster
// (uaip::Sandbox) off the GUI thread: initdb and pg_ctl take a moment. Runs on a worker without
// a database.
class SandboxJob : public Job
{
    Q_OBJECT
public:
    enum class Action { Start, Stop };

    SandboxJob(Action action, const QString &rootDir,
               const QString &database = QStringLiteral("uaip"), QObject *parent = nullptr);

    Action action() const { return m_action; }
    // Valid after a successful Start: the sandbox database as a connection profile.
    const ConnectionProfile &profile() const { return m_profile; }
    // Valid after a successful Start: the superuser's password, for the session's conninfo
    // (libpq takes it before a PGPASSWORD of the user's, which would otherwise reach the sandbox
    // instead of the password file the profile names). Held in memory only.
    QString password() const { return m_password; }
    QStringList messages() const { return m_messages; }
    bool databaseCreated() const { return m_created; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Action m_action;
    QString m_rootDir;
    QString m_database;
    ConnectionProfile m_profile;
    QString m_password;
    QStringList m_messages;
    bool m_created = false;
};

} // namespace uaip
