#include "stepwiseplanrun.h"

#include "ledger/migration.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"

#include <QElapsedTimer>

namespace uaip {

StepwisePlanRun::StepwisePlanRun(const QList<MigrationStatus> &plan, bool up, int done,
                                 MigrationScriptRunner &script, Ledger &ledger, RunResult &result,
                                 const RunProgress &progress, QStringList &ledgerRows)
    : m_plan(plan)
    , m_up(up)
    , m_done(done)
    , m_total(done + int(plan.size()))
    , m_action(ScriptFailureReport::actionName(up ? MigrationScriptRunner::Direction::Up
                                                  : MigrationScriptRunner::Direction::Down))
    , m_script(script)
    , m_ledger(ledger)
    , m_result(result)
    , m_progress(progress)
    , m_ledgerRows(ledgerRows)
{ }

bool StepwisePlanRun::runAlone(int i)
{
    // a no-transaction migration: statement by statement, on its own
    const Migration &m = *m_plan[i].migration;
    m_progress.started(m_done + i, m_total, m.id(), m_action);
    int ms = 0;
    const bool ok = m_script.run(m, ledgerVersion(i), direction(), m_ledger, m_result, &ms);
    if (ok)
        m_ledgerRows
            = ScriptPipelineBuilder::rowsAfter(m_ledgerRows, {{&m, ledgerVersion(i)}}, direction());
    m_result.steps << RunStep{
        m.version.text(), m.name, m_action, ms, ok, ok ? QString() : m_result.message};
    m_progress.finished(m_done + i, m_total, m.id(), m_action, ok, ms);
    return ok;
}

QList<MigrationScriptRunner::Step> StepwisePlanRun::nextBatch(int i) const
{
    // Consecutive transactional migrations go out together (MigrationScriptRunner::
    // runTransactional: one pipeline, none commits unless all before it did), in batches small
    // enough that the server's replies never fill the socket.
    constexpr qsizetype kMaxCommands = 400;
    QList<MigrationScriptRunner::Step> batch;
    qsizetype commands = 0;
    for (int j = i;
         j < m_plan.size() && !noTransaction(j) && (batch.isEmpty() || commands < kMaxCommands);
         ++j) {
        if (!batch.isEmpty() && (hasCopyData(j) || hasCopyData(i)))
            break; // a migration with COPY data goes alone (no COPY in a pipeline)
        const Migration &m = *m_plan[j].migration;
        commands += (m_up ? m.upSplit : m.downSplit).statements.size() + 8;
        batch << MigrationScriptRunner::Step{&m, ledgerVersion(j)};
    }
    return batch;
}

int StepwisePlanRun::runBatch(int i, const QList<MigrationScriptRunner::Step> &batch)
{
    const int at = m_done + i; // the batch's first step, as progress numbers it
    m_progress.started(at, m_total, batch.first().migration->id(), m_action);
    QList<int> durations;
    // each commit reported as its answer arrives, and the next step as started
    int reported = 0;
    QElapsedTimer clock; // a failed step ran from the last COMMIT answer to the end
    clock.start();
    qint64 lastAnswer = 0;
    const auto committed = [&](int k, int ms) {
        lastAnswer = clock.elapsed();
        m_progress.finished(at + k, m_total, batch[k].migration->id(), m_action, true, ms);
        if (k + 1 < batch.size())
            m_progress.started(at + k + 1, m_total, batch[k + 1].migration->id(), m_action);
        reported = k + 1;
    };
    m_script.setLedgerRows(m_ledgerRows);
    const int ran
        = m_script.runTransactional(batch, direction(), m_ledger, m_result, &durations, committed);
    m_ledgerRows = ScriptPipelineBuilder::rowsAfter(
        m_ledgerRows, batch.first(qMin<qsizetype>(ran, batch.size())), direction());
    // behind a pooler: another run did step 'ran' first; it is not this run's
    const int recorded = m_script.planChanged() ? ran - 1 : ran;
    for (int k = 0; k <= recorded && k < batch.size(); ++k) {
        const Migration &m = *batch[k].migration;
        const bool ok = k < ran;
        const int ms = ok ? durations.value(k) : int(clock.elapsed() - lastAnswer);
        m_result.steps << RunStep{
            m.version.text(), m.name, m_action, ms, ok, ok ? QString() : m_result.message};
        if (k > reported)
            m_progress.started(at + k, m_total, m.id(), m_action);
        if (k >= reported)
            m_progress.finished(at + k, m_total, m.id(), m_action, ok, ms);
    }
    return ran;
}

MigrationScriptRunner::Direction StepwisePlanRun::direction() const
{
    return m_up ? MigrationScriptRunner::Direction::Up : MigrationScriptRunner::Direction::Down;
}

QString StepwisePlanRun::ledgerVersion(int i) const
{
    return m_plan[i].entry ? m_plan[i].entry->version : QString();
}

bool StepwisePlanRun::noTransaction(int i) const
{
    const Migration &m = *m_plan[i].migration;
    return (m_up ? m.upDirectives : m.downDirectives).noTransaction;
}

bool StepwisePlanRun::hasCopyData(int i) const
{
    const Migration &m = *m_plan[i].migration;
    return MigrationScriptRunner::hasCopyData((m_up ? m.upSplit : m.downSplit).statements);
}

} // namespace uaip
