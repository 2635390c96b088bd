#include "sqlrunner.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "sqlscript.h"
#include "statementclass.h"
#include "util/sqlresource.h"

#include <QElapsedTimer>

namespace uaip {

namespace {

constexpr auto kBegin = "BEGIN";
constexpr auto kCommit = "COMMIT";
constexpr auto kRollback = "ROLLBACK";
// DECLARE <name> NO SCROLL CURSOR FOR <statement>; FETCH FORWARD <n> FROM <name>; CLOSE <name>
constexpr auto kDeclare = "DECLARE %1 NO SCROLL CURSOR FOR ";
constexpr auto kFetch = "FETCH FORWARD %1 FROM %2";
constexpr auto kClose = "CLOSE %1";

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

bool inTransaction(const PgConnection &connection)
{
    const PGTransactionStatusType s = PQtransactionStatus(connection.handle());
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

} // namespace

SqlRunner::SqlRunner() = default;

SqlRunner::SqlRunner(Guard guard)
    : m_guard(std::move(guard))
{ }

int SqlRunner::guardStop(const SqlRunRequest &request, SqlRunError *why) const
{
    for (int i = 0; i < request.statements.size(); ++i) {
        const SqlStatement &st = request.statements.at(i);
        const StatementClass cls = StatementClass::of(st.text);
        SqlRunError e;
        e.statementIndex = i;
        e.scriptOffset = st.offset;
        e.position = st.start;
        if (m_guard.readOnly && cls.touchesReadOnlySetting) {
            e.kind = SqlRunError::Kind::Refused;
            e.error.message = tr("This profile is read-only: a statement that changes the "
                                 "read-only setting is not run.");
        } else if (m_guard.production && cls.writes
                   && request.confirmedDatabase != m_guard.database) {
            e.kind = SqlRunError::Kind::NeedsConfirmation;
            e.error.message = tr("This is a production database and the statement at %1 writes "
                                 "(%2): type the database name \"%3\" to run it.")
                                  .arg(st.start.toString(),
                                       cls.type.isEmpty() ? tr("unknown statement") : cls.type,
                                       m_guard.database);
        } else {
            continue;
        }
        if (why)
            *why = e;
        return i;
    }
    return -1;
}

SqlRunResult SqlRunner::run(PgConnection &connection, const SqlRunRequest &request,
                            const std::atomic_bool *cancelled)
{
    QElapsedTimer timer;
    timer.start();
    SqlRunResult result;
    const auto finish = [&] {
        result.notices = connection.takeNotices();
        result.inTransaction = inTransaction(connection) && !m_readTransaction;
        result.readTransactionOpen = m_readTransaction;
        result.transactionFailed = PQtransactionStatus(connection.handle()) == PQTRANS_INERROR;
        result.durationMs = msSince(timer);
        return result;
    };
    SqlRunError stop;
    if (guardStop(request, &stop) >= 0) {
        result.error = stop;
        return finish();
    }
    // What the last run left for its cursors ends now (autocommit), whatever this run does.
    if (m_readTransaction) {
        if (request.autocommit) {
            if (DbStatus s = endReadTransaction(connection, nullptr); !s) {
                result.error = errorAt(request, -1, s.error(), 0);
                return finish();
            }
        } else {
            m_readTransaction = false; // it becomes the user's transaction
        }
    }
    PgResult timeout = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/set_statement_timeout.sql")),
        {QString::number(std::max(0, request.statementTimeoutMs))});
    if (!timeout.ok()) {
        result.error = errorAt(request, -1, timeout.error(), 0);
        return finish();
    }
    if (!request.autocommit && !inTransaction(connection)) {
        PgResult begin = connection.exec(kBegin);
        if (!begin.ok()) {
            result.error = errorAt(request, -1, begin.error(), 0);
            return finish();
        }
    }
    for (int i = 0; i < request.statements.size(); ++i) {
        if (cancelled && cancelled->load()) {
            result.cancelled = true;
            break;
        }
        if (!runStatement(connection, request, i, &result))
            break;
    }
    if (result.error && result.error->error.sqlState == QLatin1String("57014") && cancelled
        && cancelled->load())
        result.cancelled = true;
    return finish();
}

bool SqlRunner::runStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                             SqlRunResult *result)
{
    const SqlStatement &st = request.statements.at(index);
    const StatementClass cls = StatementClass::of(st.text);
    QElapsedTimer timer;
    timer.start();
    SqlResultSet set;
    set.statementIndex = index;
    set.start = st.start;
    set.statement = QString::fromUtf8(st.text);

    if (cls.cursorable) {
        if (!inTransaction(connection)) {
            PgResult begin = connection.exec(kBegin);
            if (!begin.ok()) {
                result->error = errorAt(request, index, begin.error(), 0);
                return false;
            }
            m_readTransaction = true;
        }
        const QByteArray name
            = connection.quoteIdentifier(QStringLiteral("uaip_sql_%1").arg(++m_nextCursor));
        const QByteArray declare = QByteArray(kDeclare).replace("%1", name);
        PgResult declared = connection.exec(declare + st.text);
        if (!declared.ok()) {
            result->error
                = errorAt(request, index, declared.error(), int(QString::fromUtf8(declare).size()));
            if (m_readTransaction)
                endTransaction(connection, kRollback);
            return false;
        }
        m_cursors.insert(name);
        PgResult page = connection.exec(QByteArray(kFetch)
                                            .replace("%1", QByteArray::number(request.pageSize))
                                            .replace("%2", name));
        if (!page.ok()) {
            result->error = errorAt(request, index, page.error(), 0);
            return false;
        }
        readRows(page, &set);
        set.sourceTable = sourceTable(connection, page);
        set.commandTag = QStringLiteral("SELECT");
        if (set.rows.size() < request.pageSize) {
            connection.exec(QByteArray(kClose).replace("%1", name));
            m_cursors.remove(name);
            // every row is here: a read transaction with no cursor left ends now
            if (m_readTransaction && m_cursors.isEmpty())
                if (DbStatus s = endReadTransaction(connection, nullptr); !s) {
                    result->error = errorAt(request, index, s.error(), 0);
                    return false;
                }
        } else {
            set.cursor = name;
        }
        set.durationMs = msSince(timer);
        result->results.append(set);
        return true;
    }

    if (m_readTransaction && request.autocommit) {
        if (DbStatus s = endReadTransaction(connection, result); !s) {
            result->error = errorAt(request, index, s.error(), 0);
            return false;
        }
    }
    PgResult res = connection.execSettled(st.text);
    set.durationMs = msSince(timer);
    if (!res.ok()) {
        result->error = errorAt(request, index, res.error(), 0);
        return false;
    }
    set.commandTag = QString::fromUtf8(PQcmdStatus(res.handle()));
    set.affectedRows = res.affectedRows();
    if (res.status() == PGRES_TUPLES_OK) {
        readRows(res, &set);
        set.sourceTable = sourceTable(connection, res);
    }
    result->results.append(set);
    return true;
}

DbResult<SqlPage> SqlRunner::fetch(PgConnection &connection, const QByteArray &cursor, int count)
{
    if (!m_cursors.contains(cursor)) {
        PgError e;
        e.message = tr("The result's cursor %1 is closed (its transaction ended); run the "
                       "statement again.")
                        .arg(QString::fromUtf8(cursor));
        return e;
    }
    PgResult page = connection.exec(
        QByteArray(kFetch).replace("%1", QByteArray::number(count)).replace("%2", cursor));
    if (!page.ok()) {
        m_cursors.remove(cursor);
        return page.error();
    }
    SqlPage out;
    out.rows = rowsOf(page);
    if (out.rows.size() < count) {
        out.done = true;
        connection.exec(QByteArray(kClose).replace("%1", cursor));
        m_cursors.remove(cursor);
        if (m_readTransaction && m_cursors.isEmpty())
            if (DbStatus s = endReadTransaction(connection, nullptr); !s)
                return s.error();
    }
    return out;
}

DbStatus SqlRunner::commit(PgConnection &connection)
{
    return endTransaction(connection, kCommit);
}

DbStatus SqlRunner::rollback(PgConnection &connection)
{
    return endTransaction(connection, kRollback);
}

DbStatus SqlRunner::endReadTransaction(PgConnection &connection, SqlRunResult *result)
{
    if (result)
        for (SqlResultSet &set : result->results)
            if (!set.cursor.isEmpty()) {
                set.cursor.clear();
                set.cutShort = true;
            }
    return endTransaction(connection, kCommit);
}

DbStatus SqlRunner::endTransaction(PgConnection &connection, const char *command)
{
    m_cursors.clear();
    m_readTransaction = false;
    if (!inTransaction(connection))
        return {};
    PgResult r = connection.exec(command);
    if (!r.ok())
        return r.error();
    return {};
}

void SqlRunner::readRows(const PgResult &pg, SqlResultSet *set)
{
    set->hasRows = true;
    set->columns.clear();
    set->columnTypes.clear();
    for (int c = 0; c < pg.columns(); ++c) {
        set->columns.append(pg.columnName(c));
        set->columnTypes.append(PQftype(pg.handle(), c));
    }
    set->rows = rowsOf(pg);
    if (set->commandTag.isEmpty())
        set->commandTag = QStringLiteral("SELECT");
}

QStringList SqlRunner::sourceTable(PgConnection &connection, const PgResult &pg)
{
    const Oid table = pg.columns() > 0 ? PQftable(pg.handle(), 0) : InvalidOid;
    if (table == InvalidOid)
        return {};
    for (int c = 1; c < pg.columns(); ++c)
        if (PQftable(pg.handle(), c) != table)
            return {};
    PgResult name = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/source_table.sql")), {qint64(table)});
    if (!name.ok() || name.rows() != 1)
        return {}; // the INSERT asks for the table's name then
    return {name.value(0, 0), name.value(0, 1)};
}

QList<QVariantList> SqlRunner::rowsOf(const PgResult &pg)
{
    QList<QVariantList> rows;
    const int n = pg.rows();
    const int columns = pg.columns();
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(pg.isNull(r, c) ? QVariant() : QVariant(pg.value(r, c)));
        rows.append(std::move(row));
    }
    return rows;
}

SqlRunError SqlRunner::errorAt(const SqlRunRequest &request, int index, const PgError &error,
                               int prefixChars)
{
    SqlRunError e;
    e.error = error;
    e.statementIndex = index;
    if (index < 0 || index >= request.statements.size())
        return e;
    const SqlStatement &st = request.statements.at(index);
    e.scriptOffset = st.offset;
    e.position = st.start;
    const int charPos = error.statementPosition - prefixChars; // 1-based in the statement
    if (error.statementPosition > 0 && charPos > 0) {
        e.scriptOffset = SqlScript::offsetOf(st, charPos);
        e.position = TextPosition::fromOffset(request.script, e.scriptOffset);
    }
    e.error.statementPosition = charPos > 0 ? charPos : 0;
    return e;
}

} // namespace uaip
