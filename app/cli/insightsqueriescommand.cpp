#include "insightsqueriescommand.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsclicommon.h"
#include "insightsjson.h"

#include "insights/insightscapabilities.h"
#include "insights/workloadreader.h"

namespace uaip {

namespace {

constexpr int kDefaultQueries = 20;

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

} // namespace

int InsightsQueriesCommand::run(CliContext &ctx, const InsightsCapabilities &caps)
{
    const int n = InsightsCliCommon::limit(ctx, kDefaultQueries);
    const QString order = ctx.parser().value(QStringLiteral("order"));
    if (n == 0)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--limit needs a positive number"),
                              {{QStringLiteral("option"), QStringLiteral("limit")}}));
    if (!order.isEmpty() && order != QLatin1String("total") && order != QLatin1String("mean"))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--order is total or mean, not \"%1\"").arg(order),
                              {{QStringLiteral("option"), QStringLiteral("order")}}));
    WorkloadReader reader(*ctx.connect(), caps);
    const bool byMean = order == QLatin1String("mean");
    Result<Workload> w = reader.top(
        byMean ? WorkloadReader::Order::MeanTime : WorkloadReader::Order::TotalTime, n);
    if (!w)
        return ctx.fail(1, w.error());
    const Workload &work = w.value();
    const int shown = int(work.queries.size());
    ctx.out().line((byMean ? tr("Top %n statement(s) of %1 by mean time", nullptr, shown)
                           : tr("Top %n statement(s) of %1 by total time", nullptr, shown))
                       .arg(caps.database())
                   + u' '
                   + (work.since.isEmpty() ? tr("(pg_stat_statements, never reset)")
                                           : tr("(pg_stat_statements since %1)").arg(work.since))
                   + u':');
    ctx.out().line(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                       .arg(tr("total ms"), 12)
                       .arg(tr("share"), 6)
                       .arg(tr("calls"), 10)
                       .arg(tr("mean ms"), 10)
                       .arg(tr("rows"), 10)
                       .arg(tr("hit"), 6)
                       .arg(tr("query")));
    for (const QueryStat &q : work.queries) {
        const qint64 blocks = q.sharedHit + q.sharedRead;
        ctx.out().line(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                           .arg(ms(q.totalMs), 12)
                           .arg(InsightsCliCommon::percent(q.sharePercent), 6)
                           .arg(q.calls, 10)
                           .arg(ms(q.meanMs), 10)
                           .arg(q.rows, 10)
                           .arg(blocks ? InsightsCliCommon::percent(100.0 * q.sharedHit / blocks)
                                       : QStringLiteral("-"),
                                6)
                           .arg(CliText::oneLine(q.query, 80)));
    }
    QStringList extra;
    if (work.deallocated > 0)
        extra << tr("pg_stat_statements dropped %n statement(s) for want of room since its "
                    "reset: raise pg_stat_statements.max",
                    nullptr, int(qMin<qint64>(work.deallocated, INT_MAX)));
    if (work.hiddenTexts > 0)
        extra << tr("%n statement(s) of other roles are listed without their text", nullptr,
                    work.hiddenTexts);
    InsightsCliCommon::printLimits(ctx, caps, extra);
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("insights queries")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("capabilities"), InsightsJson::capabilities(caps)},
         {QStringLiteral("order"), byMean ? QStringLiteral("mean") : QStringLiteral("total")},
         {QStringLiteral("since"), work.since.isEmpty() ? QJsonValue() : QJsonValue(work.since)},
         {QStringLiteral("deallocated"), work.deallocated},
         {QStringLiteral("database_total_ms"), work.databaseTotalMs},
         {QStringLiteral("queries"), InsightsJson::queries(work)}});
    return 0;
}

} // namespace uaip
