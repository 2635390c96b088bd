#pragma once

#include <QJsonObject>
#include <QString>

namespace uaip {

// One object of a database's schema as DdlCatalog reads it (sql/ddl_catalog.sql): what
// creates it, what drops it, and what decides whether it changed.
struct DdlObject
{
    QString kind; // "table", "column", "grant", "comment on", ...
    QString name; // "public.users", "public.users.email"
    QString parent; // key of the object it belongs to, or empty
    QString comesWith; // key of the object whose CREATE makes this one, or empty
    QString createSql;
    QString dropSql;
    QString definition;
    QJsonObject attrs;

    // SchemaSnapshot's name for it: "column public.users.email"
    QString key() const { return kind + u' ' + name; }
};

} // namespace uaip
