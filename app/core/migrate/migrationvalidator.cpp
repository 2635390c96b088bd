#include "migrationvalidator.h"

#include "planchecker.h"

namespace uaip {

QList<ValidationProblem> MigrationValidator::checkSyntax(const QList<Migration> &migrations)
{
    return PlanChecker::checkAll(migrations);
}

QList<ValidationProblem> MigrationValidator::checkLedger(const QList<MigrationStatus> &statuses)
{
    QList<ValidationProblem> out;
    for (const MigrationStatus &s : statuses) {
        switch (s.state) {
        case MigrationState::Modified: {
            const bool up = !s.migration->upMatches(s.entry->checksum);
            out << ValidationProblem{
                QStringLiteral("modified"), up ? s.migration->upPath() : s.migration->downPath(), 0,
                0,
                tr("%1 (applied on %2 by %3)")
                    .arg(s.modification(), s.entry->appliedAt, s.entry->appliedBy)};
            break;
        }
        case MigrationState::Missing:
            out << ValidationProblem{QStringLiteral("missing"), QString(), 0, 0,
                                     tr("%1 is applied (on %2 by %3) but its folder is "
                                        "missing")
                                         .arg(s.id(), s.entry->appliedAt, s.entry->appliedBy)};
            break;
        case MigrationState::Failed:
            out << ValidationProblem{QStringLiteral("failed"),
                                     s.migration ? s.migration->upPath() : QString(), 0, 0,
                                     tr("%1 failed part-way (non-transactional): %2")
                                         .arg(s.id(), s.entry->error.section(u'\n', 0, 0))};
            break;
        default:
            break;
        }
    }
    return out;
}

} // namespace uaip
