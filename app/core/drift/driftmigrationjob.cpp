#include "driftmigrationjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "driftmigrationbuilder.h"
#include "jobs/builderprogress.h"
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

Result<QString> DriftMigrationJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session) {
        const Error error = session.error().in(tr("cannot connect"));
        m_error = error.toString();
        return error;
    }
    // the scratch databases on a sandbox of the target's own major version
    Sandbox sandbox = Sandbox::forMajor(m_sandboxDir, context.serverMajor());
    context.progress(0, 0, tr("starting the sandbox"));
    DriftMigrationBuilder builder(sandbox, m_migrations);
    showBuilderProgress(this, context, builder);
    // A flag: the builder stops before its next step (the running command on the target is
    // cancelled by the session's canceller).
    const JobContext::CancelScope stop = context.onCancel([&builder] { builder.cancel(); });
    if (context.isCancelled())
        builder.cancel();
    Result<DriftMigration> built = builder.build(session.value()->pg(), m_name, m_now);
    if (!built) {
        m_error = built.error().toString();
        context.log(m_error);
        if (context.isCancelled())
            return Error(ErrorCode::Cancelled, tr("generating the migration was cancelled"));
        return built.error().in(tr("no migration generated"));
    }
    m_result = built.take();
    return m_result->hasDrift()
        ? tr("%1 generated and proved: %n difference(s)", nullptr, int(m_result->drift.size()))
              .arg(m_result->folderName)
        : tr("no drift: the database matches the migrations");
}

QString DriftMigrationJob::failureSummary(const Error &error) const
{
    return error.toString().section(u'\n', 0, 0); // errorText() has the whole
}

} // namespace uaip
