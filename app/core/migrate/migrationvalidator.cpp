#include "migrationvalidator.h"

#include "sqlsyntaxchecker.h"

namespace uaip {

QList<ValidationProblem> MigrationValidator::checkSyntax(const QList<Migration> &migrations)
{
    QList<ValidationProblem> out;
    for (const Migration &m : migrations) {
        QList<std::pair<QString, const QByteArray *>> files{{m.upPath(), &m.upSql}};
        if (m.hasDown)
            files.append({m.downPath(), &m.downSql});
        for (const auto &[path, sql] : files) {
            const auto error = SqlSyntaxChecker::check(*sql);
            if (error)
                out << ValidationProblem{QStringLiteral("syntax"), path, error->position.line,
                                         error->position.column, error->message};
        }
    }
    return out;
}

QList<ValidationProblem> MigrationValidator::checkLedger(const QList<MigrationStatus> &statuses)
{
    QList<ValidationProblem> out;
    for (const MigrationStatus &s : statuses) {
        switch (s.state) {
        case MigrationState::Modified: {
            const bool up = s.entry->checksum != s.migration->upChecksum;
            out << ValidationProblem{
                QStringLiteral("modified"), up ? s.migration->upPath() : s.migration->downPath(), 0,
                0,
                QStringLiteral("changed since it was applied on %1 by %2 (checksum %3 in the "
                               "ledger, %4 on disk)")
                    .arg(s.entry->appliedAt, s.entry->appliedBy,
                         (up ? s.entry->checksum : s.entry->downChecksum).left(12),
                         (up ? s.migration->upChecksum : s.migration->downChecksum).left(12))};
            break;
        }
        case MigrationState::Missing:
            out << ValidationProblem{QStringLiteral("missing"), QString(), 0, 0,
                                     QStringLiteral("%1 is applied (on %2 by %3) but its folder is "
                                                    "missing")
                                         .arg(s.id(), s.entry->appliedAt, s.entry->appliedBy)};
            break;
        case MigrationState::Failed:
            out << ValidationProblem{QStringLiteral("failed"),
                                     s.migration ? s.migration->upPath() : QString(), 0, 0,
                                     QStringLiteral("%1 failed part-way (non-transactional): %2")
                                         .arg(s.id(), s.entry->error.section(u'\n', 0, 0))};
            break;
        default:
            break;
        }
    }
    return out;
}

} // namespace uaip
