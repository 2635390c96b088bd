#pragma once

#include "lintcontext.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace uaip {

// SqlLinter's rules for DROP statements: DROP TABLE / SCHEMA / TYPE / DOMAIN / SEQUENCE and
// anything with CASCADE are Danger, other DROPs (view, function, index, trigger, ...) Warning.
// A table created earlier in the same file may be dropped without a finding.
class DropRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DropRules)

public:
    explicit DropRules(LintContext &context);

    // Each takes the fields of its statement node.
    void lintDrop(const QJsonObject &drop); // DropStmt
    void lintDropDatabase(const QJsonObject &drop); // DropdbStmt
    void lintDropOwned(const QJsonObject &drop); // DropOwnedStmt
    void lintDropRole(const QJsonObject &drop); // DropRoleStmt
    void lintDropTablespace(const QJsonObject &drop); // DropTableSpaceStmt
    void lintDropSubscription(const QJsonObject &drop); // DropSubscriptionStmt

private:
    LintContext &m_context;
};

} // namespace uaip
