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

bool SqlRunJob::execute(JobContext &context, QString *summary)
{
    Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        if (m_kind == Kind::Run) {
            SqlRunError e;
            e.error = session.error();
            m_result.error = e;
        }
        *summary = session.error().toString();
        return false;
    }
    const bool ok = runStep(*session.value(), context, summary);
    m_state = m_runner->transactionState(session.value()->pg());
    return ok;
}

bool SqlRunJob::runStep(Session &session, JobContext &context, QString *summary)
{
    PgConnection &pg = session.pg();
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
        if (m_result.error) {
            setError(m_result.error->error);
            *summary = m_result.error->toString();
            return false;
        }
        *summary = tr("%n statement(s) in %1 ms", nullptr, int(m_result.results.size()))
                       .arg(qRound(m_result.durationMs));
        return true;
    }
    case Kind::Fetch: {
        Result<SqlPage> page = m_runner->fetch(pg, m_cursor, m_count);
        if (!page) {
            setError(page.error());
            *summary = page.error().toString();
            return false;
        }
        m_page = page.take();
        *summary = tr("%n row(s)", nullptr, int(m_page.rows.size()));
        return true;
    }
    case Kind::Commit:
    case Kind::Rollback: {
        const Status s = m_kind == Kind::Commit ? m_runner->commit(pg) : m_runner->rollback(pg);
        if (!s) {
            setError(s.error());
            *summary = s.error().toString();
            return false;
        }
        *summary = m_kind == Kind::Commit ? tr("committed") : tr("rolled back");
        return true;
    }
    case Kind::CloseResults: {
        Result<QList<SqlClosedCursor>> closed = m_runner->closeResults(pg, m_count);
        if (!closed) {
            setError(closed.error());
            *summary = closed.error().toString();
            return false;
        }
        m_closed = closed.take();
        *summary = tr("%n result(s) closed", nullptr, int(m_closed.size()));
        return true;
    }
    }
    return false;
}

} // namespace uaip
