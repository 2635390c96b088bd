#pragma once

#include "job.h"

#include <functional>

namespace uaip {

// A job that runs one function on its worker's session: the browse layer's units of work
// (catalog, pages, WHERE checks, counts, reference searches, exports), the Prompts view's calls
// (PromptTask) and the tests' probes. The function gets the JobContext (session() says why
// there is none) and returns the job's summary or its error, as execute() does; results meant for
// the GUI go back with Job::reply, where a generation counter drops superseded ones.
class FunctionJob : public Job
{
    Q_OBJECT
public:
    using Fn = std::function<Result<QString>(JobContext &context)>;
    FunctionJob(const QString &title, Fn fn, QObject *parent = nullptr);

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Fn m_fn;
};

} // namespace uaip
