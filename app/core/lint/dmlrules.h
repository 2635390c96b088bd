#pragma once

#include "lintcontext.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// SqlLinter's rules for statements that destroy or overwrite rows: TRUNCATE, and DELETE or
// UPDATE without WHERE (also inside WITH). SELECT INTO records the table it creates. Tables
// created earlier in the same file are left alone.
class DmlRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DmlRules)

public:
    explicit DmlRules(LintContext &context);

    void lintTruncate(const PgQuery__TruncateStmt &truncate);
    // A DeleteStmt, UpdateStmt, InsertStmt or SelectStmt node (others are left alone).
    void lintDml(const PgQuery__Node *node);

private:
    LintContext &m_context;
};

} // namespace uaip
