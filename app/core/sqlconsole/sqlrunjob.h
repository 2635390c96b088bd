#pragma once

#include "jobs/job.h"
#include "sqlpage.h"
#include "sqlrunrequest.h"
#include "sqlrunresult.h"

#include <QByteArray>

#include <memory>

namespace uaip {

class SqlRunner;

// The SQL console's work on its own SessionWorker: a run, the next page of a cursor, commit or
// rollback. Every job of one console (tab) shares its SqlRunner, which only the worker's
// thread touches (jobs of a worker run one after another). Cancel reaches the server through
// the session's canceller (Job::cancel). The result is read in the finished() slot.
class SqlRunJob : public Job
{
    Q_OBJECT
public:
    enum class Kind { Run, Fetch, Commit, Rollback };

    static SqlRunJob *run(std::shared_ptr<SqlRunner> runner, SqlRunRequest request);
    static SqlRunJob *fetch(std::shared_ptr<SqlRunner> runner, const QByteArray &cursor, int count);
    static SqlRunJob *commit(std::shared_ptr<SqlRunner> runner);
    static SqlRunJob *rollback(std::shared_ptr<SqlRunner> runner);

    Kind kind() const { return m_kind; }
    // Run: what it gave (also for a failure; the error is in it).
    const SqlRunResult &result() const { return m_result; }
    // Fetch: the rows.
    const SqlPage &page() const { return m_page; }
    QByteArray cursor() const { return m_cursor; }

protected:
    bool execute(JobContext &context, QString *summary) override;

private:
    SqlRunJob(Kind kind, const QString &title, std::shared_ptr<SqlRunner> runner);

    Kind m_kind;
    std::shared_ptr<SqlRunner> m_runner;
    SqlRunRequest m_request;
    QByteArray m_cursor;
    int m_count = 0;
    SqlRunResult m_result;
    SqlPage m_page;
};

} // namespace uaip
