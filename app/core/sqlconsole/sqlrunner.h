#pragma once

#include "error/result.h"
#include "error/status.h"
#include "readinglogins.h"
#include "runviews.h"
#include "sqlclosedcursor.h"
#include "sqlpage.h"
#include "sqlrungate.h"
#include "sqlrunrequest.h"
#include "sqlrunresult.h"
#include "sqltransactionstate.h"
#include "statementclass.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QString>

#include <atomic>

namespace uaip {

class PgConnection;
class PgResult;

// Runs the SQL console's statements on one connection, on the thread that owns it (a
// SessionWorker's job, or the CLI). Keeps what lives between runs on that connection: the
// open cursors and whether the transaction they are read in is the runner's own.
//
// Rows come through server-side cursors (DECLARE ... NO SCROLL CURSOR / FETCH n): a run
// returns the first page of each SELECT at once, fetch() the next ones, so a 10-million-row
// SELECT * shows its first rows fast and memory stays flat. A cursor lives in a transaction:
// with autocommit the runner opens one for the cursors (read transaction) and commits it before
// the next statement that is not a plain SELECT, or at the next run; without autocommit the
// cursors live in the user's transaction until commit() or rollback().
//
// Guards (SqlGuard, through SqlRunGate), checked for every statement of a run before any is
// sent, from the parse tree and the catalog (StatementSafety): on a production profile a statement
// that can write needs the database name typed (SqlRunRequest::confirmedDatabase); on a read-only
// profile only reading statements run, each in a READ ONLY transaction the runner rolls back, so
// nothing a statement does to the session outlives it. Every statement goes out alone over the
// extended protocol (PgConnection::execOne), read by the server as the splitter reads it
// (standard_conforming_strings on, or turned on for the statement's transaction, or the
// statement refused: ConformingStrings): no text can carry a second statement past the guards.
// Nothing is set for the session: the statement timeout is the client's (StatementDeadline).
class SqlRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlRunner)

public:
    using Guard = SqlGuard;

    SqlRunner() = default;
    explicit SqlRunner(SqlGuard guard)
        : m_gate(std::move(guard))
    { }
    const SqlGuard &guard() const { return m_gate.guard(); }
    // Where this console's guarded runs execute (its Explain and CSV export use it too).
    ReadingLogins &readers() { return m_readers; }
    void setGuard(SqlGuard guard) { m_gate.setGuard(std::move(guard)); }

    // cancelled: checked between statements (the running one is cancelled at the server through
    // the session's canceller, and fails with 57014).
    SqlRunResult run(PgConnection &connection, const SqlRunRequest &request,
                     const std::atomic_bool *cancelled = nullptr);
    // The next count rows of a cursor a run returned.
    Result<SqlPage> fetch(PgConnection &connection, const QByteArray &cursor, int count);
    // Ends the transaction (the user's, or the read transaction of the cursors); closes every
    // cursor.
    Status commit(PgConnection &connection);
    Status rollback(PgConnection &connection);
    // Ends what the open results hold: each cursor reads at most restRows more rows (a result
    // that ends within them is whole) and closes; the runner's read transaction then ends. The
    // user's own transaction stays open (its cursors close; Commit or Roll back ends it).
    Result<QList<SqlClosedCursor>> closeResults(PgConnection &connection, int restRows);
    // What the session holds now; reads the server's pid once per transaction behind a pooler.
    SqlTransactionState transactionState(PgConnection &connection);

    const QSet<QByteArray> &openCursors() const { return m_cursors; }

private:
    // run()'s steps; false (where they say) with the error in result.
    // The gate (SqlRunGate::check) under the run's statement timeout.
    std::optional<SqlRunError> checkRun(PgConnection &connection, const SqlRunRequest &request,
                                        const QString &searchPath, QList<StatementClass> *classes,
                                        QList<StatementVerdict> *verdicts);
    // What ends with the run on on (the held read transaction, or the held views in the user's
    // transaction; the session advisory locks when unlock) and what result says of the session.
    void endRun(PgConnection &console, PgConnection &on, const SqlRunRequest &request, bool unlock,
                SqlRunResult *result);
    bool endLastRun(PgConnection &connection, const SqlRunRequest &request, SqlRunResult *result);
    bool beginUserTransaction(PgConnection &connection, const SqlRunRequest &request,
                              SqlRunResult *result);
    void runStatements(PgConnection &connection, const SqlRunRequest &request,
                       const QList<StatementClass> &classes, bool conformingAtStart,
                       const std::atomic_bool *cancelled, SqlRunResult *result);
    // The run's writes were undone (its guard savepoint): its results go, the name is asked for.
    void dropUndoneResults(const SqlRunRequest &request, SqlRunResult *result);
    bool runStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                      const StatementClass &cls, SqlRunResult *result);
    // A statement read through a cursor: its first page in set, appended to result.
    bool runCursorStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                            const StatementClass &cls, const QElapsedTimer &timer,
                            SqlResultSet *set, SqlRunResult *result);
    // What statement index of the run runs from (none: as written).
    const RunView &heldView(int index) const;
    // standard_conforming_strings on for the statement's transaction where the server would
    // read it otherwise (ConformingStrings); false with the refusal or error in result.
    bool pinConforming(PgConnection &connection, const SqlRunRequest &request, int index,
                       SqlRunResult *result);
    bool openReadTransaction(PgConnection &connection, const SqlRunRequest &request, int index,
                             SqlRunResult *result, bool readWrite = false);
    // A guarded read's verdicts held in the read transaction the run's statements then share
    // (VerdictHold); false with the refusal or error in result.
    bool holdVerdicts(PgConnection &connection, const SqlRunRequest &request,
                      const QList<StatementClass> &classes, const QList<StatementVerdict> &verdicts,
                      const QString &searchPath, SqlRunResult *result);
    // A statement's error: on production a reading statement the READ ONLY transaction refused
    // asks for the name; a failed read transaction of the runner is rolled back.
    void failStatement(PgConnection &connection, const SqlRunRequest &request, int index,
                       const Error &error, int prefixChars, SqlRunResult *result);
    // Ends the runner's read transaction, where it is open (m_readOn).
    Status endReadTransaction(SqlRunResult *result);
    // Ends connection's transaction, and the runner's read transaction on another session.
    Status endTransaction(PgConnection &connection, const QByteArray &command);
    // Where the runner's read transaction and its cursors are: console, or its reading session.
    PgConnection &readOn(PgConnection &console) const
    {
        return m_readTransaction && m_readOn ? *m_readOn : console;
    }

    SqlRunGate m_gate; // the guard and the pooler, checked before a run sends anything
    ReadingLogins m_readers; // where guarded runs execute
    PgConnection *m_console = nullptr; // the console's session of the run under way
    PgConnection *m_readOn = nullptr; // the session of the runner's read transaction
    QSet<QByteArray> m_cursors; // open cursors of the runner
    bool m_readTransaction = false; // the open transaction is the runner's own (autocommit)
    bool m_holding = false; // the run's verdicts are held in it (VerdictHold) until the run ends
    // what each statement of the run runs from (VerdictHold; none held: as written), and the
    // views made in the user's transaction so far (numbered on from there)
    QList<RunView> m_held;
    int m_heldInUserTransaction = 0;
    int m_nextCursor = 0;
    int m_statementTimeoutMs = 0; // the last run's, for its cursors' fetches too
    int m_serverPid = 0; // of the open transaction (transactionState)
};

} // namespace uaip
