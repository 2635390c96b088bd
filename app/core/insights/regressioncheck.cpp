#include "regressioncheck.h"

namespace uaip {

QList<QueryRegression> RegressionCheck::compare(const WorkloadSnapshot &snapshot,
                                                const QHash<QString, SnapshotQuery> &now,
                                                const QString &statsSinceNow,
                                                const RegressionThresholds &thresholds)
{
    const bool resetSince = statsSinceNow != snapshot.statsSince;
    QList<QueryRegression> out;
    for (const SnapshotQuery &before : snapshot.queries) {
        QueryRegression r;
        r.queryId = before.queryId;
        r.query = before.query;
        r.callsBefore = before.calls;
        r.meanBeforeMs = before.meanMs();
        r.planBefore = before.plan;
        r.costBefore = before.cost;
        const auto current = now.constFind(before.queryId);
        if (current != now.constEnd()) {
            const bool reset = resetSince || current->calls < before.calls;
            r.callsAfter = reset ? current->calls : current->calls - before.calls;
            const double total = reset ? current->totalMs : current->totalMs - before.totalMs;
            r.meanAfterMs = r.callsAfter > 0 ? total / r.callsAfter : 0;
            r.planAfter = current->plan;
            r.costAfter = current->cost;
        }
        judge(r, thresholds);
        out.append(r);
    }
    const auto rank = [](const QueryRegression &r) { return r.regressed ? 0 : r.improved ? 1 : 2; };
    std::stable_sort(
        out.begin(), out.end(),
        [&](const QueryRegression &a, const QueryRegression &b) { return rank(a) < rank(b); });
    return out;
}

void RegressionCheck::judge(QueryRegression &r, const RegressionThresholds &t)
{
    const bool timed = r.callsAfter >= t.minCalls && r.callsBefore > 0;
    const QString mean = tr("mean time %1 ms -> %2 ms over %3 call(s) since")
                             .arg(r.meanBeforeMs, 0, 'f', 3)
                             .arg(r.meanAfterMs, 0, 'f', 3)
                             .arg(r.callsAfter);
    const QString cost = tr("plan cost %1 -> %2 (%3 -> %4)")
                             .arg(r.costBefore, 0, 'f', 2)
                             .arg(r.costAfter, 0, 'f', 2)
                             .arg(r.planBefore, r.planAfter);
    QStringList slower, faster;
    if (timed && r.meanAfterMs > t.ratio * r.meanBeforeMs
        && r.meanAfterMs - r.meanBeforeMs >= t.minMs)
        slower << mean;
    if (timed && r.meanBeforeMs > t.ratio * r.meanAfterMs
        && r.meanBeforeMs - r.meanAfterMs >= t.minMs)
        faster << mean;
    if (r.costBefore > 0 && r.costAfter > t.ratio * r.costBefore)
        slower << cost;
    if (r.costBefore > 0 && r.costAfter >= 0 && r.costBefore > t.ratio * r.costAfter)
        faster << cost;
    r.regressed = !slower.isEmpty();
    r.why = slower.join(QStringLiteral("; "));
    r.improved = !r.regressed && !faster.isEmpty();
    r.improvement = r.improved ? faster.join(QStringLiteral("; ")) : QString();
}

} // namespace uaip
