#pragma once

#include "lintcontext.h"

#include <QCoreApplication>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// SqlLinter's rules for statements that change existing objects in place: ALTER TABLE (DROP
// COLUMN, ALTER COLUMN ... TYPE, SET NOT NULL, ADD COLUMN ... NOT NULL without DEFAULT, ADD
// CONSTRAINT without NOT VALID or USING INDEX, DROP CONSTRAINT), renames, and CREATE INDEX
// without CONCURRENTLY. Tables created earlier in the same file are left alone.
class AlterRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AlterRules)

public:
    explicit AlterRules(LintContext &context);

    void lintAlterTable(const PgQuery__AlterTableStmt &alter);
    void lintRename(const PgQuery__RenameStmt &rename);
    void lintCreateIndex(const PgQuery__IndexStmt &index);

private:
    void lintAlterCommand(const QString &table, bool isType, const PgQuery__AlterTableCmd &cmd);
    void lintAddColumn(const QString &table, const PgQuery__ColumnDef &columnDef);
    void lintAddConstraint(const QString &table, const PgQuery__Constraint &constraint);
    void lintRenameOther(const PgQuery__RenameStmt &rename);

    LintContext &m_context;
};

} // namespace uaip
