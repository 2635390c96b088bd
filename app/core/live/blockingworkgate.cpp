#include "blockingworkgate.h"

#include "forecast/lockforecastformat.h"
#include "planforecastreader.h"
#include "util/visibletext.h"

#include <QHash>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace uaip {

namespace {

// A table never analyzed (reltuples -1) counts as big when its heap's bytes could hold more rows
// than the limit at this many bytes a row (a narrow row with its tuple header).
constexpr qint64 kNarrowRowBytes = 32;

// Each lock of a script as the statement holds it: in a script that runs in one transaction a
// lock taken by an earlier statement is held to its end, so a later statement's work runs under
// the stronger of the two (ALTER TABLE ... ADD COLUMN, then an UPDATE of every row); a
// no-transaction script commits after each statement. fn(item, lock, heldBefore).
void eachHeldLock(
    const PlanForecast::Script &script,
    const std::function<void(const StatementForecast &, const RelationLock &, bool)> &fn)
{
    QHash<QString, LockMode> held;
    for (const StatementForecast &item : script.statements) {
        if (script.noTransaction)
            held.clear();
        for (const RelationLock &lock : item.forecast.locks) {
            RelationLock holding = lock;
            const auto earlier = held.constFind(lock.relation);
            const bool stronger = earlier != held.constEnd() && *earlier > lock.mode;
            if (stronger)
                holding.mode = *earlier;
            fn(item, holding, stronger);
        }
        for (const RelationLock &lock : item.forecast.locks)
            held[lock.relation] = std::max(held.value(lock.relation, lock.mode), lock.mode);
    }
}

// Whether any statement of the forecast does long work under a blocking lock: only then do the
// sizes matter, and only then does a failed read of them stop the run.
bool anyBlockingWork(const PlanForecast &forecast)
{
    bool any = false;
    for (const PlanForecast::Script &script : forecast.scripts)
        if (!script.allowBlocking)
            eachHeldLock(script, [&](const StatementForecast &, const RelationLock &lock, bool) {
                any = any || BlockingWorkGate::blocksWhileWorking(lock);
            });
    return any;
}

// CREATE INDEX CONCURRENTLY on a table the live catalog shows partitioned: PostgreSQL refuses it
// when it runs ("cannot create index on partitioned table ... concurrently"), after what ran
// before it committed. Refused up front whatever the table's size.
QList<ValidationProblem> concurrentOnPartitioned(const PlanForecast::Script &script,
                                                 const QHash<QString, RelationSize> &sizes)
{
    QList<ValidationProblem> problems;
    for (const StatementForecast &item : script.statements)
        for (const RelationLock &lock : item.forecast.locks) {
            const auto size = sizes.constFind(lock.relation);
            if (lock.indexBuild != RelationLock::IndexBuild::Concurrent || size == sizes.constEnd()
                || !size->partitioned)
                continue;
            const QString message
                = BlockingWorkGate::tr("%1: CREATE INDEX CONCURRENTLY on the partitioned table %2: "
                                       "PostgreSQL cannot build a partitioned table's index "
                                       "concurrently, the statement would fail when it runs")
                      .arg(VisibleText::escaped(QString::fromUtf8(item.head)),
                           VisibleText::escaped(size->table))
                + u'\n'
                + BlockingWorkGate::tr("  instead: %1")
                      .arg(BlockingWorkGate::partitionedIndexForm(
                          VisibleText::escaped(size->table)));
            problems << ValidationProblem{QStringLiteral("partitioned_concurrently"), script.file,
                                          item.start.line, item.start.column, message};
        }
    return problems;
}

} // namespace

QString BlockingWorkGate::partitionedIndexForm(const QString &table)
{
    return tr("in a -- uaip:no-transaction migration, CREATE INDEX parent_idx ON ONLY %1 (...) "
              "(on no partition: quick, and invalid for now), then CREATE INDEX CONCURRENTLY "
              "on each partition, then ALTER INDEX parent_idx ATTACH PARTITION each partition's "
              "index (parent_idx is valid once every partition's index is attached).")
        .arg(table);
}

bool BlockingWorkGate::blocksWhileWorking(const RelationLock &lock)
{
    return (blocksWrites(lock.mode) || blocksReads(lock.mode))
        && (lock.rewrites || lock.maybeRewrites || lock.scans);
}

bool BlockingWorkGate::isBig(const RelationSize &size, qint64 maxRows)
{
    return size.rows > maxRows
        || (size.rowsUnknown && size.unknownRowsBytes >= maxRows * kNarrowRowBytes);
}

QList<ValidationProblem> BlockingWorkGate::judge(const PlanForecast &forecast, qint64 maxRows)
{
    QList<ValidationProblem> problems;
    if (maxRows < 0)
        return problems;
    for (const PlanForecast::Script &script : forecast.scripts) {
        problems << concurrentOnPartitioned(script, forecast.sizes);
        if (script.allowBlocking)
            continue;
        eachHeldLock(
            script, [&](const StatementForecast &item, const RelationLock &lock, bool heldBefore) {
                const auto size = forecast.sizes.constFind(lock.relation);
                // a statement the parser cannot read, naming a table it cannot decode: which
                // table is not known, so it may be any big one
                const bool unknown = lock.guessed && lock.relation.isEmpty();
                if (!BlockingWorkGate::blocksWhileWorking(lock)
                    || (!unknown && (size == forecast.sizes.constEnd() || !isBig(*size, maxRows))))
                    return;
                QString message = tr("%1: %2").arg(
                    VisibleText::escaped(QString::fromUtf8(item.head)),
                    VisibleText::escaped(LockForecastFormat::relationLine(lock, forecast.sizes)));
                if (heldBefore)
                    message += u'\n'
                        + tr("  the lock is held from an earlier statement of the same "
                             "transaction");
                message += u'\n'
                    + (lock.onlineForm.isEmpty()
                           ? tr("  no online form: split the work, or run it in a quiet hour")
                           : tr("  instead: %1").arg(lock.onlineForm));
                message += u'\n'
                    + tr("  to run it as written: -- uaip:allow-blocking <reason> at the top of "
                         "the file");
                problems << ValidationProblem{QStringLiteral("blocking"), script.file,
                                              item.start.line, item.start.column, message};
            });
    }
    return problems;
}

bool BlockingWorkGate::refuse(RunResult &result, PgConnection &connection,
                              const QList<MigrationStatus> &plan, bool up, qint64 maxRows)
{
    if (maxRows < 0)
        return false;
    return refuse(
        result,
        PlanForecastReader::read(connection, plan, up, PlanForecastReader::Reading::WorkOnly), up,
        maxRows);
}

bool BlockingWorkGate::refuse(RunResult &result, const PlanForecast &forecast, bool up,
                              qint64 maxRows)
{
    if (maxRows < 0)
        return false;
    const QList<ValidationProblem> problems = judge(forecast, maxRows);
    const bool unknown = forecast.error.isSet() && anyBlockingWork(forecast);
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
                             .arg(forecast.error.toString());
        return true;
    }
    const int failing = int(std::count_if(problems.cbegin(), problems.cend(), [](const auto &p) {
        return p.kind == u"partitioned_concurrently";
    }));
    const int n = int(problems.size()) - failing;
    const QString limit = QLocale().toString(maxRows);
    QStringList why;
    if (n > 0)
        why << tr("%n statement(s) would block the platform while they scan or rewrite a table "
                  "of more than %1 rows (--max-blocking-rows)",
                  nullptr, n)
                   .arg(limit);
    if (failing > 0)
        why << tr("%n statement(s) would fail: CREATE INDEX CONCURRENTLY on a partitioned table",
                  nullptr, failing);
    result.message = (up ? tr("nothing was applied: %1") : tr("nothing was rolled back: %1"))
                         .arg(why.join(QStringLiteral("; ")));
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

} // namespace uaip
