#pragma once

#include "sqlparse/sqlstatement.h"
#include "validationproblem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// What a statement of a migration script may not do, found from PostgreSQL's parse tree before
// anything of the plan runs (PlanChecker, so the dry run, up, down and the GUI alike), in the
// statement and in the SQL it holds (ExecutedSql: the PL/pgSQL of DO blocks, EXECUTE of a
// constant string, the bodies of the functions it creates):
// - COPY ... TO STDOUT: the runner takes no rows from a script (COPY ... FROM STDIN without
//   inline data is refused by the splitter already);
// - release the runner's session lock or reset its session: pg_advisory_unlock*() calls (in a
//   DO block too), DISCARD (DISCARD ALL releases advisory locks; the runner resets the session
//   itself), and a function whose body calls pg_advisory_unlock_all() (whoever calls it, a
//   trigger or a later migration, releases the runner's lock);
// - in a script that runs in a transaction: statements PostgreSQL refuses inside a transaction
//   block (VACUUM, CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, CREATE/DROP DATABASE or
//   TABLESPACE, ALTER DATABASE ... SET TABLESPACE, ALTER SYSTEM, CLUSTER of every table, DETACH
//   PARTITION CONCURRENTLY, subscriptions), and a use of an enum value (a string constant,
//   however quoted, in SQL that runs or is analysed now) that ALTER TYPE ... ADD VALUE adds
//   earlier in the same transaction (in a DO block too). Each with the directive to add.
// Only statements whose text could match are parsed (a keyword is never escaped; a name or a
// body with an escape is parsed), so a plan of ordinary DDL costs a scan.
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
    // The command, as a DBA writes it ("CREATE INDEX CONCURRENTLY"), when PostgreSQL refuses the
    // statement in a transaction block (it runs in transactions of its own, or none); empty
    // otherwise. Such a statement may leave part of its work when it fails, so it is never sent
    // twice (LockRetry).
    static QString refusedInTransaction(const SqlStatement &statement);
    // Whether that command builds, drops or rebuilds an index CONCURRENTLY: its locks block
    // neither reads nor writes, so it may wait for them as long as the lock budget.
    static bool concurrentIndexCommand(const QString &command);
};

} // namespace uaip
