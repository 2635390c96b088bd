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

bool SessionActionJob::execute(JobContext &context, QString *summary)
{
    const DbResult<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().message;
        return false;
    }
    const DbResult<bool> r = SessionControl(session.value()->pg()).run(m_action);
    if (!r) {
        setError(r.error());
        *summary = r.error().message;
        return false;
    }
    m_signalled = r.value();
    if (!m_signalled) {
        *summary = tr("the server did not signal session %1 (it may have ended, or the role "
                      "lacks the privilege)")
                       .arg(m_action.pid);
        return false;
    }
    *summary = m_action.kind == SessionAction::Kind::Cancel
        ? tr("the running statement of session %1 was cancelled").arg(m_action.pid)
        : tr("session %1 was terminated").arg(m_action.pid);
    return true;
}

} // namespace uaip
