#pragma once

#include "lintcontext.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The rules of squawk (the PostgreSQL migration linter) that SqlLinter's safety rules do not
// cover, each a warning under squawk's own id (issue 59, point 4), read from a statement's typed
// tree (PgParseTree):
//
//   ban-drop-not-null            ALTER COLUMN ... DROP NOT NULL
//   prefer-robust-stmts          outside a transaction (-- uaip:no-transaction, no BEGIN): a
//                                statement that cannot run again after a failure part way
//                                (CREATE TABLE / INDEX without IF NOT EXISTS, DROP TABLE / INDEX
//                                / TYPE and DROP COLUMN / CONSTRAINT without IF EXISTS, ADD
//                                COLUMN without IF NOT EXISTS, any other ALTER TABLE action);
//                                a named CREATE INDEX CONCURRENTLY without IF NOT EXISTS anywhere
//   prefer-text-field            varchar(n)
//   prefer-timestamp-tz          timestamp without time zone
//   prefer-identity              serial and its kin
//   prefer-bigint-over-int       int, integer, int4, serial, serial4
//   ban-char-field               char(n), character(n)
//   require-enum-value-ordering  ALTER TYPE ... ADD VALUE without BEFORE or AFTER
//
// The column types are read in CREATE TABLE, ADD COLUMN and ALTER COLUMN ... TYPE, and point at
// the type; the other findings point at the statement.
class SquawkRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SquawkRules)

public:
    explicit SquawkRules(LintContext &context);

    // A statement of the file itself (not one inside a DO block), after the safety rules saw it.
    void lint(const PgQuery__Node *node);

private:
    void lintCreateTable(const PgQuery__CreateStmt &create);
    void lintAlterTable(const PgQuery__AlterTableStmt &alter);
    void lintAlterTableRobust(const PgQuery__AlterTableCmd &cmd, const QString &table);
    void lintCreateIndex(const PgQuery__IndexStmt &index);
    void lintDrop(const PgQuery__DropStmt &drop);
    void lintAlterEnum(const PgQuery__AlterEnumStmt &alterEnum);
    // The type rules for one column's type, the finding at the type.
    void lintColumnType(const QString &column, const PgQuery__TypeName *type);
    void addAt(int location, LintFinding::Kind kind, const QString &object, const QString &message);
    void notRobust(const QString &object, const QString &what);

    LintContext &m_context;
    // constraint name -> true once added again after its DROP CONSTRAINT (squawk's pairing)
    QHash<QString, bool> m_droppedConstraints;
};

} // namespace uaip
