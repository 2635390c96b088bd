#pragma once

#include "columntypechange.h"
#include "lockmode.h"
#include "notnullcheckchange.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// One lock a migration statement takes on an existing relation, as StatementLockForecast
// foresees it from the statement's parse tree (no database): the mode, and whether the statement
// does long work while it holds it.
struct RelationLock
{
    // Schema-qualified as the statement writes it, quoted where needed, as the lint names
    // tables (ParseTreeNames::relationName): public.users, "Odd". Empty: every table the
    // statement reaches (VACUUM, ANALYZE or CLUSTER without a table, REINDEX SCHEMA/DATABASE).
    QString relation;
    LockMode mode = LockMode::AccessExclusive;
    // relation names an index, and the lock is on the table it indexes (DROP INDEX, REINDEX
    // INDEX), whose name the statement does not give.
    bool ofIndexTable = false;
    // Writes the whole table anew while it holds the lock (ADD COLUMN with a volatile default,
    // SET TABLESPACE, VACUUM FULL, ...).
    bool rewrites = false;
    // Reads the whole table while it holds the lock (SET NOT NULL, a validated CHECK or
    // FOREIGN KEY, an index build, UPDATE without WHERE, ...).
    bool scans = false;
    // SET NOT NULL of these columns is the only scan (empty: something else scans, or nothing).
    // A validated CHECK (column IS NOT NULL) on the live table spares it (PlanForecastReader).
    QStringList notNullColumns;
    // CHECK (column IS NOT NULL) constraints the statement adds, validates or drops on the
    // relation, in the order written: what a later SET NOT NULL of the plan may be spared by.
    QList<NotNullCheckChange> notNullChecks;
    // May rewrite: ALTER COLUMN ... TYPE, which is a catalog change only when the old type is
    // binary-coercible to the new one (varchar(n) to text), which the statement alone does not
    // tell.
    bool maybeRewrites = false;
    // The ALTER COLUMN ... TYPE changes behind maybeRewrites, in the order written: those the
    // live catalog shows need no rewrite (binary-coercible, a widened modifier) take it off
    // (PlanForecastReader, TypeChangeRewrites).
    QList<ColumnTypeChange> typeChanges;
    // A short sentence naming the online way to the same end; empty when there is none.
    QString onlineForm;
    // CREATE INDEX builds an index of the relation: without or with CONCURRENTLY. A partitioned
    // table has no CONCURRENTLY build (PostgreSQL refuses it when it runs): BlockingWorkGate
    // refuses it up front, and a plain build's online form is another (PlanForecastReader).
    enum class IndexBuild { None, Plain, Concurrent };
    IndexBuild indexBuild = IndexBuild::None;
    // Named by a statement the console's parser cannot read (UncheckedStatementLocks): ACCESS
    // EXCLUSIVE and a rewrite assumed on a word that may not name a relation at all; kept only
    // where it names one of the live database (PlanForecastReader drops the others).
    bool guessed = false;
    // The name CREATE INDEX gives the index (unquoted; it goes into the table's schema); empty:
    // PostgreSQL chooses it, or not an index build.
    QString indexName;

    // The lock of that mode on the relation, with nothing more to say.
    static RelationLock on(const QString &relation, LockMode mode)
    {
        RelationLock lock;
        lock.relation = relation;
        lock.mode = mode;
        return lock;
    }
};

} // namespace uaip
