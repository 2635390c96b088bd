#include "objectcatalog.h"

#include "catalogquery.h"
#include "objectddl.h"
#include "routinearguments.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

namespace {

// The schema counts' columns (schemas.sql) and their kinds.
struct CountColumn
{
    const char *column;
    ObjectKind kind;
};

constexpr CountColumn kCountColumns[] = {
    {"tables", ObjectKind::Table},
    {"views", ObjectKind::View},
    {"matviews", ObjectKind::MaterializedView},
    {"sequences", ObjectKind::Sequence},
    {"functions", ObjectKind::Function},
    {"procedures", ObjectKind::Procedure},
    {"types", ObjectKind::Type},
    {"domains", ObjectKind::Domain},
};

// The catalog holding an object of a kind (dependencies.sql's first parameter).
const char *catalogOf(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema:
        return "pg_catalog.pg_namespace";
    case ObjectKind::Function:
    case ObjectKind::Procedure:
        return "pg_catalog.pg_proc";
    case ObjectKind::Type:
    case ObjectKind::Domain:
        return "pg_catalog.pg_type";
    case ObjectKind::Extension:
        return "pg_catalog.pg_extension";
    case ObjectKind::Role:
        return "pg_catalog.pg_authid";
    case ObjectKind::Constraint:
        return "pg_catalog.pg_constraint";
    case ObjectKind::Trigger:
        return "pg_catalog.pg_trigger";
    case ObjectKind::Policy:
        return "pg_catalog.pg_policy";
    default:
        return "pg_catalog.pg_class";
    }
}

} // namespace

ObjectCatalog::ObjectCatalog(PgConnection &connection)
    : m_connection(connection)
{ }

Error ObjectCatalog::failed(const Error &error, const QString &what) const
{
    return error.in(tr("cannot read %1 on %2").arg(what, m_connection.database()))
        .with(QStringLiteral("database"), m_connection.database());
}

QList<CatalogNode> ObjectCatalog::readNodes(const PgResult &r)
{
    QList<CatalogNode> out;
    out.reserve(r.rows());
    const int size = r.columnIndex("size_bytes");
    const int estimated = r.columnIndex("size_estimated"); // not in every query
    const int locked = r.columnIndex("detail_locked"); // children.sql only
    const int tableBytes = r.columnIndex("table_bytes"); // a relation's size in parts
    const int indexBytes = r.columnIndex("index_bytes");
    const auto bytes = [&r](int row, int column) {
        return column < 0 || r.isNull(row, column) ? qint64(-1) : r.value(row, column).toLongLong();
    };
    for (int i = 0; i < r.rows(); ++i) {
        CatalogNode n;
        n.kind = objectkind::fromKey(r.value(i, "kind")).value_or(ObjectKind::Table);
        n.schema = r.value(i, "schema");
        n.name = r.value(i, "name");
        n.oid = r.value(i, "oid").toUInt();
        n.identity = r.value(i, "identity");
        n.parent = r.value(i, "parent");
        n.childCount = r.value(i, "child_count").toLongLong();
        n.sizeBytes = r.isNull(i, size) ? -1 : r.value(i, size).toLongLong();
        n.sizeEstimated = estimated >= 0 && r.value(i, estimated) == u't';
        n.tableBytes = bytes(i, tableBytes);
        n.indexBytes = bytes(i, indexBytes);
        n.comment = r.value(i, "comment");
        n.detail = r.value(i, "detail");
        n.detailLocked = locked >= 0 && r.value(i, locked) == u't';
        out.append(n);
    }
    return out;
}

Result<QList<CatalogNode>> ObjectCatalog::nodes(const char *sql, const QVariantList &params,
                                                const QString &what)
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", sql), params);
    if (!r)
        return failed(r.error(), what);
    return readNodes(r.value());
}

Result<QList<CatalogNode>>
ObjectCatalog::nodesWithParts(const char *sql, const QVariantList &params, const QString &what)
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", sql), params);
    if (!r)
        return failed(r.error(), what);
    const PgResult &s = r.value();
    const QList<CatalogNode> found = readNodes(s);
    const int tableColumn = s.columnIndex("table_oid");
    QList<quint32> tables;
    for (int i = 0; i < s.rows(); ++i)
        if (!s.isNull(i, tableColumn) && !tables.contains(s.value(i, tableColumn).toUInt()))
            tables << s.value(i, tableColumn).toUInt();
    if (tables.isEmpty())
        return found;
    const Result<QList<CatalogNode>> parts = childrenOf(tables, what);
    if (!parts)
        return parts.error();
    QList<CatalogNode> out;
    for (int i = 0; i < found.size(); ++i) {
        if (s.isNull(i, tableColumn)) {
            out << found.at(i);
            continue;
        }
        for (const CatalogNode &part : parts.value())
            if (part.kind == found.at(i).kind && part.oid == found.at(i).oid) {
                out << part;
                break;
            }
    }
    return out;
}

Result<QList<CatalogNode>> ObjectCatalog::childrenOf(const QList<quint32> &tables,
                                                     const QString &what)
{
    QStringList oids;
    for (const quint32 oid : tables)
        oids << QString::number(oid);
    return nodes("children", {u'{' + oids.join(u',') + u'}'}, what);
}

Result<QList<CatalogDatabase>> ObjectCatalog::databases()
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", "databases"));
    if (!r)
        return failed(r.error(), tr("the databases"));
    const PgResult &s = r.value();
    QList<CatalogDatabase> out;
    for (int i = 0; i < s.rows(); ++i) {
        CatalogDatabase d;
        d.name = s.value(i, "name");
        d.oid = s.value(i, "oid").toUInt();
        d.current = s.value(i, "current") == u't';
        d.allowsConnections = s.value(i, "allows_connections") == u't';
        d.mayConnect = s.value(i, "may_connect") == u't';
        d.comment = s.value(i, "comment");
        out.append(d);
    }
    return out;
}

Result<QList<CatalogNode>> ObjectCatalog::schemas()
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", "schemas"));
    if (!r)
        return failed(r.error(), tr("the schemas"));
    const PgResult &s = r.value();
    QList<CatalogNode> out;
    for (int i = 0; i < s.rows(); ++i) {
        CatalogNode n;
        n.kind = ObjectKind::Schema;
        n.name = s.value(i, "name");
        n.oid = s.value(i, "oid").toUInt();
        n.identity = s.value(i, "identity");
        n.comment = s.value(i, "comment");
        for (const CountColumn &c : kCountColumns) {
            const qint64 count = s.value(i, c.column).toLongLong();
            n.counts.insert(c.kind, count);
            n.childCount += count;
        }
        out.append(n);
    }
    return out;
}

Result<QList<CatalogNode>> ObjectCatalog::objects(const QString &schema, ObjectKind kind)
{
    return nodes("objects", {schema, objectkind::key(kind)},
                 tr("the %1 objects of schema %2").arg(objectkind::key(kind), schema));
}

Result<QList<CatalogNode>> ObjectCatalog::children(const CatalogNode &table)
{
    return childrenOf({table.oid}, tr("the parts of %1").arg(table.identity));
}

Result<QList<CatalogNode>> ObjectCatalog::find(const QString &text, int limit)
{
    return nodesWithParts("find", {text, qMax(1, limit)},
                          tr("the objects named like \"%1\"").arg(text));
}

Result<QList<CatalogNode>> ObjectCatalog::lookup(const std::optional<QString> &schema,
                                                 const QString &name,
                                                 const std::optional<QString> &arguments,
                                                 const std::optional<QString> &table)
{
    QVariant types;
    if (arguments) {
        const Result<RoutineArguments> parsed = RoutineArguments::parse(*arguments);
        if (!parsed) {
            return parsed.error();
        }
        types = QString::fromUtf8(parsed->json());
    }
    return nodesWithParts("lookup",
                          {schema ? QVariant(*schema) : QVariant(), name, types,
                           table ? QVariant(*table) : QVariant()},
                          tr("the objects named \"%1\"").arg(name));
}

Result<QStringList> ObjectCatalog::unwritten(const std::optional<QString> &schema,
                                             const QString &name)
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", "unwritten"),
                                           {schema ? QVariant(*schema) : QVariant(), name});
    if (!r)
        return failed(r.error(), tr("the objects named \"%1\"").arg(name));
    QStringList out;
    for (int i = 0; i < r.value().rows(); ++i)
        out << r.value().value(i, "kind") + u' ' + r.value().value(i, "identity");
    return out;
}

Result<QStringList> ObjectCatalog::ddl(const CatalogNode &object)
{
    return ObjectDdl(m_connection).ddl(object);
}

Result<ObjectDependencies> ObjectCatalog::dependencies(const CatalogNode &object)
{
    // a role's are shared objects (pg_shdepend); a column's are its table's
    if (object.kind == ObjectKind::Role || object.kind == ObjectKind::Column)
        return ObjectDependencies{};
    Result<PgResult> r
        = CatalogQuery::run(m_connection, SqlResource::of("objects", "dependencies"),
                            {QString::fromLatin1(catalogOf(object.kind)), object.oid});
    if (!r)
        return failed(r.error(), tr("the dependencies of %1").arg(object.identity));
    const PgResult &s = r.value();
    ObjectDependencies out;
    for (int i = 0; i < s.rows(); ++i) {
        const ObjectReference ref{s.value(i, "type"), s.value(i, "identity")};
        if (s.value(i, "direction") == u"uses")
            out.uses.append(ref);
        else
            out.usedBy.append(ref);
    }
    return out;
}

QString ObjectCatalog::selectText(const CatalogNode &relation, int limit)
{
    return QStringLiteral("SELECT * FROM %1 LIMIT %2;").arg(relation.identity).arg(limit);
}

QString ObjectCatalog::text(const QStringList &statements)
{
    return statements.join(QStringLiteral("\n\n"));
}

} // namespace uaip
