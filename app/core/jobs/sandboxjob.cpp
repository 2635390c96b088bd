#include "sandboxjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sessioncanceller.h"
#include "jobcontext.h"

#include <atomic>
#include <memory>

namespace uaip {

SandboxJob::SandboxJob(Action action, const QString &rootDir, const QString &database,
                       QObject *parent)
    : Job(action == Action::Start ? tr("Start the local sandbox") : tr("Stop the local sandbox"),
          parent)
    , m_action(action)
    , m_rootDir(rootDir)
    , m_database(database)
{ }

Result<QString> SandboxJob::execute(JobContext &context)
{
    Sandbox sandbox(m_rootDir);
    // The job's cancel ends initdb's or pg_ctl's wait at once, through a canceller of the
    // programs' own (as JobContext::pause's without a session).
    const auto canceller = std::make_shared<SessionCanceller>();
    const auto cancelled = std::make_shared<std::atomic_bool>(false);
    const JobContext::CancelScope reach = context.onCancel([canceller, cancelled] {
        *cancelled = true;
        canceller->cancel();
    });
    if (context.isCancelled())
        *cancelled = true;
    sandbox.setCanceller(canceller.get(), cancelled.get());
    if (m_action == Action::Stop) {
        context.progress(0, 0, tr("stopping"));
        if (const Status stopped = sandbox.stop(); !stopped)
            return stopped.error().in(tr("cannot stop the sandbox in %1").arg(sandbox.rootDir()));
        return tr("sandbox stopped");
    }
    context.progress(0, 0, tr("starting PostgreSQL in %1").arg(sandbox.rootDir()));
    if (const Status started = sandbox.start(); !started)
        return started.error().in(tr("cannot start the sandbox in %1").arg(sandbox.rootDir()));
    m_messages = sandbox.messages();
    for (const QString &m : std::as_const(m_messages))
        context.log(m);
    PgConnection probe;
    if (probe.open(sandbox.conninfo(m_database), QStringLiteral("uaip-admin"))) {
        probe.close();
    } else {
        if (const Status made = sandbox.ensureDatabase(m_database); !made)
            return made.error().in(tr("cannot create the database %1").arg(m_database));
        m_created = true;
        context.log(tr("created the database %1").arg(m_database));
    }
    m_profile = sandbox.profile(m_database);
    m_password = sandbox.password(sandbox.superuser());
    return tr("sandbox running on port %1").arg(sandbox.port());
}

} // namespace uaip
