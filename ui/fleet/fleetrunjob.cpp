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

Result<QString> FleetRunJob::execute(JobContext &context)
{
    FleetRunner runner(m_targets, m_options, m_migrations);
    connect(
        &runner, &FleetRunner::targetStarted, this,
        [this](const QString &name) { emit targetStarted(name); }, Qt::DirectConnection);
    connect(
        &runner, &FleetRunner::targetFinished, this,
        [this, &context](const FleetTargetResult &r) {
            QString line = tr("%1: %2").arg(r.name, FleetTargetResult::stateText(r.state));
            if (r.error.isSet()) // a failed migration's words name its file:line:col
                line += QStringLiteral(" – ") + r.error.toString();
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
    if (!m_summary.refusal.isEmpty())
        return Error(ErrorCode::Refused, m_summary.refusal);
    using S = FleetTargetResult::State;
    QStringList counts;
    // every state a target can end in (needs attention too: a status read's modified, failed
    // or missing migrations), the ones that need the user first after the good news
    for (S s : {S::UpToDate, S::Applied, S::Pending, S::Attention, S::Drifted, S::Failed,
                S::Unreachable, S::Standby, S::Skipped})
        if (const int n = m_summary.count(s))
            counts << tr("%1 %2").arg(n).arg(FleetTargetResult::stateText(s));
    const QString summary
        = tr("%1 targets: %2").arg(m_summary.results.size()).arg(counts.join(QStringLiteral(", ")));
    if (m_summary.cancelled)
        return Error(ErrorCode::Cancelled, tr("Cancelled – %1").arg(summary));
    const int failed = m_summary.count(S::Failed);
    const int unreachable = m_summary.count(S::Unreachable);
    if (failed + unreachable > 0) // each target's result says what failed there
        return Error(
            m_summary.failureCode(), summary, // what they share
            {{QStringLiteral("failed"), failed}, {QStringLiteral("unreachable"), unreachable}});
    return summary;
}

} // namespace uaip
