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

QString MigrationReports::workloadSince(const WorkloadSince::Report &report)
{
    if (!report.nothingToCompare().isEmpty())
        return tr("Nothing to compare: %1").arg(report.nothingToCompare());
    const WorkloadSnapshot &before = *report.snapshot;
    QStringList lines;
    lines << (before.fromHistory
                  ? tr("Applied %1 with no run snapshot; the baseline is the workload history's "
                       "sample taken %2 (counters only, no plans to compare).")
                  : tr("Applied %1; the workload snapshot was taken %2, before the run."))
                 .arg(before.appliedAt, before.takenAt);
    if (report.resetSinceSnapshot())
        lines << tr("The statement statistics were reset after the snapshot (now counted since "
                    "%1): \"since\" counts from that reset.")
                     .arg(report.statsSinceNow);
    if (!report.notPlanned.isEmpty())
        lines << tr("Plans not compared: %1").arg(report.notPlanned);
    lines << (report.regressions() > 0
                  ? tr("%n statement(s) slower since %1 was applied:", nullptr,
                       report.regressions())
                        .arg(report.version)
                  : tr("No statement of the %n in the snapshot is slower since %1 was applied.",
                       nullptr, int(report.statements.size()))
                        .arg(report.version));
    if (report.improvements() > 0)
        lines << tr("%n statement(s) faster since %1 was applied.", nullptr, report.improvements())
                     .arg(report.version);
    //: %1 the ratio, %2 milliseconds, %3 calls
    lines << tr("Slower or faster: by %1x and %2 ms a call, over %3 calls or more.")
                 .arg(report.thresholds.ratio)
                 .arg(report.thresholds.minMs)
                 .arg(report.thresholds.minCalls);
    for (const QueryRegression &r : report.statements) {
        lines << QString()
              << (r.regressed      ? tr("SLOWER: %1").arg(r.why)
                      : r.improved ? tr("FASTER: %1").arg(r.improvement)
                                   : tr("Not slower:"));
        lines << tr("  calls %1 before, %2 since; mean %3 ms before, %4 ms since")
                     .arg(r.callsBefore)
                     .arg(r.callsAfter)
                     .arg(QString::number(r.meanBeforeMs, 'f', 3),
                          QString::number(r.meanAfterMs, 'f', 3));
        if (!r.planBefore.isEmpty() && !r.planAfter.isEmpty())
            lines << tr("  plan before: %1 (cost %2)").arg(r.planBefore).arg(r.costBefore)
                  << tr("  plan now:    %1 (cost %2)").arg(r.planAfter).arg(r.costAfter);
        else if (const auto why = report.planUnavailable.constFind(r.queryId);
                 why != report.planUnavailable.constEnd())
            lines << tr("  not planned now: %1").arg(*why);
        lines << QStringLiteral("  ") + r.query.simplified();
    }
    return lines.join(u'\n');
}

} // namespace uaip
