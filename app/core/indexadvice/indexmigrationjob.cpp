#include "indexmigrationjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "indexmigrationbuilder.h"
#include "jobs/builderprogress.h"
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

IndexMigrationJob::~IndexMigrationJob() = default;

Result<QString> IndexMigrationJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session) {
        const Error error = session.error().in(tr("cannot connect"));
        m_error = error.toString();
        return error;
    }
    m_sandbox = std::make_unique<Sandbox>(Sandbox::forMajor(m_sandboxDir, context.serverMajor()));
    context.progress(0, 0, tr("starting the sandbox"));
    m_builder = std::make_unique<IndexMigrationBuilder>(*m_sandbox, m_migrations);
    IndexMigrationBuilder &builder = *m_builder;
    showBuilderProgress(this, context, builder);
    const JobContext::CancelScope stop = context.onCancel([&builder] { builder.cancel(); });
    if (context.isCancelled())
        builder.cancel();
    Result<IndexMigration> made
        = builder.build(session.value()->pg(), m_action, m_action.migrationName(), m_now);
    if (!made) {
        m_error = made.error().toString();
        context.log(m_error);
        if (context.isCancelled())
            return Error(ErrorCode::Cancelled, tr("creating the migration was cancelled"));
        return made.error().in(tr("no migration created"));
    }
    m_result = made.take();
    return tr("%1 created and proved").arg(m_result->folderName);
}

void IndexMigrationJob::afterFinished(JobContext &context)
{
    if (!m_builder)
        return;
    m_builder->disconnect(this);
    const QString dropped = m_builder->dropScratch();
    const QString kept = m_builder->keptAs();
    m_builder.reset();
    m_sandbox.reset();
    if (!dropped.isEmpty() && !kept.isEmpty())
        context.log(
            tr("the proof's scratch database %1 kept for the next proof as %2").arg(dropped, kept));
    else if (!dropped.isEmpty())
        context.log(tr("the proof's scratch database %1 dropped").arg(dropped));
}

QString IndexMigrationJob::failureSummary(const Error &error) const
{
    return error.toString().section(u'\n', 0, 0); // errorText() has the whole
}

} // namespace uaip
