#include "sqlrunner.h"

#include "conformingstrings.h"
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "sqlresultreader.h"
#include "sqlscript.h"
#include "statementdeadline.h"
#include "verdicthold.h"
#include "wrappedposition.h"
#include "writewatch.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>
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

// The prefix of a held statement's error position: all of it (the server's position is in
// the view's rows, not in what the user wrote), so the error has none.
int positionless(const RunView &view)
{
    return view.held() ? std::numeric_limits<int>::max() / 2 : 0;
}

} // namespace

SqlRunResult SqlRunner::run(PgConnection &console, const SqlRunRequest &request,
                            const std::atomic_bool *cancelled)
{
    QElapsedTimer timer;
    timer.start();
    SqlRunResult result;
    m_serverPid = 0; // the run may end a transaction and begin another (read again)
    m_held.clear();
    m_console = &console;
    PgConnection *on = &console; // where the run's statements go (ReadingLogins)
    // A session advisory lock outlives the ROLLBACK of a guarded read (taken through a view or
    // a function marked STABLE, which the verdict cannot see): released when the run ends.
    const bool unlockAfter = guard().readOnly || !guard().confirmed(request.confirmedDatabase);
    const auto finish = [&] {
        endRun(console, *on, request, unlockAfter, &result);
        result.durationMs = msSince(timer);
        return result;
    };
    if (!endLastRun(console, request, &result))
        return finish();
    const Result<PgConnection *> target
        = m_readers.connectionFor(console, guard(), request.confirmedDatabase);
    if (!target) {
        result.error = request.errorAt(-1, target.error(), 0);
        return finish();
    }
    on = target.value();
    if (on == &console)
        m_readers.consoleChanged(); // what runs there may SET the search_path
    else
        result.readAs = on->user();
    PgConnection &connection = *on;
    const Result<QString> searchPath = m_readers.searchPathFor(connection, console);
    if (!searchPath) {
        result.error = request.errorAt(-1, searchPath.error(), 0);
        return finish();
    }
    // Nothing is set for the session (behind a transaction pooler it would stay on a pooled
    // backend for the next client): the timeout is the client's (StatementDeadline), the
    // guard's probe under it too, and standard_conforming_strings is read from what the server
    // reports (ConformingStrings).
    m_statementTimeoutMs = std::max(0, request.statementTimeoutMs);
    QList<StatementClass> classes;
    QList<StatementVerdict> verdicts;
    if (std::optional<SqlRunError> stop
        = checkRun(connection, request, searchPath.value(), &classes, &verdicts)) {
        result.error = stop;
        return finish();
    }
    const bool conformingAtStart
        = connection.parameter("standard_conforming_strings") == QLatin1String("on");
    // a reading session's statements run in the runner's read transactions only
    if (on == &console && !beginUserTransaction(connection, request, &result))
        return finish();
    // a guarded read runs what its verdict walked (VerdictHold), all of it in one transaction
    if ((guard().readOnly || !guard().confirmed(request.confirmedDatabase))
        && VerdictHold::applies(connection, classes, verdicts)
        && !holdVerdicts(connection, request, classes, verdicts, searchPath.value(), &result))
        return finish();
    const bool watch = on == &console && guard().production && !guard().readOnly
        && !guard().confirmed(request.confirmedDatabase) && !request.autocommit;
    WriteWatch writes(connection);
    if (watch)
        if (Status s = writes.begin(); !s) {
            result.error = request.errorAt(-1, s.error(), 0);
            return finish();
        }
    runStatements(connection, request, classes, conformingAtStart, cancelled, &result);
    if (watch && writes.undone())
        dropUndoneResults(request, &result);
    if (result.error && result.error->error.sqlState() == QLatin1String("57014") && cancelled
        && cancelled->load())
        result.cancelled = true;
    return finish();
}

std::optional<SqlRunError> SqlRunner::checkRun(PgConnection &connection,
                                               const SqlRunRequest &request,
                                               const QString &searchPath,
                                               QList<StatementClass> *classes,
                                               QList<StatementVerdict> *verdicts)
{
    StatementDeadline deadline(connection, m_statementTimeoutMs);
    std::optional<SqlRunError> stop
        = m_gate.check(connection, request, classes, searchPath, verdicts);
    if (stop && deadline.expired() && stop->error.sqlState() == QLatin1String("57014"))
        stop->error = stop->error.in(StatementDeadline::message(m_statementTimeoutMs));
    return stop;
}

void SqlRunner::endRun(PgConnection &console, PgConnection &on, const SqlRunRequest &request,
                       bool unlock, SqlRunResult *result)
{
    if (m_holding) { // the held read transaction ends with the run unless a cursor reads on
        m_holding = false;
        if (m_readTransaction && m_cursors.isEmpty()) {
            if (Status s = endReadTransaction(nullptr); !s && !result->error)
                result->error = request.errorAt(-1, s.error(), 0);
        } else if (!m_readTransaction && m_cursors.isEmpty() && on.inTransaction()
                   && on.transactionState() != PgConnection::TransactionState::InError) {
            // the user's transaction: its views go now (a failed one drops them itself)
            if (Status s = RunViews::drop(on, m_held); !s && !result->error)
                result->error = request.errorAt(-1, s.error(), 0);
        }
    }
    if (unlock)
        on.exec(kUnlockAll);
    result->notices = on.notices().take();
    result->inTransaction = console.inTransaction() && !(m_readTransaction && m_readOn == &console);
    result->readTransactionOpen = m_readTransaction;
    result->transactionFailed = on.transactionState() == PgConnection::TransactionState::InError;
}

bool SqlRunner::endLastRun(PgConnection &console, const SqlRunRequest &request,
                           SqlRunResult *result)
{
    // What the last run left for its cursors ends now (autocommit, read-only, a reading
    // session's), whatever this run does.
    if (m_readTransaction) {
        if (request.autocommit || guard().readOnly || m_readOn != &console) {
            if (Status s = endReadTransaction(nullptr); !s) {
                result->error = request.errorAt(-1, s.error(), 0);
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
    if (!request.autocommit && !guard().readOnly && !connection.inTransaction()) {
        PgResult begin = connection.exec(Transaction::beginCommand());
        if (!begin.ok()) {
            result->error = request.errorAt(-1, Error(begin.error()), 0);
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
            SqlRunError e = request.errorAt(i, Error(), 0);
            e.error = Error(ErrorCode::Refused,
                            tr("The statement before %1 turned standard_conforming_strings "
                               "off; the console reads statements with it on, so the rest is "
                               "not run.")
                                .arg(request.statements.at(i).start.toString()));
            result->error = e;
            break;
        }
        StatementDeadline deadline(connection, m_statementTimeoutMs);
        const bool ran = runStatement(connection, request, i, classes.at(i), result);
        if (!ran && deadline.expired() && result->error
            && result->error->error.sqlState() == QLatin1String("57014"))
            result->error->error
                = result->error->error.in(StatementDeadline::message(m_statementTimeoutMs));
        if (!ran)
            break;
    }
}

void SqlRunner::dropUndoneResults(const SqlRunRequest &request, SqlRunResult *result)
{
    for (const SqlResultSet &set : std::as_const(result->results))
        m_cursors.remove(set.cursor);
    const Error wrote(ErrorCode::Refused,
                      tr("the statements wrote, through a view, a rule or a trigger; what "
                         "they did is undone"));
    SqlRunError e = guard().needsConfirmationAfter(request.statements.last(), wrote);
    e.statementIndex = int(request.statements.size()) - 1;
    result->results.clear();
    result->error = e;
}

bool SqlRunner::holdVerdicts(PgConnection &connection, const SqlRunRequest &request,
                             const QList<StatementClass> &classes,
                             const QList<StatementVerdict> &verdicts, const QString &searchPath,
                             SqlRunResult *result)
{
    // begun READ WRITE for the probe's rolled back views, READ ONLY once held
    const bool own = !connection.inTransaction();
    if (!openReadTransaction(connection, request, -1, result, own))
        return false;
    int failedAt = -1;
    Status held;
    {
        StatementDeadline deadline(connection, m_statementTimeoutMs);
        Result<QList<RunView>> views
            = VerdictHold::hold(connection, classes, verdicts, searchPath, own, &failedAt,
                                own ? 1 : m_heldInUserTransaction + 1);
        if (views) {
            m_held = views.take();
            if (!own)
                m_heldInUserTransaction += int(std::count_if(
                    m_held.begin(), m_held.end(), [](const RunView &v) { return v.held(); }));
        } else {
            held = views.error();
        }
        if (!held && deadline.expired() && held.error().sqlState() == QLatin1String("57014"))
            held = held.error().in(StatementDeadline::message(m_statementTimeoutMs));
    }
    if (held && own)
        if (const PgResult r = connection.exec(Transaction::readOnlyCommand()); !r.ok())
            held = Error(r.error());
    if (!held) {
        result->error = request.errorAt(failedAt, held.error(), 0);
        if (m_readTransaction)
            endTransaction(connection, Transaction::rollbackCommand());
        return false;
    }
    m_holding = true;
    return true;
}

bool SqlRunner::openReadTransaction(PgConnection &connection, const SqlRunRequest &request,
                                    int index, SqlRunResult *result, bool readWrite)
{
    if (connection.inTransaction())
        return true;
    // Read-only profiles, and production until the name is typed: the server refuses a write
    // the verdict could not see (a function in a view). readWrite: READ ONLY comes later
    // (holdVerdicts).
    const bool readOnly = guard().readOnly || !guard().confirmed(request.confirmedDatabase);
    TransactionOptions access;
    if (readWrite)
        access.access = TransactionOptions::Access::ReadWrite;
    else if (readOnly)
        access = TransactionOptions::readOnly();
    PgResult begin = connection.exec(Transaction::beginCommand(access));
    if (!begin.ok()) {
        result->error = request.errorAt(index, Error(begin.error()), 0);
        return false;
    }
    m_readTransaction = true;
    m_readOn = &connection;
    if (Status s = m_readers.pinSearchPath(connection, *m_console); !s) {
        result->error = request.errorAt(index, s.error(), 0);
        endTransaction(connection, Transaction::rollbackCommand());
        return false;
    }
    return true;
}

bool SqlRunner::pinConforming(PgConnection &connection, const SqlRunRequest &request, int index,
                              SqlRunResult *result)
{
    const QByteArray &text = request.statements.at(index).text;
    if (ConformingStrings::readsAsSplit(connection, text))
        return true;
    if (Status s = ConformingStrings::pinForTransaction(connection, text); !s) {
        result->error = request.errorAt(index, s.error(), 0);
        if (m_readTransaction)
            endTransaction(connection, Transaction::rollbackCommand());
        return false;
    }
    return true;
}

void SqlRunner::failStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                              const Error &error, int prefixChars, SqlRunResult *result)
{
    if (guard().production && !guard().readOnly && error.sqlState() == u"25006"
        && !guard().confirmed(request.confirmedDatabase)) {
        SqlRunError e = guard().needsConfirmationAfter(request.statements.at(index), error);
        e.statementIndex = index;
        result->error = e;
    } else {
        result->error = request.errorAt(index, error, prefixChars);
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
        return runCursorStatement(connection, request, index, cls, timer, &set, result);

    // Read-only, and production until the name is typed: every statement (SHOW, EXPLAIN too:
    // planning runs IMMUTABLE functions, which may call writing ones) in a READ ONLY
    // transaction of the runner's, rolled back after it.
    const bool guardedRead = guard().readOnly || !guard().confirmed(request.confirmedDatabase);
    if (guardedRead) {
        if (!openReadTransaction(connection, request, index, result))
            return false;
    } else if (m_readTransaction && request.autocommit) {
        if (Status s = endReadTransaction(result); !s) {
            result->error = request.errorAt(index, s.error(), 0);
            return false;
        }
    }
    if (!pinConforming(connection, request, index, result))
        return false;
    const RunView &view = heldView(index);
    PgResult res = connection.execOne(RunViews::runText(st.text, cls, view));
    set.durationMs = msSince(timer);
    if (!res.ok()) {
        failStatement(connection, request, index, Error(res.error()), positionless(view), result);
        return false;
    }
    set.commandTag = QString::fromUtf8(res.commandTag());
    set.affectedRows = res.affectedRows();
    if (res.status() == PgResult::Status::TuplesOk) {
        SqlResultReader::readRows(res, &set);
        SqlResultReader::readSource(connection, view.held() ? *view.described : res, &set);
    }
    if (guardedRead && m_readTransaction && m_cursors.isEmpty() && !m_holding)
        if (Status s = endReadTransaction(nullptr); !s) {
            result->error = request.errorAt(index, s.error(), 0);
            return false;
        }
    result->results.append(set);
    return true;
}

const RunView &SqlRunner::heldView(int index) const
{
    static const RunView asWritten;
    return index >= 0 && index < m_held.size() ? m_held.at(index) : asWritten;
}

bool SqlRunner::runCursorStatement(PgConnection &connection, const SqlRunRequest &request,
                                   int index, const StatementClass &cls, const QElapsedTimer &timer,
                                   SqlResultSet *set, SqlRunResult *result)
{
    const SqlStatement &st = request.statements.at(index);
    if (!openReadTransaction(connection, request, index, result)
        || !pinConforming(connection, request, index, result))
        return false;
    const QByteArray name
        = connection.quoteIdentifier(QStringLiteral("uaip_sql_%1").arg(++m_nextCursor));
    const QByteArray declare = QByteArray(kDeclare).replace("%1", name);
    const RunView &view = heldView(index);
    const int prefixChars
        = view.held() ? positionless(view) : int(QString::fromUtf8(declare).size());
    PgResult declared = connection.execOne(declare + RunViews::runText(st.text, cls, view));
    if (!declared.ok()) {
        failStatement(connection, request, index, Error(declared.error()), prefixChars, result);
        return false;
    }
    m_cursors.insert(name);
    PgResult page = connection.exec(
        QByteArray(kFetch).replace("%1", QByteArray::number(request.pageSize)).replace("%2", name));
    if (!page.ok()) {
        // the cursor's query is the DECLARE's text: a position counts it too
        failStatement(connection, request, index, Error(page.error()), prefixChars, result);
        return false;
    }
    SqlResultReader::readRows(page, set);
    SqlResultReader::readSource(connection, view.held() ? *view.described : page, set);
    set->commandTag = QStringLiteral("SELECT");
    if (set->rows.size() < request.pageSize) {
        connection.exec(QByteArray(kClose).replace("%1", name));
        m_cursors.remove(name);
        // every row is here: a read transaction with no cursor left ends now (a held one
        // with the run)
        if (m_readTransaction && m_cursors.isEmpty() && !m_holding)
            if (Status s = endReadTransaction(nullptr); !s) {
                result->error = request.errorAt(index, s.error(), 0);
                return false;
            }
    } else {
        set->cursor = name;
    }
    set->durationMs = msSince(timer);
    result->results.append(*set);
    return true;
}

Result<SqlPage> SqlRunner::fetch(PgConnection &console, const QByteArray &cursor, int count)
{
    PgConnection &connection = readOn(console);
    if (!m_cursors.contains(cursor)) {
        return Error(ErrorCode::NotFound,
                     tr("The result's cursor %1 is closed (its transaction ended); run the "
                        "statement again.")
                         .arg(QString::fromUtf8(cursor)),
                     {{QStringLiteral("cursor"), QString::fromUtf8(cursor)}});
    }
    std::optional<StatementDeadline> deadline(std::in_place, connection, m_statementTimeoutMs);
    PgResult page = connection.exec(
        QByteArray(kFetch).replace("%1", QByteArray::number(count)).replace("%2", cursor));
    const bool expired = deadline->expired();
    deadline.reset();
    if (!page.ok()) {
        m_cursors.remove(cursor);
        // the cursor's query is the DECLARE's text: a position in the statement, or none
        const QByteArray declare = QByteArray(kDeclare).replace("%1", cursor);
        Error e = WrappedPosition::unwrapped(Error(page.error()),
                                             int(QString::fromUtf8(declare).size()));
        if (expired && e.sqlState() == QLatin1String("57014"))
            e = e.in(StatementDeadline::message(m_statementTimeoutMs));
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
            if (Status s = endReadTransaction(nullptr); !s)
                return s.error();
    }
    return out;
}

Status SqlRunner::commit(PgConnection &connection)
{
    return endTransaction(connection, Transaction::commitCommand());
}

Status SqlRunner::rollback(PgConnection &connection)
{
    return endTransaction(connection, Transaction::rollbackCommand());
}

Result<QList<SqlClosedCursor>> SqlRunner::closeResults(PgConnection &console, int restRows)
{
    PgConnection &connection = readOn(console);
    QList<SqlClosedCursor> closed;
    QList<QByteArray> cursors = m_cursors.values();
    std::sort(cursors.begin(), cursors.end());
    for (const QByteArray &cursor : std::as_const(cursors)) {
        Result<SqlPage> rest = fetch(console, cursor, restRows); // closes it when it ends
        if (!rest)
            return rest.error();
        closed.append({cursor, rest.take()});
        if (m_cursors.remove(cursor)) {
            PgResult r = connection.exec(QByteArray(kClose).replace("%1", cursor));
            if (!r.ok())
                return Error(r.error());
        }
    }
    if (m_readTransaction)
        if (Status s = endReadTransaction(nullptr); !s)
            return s.error();
    return closed;
}

SqlTransactionState SqlRunner::transactionState(PgConnection &console)
{
    PgConnection &connection = readOn(console);
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
        const Result<QString> pooler = m_gate.pooler().description(connection);
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

Status SqlRunner::endReadTransaction(SqlRunResult *result)
{
    if (result)
        for (SqlResultSet &set : result->results)
            if (!set.cursor.isEmpty()) {
                set.cursor.clear();
                set.cutShort = true;
            }
    // Guarded profiles: what the reads did to the session (a setting) goes with them.
    PgConnection *on = m_readOn;
    if (!on) { // (no read transaction was begun)
        m_cursors.clear();
        m_readTransaction = false;
        return {};
    }
    return endTransaction(
        *on, guard().active() ? Transaction::rollbackCommand() : Transaction::commitCommand());
}

Status SqlRunner::endTransaction(PgConnection &connection, const QByteArray &command)
{
    // the runner's read transaction on a reading session of the console's ends too
    PgConnection *elsewhere
        = m_readTransaction && m_readOn && m_readOn != &connection ? m_readOn : nullptr;
    m_cursors.clear();
    m_readTransaction = false;
    m_readOn = nullptr;
    m_serverPid = 0;
    if (elsewhere && elsewhere->inTransaction()) {
        PgResult r = elsewhere->exec(Transaction::rollbackCommand());
        if (!r.ok())
            return Error(r.error());
    }
    if (!connection.inTransaction())
        return {};
    PgResult r = connection.exec(command);
    if (!r.ok())
        return Error(r.error());
    return {};
}

} // namespace uaip
