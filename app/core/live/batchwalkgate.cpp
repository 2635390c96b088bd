#include "batchwalkgate.h"

#include "backfillrunner.h"
#include "batchedstatement.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "forecast/migrationlockforecast.h"

#include <QSet>

#include <algorithm>

namespace uaip {

namespace {

bool before(const TextPosition &a, const TextPosition &b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// The relations the statements of a script before `until` (all of them when until is not set)
// take ACCESS EXCLUSIVE on, as written.
void lockedExclusively(const QList<StatementForecast> &forecasts, const TextPosition *until,
                       QSet<QString> &names)
{
    for (const StatementForecast &item : forecasts) {
        if (until && !before(item.start, *until))
            continue;
        for (const RelationLock &lock : item.forecast.locks)
            if (lock.mode == LockMode::AccessExclusive && !lock.relation.isEmpty())
                names.insert(lock.relation);
    }
}

} // namespace

Result<QList<ValidationProblem>> BatchWalkGate::judge(PgConnection &connection,
                                                      const QList<MigrationStatus> &plan, bool up)
{
    QList<ValidationProblem> problems;
    const bool anyBatch = std::any_of(plan.cbegin(), plan.cend(), [up](const MigrationStatus &s) {
        return s.migration
            && (up ? s.migration->upDirectives : s.migration->downDirectives).batch.has_value();
    });
    if (!anyBatch) // no forecast of a plan without uaip:batch
        return problems;
    QSet<QString> earlier; // taken ACCESS EXCLUSIVE by the migrations before this one
    for (const MigrationStatus &s : plan) {
        if (!s.migration)
            continue;
        const Migration &m = *s.migration;
        const SqlSplitResult &split = up ? m.upSplit : m.downSplit;
        const QString file = up ? m.upPath() : m.downPath();
        const bool batch = (up ? m.upDirectives : m.downDirectives).batch.has_value();
        const QList<StatementForecast> forecasts = MigrationLockForecast::of(split);
        for (const SqlStatement &statement : split.statements) {
            if (!batch)
                break;
            const auto batched = BatchedStatement::of(statement);
            if (!batched || !*batched) // not batched, or refused as it runs (PlanChecker too)
                continue;
            QSet<QString> locked = earlier;
            lockedExclusively(forecasts, &statement.start, locked);
            if (locked.contains((*batched)->table()))
                continue;
            const PgResult present = connection.exec(SqlResource::of("live", "batch_table_exists"),
                                                     {(*batched)->quotedTable()});
            if (!present.ok())
                return Error(present.error());
            if (present.value(0, 0) != QLatin1String("t"))
                continue;
            const QString at = QStringLiteral("%1:%2:%3")
                                   .arg(file)
                                   .arg(statement.start.line)
                                   .arg(statement.start.column);
            const Result<BackfillRunner::Walk> walk
                = BackfillRunner::readWalk(connection, **batched, at);
            if (walk)
                continue;
            if (walk.error().code() != ErrorCode::Refused)
                return walk.error();
            problems << ValidationProblem{QStringLiteral("batch"), file, statement.start.line,
                                          statement.start.column, walk.error().text()};
        }
        lockedExclusively(forecasts, nullptr, earlier);
    }
    return problems;
}

bool BatchWalkGate::refuse(RunResult &result, PgConnection &connection,
                           const QList<MigrationStatus> &plan, bool up)
{
    const Result<QList<ValidationProblem>> judged = judge(connection, plan, up);
    if (judged && judged->isEmpty())
        return false;
    result.outcome = RunResult::Outcome::BadInput;
    if (!judged) {
        result.message = (up ? tr("nothing was applied: the keys of the tables the plan's "
                                  "uaip:batch statements walk could not be read: %1")
                             : tr("nothing was rolled back: the keys of the tables the plan's "
                                  "uaip:batch statements walk could not be read: %1"))
                             .arg(judged.error().toString());
        return true;
    }
    const int n = int(judged->size());
    result.message = up ? tr("nothing was applied: %n uaip:batch statement(s) cannot be walked "
                             "in batches",
                             nullptr, n)
                        : tr("nothing was rolled back: %n uaip:batch statement(s) cannot be "
                             "walked in batches",
                             nullptr, n);
    result.problems << ValidationProblem::describeAll(judged.value());
    result.planProblems = judged.value();
    return true;
}

} // namespace uaip
