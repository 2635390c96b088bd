#include "applyforecastjob.h"

#include "db/session.h"
#include "jobs/jobcontext.h"
#include "live/blockingworkgate.h"
#include "live/contractgate.h"
#include "live/planforecastreader.h"

namespace uaip {

ApplyForecastJob::ApplyForecastJob(const QList<MigrationStatus> &plan, qint64 maxBlockingRows,
                                   QObject *parent)
    : Job(tr("Forecast the locks of the apply"), parent)
    , m_plan(plan)
    , m_maxBlockingRows(maxBlockingRows)
{ }

Result<QString> ApplyForecastJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error().in(tr("cannot connect"));
    context.progress(0, 0, tr("reading the tables' sizes and who holds their locks"));
    m_forecast = PlanForecastReader::read(session.value()->pg(), m_plan, true,
                                          PlanForecastReader::Reading::Everything);
    if (context.isCancelled())
        return Error(ErrorCode::Cancelled, tr("forecast cancelled"));
    m_refused = BlockingWorkGate::judge(m_forecast, m_maxBlockingRows);
    // a contract of an online change whose old shape the workload still names (ContractGate)
    m_refused += ContractGate::judge(session.value()->pg(), m_plan).problems;
    return m_forecast.error.isSet()
        ? tr("the tables' sizes could not be read: %1").arg(m_forecast.error.toString())
        : tr("%n table(s) locked by the plan exist", nullptr, int(m_forecast.sizes.size()));
}

} // namespace uaip
