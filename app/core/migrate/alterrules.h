#pragma once

#include "lintcontext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

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

    // Each takes the fields of its statement node.
    void lintAlterTable(const QJsonObject &alter); // AlterTableStmt
    void lintRename(const QJsonObject &rename); // RenameStmt
    void lintCreateIndex(const QJsonObject &index); // IndexStmt

private:
    void lintAddColumn(const QString &table, const QJsonObject &columnDef);
    void lintAddConstraint(const QString &table, const QJsonObject &constraint);

    LintContext &m_context;
};

} // namespace uaip
