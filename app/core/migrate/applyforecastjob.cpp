#include "applyforecastjob.h"

#include "db/session.h"
#include "jobs/jobcontext.h"
#include "live/blockingworkgate.h"
#include "live/planforecastreader.h"

namespace uaip {

ApplyForecastJob::ApplyForecastJob(const QList<MigrationStatus> &plan, qint64 maxBlockingRows,
                                   QObject *parent)
    : Job(tr("Forecast the locks of the apply"), parent)
    , m_plan(plan)
    , m_maxBlockingRows(maxBlockingRows)
{ }

bool ApplyForecastJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = tr("cannot connect: %1").arg(session.error().toString());
        return false;
    }
    context.progress(0, 0, tr("reading the tables' sizes and who holds their locks"));
    m_forecast = PlanForecastReader::read(session.value()->pg(), m_plan, true,
                                          PlanForecastReader::Reading::Everything);
    if (context.isCancelled()) {
        *summary = tr("forecast cancelled");
        return false;
    }
    m_refused = BlockingWorkGate::judge(m_forecast, m_maxBlockingRows);
    *summary = m_forecast.error
        ? tr("the tables' sizes could not be read: %1").arg(m_forecast.error->toString())
        : tr("%n table(s) locked by the plan exist", nullptr, int(m_forecast.sizes.size()));
    return true;
}

} // namespace uaip
