#include "driftmigrationjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "driftmigrationbuilder.h"
#include "jobs/jobcontext.h"

namespace uaip {

DriftMigrationJob::DriftMigrationJob(const QString &sandboxDir, const QList<Migration> &migrations,
                                     const QString &name, QObject *parent)
    : Job(tr("Generate migration %1 from drift").arg(name), parent)
    , m_sandboxDir(sandboxDir)
    , m_migrations(migrations)
    , m_name(name)
    , m_now(QDateTime::currentDateTimeUtc())
{ }

bool DriftMigrationJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = tr("cannot connect: %1").arg(session.error().toString());
        m_error = *summary;
        return false;
    }
    Sandbox sandbox(m_sandboxDir);
    context.progress(0, 0, tr("starting the sandbox"));
    DriftMigrationBuilder builder(sandbox, m_migrations);
    connect(
        &builder, &DriftMigrationBuilder::progress, this,
        [&context](const QString &step) {
            context.progress(0, 0, step);
            context.log(step);
        },
        Qt::DirectConnection);
    // A flag: the builder stops before its next step (the running command on the target is
    // cancelled by the session's canceller).
    const JobContext::CancelScope stop = context.onCancel([&builder] { builder.cancel(); });
    if (context.isCancelled())
        builder.cancel();
    Result<DriftMigration> built = builder.build(session.value()->pg(), m_name, m_now);
    if (!built) {
        m_error = built.error().toString();
        *summary = context.isCancelled()
            ? tr("generating the migration was cancelled")
            : tr("no migration generated: %1").arg(m_error.section(u'\n', 0, 0));
        context.log(m_error);
        return false;
    }
    m_result = built.take();
    *summary = m_result->hasDrift()
        ? tr("%1 generated and proved: %n difference(s)", nullptr, int(m_result->drift.size()))
              .arg(m_result->folderName)
        : tr("no drift: the database matches the migrations");
    return true;
}

} // namespace uaip
