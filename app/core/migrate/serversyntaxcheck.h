#pragma once

#include "error/result.h"
#include "ledger/migrationstatus.h"
#include "lint/validationproblem.h"
#include "sqlparse/sqlsyntaxerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <optional>

namespace uaip {

class PgConnection;

// The server's own grammar (ServerGrammar) on what the console's parser cannot read (a text
// admitted for a server newer than the parser: SqlSplitResult::unchecked), placed in the file: a
// typo is a syntax error of the server's version, at file:line:col, before anything runs, and
// valid newer syntax passes.
class ServerSyntaxCheck
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ServerSyntaxCheck)

public:
    // The server's syntax error of statement (offset and position in statement: offset 0 is its
    // first byte), or none. An error when the check itself could not run (no TEMP right, a lost
    // connection): then the statement stays unchecked.
    static Result<std::optional<SqlSyntaxError>> check(PgConnection &connection,
                                                       const QByteArray &statement);
    // The syntax errors of the plan's unchecked statements (up.sql, or down.sql when !up), one
    // problem each at file:line:col (code "syntax"); an error when the check could not run.
    static Result<QList<ValidationProblem>> plan(PgConnection &connection,
                                                 const QList<MigrationStatus> &plan, bool up);
    // The same for one script of a migration.
    static Result<QList<ValidationProblem>> script(PgConnection &connection, const Migration &m,
                                                   bool up);
};

} // namespace uaip
