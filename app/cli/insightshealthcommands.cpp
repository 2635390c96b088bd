#include "insightshealthcommands.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsclicommon.h"
#include "insightsjson.h"

#include "activity/activityage.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "indexadvice/indexhealthrules.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreader.h"
#include "insights/workloadreader.h"

namespace uaip {

namespace {

constexpr int kDefaultTables = 20;
constexpr int kSequences = 20;

QString cost(double value)
{
    return QString::number(value, 'f', 2);
}

void printAdvice(CliContext &ctx, const AdviceReport &report)
{
    if (!report.notPlanned.isEmpty()) {
        ctx.out().line(CliText::printable(
            InsightsHealthCommands::tr("No index advice: no statement is planned here: %1")
                .arg(report.notPlanned)));
        return;
    }
    if (report.advice.isEmpty()) {
        ctx.out().line(
            InsightsHealthCommands::tr("No index proposed: none of the %n statement(s) tried "
                                       "plans at least half as costly with one.",
                                       nullptr, report.statementsTried));
        return;
    }
    ctx.out().line(
        InsightsHealthCommands::tr("Proposed indexes (each tried as a hypothetical index "
                                   "on the statements' generic plans):"));
    int n = 0;
    for (const IndexAdvice &a : report.advice) {
        ctx.out().line(
            QStringLiteral("%1. %2").arg(++n).arg(CliText::printable(a.index.statement())));
        for (const IndexAdvice::Served &s : a.served) {
            ctx.out().line(InsightsHealthCommands::tr("   cost %1 -> %2 (-%3%), calls: %4: %5")
                               .arg(cost(s.costBefore), cost(s.costAfter))
                               .arg(qRound(100 * (1 - s.costAfter / qMax(s.costBefore, 1e-9))))
                               .arg(s.calls)
                               .arg(CliText::oneLine(s.query, 70)));
            ctx.out().line(InsightsHealthCommands::tr("   plan before: %1")
                               .arg(CliText::printable(s.planBefore)));
            ctx.out().line(InsightsHealthCommands::tr("   plan after:  %1")
                               .arg(CliText::printable(s.planAfter)));
        }
        ctx.out().line(InsightsHealthCommands::tr("   undo: %1")
                           .arg(CliText::printable(a.index.downStatement())));
    }
}

void printFindings(CliContext &ctx, const IndexHealthReport &report)
{
    ctx.out().line(QString());
    const QString since
        = InsightsHealthCommands::tr("scans counted since %1, the latest of the statistics' reset, "
                                     "the server's start and its last crash recovery")
              .arg(report.countedSince());
    if (report.findings.isEmpty()) {
        ctx.out().line(
            InsightsHealthCommands::tr("Index health: nothing found in %n index(es) (%1).", nullptr,
                                       int(report.indexes.size()))
                .arg(since));
        return;
    }
    ctx.out().line(InsightsHealthCommands::tr("Index health (%1):").arg(since));
    for (const IndexFinding &f : report.findings) {
        ctx.out().line(QStringLiteral("  %1  %2.%3  %4")
                           .arg(IndexFinding::kindName(f.kind), -9)
                           .arg(CliText::printable(f.schema), CliText::printable(f.index),
                                CliText::size(f.bytes)));
        ctx.out().line(QStringLiteral("             ") + CliText::printable(f.evidence));
        ctx.out().line(QStringLiteral("             ") + CliText::printable(f.statement));
        if (CliText::printable(f.statement) != f.statement)
            ctx.out().line(
                QStringLiteral("             ")
                + InsightsHealthCommands::tr("(a name holds control characters, shown "
                                             "escaped: --json has the statement to run)"));
    }
}

QString blockerText(const XminBlocker &b)
{
    QString who;
    switch (b.kind) {
    case XminBlocker::Kind::Session:
        who = InsightsHealthCommands::tr("session %1 (%2, %3, %4 in %5)")
                  .arg(b.name, b.owner,
                       b.application.isEmpty() ? QStringLiteral("-") : b.application, b.state,
                       b.database);
        break;
    case XminBlocker::Kind::Slot:
        who = InsightsHealthCommands::tr("replication slot %1 (%2, %3)")
                  .arg(b.name, b.detail, b.state);
        break;
    case XminBlocker::Kind::Prepared:
        who = InsightsHealthCommands::tr("prepared transaction %1 (%2 in %3)")
                  .arg(b.name, b.owner, b.database);
        break;
    case XminBlocker::Kind::Standby:
        who = InsightsHealthCommands::tr("standby %1 (hot_standby_feedback)").arg(b.name);
        break;
    }
    QString age = InsightsHealthCommands::tr("%n transaction(s) behind", nullptr,
                                             int(qMin<qint64>(b.xminAge, INT_MAX)));
    if (b.ageMs >= 0)
        age += u' ' + InsightsHealthCommands::tr("for %1").arg(ActivityAge::text(b.ageMs));
    return who + QStringLiteral(": ") + age;
}

void printTables(CliContext &ctx, const TableHealthReport &r)
{
    ctx.out().line(InsightsHealthCommands::tr("Tables (most dead tuples first):"));
    ctx.out().line(QStringLiteral("  %1  %2  %3  %4  %5  %6  %7  %8")
                       .arg(InsightsHealthCommands::tr("table"), -32)
                       .arg(InsightsHealthCommands::tr("size"), 9)
                       .arg(InsightsHealthCommands::tr("live"), 10)
                       .arg(InsightsHealthCommands::tr("dead"), 10)
                       .arg(InsightsHealthCommands::tr("dead%"), 6)
                       .arg(InsightsHealthCommands::tr("vacuumed"), -20)
                       .arg(InsightsHealthCommands::tr("analyzed"), -20)
                       .arg(InsightsHealthCommands::tr("xid age")));
    for (const TableHealth &t : r.tables) {
        const QString vacuumed = qMax(t.lastVacuum, t.lastAutovacuum);
        const QString analyzed = qMax(t.lastAnalyze, t.lastAutoanalyze);
        QString line
            = QStringLiteral("  %1  %2  %3  %4  %5  %6  %7  %8")
                  .arg(CliText::oneLine(t.schema + u'.' + t.table, 32), -32)
                  .arg(CliText::size(t.bytes), 9)
                  .arg(t.liveTuples, 10)
                  .arg(t.deadTuples, 10)
                  .arg(QString::number(100 * t.deadRatio(), 'f', 1), 6)
                  .arg(vacuumed.isEmpty() ? InsightsHealthCommands::tr("never") : vacuumed, -20)
                  .arg(analyzed.isEmpty() ? InsightsHealthCommands::tr("never") : analyzed, -20)
                  .arg(t.xidAge);
        if (t.freePercent >= 0)
            line += u' '
                + InsightsHealthCommands::tr("(pgstattuple_approx: %1% free, %2% dead)")
                      .arg(t.freePercent, 0, 'f', 1)
                      .arg(t.deadPercent, 0, 'f', 1);
        ctx.out().line(line);
    }
}

void printHorizon(CliContext &ctx, const TableHealthReport &r)
{
    ctx.out().line(QString());
    if (r.xminBlockers.isEmpty()) {
        ctx.out().line(InsightsHealthCommands::tr("Nothing holds back vacuum's xmin horizon."));
    } else {
        ctx.out().line(
            InsightsHealthCommands::tr("What holds back vacuum (the xmin horizon), oldest "
                                       "first:"));
        for (const XminBlocker &b : r.xminBlockers)
            ctx.out().line(QStringLiteral("  ") + CliText::printable(blockerText(b)));
    }
    ctx.out().line(QString());
    ctx.out().line(InsightsHealthCommands::tr("Transaction id wraparound headroom:"));
    constexpr int kShown = 5; // the oldest; --json lists every database
    for (const DatabaseWraparound &d : r.databases.mid(0, kShown))
        ctx.out().line(InsightsHealthCommands::tr("  %1: age %2, %3 left before writes stop "
                                                  "(a forced freeze at %4)")
                           .arg(d.database)
                           .arg(d.xidAge)
                           .arg(d.headroom)
                           .arg(d.freezeMaxAge));
    if (r.databases.size() > kShown)
        ctx.out().line(
            InsightsHealthCommands::tr("  and %n younger database(s) (--json lists them)", nullptr,
                                       int(r.databases.size() - kShown)));
    ctx.out().line(QString());
    ctx.out().line(InsightsHealthCommands::tr("Sequences by the share of their range used:"));
    for (const SequenceHeadroom &s : r.sequences) {
        const QString owner = s.ownerTable.isEmpty()
            ? QString()
            : InsightsHealthCommands::tr(" (feeds %1.%2, %3)")
                  .arg(s.ownerTable, s.ownerColumn, s.columnType);
        const QString at = !s.readable ? InsightsHealthCommands::tr("not readable by this role")
            : s.lastValue.isEmpty()    ? InsightsHealthCommands::tr("never used")
                                       : s.lastValue;
        ctx.out().line(CliText::printable(
            InsightsHealthCommands::tr("  %1.%2%3: at %4, ends at %5, %6 left (%7% used)")
                .arg(s.schema, s.sequence, owner, at, s.bound,
                     s.remaining.isEmpty() ? QStringLiteral("?") : s.remaining)
                .arg(100 * s.used, 0, 'f', 2)
            + (s.cycles ? InsightsHealthCommands::tr(", cycles: starts over at its end")
                        : QString())));
    }
}

} // namespace

Result<AdviceReport>
InsightsHealthCommands::advise(PgConnection &c, const InsightsCapabilities &caps, int statements,
                               const QList<IndexInfo> &existing, QString *unavailable)
{
    for (const char *e : {InsightsCapabilities::kStatements, InsightsCapabilities::kHypopg})
        if (!caps.ready(QLatin1String(e))) {
            *unavailable = caps.howToEnable(QLatin1String(e));
            return AdviceReport();
        }
    WorkloadReader workload(c, caps);
    Result<Workload> w = workload.top(WorkloadReader::Order::TotalTime, statements);
    if (!w)
        return w.error();
    IndexAdvisor advisor(c, caps);
    return advisor.advise(w.value().queries, existing);
}

int InsightsHealthCommands::indexes(CliContext &ctx, const InsightsCapabilities &caps)
{
    const int n = InsightsCliCommon::limit(ctx, kAdvisedStatements);
    if (n == 0)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--limit needs a positive number"),
                              {{QStringLiteral("option"), QStringLiteral("limit")}}));
    PgConnection &c = *ctx.connect();
    IndexHealthReader reader(c, caps);
    Result<IndexHealthReport> health = reader.read();
    if (!health)
        return ctx.fail(1, health.error());
    QStringList notes;
    if (ctx.parser().isSet(QStringLiteral("bloat"))) {
        if (Status s = reader.bloat(health.value(), kBloatReads); !s)
            notes << s.error().toString();
    }
    for (const QString &table : health.value().lockedTables())
        notes << tr("the indexes of %1 were not read: an ACCESS EXCLUSIVE lock is held or waited "
                    "for on it")
                     .arg(CliText::printable(table));
    QString unavailable;
    Result<AdviceReport> advice = advise(c, caps, n, health.value().indexes, &unavailable);
    if (!advice)
        return ctx.fail(1, advice.error());
    if (!advice.value().qualstatsUnread.isEmpty())
        notes << tr("pg_qualstats was not read (candidates come from the statements' text "
                    "alone): %1")
                     .arg(advice.value().qualstatsUnread);
    notes << IndexHealthRules::keepIndexesPlansUse(health.value().findings,
                                                   advice.value().indexesInPlans);
    if (unavailable.isEmpty())
        printAdvice(ctx, advice.value());
    else
        ctx.out().line(tr("No index advice: %1").arg(unavailable));
    printFindings(ctx, health.value());
    InsightsCliCommon::printLimits(ctx, caps, notes);
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("insights indexes")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("capabilities"), InsightsJson::capabilities(caps)},
         {QStringLiteral("advice"), InsightsJson::advice(advice.value())},
         {QStringLiteral("advice_unavailable"),
          unavailable.isEmpty() ? QJsonValue() : QJsonValue(unavailable)},
         {QStringLiteral("statements_tried"), advice.value().statementsTried},
         {QStringLiteral("not_planned"),
          advice.value().notPlanned.isEmpty() ? QJsonValue()
                                              : QJsonValue(advice.value().notPlanned)},
         {QStringLiteral("hypothetical_indexes"), advice.value().hypotheticalIndexes},
         {QStringLiteral("qualstats_statements"), advice.value().qualstatsStatements},
         {QStringLiteral("not_advised"), InsightsJson::skipped(advice.value())},
         {QStringLiteral("stats_reset"),
          health.value().statsReset.isEmpty() ? QJsonValue()
                                              : QJsonValue(health.value().statsReset)},
         {QStringLiteral("counted_since"), health.value().countedSince()},
         {QStringLiteral("index_count"), int(health.value().indexes.size())},
         {QStringLiteral("findings"), InsightsJson::findings(health.value())},
         {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}});
    return 0;
}

int InsightsHealthCommands::tables(CliContext &ctx, const InsightsCapabilities &caps)
{
    const int n = InsightsCliCommon::limit(ctx, kDefaultTables);
    if (n == 0)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--limit needs a positive number"),
                              {{QStringLiteral("option"), QStringLiteral("limit")}}));
    TableHealthReader reader(*ctx.connect(), caps);
    Result<TableHealthReport> r = reader.read(n, kSequences);
    if (!r)
        return ctx.fail(1, r.error());
    QStringList notes;
    if (ctx.parser().isSet(QStringLiteral("bloat"))) {
        QList<TableHealth> &tables = r.value().tables;
        std::stable_sort(
            tables.begin(), tables.end(),
            [](const TableHealth &a, const TableHealth &b) { return a.bytes > b.bytes; });
        for (qsizetype i = 0; i < qMin<qsizetype>(kBloatReads, tables.size()); ++i)
            if (Status s = reader.bloat(tables[i]); !s) {
                notes << s.error().toString();
                break;
            }
    }
    printTables(ctx, r.value());
    printHorizon(ctx, r.value());
    InsightsCliCommon::printLimits(ctx, caps, notes);
    QJsonObject doc = InsightsJson::tables(r.value());
    doc.insert(QStringLiteral("command"), QStringLiteral("insights tables"));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("capabilities"), InsightsJson::capabilities(caps));
    doc.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    ctx.out().document(doc);
    return 0;
}

} // namespace uaip
