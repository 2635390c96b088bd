#include "insightscommands.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsjson.h"
#include "promptwritecommands.h"

#include "activity/activityage.h"
#include "db/pgconnection.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "insights/connectionreader.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreader.h"
#include "insights/workloadreader.h"

namespace uaip {

namespace {

constexpr int kDefaultQueries = 20;

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString percent(double value)
{
    return QString::number(value, 'f', 1) + u'%';
}

} // namespace

int InsightsCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    ctx.setCommand(QStringLiteral("insights ") + sub);
    static const QStringList subs{QStringLiteral("queries"), QStringLiteral("indexes"),
                                  QStringLiteral("tables"),  QStringLiteral("connections"),
                                  QStringLiteral("enable"),  QStringLiteral("since"),
                                  QStringLiteral("migrate")};
    const bool takesArgument = sub == QLatin1String("enable") || sub == QLatin1String("since")
        || sub == QLatin1String("migrate");
    if (!subs.contains(sub) || (!takesArgument && ctx.args().size() != 1)
        || (takesArgument && sub != QLatin1String("enable") && ctx.args().size() != 2))
        return ctx.fail(2,
                        tr("usage: uaip-migrate insights queries [--order total|mean] [--limit "
                           "N] | indexes [--limit N] [--bloat] | tables [--limit N] [--bloat] | "
                           "connections | since VERSION | migrate INDEX [--name NAME] [--dry-run] "
                           "| enable EXTENSION [--confirm DATABASE]"));
    const auto misplaced = [&](const char *option, const QStringList &where) {
        return ctx.parser().isSet(QLatin1String(option)) && !where.contains(sub);
    };
    if (misplaced("order", {QStringLiteral("queries")}))
        return ctx.fail(2, tr("--order applies to \"insights queries\" only"));
    if (misplaced("bloat",
                  {QStringLiteral("indexes"), QStringLiteral("tables"), QStringLiteral("migrate")}))
        return ctx.fail(2,
                        tr("--bloat applies to \"insights indexes\", \"insights tables\" and "
                           "\"insights migrate\""));
    if (misplaced("name", {QStringLiteral("migrate")})
        || misplaced("dry-run", {QStringLiteral("migrate")}))
        return ctx.fail(2, tr("--name and --dry-run apply to \"insights migrate\" only"));
    if (misplaced("confirm", {QStringLiteral("enable")}))
        return ctx.fail(2, tr("--confirm applies to \"insights enable\" only"));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    DbResult<InsightsCapabilities> caps = InsightsCapabilities::read(*c);
    if (!caps)
        return ctx.fail(1, caps.error().message);
    if (sub == QLatin1String("queries"))
        return queries(ctx, caps.value());
    if (sub == QLatin1String("indexes"))
        return indexes(ctx, caps.value());
    if (sub == QLatin1String("tables"))
        return tables(ctx, caps.value());
    if (sub == QLatin1String("connections"))
        return connections(ctx, caps.value());
    if (sub == QLatin1String("since"))
        return since(ctx, caps.value());
    if (sub == QLatin1String("migrate"))
        return migrate(ctx, caps.value());
    return enable(ctx, caps.value());
}

int InsightsCommands::limit(CliContext &ctx, int fallback)
{
    if (!ctx.parser().isSet(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int n = ctx.parser().value(QStringLiteral("limit")).toInt(&ok);
    return ok && n > 0 ? n : 0;
}

void InsightsCommands::printLimits(CliContext &ctx, const InsightsCapabilities &caps,
                                   const QStringList &extra)
{
    const QStringList lines = caps.limits() + extra;
    if (lines.isEmpty())
        return;
    ctx.out().line(QString());
    for (const QString &l : lines)
        ctx.out().line(tr("Note: %1").arg(l));
}

int InsightsCommands::queries(CliContext &ctx, const InsightsCapabilities &caps)
{
    const int n = limit(ctx, kDefaultQueries);
    const QString order = ctx.parser().value(QStringLiteral("order"));
    if (n == 0)
        return ctx.fail(2, tr("--limit needs a positive number"));
    if (!order.isEmpty() && order != QLatin1String("total") && order != QLatin1String("mean"))
        return ctx.fail(2, tr("--order is total or mean, not \"%1\"").arg(order));
    WorkloadReader reader(*ctx.connect(), caps);
    const bool byMean = order == QLatin1String("mean");
    DbResult<Workload> w = reader.top(
        byMean ? WorkloadReader::Order::MeanTime : WorkloadReader::Order::TotalTime, n);
    if (!w)
        return ctx.fail(1, w.error().message);
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
        ctx.out().line(
            QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                .arg(ms(q.totalMs), 12)
                .arg(percent(q.sharePercent), 6)
                .arg(q.calls, 10)
                .arg(ms(q.meanMs), 10)
                .arg(q.rows, 10)
                .arg(blocks ? percent(100.0 * q.sharedHit / blocks) : QStringLiteral("-"), 6)
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
    printLimits(ctx, caps, extra);
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

int InsightsCommands::connections(CliContext &ctx, const InsightsCapabilities &caps)
{
    ConnectionReader reader(*ctx.connect());
    DbResult<ConnectionUsage> r = reader.read();
    if (!r)
        return ctx.fail(1, r.error().message);
    const ConnectionUsage &u = r.value();
    ctx.out().line(tr("Connections: %1 in use of %2 a role without superuser may take "
                      "(max_connections %3, %4 kept for superusers): %5 free (%6 used)")
                       .arg(u.inUse)
                       .arg(u.maxConnections - u.reserved)
                       .arg(u.maxConnections)
                       .arg(u.reserved)
                       .arg(u.free())
                       .arg(percent(u.usedPercent())));
    ctx.out().line(QStringLiteral("  %1  %2  %3  %4  %5")
                       .arg(tr("database"), -16)
                       .arg(tr("application"), -24)
                       .arg(tr("state"), -30)
                       .arg(tr("sessions"), 8)
                       .arg(tr("oldest transaction")));
    for (const ConnectionGroup &g : u.groups)
        ctx.out().line(QStringLiteral("  %1  %2  %3  %4  %5")
                           .arg(CliText::oneLine(g.database, 16), -16)
                           .arg(CliText::oneLine(g.application, 24), -24)
                           .arg(g.state.isEmpty() ? tr("(not visible to this role)") : g.state, -30)
                           .arg(g.sessions, 8)
                           .arg(ActivityAge::text(g.oldestTransactionMs)));
    ctx.out().line(QString());
    if (u.idleInTransaction.isEmpty())
        ctx.out().line(tr("No session is idle in a transaction."));
    else
        ctx.out().line(tr("Idle in a transaction (holding their locks; oldest first):"));
    for (const IdleTransaction &s : u.idleInTransaction)
        ctx.out().line(tr("  pid %1 (%2, %3 in %4): transaction %5, idle %6%7: %8")
                           .arg(s.pid)
                           .arg(s.user, s.application, s.database,
                                ActivityAge::text(s.transactionMs), ActivityAge::text(s.idleMs),
                                s.holdsXmin ? tr(", holds back vacuum") : QString(),
                                CliText::oneLine(s.lastQuery, 60)));
    printLimits(ctx, caps);
    QJsonObject doc = InsightsJson::connections(u);
    doc.insert(QStringLiteral("command"), QStringLiteral("insights connections"));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("capabilities"), InsightsJson::capabilities(caps));
    ctx.out().document(doc);
    return 0;
}

int InsightsCommands::enable(CliContext &ctx, const InsightsCapabilities &caps)
{
    const QString extension = ctx.args().value(1);
    if (ctx.args().size() != 2 || !InsightsCapabilities::extensions().contains(extension))
        return ctx.fail(2,
                        tr("usage: uaip-migrate insights enable EXTENSION [--confirm DATABASE] "
                           "(EXTENSION: %1)")
                            .arg(InsightsCapabilities::extensions().join(u'|')));
    if (caps.installed(extension)) {
        ctx.out().line(tr("%1 is already created in %2.").arg(extension, caps.database()));
        ctx.out().document({{QStringLiteral("command"), QStringLiteral("insights enable")},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("extension"), extension},
                            {QStringLiteral("created"), false}});
        return 0;
    }
    if (caps.standby())
        return ctx.fail(2, caps.howToEnable(extension));
    // No profiles here: anything but the private sandbox may be production.
    if (!ctx.parser().isSet(QStringLiteral("sandbox"))
        && !PromptWriteCommands::confirmDatabase(
            ctx, caps.database(),
            tr("Create extension %1 in %2 on %3?")
                .arg(extension, caps.database(), ctx.describeTarget())))
        return ctx.fail(2,
                        tr("Creating an extension changes the database: pass --confirm %1 (the "
                           "database name) or type it on a terminal. Nothing was written.")
                            .arg(caps.database()));
    if (DbStatus s = InsightsCapabilities::enable(*ctx.connect(), extension); !s)
        return ctx.fail(1, s.error().message);
    QString after = caps.stillNeeded(extension);
    ctx.out().line(tr("Created extension %1 in %2.").arg(extension, caps.database()));
    if (!after.isEmpty())
        ctx.out().line(after);
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("insights enable")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("extension"), extension},
         {QStringLiteral("created"), true},
         {QStringLiteral("still_needed"), after.isEmpty() ? QJsonValue() : QJsonValue(after)}});
    return 0;
}

} // namespace uaip
