#include "functionjob.h"

namespace uaip {

FunctionJob::FunctionJob(const QString &title, Fn fn, QObject *parent)
    : Job(title, parent)
    , m_fn(std::move(fn))
{ }

bool FunctionJob::execute(JobContext &context, QString *summary)
{
    return m_fn(context, summary);
}

} // namespace uaip
