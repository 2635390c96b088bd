#include "catalogreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "domaingrouping.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace uaip {

namespace {

Error notFound(const QString &schema, const QString &name)
{
    return Error(
        ErrorCode::NotFound,
        QCoreApplication::translate("uaip::CatalogReader", "%1.%2 does not exist (any more).")
            .arg(schema, name),
        {{QStringLiteral("schema"), schema}, {QStringLiteral("table"), name}});
}

// The table list (browse/sql/tables.sql) under a short lock_timeout, so it never waits on a
// table lock; catalogOnly: no file size read at all.
Result<PgResult> readTables(PgConnection &connection, bool catalogOnly)
{
    TransactionOptions options = TransactionOptions::readOnlyRolledBack();
    options.savepointWhenNested = true;
    options.settings = {{QStringLiteral("lock_timeout"), QStringLiteral("100ms")}};
    Transaction tx(connection);
    if (const Status begun = tx.begin(options); !begun)
        return begun.error();
    PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("browse/sql/tables.sql")), {catalogOnly});
    if (!r.ok())
        return Error(r.error());
    tx.end();
    return Result<PgResult>(std::move(r));
}

} // namespace

Result<QList<TableSummary>> CatalogReader::listTables(PgConnection &connection)
{
    QList<TableSummary> tables;
    Result<PgResult> read = readTables(connection, false);
    // lock_not_available: a lock came between the look at pg_locks and the read
    if (!read && read.error().sqlState() == QLatin1String("55P03"))
        read = readTables(connection, true);
    if (!read)
        return read.error();
    const PgResult &r = read.value();
    for (int i = 0; i < r.rows(); ++i) {
        TableSummary t;
        t.schema = r.value(i, 0);
        t.name = r.value(i, 1);
        t.kind = r.value(i, 2).at(0);
        t.estimate = r.value(i, 3).toLongLong();
        t.hasPrimaryKey = r.value(i, 4) == QLatin1String("t");
        t.extension = r.value(i, 5);
        // an extension's relation is the extension's, whatever its name
        if (t.extension.isEmpty())
            t.domain = DomainGrouping::domainOf(t.schema, t.name);
        tables.append(t);
    }
    return tables;
}

namespace {

Error notRead(const QString &schema, const QString &name)
{
    return Error(ErrorCode::Connection,
                 QCoreApplication::translate("uaip::CatalogReader",
                                             "the columns and constraints of %1.%2 were not "
                                             "read (connection lost?)")
                     .arg(schema, name),
                 {{QStringLiteral("schema"), schema}, {QStringLiteral("table"), name}});
}

} // namespace

// The relation's catalog statements (browse/sql/<file>.sql, each finding the relation by
// schema and name itself) in one pipeline, one round trip; the first is table.sql.
static Result<std::vector<PgResult>> readRelation(PgConnection &connection, const QString &schema,
                                                  const QString &name, const QStringList &files)
{
    QList<QByteArray> statements;
    QList<QVariantList> params;
    for (const QString &file : files) {
        statements << SqlResource::get(QStringLiteral("browse/sql/%1.sql").arg(file));
        params << QVariantList{schema, name};
    }
    std::vector<PgResult> parts = connection.pipeline(statements, params);
    if (parts.size() != std::size_t(files.size()))
        return notRead(schema, name);
    for (const PgResult &part : parts)
        if (!part.ok())
            return Error(part.error());
    if (parts[0].rows() != 1)
        return notFound(schema, name);
    return parts;
}

Result<TableInfo> CatalogReader::readFirst(PgConnection &connection, const QString &schema,
                                           const QString &name)
{
    Result<std::vector<PgResult>> parts = readRelation(
        connection, schema, name, {QStringLiteral("table"), QStringLiteral("columns_first")});
    if (!parts)
        return parts.error();
    return tableOf(connection, schema, name, parts.value()[0], parts.value()[1]);
}

TableInfo CatalogReader::tableOf(PgConnection &connection, const QString &schema,
                                 const QString &name, const PgResult &rel, const PgResult &cols)
{
    TableInfo t;
    t.oid = rel.value(0, 0).toUInt();
    t.kind = rel.value(0, 1).at(0);
    t.estimate = rel.value(0, 2).toLongLong();
    t.mayInsert = rel.value(0, 3) == QLatin1String("t");
    t.mayUpdate = rel.value(0, 4) == QLatin1String("t");
    t.mayDelete = rel.value(0, 5) == QLatin1String("t");
    t.role = rel.value(0, 6);
    t.schema = schema;
    t.name = name;
    t.quotedName = connection.quoteIdentifier(schema) + '.' + connection.quoteIdentifier(name);
    QMap<int, int> keyOrder; // place in the primary key -> column index
    for (int i = 0; i < cols.rows(); ++i) {
        ColumnInfo c;
        c.name = cols.value(i, "name");
        c.quoted = connection.quoteIdentifier(c.name);
        c.typeName = cols.value(i, "type_name");
        c.displayType = cols.value(i, "display_type");
        c.baseType = cols.value(i, "base_type");
        c.kind = kindOf(c.baseType, cols.value(i, "type_type"), cols.value(i, "type_category"));
        c.generated = cols.value(i, "generated") == QLatin1String("t");
        c.identity = cols.value(i, "identity");
        c.notNull = cols.value(i, "not_null") == QLatin1String("t");
        const int p = cols.columnIndex("numeric_precision");
        c.precision = cols.isNull(i, p) ? -1 : cols.value(i, p).toInt();
        const int s = cols.columnIndex("numeric_scale");
        c.scale = cols.isNull(i, s) ? -1 : cols.value(i, s).toInt();
        const int l = cols.columnIndex("max_length");
        c.maxLength = cols.isNull(i, l) ? -1 : cols.value(i, l).toInt();
        const int k = cols.columnIndex("pk_position");
        if (!cols.isNull(i, k)) {
            keyOrder.insert(cols.value(i, k).toInt(), i);
            c.primaryKey = true;
        }
        c.mayInsert = cols.value(i, "may_insert") == QLatin1String("t");
        c.mayUpdate = cols.value(i, "may_update") == QLatin1String("t");
        t.columns.append(c);
    }
    t.primaryKey = keyOrder.values();
    return t;
}

Result<TableInfo> CatalogReader::readTable(PgConnection &connection, const QString &schema,
                                           const QString &name)
{
    // The relation, its columns, constraints and the foreign keys pointing here.
    Result<std::vector<PgResult>> read = readRelation(
        connection, schema, name,
        {QStringLiteral("table"), QStringLiteral("columns_first"), QStringLiteral("column_details"),
         QStringLiteral("constraints"), QStringLiteral("referencing")});
    if (!read)
        return read.error();
    const std::vector<PgResult> &parts = read.value();
    TableInfo t = tableOf(connection, schema, name, parts[0], parts[1]);
    const PgResult &details = parts[2];
    if (details.rows() != t.columns.size())
        return notRead(schema, name); // a column added or dropped between the two statements
    for (int i = 0; i < details.rows(); ++i) {
        ColumnInfo &c = t.columns[i];
        c.enumLabels = jsonList(details.value(i, "enum_labels"));
        c.defaultExpr = details.value(i, "default_expr");
        c.sortable = details.value(i, "sortable") == QLatin1String("t");
    }

    const PgResult &cons = parts[3];
    for (int i = 0; i < cons.rows(); ++i) {
        const QString conName = cons.value(i, 0);
        const QString kind = cons.value(i, 1);
        const QStringList columns = jsonList(cons.value(i, 2));
        t.constraintColumns.insert(conName, columns);
        if (kind == QLatin1String("f")) { // the primary key came with the columns
            t.foreignKeys.append(ForeignKeyInfo{conName, schema, name, columns, cons.value(i, 3),
                                                cons.value(i, 4), jsonList(cons.value(i, 5)),
                                                QChar(), QChar()});
        }
    }

    const PgResult &refs = parts[4];
    const auto action = [&refs](int i, int c) {
        const QString a = refs.value(i, c);
        return a.isEmpty() ? QChar() : a.front();
    };
    for (int i = 0; i < refs.rows(); ++i)
        t.referencedBy.append(ForeignKeyInfo{
            refs.value(i, 0), refs.value(i, 1), refs.value(i, 2), jsonList(refs.value(i, 3)),
            schema, name, jsonList(refs.value(i, 4)), action(i, 5), action(i, 6)});
    return t;
}

ColumnInfo::Kind CatalogReader::kindOf(const QString &baseType, const QString &typeType,
                                       const QString &category)
{
    using K = ColumnInfo::Kind;
    static const QHash<QString, K> byName{{QStringLiteral("bool"), K::Bool},
                                          {QStringLiteral("int2"), K::Integer},
                                          {QStringLiteral("int4"), K::Integer},
                                          {QStringLiteral("int8"), K::Integer},
                                          {QStringLiteral("numeric"), K::Numeric},
                                          {QStringLiteral("float4"), K::Float},
                                          {QStringLiteral("float8"), K::Float},
                                          {QStringLiteral("uuid"), K::Uuid},
                                          {QStringLiteral("json"), K::Json},
                                          {QStringLiteral("jsonb"), K::Jsonb},
                                          {QStringLiteral("timestamptz"), K::Timestamptz},
                                          {QStringLiteral("timestamp"), K::Timestamp},
                                          {QStringLiteral("date"), K::Date},
                                          {QStringLiteral("time"), K::Time},
                                          {QStringLiteral("text"), K::Text},
                                          {QStringLiteral("varchar"), K::Text},
                                          {QStringLiteral("bpchar"), K::Text},
                                          {QStringLiteral("name"), K::Text},
                                          {QStringLiteral("citext"), K::Text}};
    if (typeType == QLatin1String("e"))
        return K::Enum;
    if (category == QLatin1String("A"))
        return K::Array;
    return byName.value(baseType, K::Other);
}

QStringList CatalogReader::jsonList(const QString &json)
{
    QStringList out;
    if (json.isEmpty())
        return out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

} // namespace uaip
