#pragma once

#include "lintcontext.h"
#include "sqlparse/tableref.h"

#include <QCoreApplication>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// SqlLinter's rules for statements that change existing objects in place: ALTER TABLE (DROP
// COLUMN, ALTER COLUMN ... TYPE, SET NOT NULL; ADD COLUMN ... NOT NULL without DEFAULT, with a
// default that rewrites the table (volatile, serial, identity, STORED), or with a PRIMARY KEY,
// UNIQUE, REFERENCES or CHECK of its own; ADD CONSTRAINT without NOT VALID or USING INDEX,
// VALIDATE CONSTRAINT in the transaction that added it NOT VALID, DROP CONSTRAINT, DETACH
// PARTITION without CONCURRENTLY, SET LOGGED / UNLOGGED / TABLESPACE / ACCESS METHOD, which
// rewrite the table, ADD CONSTRAINT ... EXCLUDE), renames, and CREATE INDEX without CONCURRENTLY.
// Tables created earlier in the same file are left alone.
class AlterRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AlterRules)

public:
    explicit AlterRules(LintContext &context);

    void lintAlterTable(const PgQuery__AlterTableStmt &alter);
    void lintRename(const PgQuery__RenameStmt &rename);
    void lintCreateIndex(const PgQuery__IndexStmt &index);

private:
    // The table an ALTER TABLE (or ALTER TYPE) changes.
    struct Target
    {
        TableRef ref;
        QString table; // as written
        QString relation; // the table whose size counts: table, or empty for a type
        bool isType = false;
    };
    // What an added column's definition brings along.
    struct ColumnFacts
    {
        bool notNull = false;
        bool hasDefault = false;
        QString rewrite; // why adding it rewrites the table, e.g. "GENERATED AS IDENTITY"
        QString indexKeyword; // PRIMARY KEY or UNIQUE
        QString checkKeyword; // REFERENCES or CHECK
    };

    void lintAlterCommand(const Target &on, const PgQuery__AlterTableCmd &cmd);
    void lintDropFromTable(const Target &on, const PgQuery__AlterTableCmd &cmd);
    void lintDetach(const Target &on, const PgQuery__AlterTableCmd &cmd);
    // SET LOGGED / UNLOGGED / TABLESPACE / ACCESS METHOD: a rewrite under ACCESS EXCLUSIVE.
    void lintRewrite(const Target &on, const PgQuery__AlterTableCmd &cmd);
    void lintAddColumn(const QString &table, const PgQuery__ColumnDef &columnDef);
    static ColumnFacts columnFacts(const PgQuery__ColumnDef &columnDef);
    void lintAddConstraint(const Target &on, const PgQuery__Constraint &constraint);
    void lintRenameOther(const PgQuery__RenameStmt &rename);

    LintContext &m_context;
};

} // namespace uaip
