#include "metricsjob.h"

#include "analyticspanel.h"
#include "db/session.h"
#include "jobs/jobcontext.h"
#include "metrics/metricsquery.h"

namespace uaip {

MetricsJob::MetricsJob(const MetricsRequest &request, quint64 generation, QObject *parent)
    : Job(tr("Analytics: %1").arg(AnalyticsPanel::titleOf(request.panel)), parent)
    , m_request(request)
    , m_generation(generation)
{ }

bool MetricsJob::execute(JobContext &context, QString *summary)
{
    const DbResult<Session *> session = context.session();
    if (!session) {
        m_result.status = MetricsResult::Status::Failed;
        m_result.pgError = session.error();
        m_result.message = session.error().message;
        setError(session.error());
        *summary = m_result.message;
        return false;
    }
    context.progress(0, 0, tr("querying %1").arg(metricsPanelName(m_request.panel)));
    m_result = MetricsQuery(session.value()->pg()).run(m_request);
    if (m_result.status == MetricsResult::Status::Failed)
        setError(m_result.pgError);
    *summary
        = m_result.ok() ? tr("%n series", nullptr, int(m_result.series.size())) : m_result.message;
    return m_result.ok();
}

} // namespace uaip
