#pragma once

#include "jobs/job.h"
#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"

namespace uaip {

// One panel query of the Analytics view: MetricsQuery::run() on the worker's session. Read
// result() in a slot of finished() (the job is deleted after it, on the GUI thread's loop).
class MetricsJob : public Job
{
    Q_OBJECT
public:
    MetricsJob(const MetricsRequest &request, quint64 generation, QObject *parent = nullptr);

    const MetricsRequest &request() const { return m_request; }
    const MetricsResult &result() const { return m_result; }
    // Which range/request generation of the view this answers (stale answers are dropped).
    quint64 generation() const { return m_generation; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    MetricsRequest m_request;
    MetricsResult m_result;
    quint64 m_generation;
};

} // namespace uaip
