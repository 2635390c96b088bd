#include "objectfacts.h"

#include "catalogquery.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QCoreApplication>

namespace uaip {

namespace {

// The catalog holding an object of a kind (facts.sql's first parameter).
QString factsCatalog(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema:
        return QStringLiteral("pg_namespace");
    case ObjectKind::Function:
    case ObjectKind::Procedure:
        return QStringLiteral("pg_proc");
    case ObjectKind::Type:
    case ObjectKind::Domain:
        return QStringLiteral("pg_type");
    case ObjectKind::Extension:
        return QStringLiteral("pg_extension");
    case ObjectKind::Role:
        return QStringLiteral("pg_authid");
    case ObjectKind::Constraint:
        return QStringLiteral("pg_constraint");
    case ObjectKind::Trigger:
        return QStringLiteral("pg_trigger");
    case ObjectKind::Policy:
        return QStringLiteral("pg_policy");
    case ObjectKind::Column:
        return QStringLiteral("column");
    case ObjectKind::Table:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::Sequence:
    case ObjectKind::Index:
    case ObjectKind::Partition:
        break;
    }
    return QStringLiteral("pg_class");
}

qint64 bytesIn(const PgResult &r, const char *column)
{
    const int at = r.columnIndex(column);
    return r.isNull(0, at) ? -1 : r.value(0, at).toLongLong();
}

} // namespace

Result<ObjectFacts> ObjectFacts::read(PgConnection &connection, const CatalogNode &object)
{
    const QVariant column = object.kind == ObjectKind::Column ? QVariant(object.name) : QVariant();
    const Result<PgResult> r = CatalogQuery::run(connection, SqlResource::of("objects", "facts"),
                                                 {factsCatalog(object.kind), object.oid, column});
    if (!r)
        return r.error().in(QCoreApplication::translate("uaip::ObjectFacts",
                                                        "cannot read the comment and size of %1")
                                .arg(object.identity));
    ObjectFacts facts;
    if (r.value().rows() == 0)
        return facts;
    facts.comment = r.value().value(0, "comment");
    facts.tableBytes = bytesIn(r.value(), "table_bytes");
    facts.indexBytes = bytesIn(r.value(), "index_bytes");
    facts.estimated = r.value().value(0, "estimated") == u't';
    return facts;
}

} // namespace uaip
