#include "browsejob.h"

namespace uaip {

BrowseJob::BrowseJob(const QString &title, Fn fn)
    : Job(title)
    , m_fn(std::move(fn))
{ }

bool BrowseJob::execute(JobContext &context, QString *summary)
{
    return m_fn(context, summary);
}

} // namespace uaip
