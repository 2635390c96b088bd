#include "saveexecutor.h"

#include "cascademeter.h"
#include "db/pgconnection.h"
#include "db/transaction.h"
#include "errormapper.h"
#include "querybuilder.h"

namespace uaip {

namespace {

QVariantList rowValues(const PgResult &r)
{
    QVariantList values;
    for (int j = 2; j < r.columns(); ++j)
        values << (r.isNull(0, j) ? QVariant() : QVariant(r.value(0, j)));
    return values;
}

void fail(SaveResult *result, PgConnection &c, const Error &e)
{
    result->ok = false;
    result->error = e;
    result->connectionLost = !c.isOpen() || e.code() == ErrorCode::Connection;
    result->message = e.toString();
    result->sqlState = e.sqlState();
    if (result->connectionLost)
        result->message = QCoreApplication::translate("uaip::SaveExecutor",
                                                      "The connection to the server was lost; "
                                                      "your changes are still staged. Save again "
                                                      "to retry.\n%1")
                              .arg(result->message);
}

} // namespace

// What the steps of one run() share.
struct SaveExecutor::Save
{
    PgConnection &connection;
    const TableInfo &table;
    const std::function<bool()> &isCancelled;
    SaveResult result{};
    CascadeMeter::Counters before{}; // the cascade counters before the first statement
    qint64 deleted = 0;
    qint64 updated = 0;

    bool cancelled() const { return isCancelled && isCancelled(); }
};

SaveResult SaveExecutor::run(PgConnection &connection, const TableInfo &table, const SavePlan &plan,
                             const std::function<bool()> &isCancelled)
{
    Save save{connection, table, isCancelled};
    SaveResult &result = save.result;
    if (stop(save))
        return result;
    if (!connection.isOpen()) {
        result.connectionLost = true;
        result.message = tr("Not connected: %1").arg(connection.connectionError());
        return result;
    }
    Transaction tx(connection); // rolls back unless committed
    TransactionOptions options;
    options.takeId = true; // a COMMIT whose answer is lost is settled by it (SaveJob::settle)
    if (Status begin = tx.begin(options); !begin) {
        fail(&result, connection, begin.error());
        return result;
    }
    result.transactionId = tx.transactionId();
    // The cascade is measured in this transaction: what commits is what was confirmed.
    if (plan.cascade) {
        const Result<CascadeMeter::Counters> counters = CascadeMeter::read(connection);
        if (!counters) {
            fail(&result, connection, counters.error());
            return result;
        }
        save.before = counters.value();
    }
    const QueryBuilder reader(table, BrowseQuery{});
    for (const SaveStatement &s : plan.statements)
        if (!runStatement(save, tx, reader, s))
            return result;
    if (!result.conflicts.isEmpty()) {
        tx.rollback();
        result.message = tr("%n row(s) were changed or deleted by someone else since they were "
                            "loaded; nothing was saved.",
                            nullptr, int(result.conflicts.size()));
        return result;
    }
    if (!checkCascade(save, tx, plan))
        return result;
    if (stop(save))
        return result;
    if (Status commit = tx.commit(); !commit) {
        fail(&result, connection, commit.error());
        // COMMIT was sent: whether it went through is not known from here.
        result.commitLost = result.connectionLost;
        return result;
    }
    result.ok = true;
    return result;
}

bool SaveExecutor::stop(Save &save)
{
    SaveResult &result = save.result;
    if (!save.cancelled())
        return false;
    result.ok = false;
    result.cancelled = true;
    result.message = tr("The save was cancelled; nothing was written.");
    return true;
}

// One statement of the plan; a row it did not touch becomes a conflict.
bool SaveExecutor::runStatement(Save &save, Transaction &tx, const QueryBuilder &reader,
                                const SaveStatement &s)
{
    PgConnection &connection = save.connection;
    SaveResult &result = save.result;
    if (stop(save))
        return false;
    const PgResult r = connection.exec(s.sql.sql, s.sql.params);
    ++result.statementsRun;
    if (!r.ok()) {
        const PgError error = r.error();
        fail(&result, connection, Error(error));
        if (save.cancelled()) {
            stop(save);
            return false;
        }
        result.failedRowKey = s.rowKey;
        if (connection.isOpen()) {
            tx.rollback();
            result.failedColumn = ErrorMapper::column(error, save.table, s, &connection);
        }
        return false;
    }
    if (s.kind == StagedRow::Kind::Delete)
        save.deleted += r.affectedRows();
    else if (s.kind == StagedRow::Kind::Update)
        save.updated += r.affectedRows();
    if (s.kind == StagedRow::Kind::Insert || r.affectedRows() == 1)
        return true;
    // Nothing matched key + xmin: changed or deleted by someone else since we loaded it.
    return readConflict(save, reader, s);
}

// Their current version of the row statement s did not touch, as a conflict of the result.
bool SaveExecutor::readConflict(Save &save, const QueryBuilder &reader, const SaveStatement &s)
{
    RowConflict conflict;
    conflict.rowKey = s.rowKey;
    conflict.weDelete = s.kind == StagedRow::Kind::Delete;
    const BoundSql theirs = reader.rowByPrimaryKey(s.primaryKey);
    const PgResult t = save.connection.exec(theirs.sql, theirs.params);
    if (!t.ok()) {
        fail(&save.result, save.connection, Error(t.error()));
        return false;
    }
    conflict.deletedByThem = t.rows() == 0;
    if (!conflict.deletedByThem) {
        conflict.theirXmin = t.value(0, 0);
        conflict.theirs = rowValues(t);
    }
    save.result.conflicts << conflict;
    return true;
}

// What the save cascades to, against what the preview showed (a plan without a cascade: true).
bool SaveExecutor::checkCascade(Save &save, Transaction &tx, const SavePlan &plan)
{
    SaveResult &result = save.result;
    if (plan.cascade) {
        const Result<CascadeReport> measured = CascadeMeter::measure(
            save.connection, save.before, save.table, save.deleted, save.updated);
        if (!measured) {
            fail(&result, save.connection, measured.error());
            return false;
        }
        result.cascade = measured.value();
        if (!plan.cascade->admits(result.cascade)) {
            tx.rollback();
            result.cascadeChanged = true;
            const QStringList now = result.cascade.lines();
            result.message = tr("What the save cascades to changed since the preview; nothing "
                                "was saved. Now:\n%1")
                                 .arg(now.isEmpty() ? tr("nothing") : now.join(u'\n'));
            return false;
        }
    }
    return true;
}

} // namespace uaip
