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

Result<QString> MetricsJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session) {
        m_result.error = session.error();
        return m_result.error;
    }
    context.progress(0, 0, tr("querying %1").arg(metricsPanelName(m_request.panel)));
    m_result = MetricsQuery(session.value()->pg()).run(m_request);
    if (!m_result.ok())
        return m_result.error;
    return tr("%n series", nullptr, int(m_result.series.size()));
}

} // namespace uaip
