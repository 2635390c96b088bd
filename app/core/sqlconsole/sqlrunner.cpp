#include "sqlrunner.h"

#include "conformingstrings.h"
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "sqlresultreader.h"
#include "sqlscript.h"
#include "statementdeadline.h"
#include "statementsafety.h"

#include <QElapsedTimer>

#include <algorithm>
#include <optional>

namespace uaip {

namespace {

constexpr auto kUnlockAll = "SELECT pg_catalog.pg_advisory_unlock_all()";
// DECLARE <name> NO SCROLL CURSOR FOR <statement>; FETCH FORWARD <n> FROM <name>; CLOSE <name>
constexpr auto kDeclare = "DECLARE %1 NO SCROLL CURSOR FOR ";
constexpr auto kFetch = "FETCH FORWARD %1 FROM %2";
constexpr auto kClose = "CLOSE %1";

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The open transaction's id when it has taken one (it wrote), else empty.
QString assignedXid(PgConnection &connection)
{
    return connection.scalar(SqlResource::get(QStringLiteral("sqlconsole/sql/assigned_xid.sql")));
}

// Ends the guard's savepoint around a run (production, the user's transaction, before the name
// is typed): rolled back to when the run made the transaction take an xid (it wrote, through a
// view, a rule or a trigger the verdict cannot see), then true. A transaction the run ended or
// failed is left as the run left it.
bool undoneWrites(PgConnection &connection, Transaction &savepoint, const QString &xidBefore)
{
    if (connection.transactionState() != PgConnection::TransactionState::InTransaction) {
        savepoint.forget();
        return false;
    }
    const bool wrote = xidBefore.isEmpty() && !assignedXid(connection).isEmpty();
    if (wrote)
        savepoint.rollback();
    else
        savepoint.commit();
    return wrote;
}

} // namespace

SqlRunner::SqlRunner() = default;

SqlRunner::SqlRunner(SqlGuard guard)
    : m_guard(std::move(guard))
{ }

int SqlRunner::guardStop(PgConnection &connection, const SqlRunRequest &request, SqlRunError *why,
                         QList<StatementClass> *classes) const
{
    QList<StatementClass> all;
    all.reserve(request.statements.size());
    for (const SqlStatement &st : request.statements)
        all.append(StatementClass::of(st.text));
    if (classes)
        *classes = all;
    if (!m_guard.active())
        return -1;
    DbResult<QList<StatementVerdict>> verdicts = StatementSafety::judge(connection, all);
    if (!verdicts) {
        if (why)
            *why = errorAt(request, -1, verdicts.error(), 0);
        return 0;
    }
    // A statement that can write never goes through the read transaction (which a guarded
    // profile rolls back): once confirmed it runs, and commits, as written.
    if (classes)
        for (int i = 0; i < classes->size(); ++i)
            if (!verdicts.value().at(i).reads())
                (*classes)[i].cursorable = false;
    for (int i = 0; i < request.statements.size(); ++i) {
        std::optional<SqlRunError> e = m_guard.stop(
            request.statements.at(i), verdicts.value().at(i), request.confirmedDatabase);
        if (!e)
            continue;
        e->statementIndex = i;
        if (why)
            *why = *e;
        return i;
    }
    return -1;
}

int SqlRunner::preparedStop(const SqlRunRequest &request, const QList<StatementClass> &classes,
                            SqlRunError *why)
{
    for (int i = 0; i < classes.size(); ++i) {
        if (!classes.at(i).preparesTransaction)
            continue;
        SqlRunError e = errorAt(request, i, PgError(), 0);
        e.kind = SqlRunError::Kind::Refused;
        e.error.message = tr("The statement at %1 prepares the transaction for two-phase commit: "
                             "it and its locks would outlive this session, with nothing here to "
                             "show or end it. Nothing of the script is run; use COMMIT or "
                             "ROLLBACK (or psql for two-phase commit).")
                              .arg(request.statements.at(i).start.toString());
        *why = e;
        return i;
    }
    return -1;
}

int SqlRunner::poolerStop(PgConnection &connection, const SqlRunRequest &request,
                          const QList<StatementClass> &classes, SqlRunError *why)
{
    int first = -1;
    for (int i = 0; i < classes.size() && first < 0; ++i)
        if (!classes.at(i).sessionState.isEmpty())
            first = i;
    if (first < 0)
        return -1;
    const DbResult<QString> pooler = m_pooler.description(connection);
    if (!pooler) {
        if (why)
            *why = errorAt(request, -1, pooler.error(), 0);
        return 0;
    }
    if (pooler.value().isEmpty())
        return -1;
    if (why) {
        SqlRunError e = errorAt(request, first, PgError(), 0);
        const SqlStatement &statement = request.statements.at(first);
        e.kind = SqlRunError::Kind::Refused;
        e.error.message
            = tr("The statement at %1 (%2) leaves state on the server session, and this "
                 "connection goes through %3, which gives that server session to its other "
                 "clients: nothing of the script is run. Use SET LOCAL (or the _xact_ form) "
                 "inside a transaction, or a direct connection to the server.")
                  .arg(statement.start.toString(), classes.at(first).sessionState, pooler.value());
        *why = e;
    }
    return first;
}

SqlRunResult SqlRunner::run(PgConnection &connection, const SqlRunRequest &request,
                            const std::atomic_bool *cancelled)
{
    QElapsedTimer timer;
    timer.start();
    SqlRunResult result;
    m_serverPid = 0; // the run may end a transaction and begin another (read again)
    // A session advisory lock outlives the ROLLBACK of a guarded read (taken through a view or
    // a function marked STABLE, which the verdict cannot see): released when the run ends.
    const bool unlockAfter = m_guard.readOnly || !m_guard.confirmed(request.confirmedDatabase);
    const auto finish = [&] {
        if (unlockAfter)
            connection.exec(kUnlockAll);
        result.notices = connection.takeNotices();
        result.inTransaction = connection.inTransaction() && !m_readTransaction;
        result.readTransactionOpen = m_readTransaction;
        result.transactionFailed
            = connection.transactionState() == PgConnection::TransactionState::InError;
        result.durationMs = msSince(timer);
        return result;
    };
    if (!endLastRun(connection, request, &result))
        return finish();
    SqlRunError stop;
    QList<StatementClass> classes;
    if (guardStop(connection, request, &stop, &classes) >= 0
        || poolerStop(connection, request, classes, &stop) >= 0
        || preparedStop(request, classes, &stop) >= 0) {
        result.error = stop;
        return finish();
    }
    // Nothing is set for the session (behind a transaction pooler it would stay on a pooled
    // backend for the next client): the timeout is the client's (StatementDeadline), and
    // standard_conforming_strings is read from what the server reports (ConformingStrings).
    m_statementTimeoutMs = std::max(0, request.statementTimeoutMs);
    const bool conformingAtStart
        = connection.parameter("standard_conforming_strings") == QLatin1String("on");
    if (!beginUserTransaction(connection, request, &result))
        return finish();
    const bool watch = m_guard.production && !m_guard.readOnly
        && !m_guard.confirmed(request.confirmedDatabase) && !request.autocommit;
    Transaction savepoint(connection);
    QString xidBefore;
    if (watch) {
        if (DbStatus s = savepoint.begin(TransactionOptions::nested()); !s) {
            result.error = errorAt(request, -1, s.error(), 0);
            return finish();
        }
        xidBefore = assignedXid(connection);
    }
    runStatements(connection, request, classes, conformingAtStart, cancelled, &result);
    if (watch && undoneWrites(connection, savepoint, xidBefore))
        dropUndoneResults(request, &result);
    if (result.error && result.error->error.sqlState == QLatin1String("57014") && cancelled
        && cancelled->load())
        result.cancelled = true;
    return finish();
}

bool SqlRunner::endLastRun(PgConnection &connection, const SqlRunRequest &request,
                           SqlRunResult *result)
{
    // What the last run left for its cursors ends now (autocommit, read-only), whatever this
    // run does.
    if (m_readTransaction) {
        if (request.autocommit || m_guard.readOnly) {
            if (DbStatus s = endReadTransaction(connection, nullptr); !s) {
                result->error = errorAt(request, -1, s.error(), 0);
                return false;
            }
        } else {
            m_readTransaction = false; // it becomes the user's transaction
        }
    }
    return true;
}

bool SqlRunner::beginUserTransaction(PgConnection &connection, const SqlRunRequest &request,
                                     SqlRunResult *result)
{
    if (!request.autocommit && !m_guard.readOnly && !connection.inTransaction()) {
        PgResult begin = connection.exec(Transaction::beginCommand());
        if (!begin.ok()) {
            result->error = errorAt(request, -1, begin.error(), 0);
            return false;
        }
    }
    return true;
}

void SqlRunner::runStatements(PgConnection &connection, const SqlRunRequest &request,
                              const QList<StatementClass> &classes, bool conformingAtStart,
                              const std::atomic_bool *cancelled, SqlRunResult *result)
{
    for (int i = 0; i < request.statements.size(); ++i) {
        if (cancelled && cancelled->load()) {
            result->cancelled = true;
            break;
        }
        // The splitter and the guards read every statement with standard_conforming_strings
        // on; a statement that turned it off leaves the rest unread.
        if (i > 0 && conformingAtStart
            && connection.parameter("standard_conforming_strings") != u"on") {
            SqlRunError e = errorAt(request, i, PgError(), 0);
            e.kind = SqlRunError::Kind::Refused;
            e.error.message = tr("The statement before %1 turned standard_conforming_strings "
                                 "off; the console reads statements with it on, so the rest is "
                                 "not run.")
                                  .arg(request.statements.at(i).start.toString());
            result->error = e;
            break;
        }
        StatementDeadline deadline(connection, m_statementTimeoutMs);
        const bool ran = runStatement(connection, request, i, classes.at(i), result);
        if (!ran && deadline.expired() && result->error
            && result->error->error.sqlState == QLatin1String("57014"))
            result->error->error.message = StatementDeadline::message(m_statementTimeoutMs);
        if (!ran)
            break;
    }
}

void SqlRunner::dropUndoneResults(const SqlRunRequest &request, SqlRunResult *result)
{
    for (const SqlResultSet &set : std::as_const(result->results))
        m_cursors.remove(set.cursor);
    PgError wrote;
    wrote.message = tr("the statements wrote, through a view, a rule or a trigger; what "
                       "they did is undone");
    SqlRunError e = m_guard.needsConfirmationAfter(request.statements.last(), wrote);
    e.statementIndex = int(request.statements.size()) - 1;
    result->results.clear();
    result->error = e;
}

bool SqlRunner::openReadTransaction(PgConnection &connection, const SqlRunRequest &request,
                                    int index, SqlRunResult *result)
{
    if (connection.inTransaction())
        return true;
    // Read-only profiles, and production until the name is typed: the server refuses a write
    // the verdict could not see (a function in a view).
    const bool readOnly = m_guard.readOnly || !m_guard.confirmed(request.confirmedDatabase);
    PgResult begin = connection.exec(Transaction::beginCommand(
        readOnly ? TransactionOptions::readOnly() : TransactionOptions()));
    if (!begin.ok()) {
        result->error = errorAt(request, index, begin.error(), 0);
        return false;
    }
    m_readTransaction = true;
    return true;
}

bool SqlRunner::pinConforming(PgConnection &connection, const SqlRunRequest &request, int index,
                              SqlRunResult *result)
{
    const QByteArray &text = request.statements.at(index).text;
    if (ConformingStrings::readsAsSplit(connection, text))
        return true;
    if (DbStatus s = ConformingStrings::pinForTransaction(connection, text); !s) {
        SqlRunError e = errorAt(request, index, s.error(), 0);
        if (s.error().sqlState == QLatin1String("22P06"))
            e.kind = SqlRunError::Kind::Refused;
        result->error = e;
        if (m_readTransaction)
            endTransaction(connection, Transaction::rollbackCommand());
        return false;
    }
    return true;
}

void SqlRunner::failStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                              const PgError &error, int prefixChars, SqlRunResult *result)
{
    if (m_guard.production && !m_guard.readOnly && error.sqlState == u"25006"
        && !m_guard.confirmed(request.confirmedDatabase)) {
        SqlRunError e = m_guard.needsConfirmationAfter(request.statements.at(index), error);
        e.statementIndex = index;
        result->error = e;
    } else {
        result->error = errorAt(request, index, error, prefixChars);
    }
    if (m_readTransaction)
        endTransaction(connection, Transaction::rollbackCommand());
}

bool SqlRunner::runStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                             const StatementClass &cls, SqlRunResult *result)
{
    const SqlStatement &st = request.statements.at(index);
    QElapsedTimer timer;
    timer.start();
    SqlResultSet set;
    set.statementIndex = index;
    set.start = st.start;
    set.statement = QString::fromUtf8(st.text);

    if (cls.cursorable)
        return runCursorStatement(connection, request, index, timer, &set, result);

    // Read-only, and production until the name is typed: every statement (SHOW, EXPLAIN too:
    // planning runs IMMUTABLE functions, which may call writing ones) in a READ ONLY
    // transaction of the runner's, rolled back after it.
    const bool guardedRead = m_guard.readOnly || !m_guard.confirmed(request.confirmedDatabase);
    if (guardedRead) {
        if (!openReadTransaction(connection, request, index, result))
            return false;
    } else if (m_readTransaction && request.autocommit) {
        if (DbStatus s = endReadTransaction(connection, result); !s) {
            result->error = errorAt(request, index, s.error(), 0);
            return false;
        }
    }
    if (!pinConforming(connection, request, index, result))
        return false;
    PgResult res = connection.execOne(st.text);
    set.durationMs = msSince(timer);
    if (!res.ok()) {
        failStatement(connection, request, index, res.error(), 0, result);
        return false;
    }
    set.commandTag = QString::fromUtf8(res.commandTag());
    set.affectedRows = res.affectedRows();
    if (res.status() == PgResult::Status::TuplesOk) {
        SqlResultReader::readRows(res, &set);
        SqlResultReader::readSource(connection, res, &set);
    }
    if (guardedRead && m_readTransaction && m_cursors.isEmpty())
        if (DbStatus s = endReadTransaction(connection, nullptr); !s) {
            result->error = errorAt(request, index, s.error(), 0);
            return false;
        }
    result->results.append(set);
    return true;
}

bool SqlRunner::runCursorStatement(PgConnection &connection, const SqlRunRequest &request,
                                   int index, const QElapsedTimer &timer, SqlResultSet *set,
                                   SqlRunResult *result)
{
    const SqlStatement &st = request.statements.at(index);
    if (!openReadTransaction(connection, request, index, result)
        || !pinConforming(connection, request, index, result))
        return false;
    const QByteArray name
        = connection.quoteIdentifier(QStringLiteral("uaip_sql_%1").arg(++m_nextCursor));
    const QByteArray declare = QByteArray(kDeclare).replace("%1", name);
    PgResult declared = connection.execOne(declare + st.text);
    if (!declared.ok()) {
        failStatement(connection, request, index, declared.error(),
                      int(QString::fromUtf8(declare).size()), result);
        return false;
    }
    m_cursors.insert(name);
    PgResult page = connection.exec(
        QByteArray(kFetch).replace("%1", QByteArray::number(request.pageSize)).replace("%2", name));
    if (!page.ok()) {
        failStatement(connection, request, index, page.error(), 0, result);
        return false;
    }
    SqlResultReader::readRows(page, set);
    SqlResultReader::readSource(connection, page, set);
    set->commandTag = QStringLiteral("SELECT");
    if (set->rows.size() < request.pageSize) {
        connection.exec(QByteArray(kClose).replace("%1", name));
        m_cursors.remove(name);
        // every row is here: a read transaction with no cursor left ends now
        if (m_readTransaction && m_cursors.isEmpty())
            if (DbStatus s = endReadTransaction(connection, nullptr); !s) {
                result->error = errorAt(request, index, s.error(), 0);
                return false;
            }
    } else {
        set->cursor = name;
    }
    set->durationMs = msSince(timer);
    result->results.append(*set);
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
    std::optional<StatementDeadline> deadline(std::in_place, connection, m_statementTimeoutMs);
    PgResult page = connection.exec(
        QByteArray(kFetch).replace("%1", QByteArray::number(count)).replace("%2", cursor));
    const bool expired = deadline->expired();
    deadline.reset();
    if (!page.ok()) {
        m_cursors.remove(cursor);
        PgError e = page.error();
        if (expired && e.sqlState == QLatin1String("57014"))
            e.message = StatementDeadline::message(m_statementTimeoutMs);
        if (m_readTransaction) // a failed read transaction of the runner ends now
            endTransaction(connection, Transaction::rollbackCommand());
        return e;
    }
    SqlPage out;
    out.rows = SqlResultReader::rowsOf(page);
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
    return endTransaction(connection, Transaction::commitCommand());
}

DbStatus SqlRunner::rollback(PgConnection &connection)
{
    return endTransaction(connection, Transaction::rollbackCommand());
}

DbResult<QList<SqlClosedCursor>> SqlRunner::closeResults(PgConnection &connection, int restRows)
{
    QList<SqlClosedCursor> closed;
    QList<QByteArray> cursors = m_cursors.values();
    std::sort(cursors.begin(), cursors.end());
    for (const QByteArray &cursor : std::as_const(cursors)) {
        DbResult<SqlPage> rest = fetch(connection, cursor, restRows); // closes it when it ends
        if (!rest)
            return rest.error();
        closed.append({cursor, rest.take()});
        if (m_cursors.remove(cursor)) {
            PgResult r = connection.exec(QByteArray(kClose).replace("%1", cursor));
            if (!r.ok())
                return r.error();
        }
    }
    if (m_readTransaction)
        if (DbStatus s = endReadTransaction(connection, nullptr); !s)
            return s.error();
    return closed;
}

SqlTransactionState SqlRunner::transactionState(PgConnection &connection)
{
    SqlTransactionState state;
    state.open = connection.inTransaction();
    state.failed = connection.transactionState() == PgConnection::TransactionState::InError;
    state.runnersRead = m_readTransaction;
    state.cursors = m_cursors.values();
    std::sort(state.cursors.begin(), state.cursors.end());
    if (!state.open) {
        m_serverPid = 0;
        return state;
    }
    if (m_serverPid == 0 && !state.failed) {
        // Behind a pooler the server process is the one the transaction is pinned to.
        const DbResult<QString> pooler = m_pooler.description(connection);
        if (pooler && pooler.value().isEmpty()) {
            m_serverPid = connection.backendPid();
        } else {
            PgResult pid = connection.exec(
                SqlResource::get(QStringLiteral("sqlconsole/sql/backend_pid.sql")));
            m_serverPid = pid.ok() && pid.rows() == 1 ? pid.value(0, 0).toInt() : 0;
        }
    }
    state.serverPid = m_serverPid;
    return state;
}

DbStatus SqlRunner::endReadTransaction(PgConnection &connection, SqlRunResult *result)
{
    if (result)
        for (SqlResultSet &set : result->results)
            if (!set.cursor.isEmpty()) {
                set.cursor.clear();
                set.cutShort = true;
            }
    // Guarded profiles: what the reads did to the session (a setting) goes with them.
    return endTransaction(connection,
                          m_guard.active() ? Transaction::rollbackCommand()
                                           : Transaction::commitCommand());
}

DbStatus SqlRunner::endTransaction(PgConnection &connection, const QByteArray &command)
{
    m_cursors.clear();
    m_readTransaction = false;
    m_serverPid = 0;
    if (!connection.inTransaction())
        return {};
    PgResult r = connection.exec(command);
    if (!r.ok())
        return r.error();
    return {};
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
