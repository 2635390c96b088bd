#include "verifyjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "db/session.h"
#include "jobs/jobcontext.h"
#include "migrationverifier.h"

namespace uaip {

VerifyJob::VerifyJob(const QString &sandboxDir, bool checkTarget,
                     const QList<Migration> &migrations, QObject *parent)
    : Job(tr("Verify migrations on the sandbox"), parent)
    , m_sandboxDir(sandboxDir)
    , m_checkTarget(checkTarget)
    , m_migrations(migrations)
{ }

Result<QString> VerifyJob::execute(JobContext &context)
{
    PgConnection *target = nullptr;
    if (m_checkTarget) {
        const Result<Session *> session = context.session();
        if (!session)
            return session.error().in(tr("cannot connect to the target"));
        target = &session.value()->pg();
    }
    // the scratch databases on a sandbox of the target's own major version
    Sandbox sandbox = Sandbox::forMajor(m_sandboxDir, context.serverMajor());
    context.progress(0, 0, tr("starting the sandbox"));
    m_provedOnMajor = sandbox.major();
    SandboxLease lease(sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error().in(tr("cannot start the sandbox"));
    MigrationVerifier verifier(sandbox, m_migrations);
    connect(
        &verifier, &MigrationVerifier::progress, this,
        [&context](int index, int total, const QString &id) {
            context.progress(index, total, tr("round trip of %1").arg(id));
            context.log(tr("[%1/%2] %3").arg(index + 1).arg(total).arg(id));
        },
        Qt::DirectConnection);
    // A flag: the verifier stops before the next migration; a running command on the target
    // is cancelled by the session's canceller.
    const JobContext::CancelScope stop = context.onCancel([&verifier] { verifier.cancel(); });
    if (context.isCancelled())
        verifier.cancel();
    Result<VerifyReport> verified = verifier.verify(target);
    if (!verified)
        return context.isCancelled() ? Error(ErrorCode::Cancelled, tr("verify cancelled"))
                                     : verified.error().in(tr("verify failed"));
    m_report = verified.take();
    context.log(reportText());
    if (!m_report->ok()) // a migration that does not round-trip, or drift on the target
        return Error(ErrorCode::Conflict, tr("verify found problems"));
    return tr("every migration round-trips; no drift");
}

QString VerifyJob::reportText() const
{
    if (!m_report)
        return QString();
    QStringList lines;
    for (const VerifyReport::RoundTrip &r : m_report->roundTrips) {
        if (r.ok)
            continue;
        lines << tr("%1: %2").arg(r.migration,
                                  r.error.isEmpty() ? tr("down.sql does not restore "
                                                         "the schema")
                                                    : r.error);
        for (const auto &d : r.differences)
            lines << d.describe(QStringLiteral("    "));
    }
    if (m_report->targetChecked) {
        lines << tr("target at level %1: %n difference(s) from the migrations", nullptr,
                    int(m_report->drift.size()))
                     .arg(m_report->targetLevel.isEmpty() ? tr("(none)") : m_report->targetLevel);
        for (const auto &d : m_report->drift)
            lines << d.describe(QStringLiteral("    "));
        lines += m_report->targetProblems;
        lines += m_report->leftOut;
    }
    if (lines.isEmpty() || m_report->ok())
        lines.prepend(
            tr("%n migration(s) round-trip cleanly", nullptr, int(m_report->roundTrips.size())));
    //: %1 the major version of the sandbox the round trips ran on, the target's
    lines.prepend(tr("(proved on PostgreSQL %1, the target's major)").arg(m_provedOnMajor));
    return lines.join(u'\n');
}

} // namespace uaip
