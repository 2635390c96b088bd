#pragma once

#include "activity/sessionaction.h"
#include "activity/sessionoutcome.h"

#include "jobs/job.h"

namespace uaip {

// A cancel or terminate of the Activity view (SessionControl, with its refusals) on the view's
// worker session. It succeeds when the server signalled the session; its summary is the
// outcome (signalled, already gone, refused) in one line. outcome(): valid once finished and
// not refused or failed.
class SessionActionJob : public Job
{
    Q_OBJECT
public:
    explicit SessionActionJob(const SessionAction &action, QObject *parent = nullptr);

    const SessionAction &action() const { return m_action; }
    bool signalled() const { return m_outcome.signalled; }
    const SessionOutcome &outcome() const { return m_outcome; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    SessionAction m_action;
    SessionOutcome m_outcome;
};

} // namespace uaip
