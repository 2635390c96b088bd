#include "objectddl.h"

#include "catalogquery.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

namespace {

// The statement of a kind (objects/sql/ddl_*.sql).
const char *kindStatement(ObjectKind kind)
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
    case ObjectKind::Index:
        return "ddl_index";
    case ObjectKind::Constraint:
        return "ddl_constraint";
    case ObjectKind::Trigger:
        return "ddl_trigger";
    case ObjectKind::Policy:
        return "ddl_policy";
    default:
        return nullptr;
    }
}

// The catalog whose ACL holds a kind's privileges (ddl_privileges.sql), or null for a kind
// pg_dump writes none for (an extension; a role's are pg_dumpall's).
const char *aclCatalog(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Table:
    case ObjectKind::Partition:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::Sequence:
        return "pg_catalog.pg_class";
    case ObjectKind::Function:
    case ObjectKind::Procedure:
        return "pg_catalog.pg_proc";
    case ObjectKind::Type:
    case ObjectKind::Domain:
        return "pg_catalog.pg_type";
    case ObjectKind::Schema:
        return "pg_catalog.pg_namespace";
    default:
        return nullptr;
    }
}

bool isTablePart(ObjectKind kind)
{
    return kind == ObjectKind::Index || kind == ObjectKind::Constraint
        || kind == ObjectKind::Trigger || kind == ObjectKind::Policy;
}

} // namespace

ObjectDdl::ObjectDdl(PgConnection &connection)
    : m_connection(connection)
{ }

Error ObjectDdl::failed(const Error &error, const CatalogNode &object) const
{
    // the server deparses a definition with the relation open (ACCESS SHARE): under another
    // session's ACCESS EXCLUSIVE the read's lock_timeout ends it, said as a table part's is
    if (error.sqlState() == QLatin1String("55P03"))
        return Error(ErrorCode::Locked,
                     tr("the definition of %1 was not read: another session holds a lock on it "
                        "or on what it reads; refresh once it is released")
                         .arg(object.identity),
                     {{QStringLiteral("identity"), object.identity},
                      {QStringLiteral("database"), m_connection.database()}})
            .saidBy(*error.server());
    return error
        .in(tr("cannot read %1 on %2")
                .arg(tr("the definition of %1").arg(object.identity), m_connection.database()))
        .with(QStringLiteral("database"), m_connection.database());
}

Error ObjectDdl::gone(const CatalogNode &object) const
{
    return Error(ErrorCode::NotFound,
                 tr("%1 %2 no longer exists in %3")
                     .arg(objectkind::key(object.kind), object.identity, m_connection.database()),
                 {{QStringLiteral("kind"), objectkind::key(object.kind)},
                  {QStringLiteral("identity"), object.identity},
                  {QStringLiteral("database"), m_connection.database()}});
}

Result<QStringList> ObjectDdl::statements(const char *sql, const QVariantList &params,
                                          const CatalogNode &object)
{
    Result<PgResult> r = CatalogQuery::run(m_connection, SqlResource::of("objects", sql), params);
    if (!r)
        return failed(r.error(), object);
    const PgResult &s = r.value();
    const int column = s.columnIndex("statement");
    QStringList out;
    for (int i = 0; i < s.rows(); ++i)
        if (!s.isNull(i, column))
            out.append(s.value(i, column));
    return out;
}

Result<QStringList> ObjectDdl::ddl(const CatalogNode &object)
{
    if (isTablePart(object.kind))
        return childDdl(object);
    const char *sql = kindStatement(object.kind);
    if (sql == nullptr)
        return Error(ErrorCode::BadInput,
                     tr("%1 %2 has no definition of its own: see its table's")
                         .arg(objectkind::key(object.kind), object.identity),
                     {{QStringLiteral("identity"), object.identity}});
    Result<QStringList> out = statements(sql, {object.oid}, object);
    if (!out)
        return out;
    if (out->isEmpty())
        return gone(object);
    // pg_dump writes an object's privileges after every other statement
    if (const char *catalog = aclCatalog(object.kind)) {
        const Result<QStringList> privileges
            = statements("ddl_privileges", {QString::fromLatin1(catalog), object.oid}, object);
        if (!privileges)
            return privileges;
        out->append(privileges.value());
    }
    return out;
}

Result<QStringList> ObjectDdl::childDdl(const CatalogNode &child)
{
    if (child.detailLocked)
        return Error(ErrorCode::Locked,
                     tr("the definition of %1 was not read: another session holds a lock on %2; "
                        "refresh once it is released")
                         .arg(child.identity, child.parent),
                     {{QStringLiteral("identity"), child.identity},
                      {QStringLiteral("table"), child.parent}});
    Result<QStringList> out = statements(kindStatement(child.kind), {child.oid}, child);
    if (out && out->isEmpty() && child.kind == ObjectKind::Index)
        return Error(ErrorCode::Refused,
                     tr("index %1 is not valid (a CREATE INDEX CONCURRENTLY that failed, or one "
                        "being built) or no longer exists: pg_dump leaves such an index out, and "
                        "so does ddl; drop it, or rebuild it with REINDEX INDEX CONCURRENTLY")
                         .arg(child.identity),
                     {{QStringLiteral("identity"), child.identity},
                      {QStringLiteral("table"), child.parent}});
    if (out && out->isEmpty())
        return gone(child);
    return out;
}

} // namespace uaip
