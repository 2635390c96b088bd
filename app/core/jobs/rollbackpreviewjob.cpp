#include "rollbackpreviewjob.h"

#include "db/pgconnection.h"
#include "rollbackpreview.h"

namespace uaip {

RollbackPreviewJob::RollbackPreviewJob(const QString &conninfo, const QList<Migration> &migrations,
                                       const DownTarget &target, int lockTimeoutMs, QObject *parent)
    : DbJob(tr("Preview rollback impact"), parent)
    , m_conninfo(conninfo)
    , m_migrations(migrations)
    , m_target(target)
    , m_lockTimeoutMs(lockTimeoutMs)
{ }

bool RollbackPreviewJob::execute(QString *summary)
{
    PgConnection c;
    QString error;
    emit progress(0, 0, tr("connecting"));
    if (!openConnection(c, m_conninfo, &error)) {
        *summary = tr("cannot connect: %1").arg(error);
        return false;
    }
    emit progress(0, 0, tr("running the down scripts in a transaction that is rolled back"));
    RollbackPreview preview(c, m_migrations);
    const auto impact = preview.run(m_target, m_lockTimeoutMs, &error);
    m_failure = preview.failure();
    if (!impact) {
        *summary = isCancelled() ? tr("preview cancelled") : error;
        return false;
    }
    m_impact = *impact;
    *summary = tr("%n migration(s) would be rolled back", nullptr, int(m_impact.migrations.size()));
    return true;
}

} // namespace uaip
