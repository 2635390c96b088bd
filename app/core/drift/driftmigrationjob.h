#pragma once

#include "driftmigration.h"
#include "jobs/job.h"
#include "ledger/migration.h"

#include <QDateTime>
#include <optional>

namespace uaip {

// DriftMigrationBuilder on the worker's session (the live database) and the sandbox: the
// database's drift from the migrations as a new migration, proved on the sandbox. Writes
// nothing: the view shows the result and DriftMigrationBuilder::write writes it.
class DriftMigrationJob : public Job
{
    Q_OBJECT
public:
    DriftMigrationJob(const QString &sandboxDir, const QList<Migration> &migrations,
                      const QString &name, QObject *parent = nullptr);

    // Valid after finished(true).
    const std::optional<DriftMigration> &result() const { return m_result; }
    // The time the version was made from (write() needs the same).
    QDateTime generatedAt() const { return m_now; }
    // Why it failed (the proof's differences and the script), after finished(false).
    QString errorText() const { return m_error; }

protected:
    Result<QString> execute(JobContext &context) override;
    // Its first line.
    QString failureSummary(const Error &error) const override;

private:
    QString m_sandboxDir;
    QList<Migration> m_migrations;
    QString m_name;
    QDateTime m_now;
    QString m_error;
    std::optional<DriftMigration> m_result;
};

} // namespace uaip
