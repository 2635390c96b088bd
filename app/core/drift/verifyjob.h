#pragma once

#include "jobs/job.h"
#include "ledger/migration.h"
#include "verifyreport.h"

#include <optional>

namespace uaip {

// MigrationVerifier: applies every migration to a scratch database of the sandbox, checks
// each down.sql restores the schema, and compares the target with it (drift).
class VerifyJob : public Job
{
    Q_OBJECT
public:
    // checkTarget: compare the worker's session (the target) with the migrations (drift);
    // otherwise the job needs no database of its own.
    VerifyJob(const QString &sandboxDir, bool checkTarget, const QList<Migration> &migrations,
              QObject *parent = nullptr);

    // Valid after finished(true).
    const std::optional<VerifyReport> &report() const { return m_report; }
    // The report as text, one problem a line.
    QString reportText() const;

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QString m_sandboxDir;
    bool m_checkTarget;
    QList<Migration> m_migrations;
    std::optional<VerifyReport> m_report;
    int m_provedOnMajor = 0;
};

} // namespace uaip
