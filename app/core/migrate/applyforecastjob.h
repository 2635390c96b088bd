#pragma once

#include "forecast/planforecast.h"
#include "jobs/job.h"
#include "ledger/migrationstatus.h"
#include "lint/validationproblem.h"

namespace uaip {

// What applying a plan would lock on the worker's database, read before the Apply confirmation
// (issue 43, point 2): PlanForecastReader's forecast with the live sizes and who holds a
// conflicting lock now, and what BlockingWorkGate and ContractGate would refuse. Read-only.
class ApplyForecastJob : public Job
{
    Q_OBJECT
public:
    ApplyForecastJob(const QList<MigrationStatus> &plan, qint64 maxBlockingRows,
                     QObject *parent = nullptr);

    // Valid after finished(true).
    const PlanForecast &forecast() const { return m_forecast; }
    const QList<ValidationProblem> &refused() const { return m_refused; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QList<MigrationStatus> m_plan;
    qint64 m_maxBlockingRows;
    PlanForecast m_forecast;
    QList<ValidationProblem> m_refused;
};

} // namespace uaip
