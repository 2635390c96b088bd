#pragma once

#include "lintfinding.h"
#include "sqlparse/sqlsplitter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <optional>

namespace uaip {

// Finds destructive or risky statements in a migration by walking PostgreSQL's parse tree
// (libpg_query, read as typed trees: PgParseTree, and PlpgsqlTree for DO blocks):
//
//   Danger   DROP TABLE / SCHEMA / TYPE / DOMAIN / SEQUENCE / DATABASE, DROP ... CASCADE,
//            ALTER TABLE ... DROP COLUMN, ALTER COLUMN ... TYPE, TRUNCATE,
//            DELETE or UPDATE without WHERE (also inside WITH)
//   Warning  other DROPs (view, function, index, constraint, ...), SET NOT NULL,
//            ADD COLUMN ... NOT NULL without DEFAULT, FOREIGN KEY / CHECK without NOT VALID,
//            renames of tables, columns, views, schemas, functions and types,
//            CREATE INDEX (and ADD PRIMARY KEY / UNIQUE) without CONCURRENTLY
//
// Statements inside a PL/pgSQL DO block are checked too, and reported at their own line.
// Statements that only touch a table created earlier in the same file (CREATE TABLE without
// IF NOT EXISTS, CREATE TABLE AS, SELECT INTO) are not reported: that table holds no data
// from before the migration. Function bodies (not run by the migration) and dynamic SQL
// (EXECUTE) are not inspected.
class SqlLinter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlLinter)

public:
    // Findings in file order; each points at the first token of its statement. split is
    // sql's (SqlSplitter::split, done once by the caller and shared with every check); a split
    // that failed (split.error, the syntax error) has no findings.
    static QList<LintFinding> lint(const QByteArray &sql, const SqlSplitResult &split);
    // The same with squawk's rules too (SquawkRules), as uaip-migrate lint reports them, and
    // the file's -- uaip:allow RULE REASON applied: a finding of that kind in the statement below
    // the comment is marked suppressed with the reason; an allowance that matches no finding is
    // a warning of its own (unused_allow).
    static QList<LintFinding> lintAll(const QByteArray &sql, const SqlSplitResult &split);

private:
    static QList<LintFinding> run(const QByteArray &sql, const SqlSplitResult &split, bool squawk);
};

} // namespace uaip
