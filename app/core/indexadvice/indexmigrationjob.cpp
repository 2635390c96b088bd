#include "indexmigrationjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "indexmigrationbuilder.h"
#include "jobs/jobcontext.h"

namespace uaip {

IndexMigrationJob::IndexMigrationJob(const QString &sandboxDir, const QList<Migration> &migrations,
                                     const IndexAction &action, QObject *parent)
    : Job(tr("Create the migration %1").arg(action.migrationName()), parent)
    , m_sandboxDir(sandboxDir)
    , m_migrations(migrations)
    , m_action(action)
    , m_now(QDateTime::currentDateTimeUtc())
{ }

bool IndexMigrationJob::execute(JobContext &context, QString *summary)
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
    IndexMigrationBuilder builder(sandbox, m_migrations);
    connect(
        &builder, &IndexMigrationBuilder::progress, this,
        [&context](const QString &step) {
            context.progress(0, 0, step);
            context.log(step);
        },
        Qt::DirectConnection);
    const JobContext::CancelScope stop = context.onCancel([&builder] { builder.cancel(); });
    if (context.isCancelled())
        builder.cancel();
    Result<IndexMigration> made
        = builder.build(session.value()->pg(), m_action, m_action.migrationName(), m_now);
    if (!made) {
        m_error = made.error().toString();
        *summary = context.isCancelled()
            ? tr("creating the migration was cancelled")
            : tr("no migration created: %1").arg(m_error.section(u'\n', 0, 0));
        context.log(m_error);
        return false;
    }
    m_result = made.take();
    *summary = tr("%1 created and proved").arg(m_result->folderName);
    return true;
}

} // namespace uaip
