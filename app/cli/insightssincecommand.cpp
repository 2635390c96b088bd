#include "insightssincecommand.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsjson.h"

#include "insights/insightscapabilities.h"
#include "insights/workloadsince.h"

#include <QJsonArray>

#include <cmath>

namespace uaip {

namespace {

// A cost as JSON: null where there is none (-1: not planned then, or not now).
QJsonValue costOrNull(double cost)
{
    return cost < 0 ? QJsonValue() : QJsonValue(cost);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject regressionJson(const QueryRegression &r, const QString &planUnavailable)
{
    return {{QStringLiteral("queryid"), r.queryId},
            {QStringLiteral("query"), r.query},
            {QStringLiteral("calls_before"), r.callsBefore},
            {QStringLiteral("mean_before_ms"), r.meanBeforeMs},
            {QStringLiteral("calls_after"), r.callsAfter},
            {QStringLiteral("mean_after_ms"), r.meanAfterMs},
            {QStringLiteral("plan_before"), r.planBefore},
            {QStringLiteral("plan_after"), r.planAfter},
            {QStringLiteral("cost_before"), costOrNull(r.costBefore)},
            {QStringLiteral("cost_after"), costOrNull(r.costAfter)},
            {QStringLiteral("plan_unavailable"), textOrNull(planUnavailable)},
            {QStringLiteral("regressed"), r.regressed},
            {QStringLiteral("why"), r.why},
            {QStringLiteral("improved"), r.improved},
            {QStringLiteral("improvement"), r.improvement}};
}

// --min-ratio R and --min-ms MS into thresholds; an exit code when one is not a number of its
// range (0: read).
int readThresholds(CliContext &ctx, RegressionThresholds *thresholds)
{
    struct Option
    {
        const char *name;
        double *value;
        double least;
    };
    for (const Option &o : {Option{"min-ratio", &thresholds->ratio, 1.0},
                            Option{"min-ms", &thresholds->minMs, 0.0}}) {
        const QString name = QLatin1String(o.name);
        if (!ctx.parser().isSet(name))
            continue;
        bool ok = false;
        const double v = ctx.parser().value(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < o.least)
            //: %1 the option, %2 its value, %3 the least value it takes
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  InsightsSinceCommand::tr("--%1 %2: not a number of at least %3")
                                      .arg(name, ctx.parser().value(name))
                                      .arg(o.least),
                                  {{QStringLiteral("option"), name}}));
        *o.value = v;
    }
    return 0;
}

// The statements faster since the version, with what improved.
void printImprovements(CliContext &ctx, const WorkloadSince::Report &report)
{
    if (report.improvements() == 0)
        return;
    ctx.out().line(InsightsSinceCommand::tr("Faster since %1 was applied:").arg(report.version));
    for (const QueryRegression &r : report.statements) {
        if (!r.improved)
            continue;
        ctx.out().line(QStringLiteral("  ") + CliText::oneLine(r.query, 90));
        ctx.out().line(QStringLiteral("    ") + CliText::printable(r.improvement));
    }
}

// The statements planned in the snapshot that could not be planned now, each with the reason:
// their plans are not compared (never a cost of -1).
void printUnplanned(CliContext &ctx, const WorkloadSince::Report &report)
{
    if (report.planUnavailable.isEmpty())
        return;
    ctx.out().line(InsightsSinceCommand::tr("%n statement(s) could not be planned now, so their "
                                            "plans were not compared:",
                                            nullptr, int(report.planUnavailable.size())));
    for (const QueryRegression &r : report.statements) {
        const auto why = report.planUnavailable.constFind(r.queryId);
        if (why == report.planUnavailable.constEnd())
            continue;
        ctx.out().line(QStringLiteral("  ") + CliText::oneLine(r.query, 90));
        ctx.out().line(
            QStringLiteral("    ")
            + CliText::printable(InsightsSinceCommand::tr("not planned now: %1").arg(*why)));
    }
}

} // namespace

int InsightsSinceCommand::run(CliContext &ctx, const InsightsCapabilities &caps)
{
    const QString version = ctx.args().value(1);
    RegressionThresholds thresholds;
    if (const int exit = readThresholds(ctx, &thresholds))
        return exit;
    const Result<WorkloadSince::Report> read
        = WorkloadSince::read(*ctx.connect(), caps, version, thresholds);
    if (!read)
        return ctx.fail(1, read.error());
    const WorkloadSince::Report &report = read.value();
    if (!report.nothingToCompare().isEmpty())
        return ctx.fail(1,
                        Error(ErrorCode::NotFound, report.nothingToCompare(),
                              {{QStringLiteral("version"), version}}));
    const WorkloadSnapshot &before = *report.snapshot;
    const QList<QueryRegression> &compared = report.statements;
    if (report.resetSinceSnapshot())
        ctx.out().line(tr("The statement statistics were reset after the snapshot (now counted "
                          "since %1): \"since\" counts from that reset.")
                           .arg(report.statsSinceNow));
    if (!report.notPlanned.isEmpty())
        ctx.out().line(CliText::printable(tr("Plans not compared: %1").arg(report.notPlanned)));
    if (before.fromHistory)
        ctx.out().line(tr("No run kept a snapshot when %1 was applied: the baseline is the "
                          "workload history's sample %2, taken %3 (counters only, no plans to "
                          "compare).")
                           .arg(version)
                           .arg(before.id)
                           .arg(before.takenAt));
    int regressed = 0;
    QJsonArray items;
    for (const QueryRegression &r : compared) {
        items.append(regressionJson(r, report.planUnavailable.value(r.queryId)));
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
    printImprovements(ctx, report);
    //: %1 the ratio, %2 milliseconds, %3 calls
    ctx.out().line(tr("(slower or faster: by %1x and %2 ms a call, over %3 calls or more; "
                      "--min-ratio, --min-ms)")
                       .arg(thresholds.ratio)
                       .arg(thresholds.minMs)
                       .arg(thresholds.minCalls));
    printUnplanned(ctx, report);
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("insights since")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("version"), version},
                        {QStringLiteral("snapshot"), before.id},
                        {QStringLiteral("baseline"),
                         before.fromHistory ? QStringLiteral("history") : QStringLiteral("run")},
                        {QStringLiteral("taken_at"), before.takenAt},
                        {QStringLiteral("applied_at"), before.appliedAt},
                        {QStringLiteral("reset_since_snapshot"), report.resetSinceSnapshot()},
                        {QStringLiteral("regressions"), regressed},
                        {QStringLiteral("improvements"), report.improvements()},
                        {QStringLiteral("min_ratio"), thresholds.ratio},
                        {QStringLiteral("min_ms"), thresholds.minMs},
                        {QStringLiteral("min_calls"), thresholds.minCalls},
                        {QStringLiteral("plans_unavailable"), int(report.planUnavailable.size())},
                        {QStringLiteral("statements"), items}});
    return regressed > 0 ? 3 : 0;
}

} // namespace uaip
