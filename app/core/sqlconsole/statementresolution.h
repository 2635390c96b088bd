#pragma once

#include "error/error.h"
#include "error/result.h"
#include "reachedrelation.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

class PgConnection;

// Whether a query (a SELECT, VALUES or TABLE) runs a VOLATILE function, decided from what the
// server resolved on this connection, not from the names in its text: the query becomes a
// temporary view (CREATE TEMP VIEW … AS SELECT FROM (query) — parse analysis only, nothing of
// it runs) in a transaction or savepoint that is always rolled back, and
// sqlconsole/sql/resolved_volatile.sql walks the node trees the server stored from that view:
// every function, operator, aggregate (support functions), cast function, domain CHECK, view
// and SELECT policy the query reaches. A few VOLATILE functions of pg_catalog that only read
// (sizes, WAL positions, clocks, random numbers, sleeping) count as reading; a function that
// runs SQL it is given (QueryRunningFunctions: table_to_xml, query_to_xml, ts_stat, dblink…)
// counts as writing whatever its volatility, as that SQL runs with the caller's rights.
// Parse analysis itself reads each string literal with its type's input function, a domain's
// CHECK included: while a domain's CHECK calls such a function (sqlconsole/sql/
// literal_checks.sql), a statement with a string literal is refused before the probe parses it.
// Parse analysis evaluates no other constant with code of a role's: a number, a bit string, a
// boolean or NULL cast to a domain (or to a type holding one) becomes a CoerceToDomain node or a
// constant read by a built-in input function; the CHECK runs when the statement runs, and the
// walk sees its type.
// Where the role may not create temporary objects (REVOKE TEMP ON DATABASE … FROM PUBLIC) no
// view can be made: each statement comes back withoutTemp, unresolved, and StatementSafety
// judges it by the names it calls instead (StandbyStatementVerdict).
// Another role's domain or composite type the walk reaches counts as writing: its owner may add
// a CHECK or an attribute at any moment, and no lock a reader takes stops that. The tables and
// views of other roles it reaches come back with the verdict (Resolved::relations): VerdictHold
// locks them in the run's transaction and judges again, so that what was walked is what runs.
// Out of reach: a function declared STABLE/IMMUTABLE whose body (other than a SQL-standard
// body) does more; event triggers on CREATE VIEW (a superuser's) fire for the probe, which is
// rolled back.
// A run of statements (writesEach) shares one probe transaction and two round trips: one opens
// it (with the literal check), one sends every statement's view (each renamed to a name of its
// own: uaip_resolution_probe_1, _2, ...), one walk over all of them (what several statements
// reach is walked once) and the rollback; at most 256 statements a transaction. A view the
// server refuses ends that round: its statement gets its error, the others are probed again.
// A statement's short text (each long IN list of integer constants cut to its first two and its
// last, StatementClass::probeText) is what its view is made of: the server resolves such a list
// to one type whatever its length, and the walk reads no constant; where that view fails, the
// whole text is probed (its error, at its place). No verdict is kept: every run probes again,
// so a function another session replaces or makes VOLATILE between two runs is seen by the
// second; a run's statements are judged before any of them runs, as before, now in one probe
// transaction (READ COMMITTED: each view sees the catalog as of its own command).
// The views of a batch are temporary, and the temporary schema is searched first for relations
// and types: a statement that names a relation or type as the probe names its views (and their
// row and array types: kProbeName followed by anything, Query::alone) would read another
// statement's view in the probe and the role's own object of that name when run; it is probed
// in a transaction of its own, where no other probe view exists, as when judged alone.
class StatementResolution
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementResolution)

public:
    // Why the query can write ("reaches the VOLATILE function app.kvp"), or why the server
    // could not resolve it (a read-only transaction, a hot standby, an error in the query);
    // empty when everything it reaches is IMMUTABLE/STABLE or a reading pg_catalog function.
    // An error only when the connection fails.
    // queryError: where the server refused the query itself (a missing relation or column, a
    // syntax or permission error: run, it would fail the same way), that error, its position in
    // query; the reason then says so. Not where no view can be made here (a read-only
    // transaction, a hot standby).
    struct Probe
    {
        // the text holds a string literal (StatementClass::stringLiterals)
        bool stringLiterals = true;
    };
    static Result<QString> writes(PgConnection &connection, const QByteArray &query,
                                  const Probe &probe, Error *queryError = nullptr);
    // One query of writesEach: its text, the short text the probe may parse instead (empty:
    // the text), whether it holds a string literal.
    struct Query
    {
        QByteArray text;
        QByteArray shortText;
        bool stringLiterals = true;
        // it names something as the probe names its views (StatementClass::namesProbe): probed
        // in a transaction of its own
        bool alone = false;
    };
    // What the probe's temporary views (and their row types) are named after: uaip_resolution_
    // probe, then _1, _2, ... in a batch.
    static constexpr const char *kProbeName = "uaip_resolution_probe";
    // writes()'s reason and queryError for one query.
    struct Resolved
    {
        QString why;
        Error queryError;
        // The role may not create temporary objects in this database (no TEMP privilege: the
        // probe's view failed and has_database_privilege says so, sqlconsole/sql/
        // temp_refused.sql): nothing was resolved, why is empty and the caller judges otherwise
        // (StatementSafety: by names, as on a hot standby).
        bool withoutTemp = false;
        // the tables and views of other roles the query reaches (resolved_volatile.sql)
        QList<ReachedRelation> relations;
    };
    // writes() for each query, in order, in as few probe transactions as it takes (see above),
    // with searchPath for the probe's transactions (empty: the session's; ReadingLogins: a
    // reader session resolves names as the console's session would). An error only when the
    // connection fails.
    static Result<QList<Resolved>> writesEach(PgConnection &connection, const QList<Query> &queries,
                                              const QString &searchPath);
    // The same with a Probe's defaults (string literals assumed).
    static Result<QString> writes(PgConnection &connection, const QByteArray &query);
    // What views, temporary views of the open transaction (quoted, pg_temp-qualified names),
    // reach, each as writesEach tells a query's (why and relations): the walk alone, nothing
    // made or rolled back (VerdictHold walks the views its statements then run from). An error
    // when the walk fails.
    static Result<QList<Resolved>> walk(PgConnection &connection, const QStringList &views);
    // Whether a VOLATILE pg_catalog function only reads (the allow-list above).
    static bool readingVolatile(const QString &name);
};

} // namespace uaip
