#pragma once

#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "migrationscriptrunner.h"
#include "runprogress.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

class Ledger;

// One run of a checked plan's steps outside one transaction (MigrationRunner::runPlan): a
// no-transaction migration alone, statement by statement; consecutive transactional ones
// together, in pipelines of a batch each (MigrationScriptRunner::runTransactional). Every step
// run lands in the result's steps and is reported as it starts and finishes; the ledger rows
// follow what committed. Progress is numbered from done + 1 of done + plan.size().
class StepwisePlanRun
{
public:
    StepwisePlanRun(const QList<MigrationStatus> &plan, bool up, int done,
                    MigrationScriptRunner &script, Ledger &ledger, RunResult &result,
                    const RunProgress &progress, QStringList &ledgerRows);

    bool noTransaction(int i) const;
    // Step i, a no-transaction migration, alone; false when it failed.
    bool runAlone(int i);
    // The transactional steps from i that go out in one pipeline.
    QList<MigrationScriptRunner::Step> nextBatch(int i) const;
    // Sends a batch; how many of its steps committed.
    int runBatch(int i, const QList<MigrationScriptRunner::Step> &batch);

private:
    MigrationScriptRunner::Direction direction() const;
    QString ledgerVersion(int i) const; // the ledger's spelling, empty: no row
    bool hasCopyData(int i) const;

    const QList<MigrationStatus> &m_plan;
    const bool m_up;
    const int m_done; // steps before this plan: progress is numbered from done + 1
    const int m_total;
    const QString m_action;
    MigrationScriptRunner &m_script;
    Ledger &m_ledger;
    RunResult &m_result;
    const RunProgress &m_progress;
    QStringList &m_ledgerRows; // as the steps so far left them (MigrationRunSession's)
};

} // namespace uaip
