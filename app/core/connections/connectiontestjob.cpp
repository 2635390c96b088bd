#include "connectiontestjob.h"

#include "db/pgconnection.h"
#include "db/sessioncanceller.h"
#include "jobs/jobcontext.h"

#include "connectiontester.h"

namespace uaip {

ConnectionTestJob::ConnectionTestJob(const SessionSpec &spec, QObject *parent)
    : Job(tr("Test connection"), parent)
    , m_spec(spec)
{ }

Result<QString> ConnectionTestJob::execute(JobContext &context)
{
    context.progress(0, 0, tr("connecting"));
    // The job's cancel ends the connect (or the checks after it) at once.
    PgConnection conn;
    const JobContext::CancelScope cancel
        = context.onCancel([canceller = conn.canceller()] { canceller->cancel(); });
    m_diagnosis = ConnectionTester::test(m_spec, conn);
    if (m_diagnosis.ok())
        return m_diagnosis.summary;
    // diagnosis() has the kind and the server's words
    return Error(m_diagnosis.kind == ConnectionDiagnosis::Kind::Cancelled ? ErrorCode::Cancelled
                                                                          : ErrorCode::Connection,
                 m_diagnosis.summary);
}

} // namespace uaip
