#pragma once

#include <QString>
#include <QStringList>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// Spells the names of objects and types found in libpg_query's typed parse tree (PgParseTree)
// the way a migration would write them, for SqlLinter's findings.
class ParseTreeNames
{
public:
    // Whether name can be written without quotes: lower case letters, digits, '_' and '$'
    // (and any non-ASCII character), not starting with a digit or '$'.
    static bool isPlainIdentifier(const QString &name);

    // Whether name is one of PostgreSQL's keywords that must be quoted as a name (every kind
    // but the unreserved ones, as quote_ident has it), or not one word to the scanner.
    static bool isKeywordToQuote(const QString &name);
    // The same, asked of libpg_query's scanner (pg_query_scan) every time.
    static bool scansAsKeywordToQuote(const QString &name);

    // The name as it would have to be written: quoted when it has upper case or odd characters,
    // or is a keyword to quote.
    static QString quoteIdentifier(const QString &name);
    static QString quoteIdentifier(const char *name);

    // The parts quoted where needed and joined with '.'.
    static QString qualifiedName(const QStringList &parts);

    // catalog.schema.table of a RangeVar, with the parts it gives; empty for nullptr.
    static QString relationName(const PgQuery__RangeVar *rangeVar);

    // The type of a TypeName as SQL spells it: integer for pg_catalog.int4, with its modifiers
    // and array bounds, e.g. timestamp(3) with time zone, numeric(10,2)[].
    static QString typeNameText(const PgQuery__TypeName *typeName);

    // "materialized view" for OBJECT_MATVIEW, "table" for OBJECT_TABLE, ...
    static QString objectNoun(PgQuery__ObjectType objectType);

    // The name of one object of a DROP or RENAME, as written.
    static QString objectName(const PgQuery__Node *node, PgQuery__ObjectType objectType);

    // The sval of every String node of the list, in order; other nodes are skipped.
    static QStringList stringValues(PgQuery__Node *const *nodes, size_t count);
};

} // namespace uaip
