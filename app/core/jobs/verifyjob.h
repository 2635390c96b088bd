#pragma once

#include "dbjob.h"
#include "migrate/migration.h"
#include "migrate/verifyreport.h"

#include <optional>

namespace uaip {

// MigrationVerifier: applies every migration to a scratch database of the sandbox, checks
// each down.sql restores the schema, and compares the target with it (drift).
class VerifyJob : public DbJob
{
    Q_OBJECT
public:
    VerifyJob(const QString &sandboxDir, const QString &targetConninfo,
              const QList<Migration> &migrations, QObject *parent = nullptr);

    // Valid after finished(true).
    const std::optional<VerifyReport> &report() const { return m_report; }
    // The report as text, one problem a line.
    QString reportText() const;

protected:
    bool execute(QString *summary) override;

private:
    QString m_sandboxDir;
    QString m_conninfo;
    QList<Migration> m_migrations;
    std::optional<VerifyReport> m_report;
};

} // namespace uaip
