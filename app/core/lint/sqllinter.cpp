#include "sqllinter.h"

#include "sqlparse/migrationdirectives.h"
#include "sqlparse/parserversion.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "statementlinter.h"

namespace uaip {

QList<LintFinding> SqlLinter::lint(const QByteArray &sql, const SqlSplitResult &split)
{
    return run(sql, split, false);
}

QList<LintFinding> SqlLinter::lintAll(const QByteArray &sql, const SqlSplitResult &split)
{
    QList<LintFinding> findings = run(sql, split, true);
    if (!split.ok())
        return findings;
    // a malformed directive is validate's (and the source's) to report, with file:line
    const Result<MigrationDirectives> directives
        = MigrationDirectives::parse(sql, split.statements);
    if (!directives)
        return findings;
    for (const MigrationDirectives::Allowance &allow : directives->allowances) {
        qsizetype end = allow.statementOffset;
        for (const SqlStatement &statement : split.statements)
            if (statement.offset == allow.statementOffset)
                end = statement.offset + statement.text.size();
        bool used = false;
        for (LintFinding &f : findings) {
            if (f.offset < allow.statementOffset || f.offset >= end
                || LintFinding::kindName(f.kind) != allow.rule)
                continue;
            f.suppressed = true;
            f.allowReason = allow.reason;
            used = true;
        }
        if (used)
            continue;
        LintFinding unused;
        unused.severity = LintFinding::Severity::Warning;
        unused.kind = LintFinding::Kind::UnusedAllow;
        unused.object = allow.rule;
        unused.message = LintFinding::kindOf(allow.rule)
            ? tr("-- uaip:allow %1 on line %2 matches no finding of the statement below it")
                  .arg(allow.rule)
                  .arg(allow.line)
            : tr("-- uaip:allow %1 on line %2 names no lint rule (a finding's kind, e.g. "
                 "prefer-text-field or set_not_null)")
                  .arg(allow.rule)
                  .arg(allow.line);
        unused.offset = allow.statementOffset;
        unused.position = TextPosition{allow.line, 1};
        findings.append(unused);
    }
    return findings;
}

QList<LintFinding> SqlLinter::run(const QByteArray &sql, const SqlSplitResult &split, bool squawk)
{
    if (!split.ok())
        return {};

    // the runner's transaction: the file's, unless it says -- uaip:no-transaction (a malformed
    // header is validate's to report; the file is then read as running in one)
    const Result<MigrationDirectives> directives
        = MigrationDirectives::parse(sql, split.statements);
    StatementLinter linter(sql, !(directives && directives->noTransaction), squawk);
    // each statement's tree is the split script's: parsed once for the lint and every check
    // (a statement that does not parse, or nests too deeply to, is the plan check's to report)
    for (const SqlStatement &statement : split.statements)
        if (const std::shared_ptr<const PgParseTree> tree = statement.tree(); tree->ok())
            linter.lintTree(*tree, statement.text, statement.offset, statement.start, 0);
    QList<LintFinding> findings = linter.findings();
    // a statement of syntax newer than the parser (a split admitted for a newer server)
    for (const UncheckedStatement &u : split.unchecked) {
        const SqlStatement &statement = split.statements.at(u.index);
        LintFinding f;
        f.severity = LintFinding::Severity::Danger; // what it cannot see it does not pass
        f.kind = LintFinding::Kind::NotChecked;
        f.message = ParserVersion::notCheckedNote()
            + QStringLiteral(" (%1: %2)").arg(u.error.position.toString(), u.error.message);
        f.offset = statement.offset;
        f.position = statement.start;
        findings.append(f);
    }
    std::stable_sort(
        findings.begin(), findings.end(),
        [](const LintFinding &a, const LintFinding &b) { return a.offset < b.offset; });
    return findings;
}

} // namespace uaip
