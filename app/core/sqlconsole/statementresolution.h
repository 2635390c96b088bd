#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
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
// Out of reach: a function declared STABLE/IMMUTABLE whose body (other than a SQL-standard
// body) does more; event triggers on CREATE VIEW (a superuser's) fire for the probe, which is
// rolled back.
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
    // The same with a Probe's defaults (string literals assumed).
    static Result<QString> writes(PgConnection &connection, const QByteArray &query);
    // Whether a VOLATILE pg_catalog function only reads (the allow-list above).
    static bool readingVolatile(const QString &name);
};

} // namespace uaip
