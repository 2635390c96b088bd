#include "cascademeter.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <QSet>

namespace uaip {

namespace {

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

// 23503 foreign_key_violation (NO ACTION), 23001 restrict_violation (RESTRICT).
bool isRefusal(const PgError &error)
{
    return error.sqlState == QLatin1String("23503") || error.sqlState == QLatin1String("23001");
}

// "(id)=(1)", "(a, b)=(1, x)": the row of a statement by its primary key.
QString rowKeyOf(const TableInfo &table, const SaveStatement &s)
{
    QStringList names;
    QStringList values;
    for (qsizetype i = 0; i < table.primaryKey.size(); ++i) {
        names << table.columns.value(table.primaryKey[i]).name;
        const QVariant v = s.primaryKey.value(i);
        values << (v.isNull() ? QStringLiteral("NULL") : v.toString());
    }
    return u'(' + names.join(QStringLiteral(", ")) + QStringLiteral(")=(")
        + values.join(QStringLiteral(", ")) + u')';
}

QByteArray quotedList(const PgConnection &connection, const QStringList &names)
{
    QList<QByteArray> quoted;
    for (const QString &n : names)
        quoted << connection.quoteIdentifier(n);
    return quoted.join(", ");
}

} // namespace

CascadeReport::Refusal CascadeMeter::refusalOf(PgConnection &connection, const TableInfo &table,
                                               const SaveStatement &s, const PgError &error,
                                               int timeoutMs)
{
    CascadeReport::Refusal r;
    r.isDelete = s.kind == StagedRow::Kind::Delete;
    r.rowKey = rowKeyOf(table, s);
    r.table = error.schema + u'.' + error.table;
    r.constraint = error.constraint;
    r.action = error.sqlState == QLatin1String("23001") ? QStringLiteral("RESTRICT")
                                                        : QStringLiteral("NO ACTION");
    const auto fk = std::find_if(
        table.referencedBy.cbegin(), table.referencedBy.cend(), [&error](const ForeignKeyInfo &f) {
            return f.name == error.constraint && f.schema == error.schema && f.table == error.table;
        });
    if (fk == table.referencedBy.cend())
        return r; // the catalog changed since the table was opened: not counted
    if (const QString action = ForeignKeyInfo::actionName(r.isDelete ? fk->onDelete : fk->onUpdate);
        !action.isEmpty())
        r.action = action;
    QList<QByteArray> key;
    QList<QByteArray> params;
    for (qsizetype i = 0; i < table.primaryKey.size(); ++i) {
        key << table.columns.value(table.primaryKey[i]).quoted;
        params << '$' + QByteArray::number(i + 1);
    }
    const QByteArray sql = SqlResource::fill(
        SqlResource::of("browse", "referencing_count"),
        {{"%CHILD%",
          connection.quoteIdentifier(fk->schema) + '.' + connection.quoteIdentifier(fk->table)},
         {"%COLUMNS%", quotedList(connection, fk->columns)},
         {"%REFCOLUMNS%", quotedList(connection, fk->refColumns)},
         {"%REFERENCED%", table.quotedName},
         {"%KEY%", key.join(", ")},
         {"%PARAMS%", params.join(", ")}});
    // Bounded as the count was; a count that stops says "rows" without a number.
    Transaction tx(connection);
    if (!tx.begin()
        || !connection
                .exec(SqlResource::of("browse", "cascade_limits"), {QString::number(timeoutMs)})
                .ok())
        return r;
    const PgResult counted = connection.exec(sql, s.primaryKey);
    if (counted.ok() && counted.rows() == 1)
        r.rows = counted.value(0, 0).toLongLong();
    return r;
}

bool CascadeMeter::mayCascade(const TableInfo &table, const SavePlan &plan)
{
    for (const SaveStatement &s : plan.statements)
        if (s.kind == StagedRow::Kind::Delete || isUpdateOfReferencedKey(table, s))
            return true;
    return false;
}

Result<CascadeMeter::Counters> CascadeMeter::read(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("browse", "cascade_counters"));
    if (!r.ok())
        return Error(r.error());
    Counters counters;
    for (int i = 0; i < r.rows(); ++i) {
        Counters::Entry t;
        t.name = r.value(i, 1);
        t.deleted = r.value(i, 2).toLongLong();
        t.updated = r.value(i, 3).toLongLong();
        t.inserted = r.value(i, 4).toLongLong();
        t.partitioned = r.value(i, 5) == QLatin1String("p");
        t.readable = r.value(i, 6) == QLatin1String("t");
        counters.tables.insert(r.value(i, 0).toLongLong(), t);
    }
    return counters;
}

Result<CascadeReport> CascadeMeter::measure(PgConnection &connection, const Counters &before,
                                            const TableInfo &table, qint64 directDeleted,
                                            qint64 directUpdated)
{
    const Result<Counters> after = read(connection);
    if (!after)
        return after.error();
    CascadeReport report = difference(before, after.value(), table, directDeleted, directUpdated);
    for (CascadeReport::Table &t : report.tables) {
        if (t.updated <= 0)
            continue;
        // Rows, not updates: the rows written and still there, less those inserted (and those
        // the save updated itself).
        const auto relid
            = std::find_if(after.value().tables.cbegin(), after.value().tables.cend(),
                           [&t](const Counters::Entry &e) { return e.name == t.name; });
        const Counters::Entry now = *relid;
        const Counters::Entry was = before.tables.value(relid.key());
        if (!now.readable)
            continue; // the counters' number: operations, as many as the rows or more
        const QByteArray from
            = (now.partitioned ? QByteArray() : QByteArrayLiteral("ONLY ")) + now.name.toUtf8();
        // The name goes only where the statement says %TABLE% (never into its comment, where a
        // line break in a name would end the comment), and the statement goes alone over the
        // extended protocol: whatever a name holds, the server runs one statement or none.
        const PgResult rows = connection.execOne(
            SqlResource::of("browse", "cascade_written_rows").replace("%TABLE%", from));
        if (!rows.ok())
            return Error(rows.error());
        qint64 written = rows.value(0, 0).toLongLong() - (now.inserted - was.inserted);
        if (relid.key() == qint64(table.oid))
            written -= directUpdated;
        t.updated = qBound<qint64>(0, written, t.updated);
    }
    report.tables.removeIf(
        [](const CascadeReport::Table &t) { return t.deleted <= 0 && t.updated <= 0; });
    return report;
}

CascadeReport CascadeMeter::difference(const Counters &before, const Counters &after,
                                       const TableInfo &table, qint64 directDeleted,
                                       qint64 directUpdated)
{
    CascadeReport report;
    for (auto it = after.tables.cbegin(); it != after.tables.cend(); ++it) {
        const Counters::Entry was = before.tables.value(it.key());
        const bool saved = it.key() == qint64(table.oid);
        CascadeReport::Table t;
        t.name = it.value().name;
        t.deleted = it.value().deleted - was.deleted - (saved ? directDeleted : 0);
        t.updated = it.value().updated - was.updated - (saved ? directUpdated : 0);
        if (t.deleted > 0 || t.updated > 0)
            report.tables << t;
    }
    std::sort(report.tables.begin(), report.tables.end(),
              [](const CascadeReport::Table &a, const CascadeReport::Table &b) {
                  return a.name < b.name;
              });
    return report;
}

// One measuring pass of a preview: the first `limit` statements in a transaction that is
// rolled back.
struct CascadeMeter::Run
{
    Result<CascadeReport> report = CascadeReport{};
    // Stopped by the bound before statement `stoppedAt` (an index into plan.statements):
    // report holds the counters' difference of the statements before it (not yet counted as
    // distinct rows: the transaction is aborted).
    bool stopped = false;
    qsizetype stoppedAt = 0;
    QString reason;
    // The server refused statement stoppedAt (a foreign key with NO ACTION or RESTRICT).
    std::optional<PgError> refused;
};

Status CascadeMeter::begin(PgConnection &connection, Transaction &tx, int timeoutMs)
{
    if (Status begun = tx.begin(); !begun)
        return begun;
    if (const PgResult r = connection.exec(SqlResource::of("browse", "cascade_limits"),
                                           {QString::number(timeoutMs)});
        !r.ok())
        return Error(r.error());
    // Deferred foreign keys are checked at each statement, not at a COMMIT the preview never
    // reaches.
    if (const PgResult r = connection.exec(SqlResource::of("browse", "constraints_immediate"));
        !r.ok())
        return Error(r.error());
    return {};
}

CascadeMeter::Run CascadeMeter::run(PgConnection &connection, const TableInfo &table,
                                    const SavePlan &plan, qsizetype limit, int timeoutMs,
                                    const std::function<bool()> &isCancelled)
{
    Run out;
    Transaction tx(connection); // rolled back: the preview never writes
    if (const Status begun = begin(connection, tx, timeoutMs); !begun) {
        out.report = begun.error();
        return out;
    }
    const Result<Counters> before = read(connection);
    if (!before) {
        out.report = before.error();
        return out;
    }
    qint64 deleted = 0;
    qint64 updated = 0;
    Counters last = before.value();
    for (qsizetype i = 0; i < qMin(limit, plan.statements.size()); ++i) {
        const SaveStatement &s = plan.statements[i];
        // Inserts are left out (they would take sequence values); they cascade nothing.
        if (s.kind == StagedRow::Kind::Insert)
            continue;
        if (isCancelled && isCancelled()) {
            out.report = Error(ErrorCode::Cancelled, tr("cancelled"));
            return out;
        }
        const PgResult r = connection.exec(s.sql.sql, s.sql.params);
        if (!r.ok()) {
            const PgError error = r.error();
            if (isRefusal(error)) {
                out.refused = error;
                out.stoppedAt = i;
                return out;
            }
            // 57014: statement_timeout; 55P03: lock_timeout. What ran before stands as a lower
            // bound; any other error would stop the save as well and is reported.
            if (error.sqlState != QLatin1String("57014")
                && error.sqlState != QLatin1String("55P03")) {
                out.report = Error(error);
                return out;
            }
            out.stopped = true;
            out.stoppedAt = i;
            out.reason = error.toString();
            out.report = difference(before.value(), last, table, deleted, updated);
            return out;
        }
        if (s.kind == StagedRow::Kind::Delete)
            deleted += r.affectedRows();
        else
            updated += r.affectedRows();
        // Kept for a stop by the bound at a later statement (then nothing can be read).
        const Result<Counters> now = read(connection);
        if (!now) {
            out.report = now.error();
            return out;
        }
        last = now.value();
    }
    out.report = measure(connection, before.value(), table, deleted, updated);
    if (!out.report) {
        const Error error = out.report.error();
        // The distinct count itself stopped by the bound: nothing but the deletions is certain.
        if (error.sqlState() == QLatin1String("57014")
            || error.sqlState() == QLatin1String("55P03")) {
            out.stopped = true;
            out.stoppedAt = limit;
            out.reason = error.toString();
            out.report = difference(before.value(), last, table, deleted, updated);
        }
    }
    return out;
}

Result<CascadeReport> CascadeMeter::preview(PgConnection &connection, const TableInfo &table,
                                            const SavePlan &plan, int timeoutMs,
                                            const std::function<bool()> &isCancelled)
{
    Run first = run(connection, table, plan, plan.statements.size(), timeoutMs, isCancelled);
    if (first.refused) {
        CascadeReport refused;
        refused.refusal = refusalOf(connection, table, plan.statements[first.stoppedAt],
                                    *first.refused, timeoutMs);
        return refused;
    }
    if (!first.report || !first.stopped)
        return first.report;
    // Stopped: the counters of the statements before the stop count operations, which can be
    // more than the rows (a row updated twice). Those statements again, in a fresh transaction,
    // counted as rows; if that stops too, only their deletions are certain.
    CascadeReport report;
    if (first.stoppedAt > 0 && first.stoppedAt < plan.statements.size()) {
        const Run again = run(connection, table, plan, first.stoppedAt, timeoutMs, isCancelled);
        if (!again.report)
            return again.report;
        report = again.report.value();
        if (again.stopped)
            for (CascadeReport::Table &t : report.tables)
                t.updated = 0;
    } else {
        report = first.report.value();
        for (CascadeReport::Table &t : report.tables)
            t.updated = 0;
    }
    report.tables.removeIf(
        [](const CascadeReport::Table &t) { return t.deleted <= 0 && t.updated <= 0; });
    report.bounded = true;
    report.boundReason = first.reason;
    return report;
}

} // namespace uaip
