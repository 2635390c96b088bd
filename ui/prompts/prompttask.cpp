#include "prompttask.h"

#include "db/session.h"
#include "jobs/jobcontext.h"

namespace uaip {

PromptTask::PromptTask(const QString &title, Work work, QObject *parent)
    : Job(title, parent)
    , m_work(std::move(work))
    , m_then(std::make_shared<Then>())
{ }

PromptTask::PromptTask(const QString &title, SessionWork work, QObject *parent)
    : Job(title, parent)
    , m_sessionWork(std::move(work))
    , m_then(std::make_shared<Then>())
{ }

bool PromptTask::execute(JobContext &context, QString *summary)
{
    const DbResult<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().message;
        return false;
    }
    *m_then = m_work ? m_work(session.value()->pg()) : m_sessionWork(*session.value());
    *summary = title();
    return true;
}

} // namespace uaip
