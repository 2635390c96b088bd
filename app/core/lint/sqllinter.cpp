#include "sqllinter.h"

#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitter.h"
#include "statementlinter.h"

namespace uaip {

QList<LintFinding> SqlLinter::lint(const QByteArray &sql, std::optional<SqlSyntaxError> *error)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (error)
        *error = split.error;
    if (!split.ok())
        return {};

    // the runner's transaction: the file's, unless it says -- uaip:no-transaction (a malformed
    // header is validate's to report; the file is then read as running in one)
    const std::optional<MigrationDirectives> directives
        = MigrationDirectives::parse(sql, split.statements);
    StatementLinter linter(sql, !(directives && directives->noTransaction));
    for (const SqlStatement &statement : split.statements)
        linter.lintStatement(statement.text, statement.offset, statement.start, 0);
    return linter.findings();
}

} // namespace uaip
