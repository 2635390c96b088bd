#pragma once

#include "jobs/job.h"

namespace uaip {

// Loads the demo data set (DemoDataLoader, one transaction) unless the same seed is loaded
// already. Cancel rolls the whole load back (the session's canceller stops the running
// command; the loader's transaction ends with it).
class DemoDataJob : public Job
{
    Q_OBJECT
public:
    // On the worker's session.
    explicit DemoDataJob(qint64 metricRows, quint64 seed = 42, QObject *parent = nullptr);

    bool alreadyLoaded() const { return m_alreadyLoaded; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    qint64 m_metricRows;
    quint64 m_seed;
    bool m_alreadyLoaded = false;
};

} // namespace uaip
