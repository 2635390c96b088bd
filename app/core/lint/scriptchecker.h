#pragma once

#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitresult.h"
#include "validationproblem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// Checks one migration script offline, before anything of a plan runs: that it splits and
// parses with PostgreSQL's own grammar (libpg_query), and that a script which runs in its own
// transaction contains no transaction control (TransactionStmt nodes: BEGIN, COMMIT,
// SAVEPOINT, PREPARE TRANSACTION, ...; COMMIT/ROLLBACK inside a DO block). Every problem is
// reported as file:line:col.
class ScriptChecker
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ScriptChecker)

public:
    // split: SqlSplitter::split of the file at path.
    static QList<ValidationProblem> check(const QString &path, const SqlSplitResult &split,
                                          const MigrationDirectives &directives);
};

} // namespace uaip
