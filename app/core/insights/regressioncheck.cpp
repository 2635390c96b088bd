#include "regressioncheck.h"

namespace uaip {

QList<QueryRegression> RegressionCheck::compare(const WorkloadSnapshot &snapshot,
                                                const QHash<QString, SnapshotQuery> &now,
                                                const QString &statsSinceNow)
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
        QStringList why;
        if (r.callsAfter >= kMinCalls && r.callsBefore > 0
            && r.meanAfterMs > kRatio * r.meanBeforeMs)
            why << tr("mean time %1 ms -> %2 ms over %3 call(s) since")
                       .arg(r.meanBeforeMs, 0, 'f', 3)
                       .arg(r.meanAfterMs, 0, 'f', 3)
                       .arg(r.callsAfter);
        if (r.costBefore > 0 && r.costAfter > kRatio * r.costBefore)
            why << tr("plan cost %1 -> %2 (%3 -> %4)")
                       .arg(r.costBefore, 0, 'f', 2)
                       .arg(r.costAfter, 0, 'f', 2)
                       .arg(r.planBefore, r.planAfter);
        r.regressed = !why.isEmpty();
        r.why = why.join(QStringLiteral("; "));
        out.append(r);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const QueryRegression &a, const QueryRegression &b) {
                         return a.regressed && !b.regressed;
                     });
    return out;
}

} // namespace uaip
