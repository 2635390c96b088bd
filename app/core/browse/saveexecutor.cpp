#include "saveexecutor.h"

#include "browse/errormapper.h"
#include "browse/querybuilder.h"
#include "db/pgconnection.h"
#include "util/sqlresource.h"

namespace uaip {

namespace {

QVariantList rowValues(const PgResult &r)
{
    QVariantList values;
    for (int j = 2; j < r.columns(); ++j)
        values << (r.isNull(0, j) ? QVariant() : QVariant(r.value(0, j)));
    return values;
}

void fail(SaveResult *result, PgConnection &c, const PgResult &r)
{
    result->ok = false;
    result->connectionLost = !c.isOpen();
    if (r.handle() && r.error().isSet()) {
        const PgError e = r.error();
        result->message = e.toString();
        result->sqlState = e.sqlState;
    } else {
        result->message = c.connectionError().isEmpty() ? r.error().message : c.connectionError();
    }
    if (result->connectionLost)
        result->message = QStringLiteral("The connection to the server was lost; your changes "
                                         "are still staged. Save again to retry.\n")
            + result->message;
}

} // namespace

SaveResult SaveExecutor::run(PgConnection &connection, const TableInfo &table, const SavePlan &plan,
                             const std::atomic<bool> *cancelled)
{
    SaveResult result;
    auto stop = [&] {
        if (!cancelled || !cancelled->load())
            return false;
        result.ok = false;
        result.cancelled = true;
        result.message = QStringLiteral("The save was cancelled; nothing was written.");
        return true;
    };
    if (stop())
        return result;
    if (!connection.isOpen()) {
        result.connectionLost = true;
        result.message = QStringLiteral("Not connected: %1").arg(connection.connectionError());
        return result;
    }
    const PgResult begin
        = connection.exec(SqlResource::get(QStringLiteral("browse/sql/begin.sql")));
    if (!begin.ok()) {
        fail(&result, connection, begin);
        return result;
    }
    const QueryBuilder reader(table, BrowseQuery{});
    const QByteArray rollback = SqlResource::get(QStringLiteral("browse/sql/rollback.sql"));
    for (const SaveStatement &s : plan.statements) {
        if (stop()) {
            connection.exec(rollback);
            return result;
        }
        const PgResult r = connection.exec(s.sql.sql, s.sql.params);
        ++result.statementsRun;
        if (!r.ok()) {
            const PgError error = r.error();
            fail(&result, connection, r);
            if (cancelled && cancelled->load()) {
                stop();
                if (connection.isOpen())
                    connection.exec(rollback);
                return result;
            }
            result.failedRowKey = s.rowKey;
            if (connection.isOpen()) {
                connection.exec(rollback);
                result.failedColumn = ErrorMapper::column(error, table, s, &connection);
            }
            return result;
        }
        if (s.kind == StagedRow::Kind::Insert || r.affectedRows() == 1)
            continue;
        // Nothing matched key + xmin: changed or deleted by someone else since we loaded it.
        RowConflict conflict;
        conflict.rowKey = s.rowKey;
        conflict.weDelete = s.kind == StagedRow::Kind::Delete;
        const BoundSql theirs = reader.rowByPrimaryKey(s.primaryKey);
        const PgResult t = connection.exec(theirs.sql, theirs.params);
        if (!t.ok()) {
            fail(&result, connection, t);
            connection.exec(rollback);
            return result;
        }
        conflict.deletedByThem = t.rows() == 0;
        if (!conflict.deletedByThem) {
            conflict.theirXmin = t.value(0, 0);
            conflict.theirs = rowValues(t);
        }
        result.conflicts << conflict;
    }
    if (!result.conflicts.isEmpty()) {
        connection.exec(rollback);
        result.message = QStringLiteral("%1 row(s) were changed or deleted by someone else since "
                                        "they were loaded; nothing was saved.")
                             .arg(result.conflicts.size());
        return result;
    }
    if (stop()) {
        connection.exec(rollback);
        return result;
    }
    const PgResult commit
        = connection.exec(SqlResource::get(QStringLiteral("browse/sql/commit.sql")));
    if (!commit.ok() || commit.status() != PGRES_COMMAND_OK) {
        fail(&result, connection, commit);
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace uaip
