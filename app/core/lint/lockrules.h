#pragma once

#include "lintcontext.h"

#include <QByteArray>
#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// SqlLinter's rules for maintenance and schema statements whose locks block a table's readers
// or writers for as long as they run: REINDEX without CONCURRENTLY, VACUUM FULL, CLUSTER, a
// domain's CHECK or NOT NULL (CREATE DOMAIN with one, ALTER DOMAIN ... ADD CONSTRAINT without
// NOT VALID). It also follows the explicit transaction blocks (BEGIN ... COMMIT) of a
// -- uaip:no-transaction file, and reports a statement PostgreSQL refuses inside one (CREATE
// INDEX CONCURRENTLY and the like; in a file that runs in a transaction the plan check refuses
// it already). Tables created earlier in the same file are left alone.
class LockRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockRules)

public:
    explicit LockRules(LintContext &context);

    void lintReindex(const PgQuery__ReindexStmt &reindex);
    void lintVacuum(const PgQuery__VacuumStmt &vacuum);
    void lintCluster(const PgQuery__ClusterStmt &cluster);
    void lintCreateDomain(const PgQuery__CreateDomainStmt &domain);
    void lintAlterDomain(const PgQuery__AlterDomainStmt &domain);
    void lintTransaction(const PgQuery__TransactionStmt &transaction);
    // A statement of the file (text) inside an explicit transaction block.
    void lintInBlock(const QByteArray &text);

private:
    // VACUUM FULL or CLUSTER of table (empty: of every table).
    void addRewrite(LintFinding::Kind kind, const QString &table);
    // CREATE DOMAIN with a constraint or ALTER DOMAIN ... ADD CONSTRAINT of the domain named by
    // the String nodes names.
    void addDomain(LintFinding::Kind kind, PgQuery__Node *const *names, size_t count);

    LintContext &m_context;
};

} // namespace uaip
