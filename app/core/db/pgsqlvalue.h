#pragma once

#include <QMetaType>
#include <QVariant>

#include <string_view>

namespace uaip {

// Values between Qt and PostgreSQL's text format, for the project's Qt SQL driver (PgSqlResult
// reads columns with it, PgSqlDriver describes tables with it).
//
// Read, from PostgreSQL's types (typeOf): bool, int2 and int4 as int, int8 as qlonglong, oid as
// uint, float4 as float, float8 as double; numeric and money as QString (never rounded through
// a double); bytea as QByteArray (hex or escape output); date as QDate, time as QTime, timestamp
// as a QDateTime whose fields are the stored ones (UTC spec: no time zone shifts them),
// timestamptz as a QDateTime in UTC: Qt keeps milliseconds, so microseconds are cut (read ::text
// for all of them); 'infinity' and the like, which Qt cannot hold, as their text; json, jsonb,
// text, uuid, interval, arrays and every other type as QString.
//
// Bound (parameterOf): a value as the text of a parameter, NULL as Qt's own drivers read it.
class PgSqlValue
{
public:
    // The Qt type of a PostgreSQL type (OID).
    static QMetaType::Type typeOf(quint32 oid);
    // A value of that type from its text (a column's, not NULL).
    static QVariant valueOf(quint32 oid, std::string_view text);
    // A bound value as the text of a parameter; a null QVariant is SQL NULL (a null QVariant).
    static QVariant parameterOf(const QVariant &value);
};

} // namespace uaip
