#pragma once

#include "fleet/fleetoptions.h"
#include "fleet/fleetsummary.h"
#include "fleet/fleettarget.h"
#include "jobs/job.h"
#include "ledger/migration.h"

namespace uaip {

// A fleet run (the core's FleetRunner) as a job of the job dock: no session of its own (the
// runner opens one per target), progress per target, Cancel stops new targets and cancels the
// running statements (FleetRunner::cancel). targetStarted/targetFinished are emitted from the
// runner's threads: receivers on the GUI thread get them queued.
class FleetRunJob : public Job
{
    Q_OBJECT
public:
    FleetRunJob(const QString &title, QList<FleetTarget> targets, FleetOptions options,
                QList<Migration> migrations, QObject *parent = nullptr);

    // Valid after finished().
    const FleetSummary &fleetSummary() const { return m_summary; }

signals:
    void targetStarted(const QString &name);
    void targetFinished(const uaip::FleetTargetResult &result);

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QList<FleetTarget> m_targets;
    FleetOptions m_options;
    QList<Migration> m_migrations;
    FleetSummary m_summary;
};

} // namespace uaip
