// InsightsCommands: since VERSION (the workload before and after a migration).
#include "insightscommands.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsjson.h"

#include "insights/insightscapabilities.h"
#include "insights/regressioncheck.h"
#include "insights/workloadsnapshots.h"

#include <QJsonArray>

namespace uaip {

namespace {

QJsonObject regressionJson(const QueryRegression &r)
{
    return {{QStringLiteral("queryid"), r.queryId},
            {QStringLiteral("query"), r.query},
            {QStringLiteral("calls_before"), r.callsBefore},
            {QStringLiteral("mean_before_ms"), r.meanBeforeMs},
            {QStringLiteral("calls_after"), r.callsAfter},
            {QStringLiteral("mean_after_ms"), r.meanAfterMs},
            {QStringLiteral("plan_before"), r.planBefore},
            {QStringLiteral("plan_after"), r.planAfter},
            {QStringLiteral("cost_before"), r.costBefore},
            {QStringLiteral("cost_after"), r.costAfter},
            {QStringLiteral("regressed"), r.regressed},
            {QStringLiteral("why"), r.why}};
}

} // namespace

int InsightsCommands::since(CliContext &ctx, const InsightsCapabilities &caps)
{
    const QString version = ctx.args().value(1);
    WorkloadSnapshots snapshots(*ctx.connect(), caps);
    const DbResult<std::optional<WorkloadSnapshot>> snapshot = snapshots.of(version);
    if (!snapshot)
        return ctx.fail(1, snapshot.error().message);
    if (!snapshot.value())
        return ctx.fail(1,
                        tr("no workload snapshot was kept when %1 was applied (it is not "
                           "applied, was applied before the console kept them, or the "
                           "database had no pg_stat_statements then)")
                            .arg(version));
    const WorkloadSnapshot &before = *snapshot.value();
    const DbResult<QHash<QString, SnapshotQuery>> now = snapshots.now(before);
    if (!now)
        return ctx.fail(1, now.error().message);
    const QList<QueryRegression> compared
        = RegressionCheck::compare(before, now.value(), snapshots.statsSinceNow());
    if (snapshots.statsSinceNow() != before.statsSince)
        ctx.out().line(tr("The statement statistics were reset after the snapshot (now counted "
                          "since %1): \"since\" counts from that reset.")
                           .arg(snapshots.statsSinceNow()));
    if (!snapshots.notPlanned().isEmpty())
        ctx.out().line(
            CliText::printable(tr("Plans not compared: %1").arg(snapshots.notPlanned())));
    int regressed = 0;
    QJsonArray items;
    for (const QueryRegression &r : compared) {
        items.append(regressionJson(r));
        if (!r.regressed)
            continue;
        if (regressed++ == 0)
            ctx.out().line(tr("Slower since %1 was applied (%2; snapshot %3 taken %4):")
                               .arg(version, before.appliedAt)
                               .arg(before.id)
                               .arg(before.takenAt));
        ctx.out().line(QStringLiteral("  ") + CliText::oneLine(r.query, 90));
        ctx.out().line(QStringLiteral("    ") + CliText::printable(r.why));
    }
    if (regressed == 0)
        ctx.out().line(tr("No statement of the %n in the snapshot is slower since %1 was applied "
                          "(%2).",
                          nullptr, int(compared.size()))
                           .arg(version, before.appliedAt));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("insights since")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("version"), version},
         {QStringLiteral("snapshot"), before.id},
         {QStringLiteral("taken_at"), before.takenAt},
         {QStringLiteral("applied_at"), before.appliedAt},
         {QStringLiteral("reset_since_snapshot"), snapshots.statsSinceNow() != before.statsSince},
         {QStringLiteral("regressions"), regressed},
         {QStringLiteral("statements"), items}});
    return regressed > 0 ? 3 : 0;
}

} // namespace uaip
