#include "onlinecatalog.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "sqlparse/parsetreenames.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

bool flag(const PgResult &r, int row, const char *column)
{
    return r.value(row, column) == QLatin1String("t");
}

std::optional<QString> optional(const PgResult &r, int row, const char *column)
{
    const int index = r.columnIndex(column);
    if (r.isNull(row, index))
        return std::nullopt;
    return r.value(row, index);
}

// schema.name quoted where needed; empty when name is NULL.
QString qualified(const PgResult &r, int row, const char *schema, const char *name)
{
    const std::optional<QString> n = optional(r, row, name);
    if (!n)
        return {};
    const std::optional<QString> s = optional(r, row, schema);
    return s ? ParseTreeNames::qualifiedName({*s, *n}) : ParseTreeNames::quoteIdentifier(*n);
}

char firstChar(const QString &text)
{
    return text.isEmpty() ? '\0' : text.at(0).toLatin1();
}

} // namespace

Result<OnlineCatalog::Table> OnlineCatalog::table(PgConnection &catalog, const QString &written)
{
    const PgResult r = catalog.exec(SqlResource::of("online", "online_table"), {written});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1)
        return Error(ErrorCode::NotFound,
                     //: %1 the table as the statement writes it
                     tr("the table %1 does not exist on the database read").arg(written),
                     {{QStringLiteral("table"), written}});
    Table t;
    t.oid = r.value(0, "oid");
    t.schema = r.value(0, "nspname");
    t.name = r.value(0, "relname");
    t.kind = firstChar(r.value(0, "relkind"));
    t.partition = flag(r, 0, "relispartition");
    t.inherits = flag(r, 0, "inherits");
    t.hasPrimaryKey = flag(r, 0, "has_primary_key");
    t.columnGrants = flag(r, 0, "column_grants");
    for (const QJsonValue &trigger :
         QJsonDocument::fromJson(r.value(0, "row_triggers").toUtf8()).array())
        t.rowTriggers << Table::Trigger{trigger[QLatin1String("name")].toString(),
                                        trigger[QLatin1String("before")].toBool()};
    return t;
}

Result<bool> OnlineCatalog::nameTaken(PgConnection &catalog, const QString &schema,
                                      const QString &name)
{
    const PgResult r
        = catalog.exec(SqlResource::of("online", "online_relation_named"), {schema, name});
    if (!r.ok())
        return Error(r.error());
    return r.rows() > 0;
}

Result<std::optional<OnlineCatalog::Column>>
OnlineCatalog::column(PgConnection &catalog, const Table &table, const QString &name)
{
    const PgResult r = catalog.exec(SqlResource::of("online", "online_column"), {table.oid, name});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1)
        return std::optional<Column>();
    Column c;
    c.name = name;
    c.number = r.value(0, "attnum").toInt();
    c.type = r.value(0, "type");
    c.collation = qualified(r, 0, "collation_schema", "collation_name");
    c.notNull = flag(r, 0, "attnotnull");
    c.defaultExpr = optional(r, 0, "default_expr");
    c.identity = !r.value(0, "attidentity").isEmpty();
    c.generated = !r.value(0, "attgenerated").isEmpty();
    c.comment = optional(r, 0, "comment");
    c.typeKind = firstChar(r.value(0, "typtype"));
    c.statistics = r.value(0, "stattarget").toInt();
    return std::optional<Column>(c);
}

Result<QList<OnlineCatalog::Index>> OnlineCatalog::indexes(PgConnection &catalog,
                                                           const Table &table, const Column &column)
{
    const PgResult r = catalog.exec(SqlResource::of("online", "online_column_indexes"),
                                    {table.oid, column.number});
    if (!r.ok())
        return Error(r.error());
    QList<Index> out;
    for (int row = 0; row < r.rows(); ++row) {
        Index x;
        x.name = r.value(row, "name");
        x.unique = flag(r, row, "indisunique");
        x.valid = flag(r, row, "indisvalid");
        x.plain = flag(r, row, "plain");
        x.expressions = flag(r, row, "expressions");
        x.partial = flag(r, row, "partial");
        x.method = r.value(row, "amname");
        if (!flag(r, row, "opcdefault"))
            x.opclass = qualified(r, row, "opclass_schema", "opcname");
        x.collation = qualified(r, row, "collation_schema", "collation_name");
        x.descending = flag(r, row, "descending");
        x.nullsFirst = flag(r, row, "nulls_first");
        for (const QJsonValue &option :
             QJsonDocument::fromJson(r.value(row, "options").toUtf8()).array())
            x.options << option.toString();
        x.tablespace = r.value(row, "spcname");
        x.nullsNotDistinct = flag(r, row, "indnullsnotdistinct");
        x.replicaIdentity = flag(r, row, "indisreplident");
        out << x;
    }
    return out;
}

Result<QList<OnlineCatalog::Use>> OnlineCatalog::uses(PgConnection &catalog, const Table &table,
                                                      const Column &column)
{
    const PgResult r
        = catalog.exec(SqlResource::of("online", "online_column_uses"), {table.oid, column.number});
    if (!r.ok())
        return Error(r.error());
    QList<Use> out;
    for (int row = 0; row < r.rows(); ++row)
        out << Use{r.value(row, "object"), r.value(row, "kind")};
    return out;
}

Result<QList<OnlineCatalog::Grant>> OnlineCatalog::grants(PgConnection &catalog, const Table &table)
{
    const PgResult r = catalog.exec(SqlResource::of("online", "online_table_grants"), {table.oid});
    if (!r.ok())
        return Error(r.error());
    QList<Grant> out;
    for (int row = 0; row < r.rows(); ++row)
        out << Grant{r.value(row, "grantee"), r.value(row, "privilege_type"),
                     flag(r, row, "is_grantable")};
    return out;
}

Result<QList<OnlineCatalog::Grant>>
OnlineCatalog::columnGrants(PgConnection &catalog, const Table &table, const Column &column)
{
    const PgResult r = catalog.exec(SqlResource::of("online", "online_column_grants"),
                                    {table.oid, column.number});
    if (!r.ok())
        return Error(r.error());
    QList<Grant> out;
    for (int row = 0; row < r.rows(); ++row)
        out << Grant{r.value(row, "grantee"), r.value(row, "privilege_type"),
                     flag(r, row, "is_grantable")};
    return out;
}

} // namespace uaip
