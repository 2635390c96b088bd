#pragma once

#include "dbjob.h"

#include <QStringList>

namespace uaip {

// Starts (and makes sure the database exists) or stops the private sandbox cluster
// (uaip::Sandbox) off the GUI thread: initdb and pg_ctl take a moment.
class SandboxJob : public DbJob
{
    Q_OBJECT
public:
    enum class Action { Start, Stop };

    SandboxJob(Action action, const QString &rootDir,
               const QString &database = QStringLiteral("uaip"), QObject *parent = nullptr);

    Action action() const { return m_action; }
    // Valid after a successful Start.
    QString conninfo() const { return m_conninfo; }
    QStringList messages() const { return m_messages; }
    bool databaseCreated() const { return m_created; }

protected:
    bool execute(QString *summary) override;

private:
    Action m_action;
    QString m_rootDir;
    QString m_database;
    QString m_conninfo;
    QStringList m_messages;
    bool m_created = false;
};

} // namespace uaip
