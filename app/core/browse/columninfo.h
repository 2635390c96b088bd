#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace uaip {

// One column of a browsed relation, as the catalog describes it (CatalogReader).
struct ColumnInfo
{
    // What the editors and the value handling key on; from the base type behind a domain.
    enum class Kind {
        Text,
        Bool,
        Integer,
        Numeric,
        Float,
        Uuid,
        Json,
        Jsonb,
        Timestamptz,
        Timestamp,
        Date,
        Time,
        Enum,
        Array,
        Other
    };

    QString name;
    QByteArray quoted; // quoted by libpq (PQescapeIdentifier)
    QString typeName; // format_type(type, NULL): usable in a cast, e.g. "numeric"
    QString displayType; // format_type(type, typmod), e.g. "numeric(10,2)"
    QString baseType; // pg_type.typname of the base type, e.g. "int4", "jsonb"
    Kind kind = Kind::Text;
    QStringList enumLabels;
    QString defaultExpr; // empty: no default
    bool generated = false;
    QString identity; // "" none, "a" ALWAYS, "d" BY DEFAULT
    bool notNull = false;
    int precision = -1; // numeric(p,s); -1 when unconstrained
    int scale = -1;
    int maxLength = -1; // varchar(n)/char(n)
    bool sortable = false; // has a default btree operator class
    bool primaryKey = false;
    // The current role's column privileges (has_column_privilege).
    bool mayInsert = true;
    bool mayUpdate = true;

    bool hasDefault() const { return !defaultExpr.isEmpty() || !identity.isEmpty(); }
    // Never written by an INSERT or UPDATE of ours.
    bool readOnly() const { return generated || identity == QLatin1String("a"); }
};

} // namespace uaip
