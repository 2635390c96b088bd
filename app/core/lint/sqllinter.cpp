#include "sqllinter.h"

#include "sqlparse/migrationdirectives.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "statementlinter.h"

namespace uaip {

QList<LintFinding> SqlLinter::lint(const QByteArray &sql, const SqlSplitResult &split)
{
    if (!split.ok())
        return {};

    // the runner's transaction: the file's, unless it says -- uaip:no-transaction (a malformed
    // header is validate's to report; the file is then read as running in one)
    const Result<MigrationDirectives> directives
        = MigrationDirectives::parse(sql, split.statements);
    StatementLinter linter(sql, !(directives && directives->noTransaction));
    // each statement's tree is the split script's: parsed once for the lint and every check
    // (a statement that does not parse, or nests too deeply to, is the plan check's to report)
    for (const SqlStatement &statement : split.statements)
        if (const std::shared_ptr<const PgParseTree> tree = statement.tree(); tree->ok())
            linter.lintTree(*tree, statement.text, statement.offset, statement.start, 0);
    return linter.findings();
}

} // namespace uaip
