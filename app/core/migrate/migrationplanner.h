#pragma once

#include "downtarget.h"
#include "error/result.h"
#include "ledger/ledgerentry.h"
#include "ledger/migration.h"
#include "ledger/migrationstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <optional>

namespace uaip {

// Pure logic: joins files and ledger into statuses and decides what up/down would run.
class MigrationPlanner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationPlanner)

public:
    // serverVersionNum: the target's (PgConnection::serverVersion(); 0 when unknown). On a
    // server newer than the console's parser, a file the parser refused is planned as psql would
    // split it (SqlSplitResult::admitted): its syntax may be the server's; the statements the
    // parser cannot read run as written, unchecked.
    static QList<MigrationStatus> status(const QList<Migration> &files,
                                         const QList<LedgerEntry> &ledger, int serverVersionNum);
    // Why up/down may not run now (modified or failed migrations), one line each.
    static QStringList blockers(const QList<MigrationStatus> &statuses);
    // Why up may not run now besides blockers(): an applied migration whose folder is gone
    // (renamed or deleted: its SQL would run again under another name), and, unless
    // allowOutOfOrder, a pending migration older than the newest applied one. One line each.
    static QStringList upBlockers(const QList<MigrationStatus> &statuses, bool allowOutOfOrder);
    // Pending migrations up to and including 'to' (all when absent), in version order.
    static QList<MigrationStatus> planUp(const QList<MigrationStatus> &statuses,
                                         const std::optional<MigrationVersion> &to);
    // Applied migrations to roll back, the newest applied first (the ledger's apply order, not
    // the version order). Fails (with a reason) when one of them
    // cannot be rolled back (no down.sql, files missing) or the target is unknown.
    // The migration as a server of that version reads it (see status()): up.sql and down.sql
    // split as psql splits them where the parser refused them and the server is newer; the
    // migration as it is otherwise.
    static Migration admitted(const Migration &m, int serverVersionNum);
    static QList<Migration> admitted(const QList<Migration> &migrations, int serverVersionNum);
    static Result<QList<MigrationStatus>> planDown(const QList<MigrationStatus> &statuses,
                                                   const DownTarget &target);
};

} // namespace uaip
