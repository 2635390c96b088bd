#include "migrationplanner.h"

#include "ledger/contractpairs.h"
#include "sqlparse/parserversion.h"

#include <QHash>

#include <algorithm>

namespace uaip {

namespace {

bool lessByVersion(const MigrationStatus &a, const MigrationStatus &b)
{
    if (a.parsedVersion && b.parsedVersion)
        return *a.parsedVersion < *b.parsedVersion;
    if (a.parsedVersion != b.parsedVersion)
        return a.parsedVersion.has_value(); // unparsable ledger versions sort last
    return a.version < b.version;
}

// Each applied expand (-- uaip:expand) whose contract is pending: awaitingContract.
void markAwaitingContracts(QList<MigrationStatus> &statuses, const QList<Migration> &files)
{
    for (const MigrationStatus &contract : std::as_const(statuses)) {
        if (contract.state != MigrationState::Pending || !contract.migration)
            continue;
        const Migration *expand = ContractPairs::expandOf(*contract.migration, files);
        if (!expand || !expand->upDirectives.expand)
            continue;
        for (MigrationStatus &s : statuses)
            if (s.migration && s.migration->version == expand->version
                && s.state == MigrationState::Applied)
                s.awaitingContract = contract.id();
    }
}

} // namespace

Migration MigrationPlanner::admitted(const Migration &m, int serverVersionNum)
{
    if (!ParserVersion::serverIsNewer(serverVersionNum)
        || !(m.upSplit.admissible() || m.downSplit.admissible()))
        return m;
    Migration out = m;
    // the directives read again with the statements: an allowance names the statement after it
    const auto admit
        = [](SqlSplitResult &split, const QByteArray &sql, MigrationDirectives &directives,
             QList<ValidationProblem> &problems, const QString &path) {
              if (!split.admissible())
                  return;
              split = split.admitted();
              if (const Result<MigrationDirectives> read
                  = MigrationDirectives::parse(sql, split.statements))
                  directives = *read;
              else
                  problems << ValidationProblem{QStringLiteral("source"), path, 0, 0,
                                                read.error().toString()};
          };
    admit(out.upSplit, out.upSql, out.upDirectives, out.upProblems, out.upPath());
    admit(out.downSplit, out.downSql, out.downDirectives, out.downProblems, out.downPath());
    return out;
}

QList<Migration> MigrationPlanner::admitted(const QList<Migration> &migrations,
                                            int serverVersionNum)
{
    QList<Migration> out;
    out.reserve(migrations.size());
    for (const Migration &m : migrations)
        out << admitted(m, serverVersionNum);
    return out;
}

QList<MigrationStatus> MigrationPlanner::status(const QList<Migration> &files,
                                                const QList<LedgerEntry> &ledger,
                                                int serverVersionNum)
{
    QList<MigrationStatus> out;
    QList<bool> used(ledger.size(), false);
    // each entry's version parsed once: a file takes the first entry of its version not taken
    QHash<MigrationVersion, QList<qsizetype>> byVersion;
    for (qsizetype i = 0; i < ledger.size(); ++i)
        if (const auto v = MigrationVersion::parse(ledger[i].version))
            byVersion[*v] << i;
    for (const Migration &m : files) {
        MigrationStatus s;
        s.version = m.version.text();
        s.parsedVersion = m.version;
        s.name = m.name;
        s.migration = admitted(m, serverVersionNum);
        for (const qsizetype i : byVersion.value(m.version)) {
            if (used[i])
                continue;
            used[i] = true;
            s.entry = ledger[i];
            break;
        }
        if (!s.entry)
            s.state = MigrationState::Pending;
        else if (s.entry->dirty)
            s.state = MigrationState::Failed;
        else if (!m.upMatches(s.entry->checksum) || !m.downMatches(s.entry->downChecksum))
            s.state = MigrationState::Modified;
        else
            s.state = MigrationState::Applied;
        out << s;
    }
    for (qsizetype i = 0; i < ledger.size(); ++i) {
        if (used[i])
            continue;
        MigrationStatus s;
        s.version = ledger[i].version;
        if (const auto v = MigrationVersion::parse(ledger[i].version))
            s.parsedVersion = *v;
        s.name = ledger[i].name;
        s.entry = ledger[i];
        s.state = ledger[i].dirty ? MigrationState::Failed : MigrationState::Missing;
        out << s;
    }
    std::stable_sort(out.begin(), out.end(), lessByVersion);
    markAwaitingContracts(out, files);
    return out;
}

QStringList MigrationPlanner::blockers(const QList<MigrationStatus> &statuses)
{
    QStringList out;
    for (const MigrationStatus &s : statuses) {
        if (s.state == MigrationState::Modified) {
            out << tr("%1: %2; run 'validate' to see, then 'repair' if the change is "
                      "intended")
                       .arg(s.id(), s.modification());
        } else if (s.state == MigrationState::Failed) {
            out << tr("%1: a non-transactional run failed or was interrupted and may "
                      "be half-done (%2); fix the database by hand if needed, then "
                      "'repair --mark-done %3', '--resume %3' or '--forget %3'")
                       .arg(s.id(), s.note().isEmpty() ? tr("no error recorded") : s.note(),
                            s.version);
        }
    }
    return out;
}

QStringList MigrationPlanner::upBlockers(const QList<MigrationStatus> &statuses,
                                         bool allowOutOfOrder)
{
    QStringList out;
    const MigrationStatus *newest = nullptr; // the newest version applied
    for (const MigrationStatus &s : statuses) {
        if (s.state == MigrationState::Missing)
            out << tr("%1 is applied, but its folder is gone (renamed or deleted?): up would "
                      "not know what it ran; put the folder back, or 'repair --forget %2' "
                      "once you are sure its SQL is not also in a pending migration")
                       .arg(s.id(), s.version);
        if (s.isApplied() && s.parsedVersion
            && (!newest || *s.parsedVersion > *newest->parsedVersion))
            newest = &s;
    }
    if (allowOutOfOrder || !newest)
        return out;
    for (const MigrationStatus &s : statuses)
        if (s.state == MigrationState::Pending && *s.parsedVersion < *newest->parsedVersion)
            out << tr("%1 is pending but older than %2, which is applied: it would run out of "
                      "order; give it a version after %3, or allow it with "
                      "--allow-out-of-order")
                       .arg(s.id(), newest->id(), newest->version);
    return out;
}

QList<MigrationStatus> MigrationPlanner::planUp(const QList<MigrationStatus> &statuses,
                                                const std::optional<MigrationVersion> &to)
{
    QList<MigrationStatus> out;
    for (const MigrationStatus &s : statuses) {
        if (s.state != MigrationState::Pending)
            continue;
        if (to && *s.parsedVersion > *to)
            continue;
        out << s;
    }
    return out;
}

Result<QList<MigrationStatus>> MigrationPlanner::planDown(const QList<MigrationStatus> &statuses,
                                                          const DownTarget &target)
{
    QList<MigrationStatus> applied;
    for (const MigrationStatus &s : statuses)
        if (s.isApplied())
            applied << s;
    std::stable_sort(applied.begin(), applied.end(), [](const auto &a, const auto &b) {
        return a.entry->appliedOrder > b.entry->appliedOrder; // the newest applied first
    });
    if (target.kind == DownTarget::Kind::ToVersion) {
        const bool known = std::any_of(statuses.cbegin(), statuses.cend(), [&](const auto &s) {
            return s.parsedVersion && *s.parsedVersion == *target.version;
        });
        // below every version (down --to 0): everything goes
        const bool belowAll = std::all_of(statuses.cbegin(), statuses.cend(), [&](const auto &s) {
            return s.parsedVersion && *target.version < *s.parsedVersion;
        });
        if (!known && !belowAll)
            return Error(ErrorCode::NotFound,
                         tr("version %1 is neither a migration file nor in the ledger")
                             .arg(target.version->text()),
                         {{QStringLiteral("version"), target.version->text()}});
    }
    QList<MigrationStatus> plan;
    for (const MigrationStatus &s : applied) {
        if (target.kind == DownTarget::Kind::Steps && plan.size() >= target.steps)
            break;
        if (target.kind == DownTarget::Kind::ToVersion
            && !(s.parsedVersion && *s.parsedVersion > *target.version))
            continue; // applied before an out-of-order one can be older than the target
        if (!s.migration)
            return Error(
                ErrorCode::NotFound,
                tr("%1 cannot be rolled back: its migration folder is missing").arg(s.id()),
                {{QStringLiteral("version"), s.version}});
        if (!s.migration->hasDown)
            return Error(ErrorCode::Refused,
                         tr("%1 cannot be rolled back: %2 does not exist (irreversible "
                            "migration)")
                             .arg(s.id(), s.migration->downPath()),
                         {{QStringLiteral("version"), s.version},
                          {QStringLiteral("path"), s.migration->downPath()}});
        plan << s;
    }
    return plan;
}

} // namespace uaip
