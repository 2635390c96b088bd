#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace uaip {

// How a Transaction begins and ends (Transaction::begin), and the BEGIN a pipeline sends
// (Transaction::beginCommand). The default: BEGIN, the server's isolation level and access,
// committed by end(), refused when a transaction is already open on the connection.
struct TransactionOptions
{
    enum class Access { Default, ReadOnly, ReadWrite };
    enum class Isolation { Default, ReadCommitted, RepeatableRead, Serializable };

    // READ ONLY or READ WRITE. A connection the console keeps read-only
    // (PgConnection::keptReadOnly) makes every transaction READ ONLY, but an always rolled back
    // READ WRITE one (the SQL console's probe: a temporary view, rolled back).
    Access access = Access::Default;
    // A transaction of its own only: a nested one (a savepoint) cannot change it.
    Isolation isolation = Isolation::Default;
    // end() rolls back, commit() refuses: for work whose effects must not stay (a preview, a
    // probe, EXPLAIN ANALYZE) and for reads, which then need no COMMIT to settle.
    bool alwaysRollBack = false;
    // When a transaction is already open on the connection: a savepoint in it (uaip_sp_<n>),
    // rolled back to or released, instead of a refusal. Its READ ONLY and settings go with a
    // rollback; a commit (RELEASE) leaves them to the enclosing transaction.
    bool savepointWhenNested = false;
    // Takes the transaction id at begin (Transaction::transactionId), so a COMMIT whose answer
    // was lost can be settled with txid_status() on a new connection.
    bool takeId = false;
    // Settings for this transaction only (SET LOCAL: set_config(name, value, true)), e.g.
    // lock_timeout, statement_timeout, jit: nothing stays on the session (or, behind a pooler,
    // on the server session the pool hands out next).
    QList<std::pair<QString, QString>> settings;

    // A savepoint in the transaction already open (one of its own when none is).
    static TransactionOptions nested()
    {
        TransactionOptions o;
        o.savepointWhenNested = true;
        return o;
    }
    static TransactionOptions readOnly()
    {
        TransactionOptions o;
        o.access = Access::ReadOnly;
        return o;
    }
    // A catalog read (SchemaSnapshot, DdlCatalog): a savepoint of the caller's transaction or
    // one of its own, always rolled back, with JIT off (SET LOCAL). A catalog query's estimated
    // cost can pass jit_above_cost (pg_publication, never analyzed, guessed at 77 rows, each
    // expanding pg_publication_tables: ~3 million), and the server spent 6 s compiling one
    // snapshot.
    static TransactionOptions catalogRead()
    {
        TransactionOptions o = nested();
        o.alwaysRollBack = true;
        o.settings = {{QStringLiteral("jit"), QStringLiteral("off")}};
        return o;
    }
    // READ ONLY and always rolled back: a read that keeps nothing and needs no COMMIT.
    static TransactionOptions readOnlyRolledBack()
    {
        TransactionOptions o = readOnly();
        o.alwaysRollBack = true;
        return o;
    }
};

} // namespace uaip
