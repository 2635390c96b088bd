#pragma once

#include "insights/historyrecord.h"
#include "insights/workloadhistory.h"
#include "insights/workloadhistoryseries.h"

#include "jobs/job.h"

namespace uaip {

// The Health view's workload history on its worker's session (WorkloadHistory, as `uaip-migrate
// insights record|history`): Record takes one sample now (the view's timer, "Record now"); Read
// reads the series of the window: the statements with the most time in it and the biggest
// tables, each with its points, and the migrations of the window. A database without the
// ledger's schema is no failure: nothing is recorded and notes() says why.
class HistoryJob : public Job
{
    Q_OBJECT
public:
    enum class Kind { Record, Read };

    static constexpr int kQueries = 20;
    static constexpr int kTables = 20;

    HistoryJob(Kind kind, int days, quint64 generation, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    quint64 generation() const { return m_generation; }
    const HistoryRecord &recorded() const { return m_record; }
    const WorkloadHistorySeries &series() const { return m_series; }
    const QStringList &notes() const { return m_notes; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Kind m_kind;
    int m_days;
    quint64 m_generation;
    HistoryRecord m_record;
    WorkloadHistorySeries m_series;
    QStringList m_notes;
};

} // namespace uaip
