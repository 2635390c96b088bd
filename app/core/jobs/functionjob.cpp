#include "functionjob.h"

namespace uaip {

FunctionJob::FunctionJob(const QString &title, Fn fn, QObject *parent)
    : Job(title, parent)
    , m_fn(std::move(fn))
{ }

Result<QString> FunctionJob::execute(JobContext &context)
{
    return m_fn(context);
}

} // namespace uaip
