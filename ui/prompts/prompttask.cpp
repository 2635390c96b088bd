#include "prompttask.h"

#include "db/session.h"
#include "jobs/jobcontext.h"

namespace uaip {

PromptTask::PromptTask(const QString &title, Work work, QObject *parent)
    : PromptTask(title, SessionWork([work = std::move(work)](Session &session) {
                     return work(session.pg());
                 }),
                 parent)
{ }

// The function runs on the worker, after construction: m_then exists by then.
PromptTask::PromptTask(const QString &title, SessionWork work, QObject *parent)
    : FunctionJob(
        title,
        [this, work = std::move(work)](JobContext &context) -> Result<QString> {
            const Result<Session *> session = context.session();
            if (!session)
                return session.error();
            *m_then = work(*session.value());
            return this->title();
        },
        parent)
{ }

} // namespace uaip
