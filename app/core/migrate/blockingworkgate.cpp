#include "blockingworkgate.h"

#include "lockforecastformat.h"
#include "migrationlockforecast.h"
#include "relationsizes.h"
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

struct ScriptForecast
{
    const Migration *migration = nullptr;
    QString file;
    QList<StatementForecast> statements;
};

} // namespace

DbResult<QList<ValidationProblem>> BlockingWorkGate::find(PgConnection &connection,
                                                          const QList<MigrationStatus> &plan,
                                                          bool up, qint64 maxRows)
{
    QList<ValidationProblem> problems;
    if (maxRows < 0)
        return problems;
    QList<ScriptForecast> scripts;
    QStringList names;
    for (const MigrationStatus &s : plan) {
        if (!s.migration)
            continue;
        const Migration &m = *s.migration;
        if ((up ? m.upDirectives : m.downDirectives).allowBlocking)
            continue;
        ScriptForecast script{&m, up ? m.upPath() : m.downPath(),
                              MigrationLockForecast::of(up ? m.upSql : m.downSql)};
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (blocksWhileWorking(lock) && !lock.relation.isEmpty()
                    && !names.contains(lock.relation))
                    names << lock.relation;
        scripts << script;
    }
    if (names.isEmpty())
        return problems;
    const DbResult<QList<RelationSize>> read = RelationSizes::read(connection, names);
    if (!read)
        return read.error();
    LockForecastFormat::Sizes sizes;
    for (const RelationSize &size : read.value())
        sizes.insert(size.name, size);
    for (const ScriptForecast &script : scripts) {
        for (const StatementForecast &item : script.statements) {
            for (const RelationLock &lock : item.forecast.locks) {
                const auto size = sizes.constFind(lock.relation);
                if (!blocksWhileWorking(lock) || size == sizes.constEnd() || size->rows <= maxRows)
                    continue;
                QString message = tr("%1: %2").arg(VisibleText::escaped(item.head),
                                                   LockForecastFormat::relationLine(lock, sizes));
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
    const DbResult<QList<ValidationProblem>> found = find(connection, plan, up, maxRows);
    if (found && found.value().isEmpty())
        return false;
    result.outcome = RunResult::Outcome::BadInput;
    if (!found) {
        result.message = (up ? tr("nothing was applied: the sizes of the tables the plan locks "
                                  "could not be read, so whether it blocks the platform is not "
                                  "known: %1")
                             : tr("nothing was rolled back: the sizes of the tables the plan "
                                  "locks could not be read, so whether it blocks the platform "
                                  "is not known: %1"))
                             .arg(found.error().toString());
        return true;
    }
    const QList<ValidationProblem> &problems = found.value();
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
