#pragma once

#include "sqlstatement.h"
#include "validationproblem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// What a statement of a migration script may not do, found from PostgreSQL's parse tree before
// anything of the plan runs (PlanChecker, so the dry run, up, down and the GUI alike):
// - COPY ... TO STDOUT: the runner takes no rows from a script (COPY ... FROM STDIN without
//   inline data is refused by the splitter already);
// - release the runner's session lock or reset its session: pg_advisory_unlock*() calls and
//   DISCARD (DISCARD ALL releases advisory locks; the runner resets the session itself);
// - in a script that runs in a transaction: statements PostgreSQL refuses inside a transaction
//   block (VACUUM, CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, CREATE/DROP DATABASE or
//   TABLESPACE, ALTER SYSTEM, CLUSTER of every table, DETACH PARTITION CONCURRENTLY,
//   subscriptions), and a use of an enum value that ALTER TYPE ... ADD VALUE adds earlier in
//   the same transaction. Each with the directive to add.
// Only statements whose text could match are parsed, so a plan of ordinary DDL costs a scan.
class ScriptStatementRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ScriptStatementRules)

public:
    static QList<ValidationProblem>
    check(const QString &path, const QList<SqlStatement> &statements, bool noTransaction);
    // Scripts that run in one transaction, in their order (file, statements): the use of an
    // enum value that ALTER TYPE ... ADD VALUE in an earlier script adds (check() finds it
    // within one script).
    static QList<ValidationProblem>
    checkTogether(const QList<std::pair<QString, const QList<SqlStatement> *>> &scripts);
    // What in a script only runs outside a transaction: each statement PostgreSQL refuses in a
    // transaction block, and each use of an enum value that an earlier ALTER TYPE ... ADD VALUE
    // of the script adds (as the command or "ALTER TYPE ... ADD VALUE 'v', then its use"),
    // with where it is. import-migrations marks such a file -- uaip:no-transaction where the
    // tool ran it outside a transaction.
    static QList<std::pair<QString, TextPosition>>
    outsideTransactionOnly(const QList<SqlStatement> &statements);
};

} // namespace uaip
