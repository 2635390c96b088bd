#include "cascademeter.h"

#include "db/pgconnection.h"
#include "db/transactionguard.h"
#include "util/sqlresource.h"

#include <QSet>

namespace uaip {

namespace {

QByteArray sql(const char *name)
{
    return SqlResource::get(QStringLiteral("browse/sql/%1.sql").arg(QLatin1String(name)));
}

bool isUpdateOfReferencedKey(const TableInfo &table, const SaveStatement &s)
{
    if (s.kind != StagedRow::Kind::Update)
        return false;
    QSet<QString> referenced;
    for (const ForeignKeyInfo &fk : table.referencedBy)
        for (const QString &c : fk.refColumns)
            referenced.insert(c);
    for (const int c : s.paramColumns)
        if (c >= 0 && c < table.columns.size() && referenced.contains(table.columns[c].name))
            return true;
    return false;
}

} // namespace

bool CascadeMeter::mayCascade(const TableInfo &table, const SavePlan &plan)
{
    for (const SaveStatement &s : plan.statements)
        if (s.kind == StagedRow::Kind::Delete || isUpdateOfReferencedKey(table, s))
            return true;
    return false;
}

DbResult<CascadeMeter::Counters> CascadeMeter::read(PgConnection &connection)
{
    const PgResult r = connection.exec(sql("cascade_counters"));
    if (!r.ok())
        return r.error();
    Counters counters;
    for (int i = 0; i < r.rows(); ++i) {
        CascadeReport::Table t;
        t.name = r.value(i, 1);
        t.deleted = r.value(i, 2).toLongLong();
        t.updated = r.value(i, 3).toLongLong();
        counters.tables.insert(r.value(i, 0).toLongLong(), t);
    }
    return counters;
}

CascadeReport CascadeMeter::difference(const Counters &before, const Counters &after,
                                       const TableInfo &table, qint64 directDeleted,
                                       qint64 directUpdated)
{
    CascadeReport report;
    for (auto it = after.tables.cbegin(); it != after.tables.cend(); ++it) {
        CascadeReport::Table t = it.value();
        const CascadeReport::Table was = before.tables.value(it.key());
        t.deleted -= was.deleted;
        t.updated -= was.updated;
        if (it.key() == qint64(table.oid)) {
            t.deleted -= directDeleted;
            t.updated -= directUpdated;
        }
        if (t.deleted > 0 || t.updated > 0)
            report.tables << t;
    }
    std::sort(report.tables.begin(), report.tables.end(),
              [](const CascadeReport::Table &a, const CascadeReport::Table &b) {
                  return a.name < b.name;
              });
    return report;
}

DbResult<CascadeReport> CascadeMeter::preview(PgConnection &connection, const TableInfo &table,
                                              const SavePlan &plan, int timeoutMs,
                                              const std::function<bool()> &isCancelled)
{
    TransactionGuard tx(connection); // rolled back: the preview never writes
    if (DbStatus begun = tx.begin(); !begun)
        return begun.error();
    if (const PgResult r = connection.exec(sql("cascade_limits"), {QString::number(timeoutMs)});
        !r.ok())
        return r.error();
    const DbResult<Counters> before = read(connection);
    if (!before)
        return before.error();
    CascadeReport report;
    qint64 deleted = 0;
    qint64 updated = 0;
    for (const SaveStatement &s : plan.statements) {
        // Inserts are left out (they would take sequence values); they cascade nothing.
        if (s.kind == StagedRow::Kind::Insert)
            continue;
        if (isCancelled && isCancelled()) {
            PgError e;
            e.message = tr("cancelled");
            return e;
        }
        const PgResult r = connection.exec(s.sql.sql, s.sql.params);
        if (!r.ok()) {
            const PgError error = r.error();
            // 57014: statement_timeout; 55P03: lock_timeout. What was counted so far stands as
            // a lower bound; any other error would stop the save as well and is reported.
            if (error.sqlState != QLatin1String("57014")
                && error.sqlState != QLatin1String("55P03"))
                return error;
            report.bounded = true;
            report.boundReason = error.message;
            return report;
        }
        if (s.kind == StagedRow::Kind::Delete)
            deleted += r.affectedRows();
        else
            updated += r.affectedRows();
        const DbResult<Counters> now = read(connection);
        if (!now)
            return now.error();
        report = difference(before.value(), now.value(), table, deleted, updated);
    }
    return report;
}

} // namespace uaip
