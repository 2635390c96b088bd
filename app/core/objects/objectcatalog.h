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
// pg_get_functiondef, pg_get_indexdef, pg_get_constraintdef, pg_get_triggerdef, pg_get_expr,
// format_type), assembled in the order and form pg_dump -s writes it; a table's CREATE TABLE
// is assembled from pg_attribute and pg_constraint, as pg_dump does (there is no
// pg_get_tabledef). Members of an extension are left out, as pg_dump leaves them out.
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
    // (relpages as of the last VACUUM, ANALYZE or CREATE INDEX; no relation opened): lookup()
    // and children() give exact ones.
    Result<QList<CatalogNode>> objects(const QString &schema, ObjectKind kind);
    // A table's columns, constraints, indexes, triggers, policies and partitions, in that
    // order (a view's and materialized view's columns and indexes).
    Result<QList<CatalogNode>> children(const CatalogNode &table);
    // The statements that create the object, each ending with ';', in pg_dump's order. A
    // child: an index's or trigger's definition, a constraint as ALTER TABLE ... ADD
    // CONSTRAINT, a partition as a table; a column or policy has none of its own (its table's
    // holds it).
    Result<QStringList> ddl(const CatalogNode &object);
    // What the object uses and what uses it (pg_depend; a view through its query).
    Result<ObjectDependencies> dependencies(const CatalogNode &object);
    // Objects whose name contains text, case-insensitively; exact names first, at most limit.
    Result<QList<CatalogNode>> find(const QString &text, int limit = kFindLimit);
    // The objects named exactly name: in schema, or in any schema when there is none (then also
    // schemas, extensions and roles of that name); arguments: a function's argument list
    // ("integer, text" or as its identity prints it, "a integer, VARIADIC b integer[]": modes
    // and names allowed, RoutineArguments), or every overload when there are none; a list that
    // is none: a syntax error (42601).
    Result<QList<CatalogNode>> lookup(const std::optional<QString> &schema, const QString &name,
                                      const std::optional<QString> &arguments = std::nullopt);

    // The objects named so whose DDL this catalog does not write (an aggregate, a foreign table,
    // an event trigger, a foreign server or foreign-data wrapper, an index): "kind identity"
    // each, for saying why a lookup found nothing.
    Result<QStringList> unwritten(const std::optional<QString> &schema, const QString &name);

    // A query of a relation's first rows for the SQL editor: SELECT * FROM identity LIMIT limit.
    static QString selectText(const CatalogNode &relation, int limit = 100);
    // The statements as one text, a blank line between them.
    static QString text(const QStringList &statements);

private:
    Result<QList<CatalogNode>> nodes(const char *sql, const QVariantList &params,
                                     const QString &what);
    static QList<CatalogNode> readNodes(const PgResult &result);
    Result<QStringList> statements(const char *sql, const CatalogNode &object);
    Result<QStringList> childDdl(const CatalogNode &child);
    Error failed(const Error &error, const QString &what) const;
    Error gone(const CatalogNode &object) const;

    PgConnection &m_connection;
};

} // namespace uaip
