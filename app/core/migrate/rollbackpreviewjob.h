#pragma once

#include "db/databaseidentity.h"
#include "downtarget.h"
#include "jobs/job.h"
#include "ledger/migration.h"
#include "ledger/migrationfailure.h"
#include "lint/rollbackimpact.h"

#include <optional>

namespace uaip {

// RollbackPreview on the worker's session (see RollbackPreview: nothing is changed). The
// result names the database it was taken on and the exact versions: the rollback that runs
// after the confirmation must find both again (MigrationRunJob::down with the identity and
// Options::expectedVersions).
class RollbackPreviewJob : public Job
{
    Q_OBJECT
public:
    // oneTransaction: previewed as the rollback in one transaction (RollbackPreview::run).
    RollbackPreviewJob(const QList<Migration> &migrations, const DownTarget &target,
                       int lockTimeoutMs, bool oneTransaction = false, QObject *parent = nullptr);

    const DownTarget &target() const { return m_target; }
    // Valid after finished(true).
    const RollbackImpact &impact() const { return m_impact; }
    const DatabaseIdentity &identity() const { return m_identity; }
    // Valid after finished(false), when a down.sql failed.
    const std::optional<MigrationFailure> &failure() const { return m_failure; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QList<Migration> m_migrations;
    DownTarget m_target;
    int m_lockTimeoutMs;
    bool m_oneTransaction;
    RollbackImpact m_impact;
    DatabaseIdentity m_identity;
    std::optional<MigrationFailure> m_failure;
};

} // namespace uaip
