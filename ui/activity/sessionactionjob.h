#pragma once

#include "activity/sessionaction.h"

#include "jobs/job.h"

namespace uaip {

// A cancel or terminate of the Activity view (SessionControl, with its refusals) on the view's
// worker session. signalled(): the server signalled the backend.
class SessionActionJob : public Job
{
    Q_OBJECT
public:
    explicit SessionActionJob(const SessionAction &action, QObject *parent = nullptr);

    const SessionAction &action() const { return m_action; }
    bool signalled() const { return m_signalled; }

protected:
    bool execute(JobContext &context, QString *summary) override;

private:
    SessionAction m_action;
    bool m_signalled = false;
};

} // namespace uaip
