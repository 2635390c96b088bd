#include "migrationreports.h"

#include "migrate/migrationplanner.h"
#include "migrate/migrationvalidator.h"
#include "migrate/planchecker.h"

#include <QCoreApplication>

namespace uaip {

QStringList MigrationReports::planProblems(const QList<MigrationStatus> &statuses,
                                           bool oneTransaction)
{
    return ValidationProblem::describeAll(
        PlanChecker::check(MigrationPlanner::planUp(statuses, std::nullopt), true, oneTransaction));
}

QString MigrationReports::dryRun(const QList<MigrationStatus> &statuses, bool oneTransaction,
                                 bool *sql)
{
    const QStringList blockers
        = MigrationPlanner::blockers(statuses) + MigrationPlanner::upBlockers(statuses, false);
    *sql = blockers.isEmpty();
    if (!blockers.isEmpty())
        return tr("Applying would refuse to run:\n  %1").arg(blockers.join(QStringLiteral("\n  ")));
    const QStringList problems = planProblems(statuses, oneTransaction);
    if (!problems.isEmpty()) {
        *sql = false;
        return tr("Applying would refuse to run: %n problem(s) in the plan, nothing would be "
                  "applied:\n  %1",
                  nullptr, int(problems.size()))
            .arg(problems.join(QStringLiteral("\n  ")));
    }
    const QList<MigrationStatus> plan = MigrationPlanner::planUp(statuses, std::nullopt);
    QString text = plan.isEmpty() ? tr("-- dry run: nothing to apply\n")
        : oneTransaction
        ? tr("-- dry run: would apply %n migration(s) in this order, all in one transaction\n",
             nullptr, int(plan.size()))
        : tr("-- dry run: would apply %n migration(s) in this order, each in its own "
             "transaction unless marked no-transaction\n",
             nullptr, int(plan.size()));
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        text += QStringLiteral("\n-- ==== apply %1 (%2)%3 ====\n%4\n")
                    .arg(m.id(), m.upPath(),
                         m.upDirectives.noTransaction ? tr(", no transaction") : QString(),
                         QString::fromUtf8(m.upSql).trimmed());
    }
    return text;
}

QString MigrationReports::validate(const MigrationSource &source,
                                   const QList<MigrationStatus> &statuses, int *problems)
{
    QStringList lines = source.folderErrors(); // the files' own problems: checkSyntax
    lines << ValidationProblem::describeAll(MigrationValidator::checkSyntax(source.migrations()))
          << ValidationProblem::describeAll(MigrationValidator::checkLedger(statuses));
    *problems = int(lines.size());
    if (lines.isEmpty())
        return tr("%n migration(s) checked: no problems.", nullptr,
                  int(source.migrations().size()));
    return tr("%n problem(s):\n%1", nullptr, int(lines.size())).arg(lines.join(u'\n'));
}

} // namespace uaip
