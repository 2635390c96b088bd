#include "objectcatalog.h"

#include "catalogquery.h"
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
    default:
        return "pg_catalog.pg_class";
    }
}

// The DDL statement of a kind (objects/sql/ddl_*.sql), or null for a table's parts.
const char *ddlOf(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Table:
    case ObjectKind::Partition:
        return "ddl_table";
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
        return "ddl_view";
    case ObjectKind::Sequence:
        return "ddl_sequence";
    case ObjectKind::Function:
    case ObjectKind::Procedure:
        return "ddl_function";
    case ObjectKind::Type:
    case ObjectKind::Domain:
        return "ddl_type";
    case ObjectKind::Extension:
        return "ddl_extension";
    case ObjectKind::Schema:
        return "ddl_schema";
    case ObjectKind::Role:
        return "ddl_role";
    default:
        return nullptr;
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

Error ObjectCatalog::gone(const CatalogNode &object) const
{
    return Error(ErrorCode::NotFound,
                 tr("%1 %2 no longer exists in %3")
                     .arg(objectkind::key(object.kind), object.identity, m_connection.database()),
                 {{QStringLiteral("kind"), objectkind::key(object.kind)},
                  {QStringLiteral("identity"), object.identity},
                  {QStringLiteral("database"), m_connection.database()}});
}

QList<CatalogNode> ObjectCatalog::readNodes(const PgResult &r)
{
    QList<CatalogNode> out;
    out.reserve(r.rows());
    const int size = r.columnIndex("size_bytes");
    const int estimated = r.columnIndex("size_estimated"); // not in every query
    const int locked = r.columnIndex("detail_locked"); // children.sql only
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
    return nodes("children", {table.oid}, tr("the parts of %1").arg(table.identity));
}

Result<QList<CatalogNode>> ObjectCatalog::find(const QString &text, int limit)
{
    return nodes("find", {text, qMax(1, limit)}, tr("the objects named like \"%1\"").arg(text));
}

Result<QList<CatalogNode>> ObjectCatalog::lookup(const std::optional<QString> &schema,
                                                 const QString &name,
                                                 const std::optional<QString> &arguments)
{
    QVariant types;
    if (arguments) {
        const Result<RoutineArguments> parsed = RoutineArguments::parse(*arguments);
        if (!parsed) {
            return parsed.error();
        }
        types = QString::fromUtf8(parsed->json());
    }
    return nodes("lookup", {schema ? QVariant(*schema) : QVariant(), name, types},
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

Result<QStringList> ObjectCatalog::statements(const char *sql, const CatalogNode &object)
{
    Result<PgResult> r
        = CatalogQuery::run(m_connection, SqlResource::of("objects", sql), {object.oid});
    if (!r)
        return failed(r.error(), tr("the definition of %1").arg(object.identity));
    const PgResult &s = r.value();
    const int column = s.columnIndex("statement");
    QStringList out;
    for (int i = 0; i < s.rows(); ++i)
        if (!s.isNull(i, column))
            out.append(s.value(i, column));
    if (out.isEmpty())
        return gone(object);
    return out;
}

Result<QStringList> ObjectCatalog::ddl(const CatalogNode &object)
{
    if (const char *sql = ddlOf(object.kind))
        return statements(sql, object);
    return childDdl(object);
}

Result<QStringList> ObjectCatalog::childDdl(const CatalogNode &child)
{
    if (child.detailLocked)
        return Error(ErrorCode::Locked,
                     tr("the definition of %1 was not read: another session holds a lock on %2; "
                        "refresh once it is released")
                         .arg(child.identity, child.parent),
                     {{QStringLiteral("identity"), child.identity},
                      {QStringLiteral("table"), child.parent}});
    switch (child.kind) {
    case ObjectKind::Index:
    case ObjectKind::Trigger:
        return QStringList{child.detail + u';'};
    case ObjectKind::Constraint:
        return QStringList{QStringLiteral("ALTER TABLE %1\n    ADD CONSTRAINT %2 %3;")
                               .arg(child.parent,
                                    QString::fromUtf8(m_connection.quoteIdentifier(child.name)),
                                    child.detail)};
    default: {
        return Error(ErrorCode::BadInput,
                     tr("%1 %2 has no definition of its own: see its table's")
                         .arg(objectkind::key(child.kind), child.identity),
                     {{QStringLiteral("identity"), child.identity}});
    }
    }
}

Result<ObjectDependencies> ObjectCatalog::dependencies(const CatalogNode &object)
{
    if (object.kind == ObjectKind::Role || ddlOf(object.kind) == nullptr)
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
