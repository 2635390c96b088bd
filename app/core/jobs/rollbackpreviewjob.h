#pragma once

#include "dbjob.h"
#include "migrate/downtarget.h"
#include "migrate/migration.h"
#include "migrate/migrationfailure.h"
#include "rollbackimpact.h"

#include <optional>

namespace uaip {

// RollbackPreview on a connection of its own (see RollbackPreview: nothing is changed).
class RollbackPreviewJob : public DbJob
{
    Q_OBJECT
public:
    RollbackPreviewJob(const QString &conninfo, const QList<Migration> &migrations,
                       const DownTarget &target, int lockTimeoutMs, QObject *parent = nullptr);

    const DownTarget &target() const { return m_target; }
    // Valid after finished(true).
    const RollbackImpact &impact() const { return m_impact; }
    // Valid after finished(false), when a down.sql failed.
    const std::optional<MigrationFailure> &failure() const { return m_failure; }

protected:
    bool execute(QString *summary) override;

private:
    QString m_conninfo;
    QList<Migration> m_migrations;
    DownTarget m_target;
    int m_lockTimeoutMs;
    RollbackImpact m_impact;
    std::optional<MigrationFailure> m_failure;
};

} // namespace uaip
