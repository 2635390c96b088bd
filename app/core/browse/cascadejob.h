#pragma once

#include "cascadereport.h"
#include "error/result.h"
#include "jobs/job.h"
#include "saveplan.h"
#include "tableinfo.h"

#include <QPointer>

#include <functional>

namespace uaip {

// Counts what a save would cascade to (CascadeMeter::preview) on the work session, before the
// save preview is confirmed: the plan's DELETEs and UPDATEs run in a transaction that is
// rolled back, each bounded by timeoutMs. done runs on the receiver's thread.
class CascadeJob : public Job
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<CascadeReport> &)>;
    CascadeJob(TableInfo table, SavePlan plan, int timeoutMs, QObject *receiver, Done done);

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Result<CascadeReport> measure(JobContext &context);

    TableInfo m_table;
    SavePlan m_plan;
    int m_timeoutMs;
    QPointer<QObject> m_receiver;
    Done m_done;
};

} // namespace uaip
