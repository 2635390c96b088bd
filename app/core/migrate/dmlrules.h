#pragma once

#include "lintcontext.h"
#include "parsetreenode.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace uaip {

// SqlLinter's rules for statements that destroy or overwrite rows: TRUNCATE, and DELETE or
// UPDATE without WHERE (also inside WITH). SELECT INTO records the table it creates. Tables
// created earlier in the same file are left alone.
class DmlRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DmlRules)

public:
    explicit DmlRules(LintContext &context);

    void lintTruncate(const QJsonObject &truncate); // the fields of a TruncateStmt
    void lintDml(const ParseTreeNode &node); // DeleteStmt, UpdateStmt, InsertStmt, SelectStmt

private:
    LintContext &m_context;
};

} // namespace uaip
