#pragma once

#include "lintcontext.h"

#include <QCoreApplication>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// SqlLinter's rules for DROP statements: DROP TABLE / SCHEMA / TYPE / DOMAIN / SEQUENCE and
// anything with CASCADE are Danger, other DROPs (view, function, index, trigger, ...) Warning.
// A table created earlier in the same file may be dropped without a finding.
class DropRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DropRules)

public:
    explicit DropRules(LintContext &context);

    void lintDrop(const PgQuery__DropStmt &drop);
    void lintDropDatabase(const PgQuery__DropdbStmt &drop);
    void lintDropOwned(const PgQuery__DropOwnedStmt &drop);
    void lintDropRole(const PgQuery__DropRoleStmt &drop);
    void lintDropTablespace(const PgQuery__DropTableSpaceStmt &drop);
    void lintDropSubscription(const PgQuery__DropSubscriptionStmt &drop);

private:
    // What a DROP says of one of its objects (its name as written); cascadeSaid: the message
    // already tells what CASCADE does.
    struct Finding
    {
        LintFinding::Severity severity = LintFinding::Severity::Warning;
        LintFinding::Kind kind = LintFinding::Kind::DropOther;
        QString message;
        bool cascadeSaid = false;
    };
    static Finding findingFor(const PgQuery__DropStmt &drop, const QString &name);
    // Whether object of a DROP TABLE is a table this file created (then forgotten: dropped).
    bool dropsNewTable(const PgQuery__Node *object);

    LintContext &m_context;
};

} // namespace uaip
