#include "fleetrunjob.h"

#include "fleet/fleetrunner.h"
#include "jobs/jobcontext.h"

namespace uaip {

FleetRunJob::FleetRunJob(const QString &title, QList<FleetTarget> targets, FleetOptions options,
                         QList<Migration> migrations, QObject *parent)
    : Job(title, parent)
    , m_targets(std::move(targets))
    , m_options(std::move(options))
    , m_migrations(std::move(migrations))
{ }

bool FleetRunJob::execute(JobContext &context, QString *summary)
{
    FleetRunner runner(m_targets, m_options, m_migrations);
    connect(
        &runner, &FleetRunner::targetStarted, this,
        [this](const QString &name) { emit targetStarted(name); }, Qt::DirectConnection);
    connect(
        &runner, &FleetRunner::targetFinished, this,
        [this, &context](const FleetTargetResult &r) {
            QString line = tr("%1: %2").arg(r.name, FleetTargetResult::stateText(r.state));
            if (!r.error.isEmpty())
                line += QStringLiteral(" – ")
                    + (r.error.location().isEmpty()
                           ? r.error.message
                           : tr("%1: %2").arg(r.error.location(), r.error.message));
            context.log(line);
            emit targetFinished(r);
        },
        Qt::DirectConnection);
    connect(
        &runner, &FleetRunner::progress, this,
        [&context](int done, int total) {
            context.progress(done, total, tr("%1 of %2 targets done").arg(done).arg(total));
        },
        Qt::DirectConnection);
    const JobContext::CancelScope scope = context.onCancel([&runner] { runner.cancel(); });
    if (context.isCancelled())
        runner.cancel();
    runner.run();
    m_summary = runner.summary();
    if (!m_summary.refusal.isEmpty()) {
        *summary = m_summary.refusal;
        return false;
    }
    using S = FleetTargetResult::State;
    QStringList counts;
    for (S s : {S::UpToDate, S::Applied, S::Pending, S::Drifted, S::Failed, S::Unreachable,
                S::Standby, S::Skipped})
        if (const int n = m_summary.count(s))
            counts << tr("%1 %2").arg(n).arg(FleetTargetResult::stateText(s));
    *summary
        = tr("%1 targets: %2").arg(m_summary.results.size()).arg(counts.join(QStringLiteral(", ")));
    if (m_summary.cancelled)
        *summary = tr("Cancelled – %1").arg(*summary);
    return m_summary.count(S::Failed) + m_summary.count(S::Unreachable) == 0
        && !m_summary.cancelled;
}

} // namespace uaip
