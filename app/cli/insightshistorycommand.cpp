#include "insightshistorycommand.h"

#include "clicontext.h"
#include "clitext.h"

#include "insights/insightscapabilities.h"
#include "insights/workloadhistory.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace uaip {

namespace {

constexpr int kHistoryDays = 7;

QString historyTime(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

QString historyMs(double value)
{
    return QString::number(value, 'f', value < 10 ? 3 : 1);
}

QJsonValue historyMean(double meanMs)
{
    return meanMs < 0 ? QJsonValue() : QJsonValue(meanMs);
}

// --keep: "30d" (days) or "12h" (hours; for a window shorter than a day), a bare number of
// days; false when malformed or not positive.
bool readHistoryKeep(const QString &text, WorkloadHistory::Bounds *bounds)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,6})([dh]?)$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).toInt() < 1)
        return false;
    if (m.captured(2) == QLatin1String("h"))
        bounds->keepSeconds = qint64(m.captured(1).toInt()) * 3600;
    else
        bounds->keepDays = m.captured(1).toInt();
    return true;
}

QJsonObject historyRecordJson(const HistoryRecord &r)
{
    return {{QStringLiteral("sample"), r.sampleId},
            {QStringLiteral("taken_at"), r.takenAt},
            {QStringLiteral("statements_recorded"), r.statementsRecorded},
            {QStringLiteral("statements"), r.statements},
            {QStringLiteral("tables"), r.tables},
            {QStringLiteral("connections"), r.connections},
            {QStringLiteral("active"), r.active},
            {QStringLiteral("idle_in_transaction"), r.idleInTransaction},
            {QStringLiteral("pruned_samples"), r.prunedSamples},
            {QStringLiteral("keep_days"), r.keepDays},
            {QStringLiteral("max_samples"), r.maxSamples}};
}

QJsonObject historyQueryJson(const WorkloadHistorySeries::Query &q)
{
    QJsonArray points;
    for (const WorkloadHistorySeries::QueryPoint &p : q.points)
        points.append(QJsonObject{{QStringLiteral("at"), historyTime(p.at)},
                                  {QStringLiteral("calls"), p.calls},
                                  {QStringLiteral("mean_ms"), historyMean(p.meanMs)},
                                  {QStringLiteral("segment"), p.segment}});
    return {{QStringLiteral("queryid"), q.queryId},
            {QStringLiteral("query"), q.query},
            {QStringLiteral("user"), q.user},
            {QStringLiteral("window_ms"), q.windowMs},
            {QStringLiteral("points"), points}};
}

QJsonObject historyTableJson(const WorkloadHistorySeries::Table &t)
{
    QJsonArray points;
    for (const WorkloadHistorySeries::TablePoint &p : t.points)
        points.append(QJsonObject{{QStringLiteral("at"), historyTime(p.at)},
                                  {QStringLiteral("bytes"), p.bytes},
                                  {QStringLiteral("live"), p.live},
                                  {QStringLiteral("dead"), p.dead}});
    return {{QStringLiteral("schema"), t.schema},
            {QStringLiteral("table"), t.name},
            {QStringLiteral("points"), points}};
}

QJsonObject historySeriesJson(const WorkloadHistorySeries &s)
{
    QJsonArray queries;
    for (const WorkloadHistorySeries::Query &q : s.queries)
        queries.append(historyQueryJson(q));
    QJsonArray tables;
    for (const WorkloadHistorySeries::Table &t : s.tables)
        tables.append(historyTableJson(t));
    QJsonArray connections;
    for (const WorkloadHistorySeries::ConnectionPoint &c : s.connections)
        connections.append(
            QJsonObject{{QStringLiteral("at"), historyTime(c.at)},
                        {QStringLiteral("total"), c.total},
                        {QStringLiteral("active"), c.active},
                        {QStringLiteral("idle_in_transaction"), c.idleInTransaction}});
    QJsonArray migrations;
    for (const WorkloadHistorySeries::Migration &m : s.migrations)
        migrations.append(QJsonObject{{QStringLiteral("version"), m.version},
                                      {QStringLiteral("name"), m.name},
                                      {QStringLiteral("action"), m.action},
                                      {QStringLiteral("at"), historyTime(m.at)}});
    return {{QStringLiteral("days"), s.days},
            {QStringLiteral("samples"), s.samples},
            {QStringLiteral("first"), s.samples ? QJsonValue(historyTime(s.first)) : QJsonValue()},
            {QStringLiteral("last"), s.samples ? QJsonValue(historyTime(s.last)) : QJsonValue()},
            {QStringLiteral("queries"), queries},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("connections"), connections},
            {QStringLiteral("migrations"), migrations}};
}

void printHistoryQuery(CliContext &ctx, const WorkloadHistorySeries::Query &q)
{
    ctx.out().line(InsightsHistoryCommand::tr("Statement %1 (%2 ms in the window): %3")
                       .arg(q.queryId, historyMs(q.windowMs), CliText::oneLine(q.query, 80)));
    int segment = 0;
    for (const WorkloadHistorySeries::QueryPoint &p : q.points) {
        if (p.segment != segment)
            ctx.out().line(
                InsightsHistoryCommand::tr("  (the counters were reset: a new segment starts)"));
        segment = p.segment;
        ctx.out().line(
            QStringLiteral("  %1  %2  %3")
                .arg(historyTime(p.at))
                .arg(InsightsHistoryCommand::tr("%n call(s)", nullptr, int(p.calls)), 14)
                .arg(p.meanMs < 0
                         ? QStringLiteral("-")
                         : InsightsHistoryCommand::tr("%1 ms a call").arg(historyMs(p.meanMs))));
    }
}

void printHistoryTable(CliContext &ctx, const WorkloadHistorySeries::Table &t)
{
    ctx.out().line(InsightsHistoryCommand::tr("Table %1.%2:").arg(t.schema, t.name));
    for (const WorkloadHistorySeries::TablePoint &p : t.points)
        ctx.out().line(InsightsHistoryCommand::tr("  %1  %2 bytes  %3 live  %4 dead")
                           .arg(historyTime(p.at))
                           .arg(p.bytes, 12)
                           .arg(p.live, 10)
                           .arg(p.dead, 10));
}

void printHistorySeries(CliContext &ctx, const WorkloadHistorySeries &s)
{
    if (s.samples == 0) {
        ctx.out().line(InsightsHistoryCommand::tr(
            "No workload history sample in the last %n day(s) (\"uaip-migrate "
            "insights record\" takes one).",
            nullptr, s.days));
        return;
    }
    ctx.out().line(InsightsHistoryCommand::tr("%n sample(s) in the last %1 day(s), from %2 to %3.",
                                              nullptr, s.samples)
                       .arg(s.days)
                       .arg(historyTime(s.first), historyTime(s.last)));
    for (const WorkloadHistorySeries::Migration &m : s.migrations)
        ctx.out().line((m.action == QLatin1String("apply")
                            ? InsightsHistoryCommand::tr("  %1 migration %2 %3 applied")
                            : InsightsHistoryCommand::tr("  %1 migration %2 %3 rolled back"))
                           .arg(historyTime(m.at), m.version, m.name));
    for (const WorkloadHistorySeries::Query &q : s.queries)
        printHistoryQuery(ctx, q);
    for (const WorkloadHistorySeries::Table &t : s.tables)
        printHistoryTable(ctx, t);
}

} // namespace

int InsightsHistoryCommand::record(CliContext &ctx, const InsightsCapabilities &caps)
{
    WorkloadHistory::Bounds bounds;
    const QString keep = ctx.parser().value(QStringLiteral("keep"));
    if (ctx.parser().isSet(QStringLiteral("keep")) && !readHistoryKeep(keep, &bounds))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--keep %1: not a number of days (30d) or hours (12h) of at "
                                 "least 1")
                                  .arg(keep),
                              {{QStringLiteral("option"), QStringLiteral("keep")}}));
    WorkloadHistory history(*ctx.connect(), caps);
    const Result<HistoryRecord> read = history.record(bounds);
    if (!read)
        return ctx.fail(1, read.error());
    const HistoryRecord &r = read.value();
    ctx.out().line(tr("Recorded sample %1 of %2 at %3: %n statement(s), %4 table(s), %5 "
                      "connection(s) (%6 active, %7 idle in a transaction).",
                      nullptr, r.statements)
                       .arg(r.sampleId)
                       .arg(caps.database(), r.takenAt)
                       .arg(r.tables)
                       .arg(r.connections)
                       .arg(r.active)
                       .arg(r.idleInTransaction));
    const QString window = bounds.keepSeconds > 0
        ? tr("%n hour(s)", nullptr, int(bounds.keepSeconds / 3600))
        : tr("%n day(s)", nullptr, bounds.keepDays);
    ctx.out().line(
        tr("Pruned %n sample(s) (kept: the last %1, at most %2 samples).", nullptr, r.prunedSamples)
            .arg(window)
            .arg(r.maxSamples));
    if (!r.statementsRecorded) {
        Error missing = caps.notReady(QLatin1String(InsightsCapabilities::kStatements))
                            .in(tr("sample %1 holds the tables and connections only: the "
                                   "statements were not recorded")
                                    .arg(r.sampleId));
        const QJsonObject facts = historyRecordJson(r);
        for (auto it = facts.constBegin(); it != facts.constEnd(); ++it)
            missing = missing.with(it.key(), it.value().toVariant());
        return ctx.fail(2, missing);
    }
    QJsonObject doc = historyRecordJson(r);
    doc.insert(QStringLiteral("command"), QStringLiteral("insights record"));
    doc.insert(QStringLiteral("ok"), true);
    ctx.out().document(doc);
    return 0;
}

int InsightsHistoryCommand::history(CliContext &ctx, const InsightsCapabilities &caps)
{
    WorkloadHistory::Window window;
    window.days = kHistoryDays;
    if (ctx.parser().isSet(QStringLiteral("days"))) {
        bool ok = false;
        window.days = ctx.parser().value(QStringLiteral("days")).toInt(&ok);
        if (!ok || window.days < 1)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--days %1: not a number of days of at least 1")
                                      .arg(ctx.parser().value(QStringLiteral("days"))),
                                  {{QStringLiteral("option"), QStringLiteral("days")}}));
    }
    window.queryId = ctx.parser().value(QStringLiteral("query"));
    window.table = ctx.parser().value(QStringLiteral("table"));
    WorkloadHistory history(*ctx.connect(), caps);
    const Result<WorkloadHistorySeries> read = history.series(window);
    if (!read)
        return ctx.fail(1, read.error());
    printHistorySeries(ctx, read.value());
    if (!window.queryId.isEmpty() && read.value().queries.isEmpty())
        ctx.out().line(tr("No sample of the window holds statement %1.").arg(window.queryId));
    if (!window.table.isEmpty() && read.value().tables.isEmpty())
        ctx.out().line(tr("No sample of the window holds table %1.").arg(window.table));
    QJsonObject doc = historySeriesJson(read.value());
    doc.insert(QStringLiteral("command"), QStringLiteral("insights history"));
    doc.insert(QStringLiteral("ok"), true);
    ctx.out().document(doc);
    return 0;
}

} // namespace uaip
