#include "blockingworkgate.h"

#include "lockforecastformat.h"
#include "planforecastreader.h"
#include "util/visibletext.h"

#include <QLocale>

namespace uaip {

namespace {

// A lock that makes the platform wait while long work runs under it.
bool blocksWhileWorking(const RelationLock &lock)
{
    return (blocksWrites(lock.mode) || blocksReads(lock.mode))
        && (lock.rewrites || lock.maybeRewrites || lock.scans);
}

// Whether any statement of the forecast does long work under a blocking lock: only then do the
// sizes matter, and only then does a failed read of them stop the run.
bool anyBlockingWork(const PlanForecast &forecast)
{
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (!script.allowBlocking && blocksWhileWorking(lock))
                    return true;
    return false;
}

} // namespace

QList<ValidationProblem> BlockingWorkGate::judge(const PlanForecast &forecast, qint64 maxRows)
{
    QList<ValidationProblem> problems;
    if (maxRows < 0)
        return problems;
    for (const PlanForecast::Script &script : forecast.scripts) {
        if (script.allowBlocking)
            continue;
        for (const StatementForecast &item : script.statements) {
            for (const RelationLock &lock : item.forecast.locks) {
                const auto size = forecast.sizes.constFind(lock.relation);
                if (!blocksWhileWorking(lock) || size == forecast.sizes.constEnd()
                    || size->rows <= maxRows)
                    continue;
                QString message
                    = tr("%1: %2").arg(VisibleText::escaped(item.head),
                                       LockForecastFormat::relationLine(lock, forecast.sizes));
                message += u'\n'
                    + (lock.onlineForm.isEmpty()
                           ? tr("  no online form: split the work, or run it in a quiet hour")
                           : tr("  instead: %1").arg(lock.onlineForm));
                message += u'\n'
                    + tr("  to run it as written: -- uaip:allow-blocking <reason> at the top of "
                         "the file");
                problems << ValidationProblem{QStringLiteral("blocking"), script.file,
                                              item.start.line, item.start.column, message};
            }
        }
    }
    return problems;
}

bool BlockingWorkGate::refuse(RunResult &result, PgConnection &connection,
                              const QList<MigrationStatus> &plan, bool up, qint64 maxRows)
{
    if (maxRows < 0)
        return false;
    return refuse(result, PlanForecastReader::read(connection, plan, up, false), up, maxRows);
}

bool BlockingWorkGate::refuse(RunResult &result, const PlanForecast &forecast, bool up,
                              qint64 maxRows)
{
    if (maxRows < 0)
        return false;
    const QList<ValidationProblem> problems = judge(forecast, maxRows);
    const bool unknown = forecast.error && anyBlockingWork(forecast);
    if (!unknown && problems.isEmpty())
        return false;
    result.outcome = RunResult::Outcome::BadInput;
    if (unknown) {
        result.message = (up ? tr("nothing was applied: the sizes of the tables the plan locks "
                                  "could not be read, so whether it blocks the platform is not "
                                  "known: %1")
                             : tr("nothing was rolled back: the sizes of the tables the plan "
                                  "locks could not be read, so whether it blocks the platform "
                                  "is not known: %1"))
                             .arg(forecast.error->toString());
        return true;
    }
    const int n = int(problems.size());
    const QString limit = QLocale().toString(maxRows);
    result.message = up
        ? tr("nothing was applied: %n statement(s) would block the platform while they scan or "
             "rewrite a table of more than %1 rows (--max-blocking-rows)",
             nullptr, n)
              .arg(limit)
        : tr("nothing was rolled back: %n statement(s) would block the platform while they scan "
             "or rewrite a table of more than %1 rows (--max-blocking-rows)",
             nullptr, n)
              .arg(limit);
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

} // namespace uaip
