#include "sessionactionjob.h"

#include "activity/sessioncontrol.h"
#include "db/session.h"
#include "jobs/jobcontext.h"

namespace uaip {

SessionActionJob::SessionActionJob(const SessionAction &action, QObject *parent)
    : Job(action.kind == SessionAction::Kind::Cancel
              ? tr("Activity: cancel session %1").arg(action.pid)
              : tr("Activity: terminate session %1").arg(action.pid),
          parent)
    , m_action(action)
{ }

Result<QString> SessionActionJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error();
    const Result<SessionOutcome> r = SessionControl(session.value()->pg()).run(m_action);
    if (!r)
        return r.error();
    m_outcome = r.value();
    if (!m_outcome.signalled) // the session was gone before the signal reached it
        return Error(ErrorCode::NotFound, m_outcome.message,
                     {{QStringLiteral("pid"), m_action.pid}});
    return m_outcome.message;
}

} // namespace uaip
