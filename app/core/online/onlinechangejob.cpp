#include "onlinechangejob.h"

#include "onlinechangebuilder.h"

#include "db/sandbox.h"
#include "jobs/builderprogress.h"
#include "jobs/jobcontext.h"

namespace uaip {

OnlineChangeJob::OnlineChangeJob(const QString &sandboxDir, const QList<Migration> &migrations,
                                 const QString &name, const QByteArray &sql, QObject *parent)
    : Job(tr("Online change %1").arg(name), parent)
    , m_sandboxDir(sandboxDir)
    , m_migrations(migrations)
    , m_name(name)
    , m_sql(sql)
{ }

Result<QString> OnlineChangeJob::execute(JobContext &context)
{
    // the scratch databases on a sandbox of the target's own major version
    Sandbox sandbox = Sandbox::forMajor(m_sandboxDir, context.serverMajor());
    context.progress(0, 0, tr("starting the sandbox"));
    OnlineChangeBuilder builder(sandbox, m_migrations);
    showBuilderProgress(this, context, builder);
    const JobContext::CancelScope stop = context.onCancel([&builder] { builder.cancel(); });
    if (context.isCancelled())
        builder.cancel();
    Result<OnlineChangePair> built = builder.build(m_sql, m_name, QDateTime::currentDateTimeUtc());
    if (!built) {
        m_error = built.error().toString();
        context.log(m_error);
        if (context.isCancelled())
            return Error(ErrorCode::Cancelled, tr("the online change was cancelled"));
        return built.error().in(tr("no online change written"));
    }
    m_result = built.take();
    return m_result->scripts.single
        ? tr("%1 proved: one migration (PostgreSQL makes it in the catalog alone)")
              .arg(m_result->expandFolder)
        : tr("%1 and %2 proved").arg(m_result->expandFolder, m_result->contractFolder);
}

QString OnlineChangeJob::failureSummary(const Error &error) const
{
    return error.toString().section(u'\n', 0, 0); // errorText() has the whole
}

} // namespace uaip
