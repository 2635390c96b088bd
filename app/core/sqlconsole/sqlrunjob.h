#pragma once

#include "jobs/job.h"
#include "sqlclosedcursor.h"
#include "sqlpage.h"
#include "sqlrunrequest.h"
#include "sqlrunresult.h"
#include "sqltransactionstate.h"

#include <QByteArray>

#include <memory>

namespace uaip {

class Session;
class SqlRunner;

// The SQL console's work on its own SessionWorker: a run, the next page of a cursor, commit or
// rollback. Every job of one console (tab) shares its SqlRunner, which only the worker's
// thread touches (jobs of a worker run one after another). Cancel reaches the server through
// the session's canceller (Job::cancel). The result is read in the finished() slot.
class SqlRunJob : public Job
{
    Q_OBJECT
public:
    enum class Kind { Run, Fetch, Commit, Rollback, CloseResults };

    static SqlRunJob *run(std::shared_ptr<SqlRunner> runner, SqlRunRequest request);
    static SqlRunJob *fetch(std::shared_ptr<SqlRunner> runner, const QByteArray &cursor, int count);
    static SqlRunJob *commit(std::shared_ptr<SqlRunner> runner);
    static SqlRunJob *rollback(std::shared_ptr<SqlRunner> runner);
    // SqlRunner::closeResults: each open cursor reads at most restRows more rows and closes.
    static SqlRunJob *closeResults(std::shared_ptr<SqlRunner> runner, int restRows);

    Kind kind() const { return m_kind; }
    // Run: what it gave (also for a failure; the error is in it).
    const SqlRunResult &result() const { return m_result; }
    // Fetch: the rows.
    const SqlPage &page() const { return m_page; }
    QByteArray cursor() const { return m_cursor; }
    // CloseResults: the cursors closed and their last rows.
    const QList<SqlClosedCursor> &closed() const { return m_closed; }
    // Every kind: what the session holds after the job.
    const SqlTransactionState &transactionState() const { return m_state; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Result<QString> runStep(Session &session, JobContext &context);
    SqlRunJob(Kind kind, const QString &title, std::shared_ptr<SqlRunner> runner);

    Kind m_kind;
    std::shared_ptr<SqlRunner> m_runner;
    SqlRunRequest m_request;
    QByteArray m_cursor;
    int m_count = 0;
    SqlRunResult m_result;
    SqlPage m_page;
    QList<SqlClosedCursor> m_closed;
    SqlTransactionState m_state;
};

} // namespace uaip
