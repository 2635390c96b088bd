#pragma once

#include "catalogdatabase.h"
#include "catalognode.h"
#include "objectdependencies.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace uaip {

class PgConnection;
class PgResult;

// The object browser's reader (issue 46): a database's schemas and objects level by level, a
// table's parts, the DDL of an object, what it uses and what uses it, and a search by name.
// Read-only; every call is one statement of objects/sql/ (CatalogQuery: search_path empty, a
// READ ONLY transaction), so a Job can call it on a worker's connection and a 10,000-table
// database loads a level at a time. The DDL is the server's own (pg_get_viewdef,
// pg_get_function_arguments, pg_get_indexdef, pg_get_constraintdef, pg_get_triggerdef,
// pg_get_expr, format_type), assembled in the order and form pg_dump -s writes it (ObjectDdl);
// a table's CREATE TABLE is assembled from pg_attribute and pg_constraint, as pg_dump does
// (there is no pg_get_tabledef). Members of an extension are left out, as pg_dump leaves them
// out.
class ObjectCatalog
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectCatalog)

public:
    static constexpr int kFindLimit = 200;

    explicit ObjectCatalog(PgConnection &connection);

    // The level above: the server's databases (not the templates), the session's own first,
    // each with whether the role may open a session on it.
    Result<QList<CatalogDatabase>> databases();
    // The first level: the schemas outside the system ones, each with its objects per kind
    // (CatalogNode::counts; childCount their sum).
    Result<QList<CatalogNode>> schemas();
    // The objects of one kind in a schema (partitions are their table's children); kind
    // Extension or Role: the database's, schema not used. Sizes are the catalog's estimate
    // (sizeEstimated) of what lookup() and children() measure exactly: a table's or
    // materialized view's total (pg_total_relation_size's relations: the heap, its TOAST table
    // and that one's index, its indexes), as relpages of each of those relations times the
    // block size, read from pg_class alone: no relation opened, so no lock taken or waited on
    // (10,000 tables cost one scan). relpages is as of the last VACUUM, ANALYZE or CREATE
    // INDEX and counts a relation's main fork only: the exact size also counts the heap's
    // free-space and visibility maps (a few pages; 32 kB for a small vacuumed table) and what
    // changed since. Both are split alike: tableBytes (heap, TOAST, TOAST index) and
    // indexBytes.
    Result<QList<CatalogNode>> objects(const QString &schema, ObjectKind kind);
    // A table's columns, constraints, indexes, triggers, policies and partitions, in that
    // order (a view's and materialized view's columns and indexes).
    Result<QList<CatalogNode>> children(const CatalogNode &table);
    // The statements that create the object, each ending with ';', in pg_dump -s's form and
    // order (ObjectDdl): with its owner (ALTER ... OWNER TO), storage settings, comments and
    // privileges (GRANT, REVOKE). A child: an index's definition, or the constraint's when a
    // constraint owns it; a constraint as ALTER TABLE ... ADD CONSTRAINT; a trigger's; each with
    // its comment; a partition as a table; a column or policy has none of its own (its table's
    // holds it).
    Result<QStringList> ddl(const CatalogNode &object);
    // What the object uses and what uses it (pg_depend; a view through its query). A table's
    // part (an index, constraint, trigger or policy): its table and the columns, functions,
    // types and collations it names, a constraint's index; used by: an index's constraint and
    // the foreign keys on an index or on a primary key or unique constraint. A column or role:
    // none.
    Result<ObjectDependencies> dependencies(const CatalogNode &object);
    // Objects whose name contains text, case-insensitively; exact names first, at most limit.
    // A table's indexes, constraints, triggers and policies too, as children() reads them
    // (parent their table).
    Result<QList<CatalogNode>> find(const QString &text, int limit = kFindLimit);
    // The objects named exactly name: in schema, or in any schema when there is none (then also
    // schemas, extensions and roles of that name); arguments: a function's argument list
    // ("integer, text" or as its identity prints it, "a integer, VARIADIC b integer[]": modes
    // and names allowed, RoutineArguments), or every overload when there are none; a list that
    // is none: a syntax error (42601). Also a table's indexes, constraints, triggers and
    // policies of that name, as children() reads them (an index's schema is its table's, as is
    // a constraint's, trigger's or policy's); table: only those of that table (schema.table.name),
    // then nothing else.
    Result<QList<CatalogNode>> lookup(const std::optional<QString> &schema, const QString &name,
                                      const std::optional<QString> &arguments = std::nullopt,
                                      const std::optional<QString> &table = std::nullopt);

    // The objects named so whose DDL this catalog does not write (an aggregate, a foreign table,
    // an event trigger, a foreign server or foreign-data wrapper): "kind identity" each, for
    // saying why a lookup found nothing.
    Result<QStringList> unwritten(const std::optional<QString> &schema, const QString &name);

    // A query of a relation's first rows for the SQL editor: SELECT * FROM identity LIMIT limit.
    static QString selectText(const CatalogNode &relation, int limit = 100);
    // The statements as one text, a blank line between them.
    static QString text(const QStringList &statements);

private:
    Result<QList<CatalogNode>> nodes(const char *sql, const QVariantList &params,
                                     const QString &what);
    static QList<CatalogNode> readNodes(const PgResult &result);
    // nodes(), with each row that has a table_oid (a table's part, lookup.sql and find.sql)
    // replaced by the part as its table's children read it (dropped when gone since).
    Result<QList<CatalogNode>> nodesWithParts(const char *sql, const QVariantList &params,
                                              const QString &what);
    // The children of several tables at once (children.sql takes an array).
    Result<QList<CatalogNode>> childrenOf(const QList<quint32> &tables, const QString &what);
    Error failed(const Error &error, const QString &what) const;

    PgConnection &m_connection;
};

} // namespace uaip
