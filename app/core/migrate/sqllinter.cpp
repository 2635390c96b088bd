#include "sqllinter.h"

#include "sqlsplitter.h"
#include "statementlinter.h"

namespace uaip {

QList<LintFinding> SqlLinter::lint(const QByteArray &sql, std::optional<SqlSyntaxError> *error)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (error)
        *error = split.error;
    if (!split.ok())
        return {};

    StatementLinter linter(sql);
    for (const SqlStatement &statement : split.statements)
        linter.lintStatement(statement.text, statement.offset, statement.start, 0);
    return linter.findings();
}

} // namespace uaip
