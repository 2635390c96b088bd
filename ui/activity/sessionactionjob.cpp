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
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().toString();
        return false;
    }
    const Result<SessionOutcome> r = SessionControl(session.value()->pg()).run(m_action);
    if (!r) {
        setError(r.error());
        *summary = r.error().toString();
        return false;
    }
    m_outcome = r.value();
    *summary = m_outcome.message;
    return m_outcome.signalled;
}

} // namespace uaip
