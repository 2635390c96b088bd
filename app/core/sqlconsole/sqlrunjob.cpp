#include "sqlrunjob.h"

#include "db/session.h"
#include "jobs/jobcontext.h"
#include "sqlrunner.h"

namespace uaip {

SqlRunJob::SqlRunJob(Kind kind, const QString &title, std::shared_ptr<SqlRunner> runner)
    : Job(title)
    , m_kind(kind)
    , m_runner(std::move(runner))
{ }

SqlRunJob *SqlRunJob::run(std::shared_ptr<SqlRunner> runner, SqlRunRequest request)
{
    auto *job = new SqlRunJob(Kind::Run, tr("Run SQL"), std::move(runner));
    job->m_request = std::move(request);
    return job;
}

SqlRunJob *SqlRunJob::fetch(std::shared_ptr<SqlRunner> runner, const QByteArray &cursor, int count)
{
    auto *job = new SqlRunJob(Kind::Fetch, tr("Fetch rows"), std::move(runner));
    job->m_cursor = cursor;
    job->m_count = count;
    return job;
}

SqlRunJob *SqlRunJob::commit(std::shared_ptr<SqlRunner> runner)
{
    return new SqlRunJob(Kind::Commit, tr("Commit"), std::move(runner));
}

SqlRunJob *SqlRunJob::rollback(std::shared_ptr<SqlRunner> runner)
{
    return new SqlRunJob(Kind::Rollback, tr("Roll back"), std::move(runner));
}

SqlRunJob *SqlRunJob::closeResults(std::shared_ptr<SqlRunner> runner, int restRows)
{
    auto *job = new SqlRunJob(Kind::CloseResults, tr("Close results"), std::move(runner));
    job->m_count = restRows;
    return job;
}

Result<QString> SqlRunJob::execute(JobContext &context)
{
    Result<Session *> session = context.session();
    if (!session) {
        if (m_kind == Kind::Run) {
            SqlRunError e;
            e.error = session.error();
            m_result.error = e;
        }
        return session.error();
    }
    Result<QString> done = runStep(*session.value(), context);
    m_state = m_runner->transactionState(session.value()->pg());
    return done;
}

Result<QString> SqlRunJob::runStep(Session &session, JobContext &context)
{
    PgConnection &pg = session.pg();
    // the job cancels its session's command; a reading session's (a read-only run's) here
    auto readerCancel = context.onCancel([runner = m_runner] { runner->readers().cancelReader(); });
    switch (m_kind) {
    case Kind::Run: {
        // The guard follows the session's profile, whatever the caller set.
        SqlRunner::Guard guard;
        guard.production = session.spec().profile.production;
        guard.readOnly = session.spec().profile.readOnly;
        guard.database = session.identity().database;
        m_runner->setGuard(guard);
        std::atomic_bool cancelled{false};
        auto scope = context.onCancel([&cancelled] { cancelled = true; });
        m_result = m_runner->run(pg, m_request, &cancelled);
        if (m_result.error) // said at its place in the script, as SqlRunError::toString()
            return m_result.error->error.in(m_result.error->position.toString());
        return tr("%n statement(s) in %1 ms", nullptr, int(m_result.results.size()))
            .arg(qRound(m_result.durationMs));
    }
    case Kind::Fetch: {
        Result<SqlPage> page = m_runner->fetch(pg, m_cursor, m_count);
        if (!page)
            return page.error();
        m_page = page.take();
        return tr("%n row(s)", nullptr, int(m_page.rows.size()));
    }
    case Kind::Commit:
    case Kind::Rollback: {
        const Status s = m_kind == Kind::Commit ? m_runner->commit(pg) : m_runner->rollback(pg);
        if (!s)
            return s.error();
        return m_kind == Kind::Commit ? tr("committed") : tr("rolled back");
    }
    case Kind::CloseResults: {
        Result<QList<SqlClosedCursor>> closed = m_runner->closeResults(pg, m_count);
        if (!closed)
            return closed.error();
        m_closed = closed.take();
        return tr("%n result(s) closed", nullptr, int(m_closed.size()));
    }
    }
    return Error(ErrorCode::Internal, QString());
}

} // namespace uaip
