#pragma once

#include "jobs/job.h"

#include <functional>

namespace uaip {

// A job that runs one function on its worker's session: the browse layer's units of work
// (catalog, pages, WHERE checks, counts, reference searches, exports). The function gets the
// JobContext (session() says why there is none) and returns success and a summary; its results
// go back to the GUI with Job::reply, where a generation counter drops superseded ones.
class BrowseJob : public Job
{
    Q_OBJECT
public:
    using Fn = std::function<bool(JobContext &context, QString *summary)>;
    BrowseJob(const QString &title, Fn fn);

protected:
    bool execute(JobContext &context, QString *summary) override;

private:
    Fn m_fn;
};

} // namespace uaip
