#pragma once

#include "jobs/functionjob.h"

#include <functional>
#include <memory>

namespace uaip {

class PgConnection;
class Session;

// One database call of the Prompts view, run on the view's SessionWorker: the work gets the
// worker session's PgConnection (worker thread) and returns what to do with its result on
// the GUI thread (then()). The view runs then() from its finished() slot. A FunctionJob whose
// function takes the worker's session (its error is the job's failure), runs the work and
// keeps the Then.
class PromptTask : public FunctionJob
{
    Q_OBJECT
public:
    using Then = std::function<void()>;
    using Work = std::function<Then(PgConnection &)>;
    using SessionWork = std::function<Then(Session &)>; // for the session's identity

    PromptTask(const QString &title, Work work, QObject *parent = nullptr);
    PromptTask(const QString &title, SessionWork work, QObject *parent = nullptr);

    // Valid in a finished() slot when the job succeeded.
    std::shared_ptr<Then> then() const { return m_then; }

private:
    std::shared_ptr<Then> m_then = std::make_shared<Then>();
};

} // namespace uaip
