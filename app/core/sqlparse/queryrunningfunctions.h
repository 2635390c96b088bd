#pragma once

#include <QByteArray>
#include <QStringList>

namespace uaip {

// The functions that run SQL they are given — a query as text (query_to_xml, ts_stat), a
// cursor, a table, a schema or the whole database rendered as XML (table_to_xml: its rows come
// from running a SELECT on the relation, so a view's body runs), or SQL sent to another database
// (dblink) — with the rights of whoever calls them, whatever their declared volatility. To the
// read-only verdict (StatementResolution) and to PlanSafety they count as running that SQL:
// code of someone else's could hide behind them (a view named in a STABLE table_to_xml call).
class QueryRunningFunctions
{
public:
    // Their names in pg_catalog (tests/core/tst_queryrunningfunctions.cpp reads pg_proc so a new
    // one cannot be missed).
    static QStringList catalogNames();
    // Functions of any schema whose name starts with one of these (an extension's: dblink).
    static QStringList prefixes();
    // {"names": [...], "prefixes": [...]} for the SQL that walks what a statement reaches.
    static QByteArray json();
};

} // namespace uaip
