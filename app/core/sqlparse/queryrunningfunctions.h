#pragma once

#include <QByteArray>
#include <QStringList>

namespace uaip {

// The functions that run SQL they are given — a query as text (query_to_xml, ts_stat,
// tablefunc's crosstab), a cursor, a table, a schema or the whole database rendered as XML
// (table_to_xml: its rows come from running a SELECT on the relation, so a view's body runs), a
// query built from a relation's and columns' names (tablefunc's connectby, xml2's xpath_table),
// or SQL sent to another database (dblink) — with the rights of whoever calls them, whatever
// their declared volatility (crosstab, connectby and xpath_table are STABLE). So do the input
// functions that take the type as a value (record_in(text::cstring, a_type_oid_column, -1),
// domain_in, pg_input_is_valid(text, type_name)): the CHECKs of whatever domain the value
// names run, and no tree shows which. To the read-only verdict (StatementResolution) and to
// PlanSafety they count as running that SQL: code of someone else's could hide behind them (a view
// named in a STABLE table_to_xml call). tests/core/tst_extensionqueryrunning.cpp creates every
// extension the server offers and calls each of their functions that takes a text or a relation
// with SQL it can see run: each one that ran it is on this list.
class QueryRunningFunctions
{
public:
    // Their names in pg_catalog (tests/core/tst_queryrunningfunctions.cpp reads pg_proc so a new
    // one cannot be missed).
    static QStringList catalogNames();
    // Functions of any schema whose name starts with one of these (an extension's: dblink,
    // tablefunc's crosstab, crosstab2..4 and connectby, xml2's xpath_table).
    static QStringList prefixes();
    // C functions of any name whose library (probin without its folder and ".so") and symbol
    // (prosrc) start as one of these "library:symbol": a wrapper of tablefunc's crosstab under
    // a name of its own, as tablefunc's documentation suggests making.
    static QStringList symbols();
    // {"names": [...], "prefixes": [...], "symbols": [...]} for the SQL that walks what a
    // statement reaches.
    static QByteArray json();

private:
    static QStringList runningSql();
    static QStringList typesInput();
};

} // namespace uaip
