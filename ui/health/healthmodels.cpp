#include "healthmodels.h"

#include "activity/activityage.h"
#include "indexadvice/advicereport.h"
#include "indexadvice/indexhealthreport.h"
#include "insights/connectionusage.h"
#include "insights/tablehealthreport.h"
#include "insights/workload.h"
#include "widgets/localeformat.h"

#include <QLocale>
#include <QStandardItemModel>

namespace uaip {

namespace {

QStandardItem *number(double value, int decimals = 0)
{
    auto *item = new QStandardItem;
    item->setData(decimals == 0 ? QVariant(qint64(value)) : QVariant(qRound64(value * 100) / 100.0),
                  Qt::DisplayRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *text(const QString &value, const QString &details = QString())
{
    auto *item = new QStandardItem(value.simplified());
    item->setToolTip(details.isEmpty() ? value : details);
    item->setData(details.isEmpty() ? value : details, Qt::UserRole);
    return item;
}

QStandardItem *size(qint64 bytes)
{
    auto *item = new QStandardItem(QLocale().formattedDataSize(bytes));
    item->setData(bytes, Qt::UserRole + 1);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void reset(QStandardItemModel *model, const QStringList &headers)
{
    model->clear();
    model->setHorizontalHeaderLabels(headers);
}

QString cost(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString kindLabel(IndexFinding::Kind kind)
{
    switch (kind) {
    case IndexFinding::Kind::Unused:
        return HealthModels::tr("unused");
    case IndexFinding::Kind::Duplicate:
        return HealthModels::tr("duplicate");
    case IndexFinding::Kind::Covered:
        return HealthModels::tr("covered");
    case IndexFinding::Kind::Invalid:
        return HealthModels::tr("invalid");
    case IndexFinding::Kind::Bloated:
        return HealthModels::tr("bloated");
    }
    return QString();
}

QString blockerName(const XminBlocker &b)
{
    switch (b.kind) {
    case XminBlocker::Kind::Session:
        return HealthModels::tr("session %1 (%2, %3)").arg(b.name, b.application, b.state);
    case XminBlocker::Kind::Slot:
        return HealthModels::tr("replication slot %1 (%2)").arg(b.name, b.state);
    case XminBlocker::Kind::Prepared:
        return HealthModels::tr("prepared transaction %1").arg(b.name);
    case XminBlocker::Kind::Standby:
        return HealthModels::tr("standby %1").arg(b.name);
    }
    return b.name;
}

} // namespace

void HealthModels::fillQueries(QStandardItemModel *model, const Workload &workload)
{
    reset(model,
          {tr("Total ms"), tr("Share %"), tr("Calls"), tr("Mean ms"), tr("Rows"), tr("Cache hit %"),
           tr("Statement")});
    for (const QueryStat &q : workload.queries) {
        const qint64 blocks = q.sharedHit + q.sharedRead;
        model->appendRow(
            {number(q.totalMs, 2), number(q.sharePercent, 2), number(q.calls), number(q.meanMs, 2),
             number(q.rows),
             blocks ? number(100.0 * q.sharedHit / blocks, 2) : text(QStringLiteral("-")),
             text(q.query)});
    }
}

QList<IndexAction> HealthModels::fillIndexes(QStandardItemModel *model, const AdviceReport &advice,
                                             const IndexHealthReport &health)
{
    QList<IndexAction> actions;
    const auto tag = [&](const IndexAction &action) {
        model->item(model->rowCount() - 1, 0)->setData(int(actions.size()), kActionRole);
        actions << action;
    };
    reset(model, {tr("Finding"), tr("Table"), tr("Index"), tr("Evidence")});
    for (const IndexAdvice &a : advice.advice) {
        QString details = a.index.statement() + u'\n';
        for (const IndexAdvice::Served &s : a.served)
            details += u'\n'
                + tr("Cost %1 -> %2 for %3 call(s) of:\n%4\nPlan before: %5\nPlan after:  %6\n")
                      .arg(cost(s.costBefore), cost(s.costAfter), QLocale().toString(s.calls),
                           s.query, s.planBefore, s.planAfter);
        details += u'\n' + tr("Undo: %1").arg(a.index.downStatement());
        const QString cut = costCut(a.costBefore(), a.costAfter());
        model->appendRow(
            {text(tr("proposed"), details), text(a.index.schema + u'.' + a.index.table, details),
             text(a.index.indexName(), details),
             text(tr("cost %1 -> %2 (-%3%), %n statement(s)", nullptr, int(a.served.size()))
                      .arg(cost(a.costBefore()), cost(a.costAfter()), cut),
                  details)});
        tag(IndexAction::of(a));
    }
    for (const IndexFinding &f : health.findings) {
        const QString details = f.statement + QStringLiteral("\n\n") + f.evidence
            + (f.down.isEmpty() ? QString() : QStringLiteral("\n\n") + tr("Undo: %1").arg(f.down));
        model->appendRow({text(kindLabel(f.kind), details),
                          text(f.schema + u'.' + f.table, details), text(f.index, details),
                          text(f.evidence, details)});
        tag(IndexAction::of(f));
    }
    return actions;
}

void HealthModels::fillTables(QStandardItemModel *model, const TableHealthReport &report)
{
    reset(model,
          {tr("Table"), tr("Size"), tr("Live"), tr("Dead"), tr("Dead %"), tr("Last vacuum"),
           tr("Last analyze"), tr("XID age"), tr("Bloat %")});
    for (const TableHealth &t : report.tables) {
        const QString vacuumed = qMax(t.lastVacuum, t.lastAutovacuum);
        const QString analyzed = qMax(t.lastAnalyze, t.lastAutoanalyze);
        model->appendRow(
            {text(t.schema + u'.' + t.table), size(t.bytes), number(t.liveTuples),
             number(t.deadTuples), number(100 * t.deadRatio(), 2),
             text(vacuumed.isEmpty() ? tr("never") : LocaleFormat::isoDateTime(vacuumed)),
             text(analyzed.isEmpty() ? tr("never") : LocaleFormat::isoDateTime(analyzed)),
             number(t.xidAge),
             t.freePercent < 0 ? text(QStringLiteral("-"))
                               : number(t.freePercent + t.deadPercent, 2)});
    }
}

void HealthModels::fillHorizon(QStandardItemModel *model, const TableHealthReport &report)
{
    reset(model, {tr("What"), tr("Name"), tr("Age"), tr("Detail")});
    for (const XminBlocker &b : report.xminBlockers)
        model->appendRow(
            {text(tr("holds back vacuum")), text(blockerName(b)),
             text(tr("%1 xid(s)").arg(b.xminAge)
                  + (b.ageMs >= 0 ? QStringLiteral(", ") + ActivityAge::text(b.ageMs) : QString())),
             text(b.detail)});
    for (const DatabaseWraparound &d : report.databases.mid(0, 5))
        model->appendRow({text(tr("wraparound")), text(d.database), number(d.xidAge),
                          text(tr("%1 transaction ids left before writes stop").arg(d.headroom))});
    for (const SequenceHeadroom &s : report.sequences)
        model->appendRow(
            {text(tr("sequence")), text(s.schema + u'.' + s.sequence), number(100 * s.used, 2),
             text(tr("%1 left of %2%3")
                      .arg(s.remaining.isEmpty() ? QStringLiteral("?") : s.remaining, s.bound,
                           s.ownerColumn.isEmpty()
                               ? QString()
                               : tr(", feeds %1.%2 (%3)")
                                     .arg(s.ownerTable, s.ownerColumn, s.columnType)))});
}

void HealthModels::fillConnections(QStandardItemModel *model, const ConnectionUsage &usage)
{
    reset(
        model,
        {tr("Database"), tr("Application"), tr("State"), tr("Sessions"), tr("Oldest transaction")});
    for (const ConnectionGroup &g : usage.groups)
        model->appendRow({text(g.database), text(g.application),
                          text(g.state.isEmpty() ? tr("(not visible to this role)") : g.state),
                          number(g.sessions), text(ActivityAge::text(g.oldestTransactionMs))});
}

void HealthModels::fillIdle(QStandardItemModel *model, const ConnectionUsage &usage)
{
    reset(model,
          {tr("PID"), tr("User"), tr("Database"), tr("Application"), tr("Transaction"), tr("Idle"),
           tr("Holds back vacuum"), tr("Last statement")});
    for (const IdleTransaction &s : usage.idleInTransaction)
        model->appendRow({number(s.pid), text(s.user), text(s.database), text(s.application),
                          text(ActivityAge::text(s.transactionMs)),
                          text(ActivityAge::text(s.idleMs)),
                          text(s.holdsXmin ? tr("yes") : tr("no")), text(s.lastQuery)});
}

QString HealthModels::connectionsSummary(const ConnectionUsage &usage)
{
    return tr("%1 of %2 connections in use (max_connections %3, %4 kept for superusers): %5 "
              "free.")
        .arg(usage.inUse)
        .arg(usage.maxConnections - usage.reserved)
        .arg(usage.maxConnections)
        .arg(usage.reserved)
        .arg(usage.free());
}

QString HealthModels::costCut(double before, double after)
{
    const double share = 100 * (1 - after / qMax(before, 1e-9));
    if (after > 0 && (share >= 99.5 || (share > 0 && share < 0.5)))
        return QString::number(qMin(share, 99.9), 'f', 1);
    return QString::number(qRound(share));
}

} // namespace uaip
