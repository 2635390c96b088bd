#include "connectiontestjob.h"

#include "jobs/jobcontext.h"

#include "connectiontester.h"

namespace uaip {

ConnectionTestJob::ConnectionTestJob(const SessionSpec &spec, QObject *parent)
    : Job(tr("Test connection"), parent)
    , m_spec(spec)
{ }

bool ConnectionTestJob::execute(JobContext &context, QString *summary)
{
    context.progress(0, 0, tr("connecting"));
    m_diagnosis = ConnectionTester::test(m_spec);
    *summary = m_diagnosis.summary;
    return m_diagnosis.ok();
}

} // namespace uaip
