#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace uaip {

// A statement exactly as it is sent: SQL text with $n parameters and the values bound to
// them (text; QVariant() = NULL). "Show SQL" displays it; run it with
// PgConnection::exec(sql, params).
struct BoundStatement
{
    QByteArray sql;
    QVariantList params;
    QStringList paramNames; // what $1, $2, ... mean ("from", "to", "time zone", ...)

    bool isEmpty() const { return sql.isEmpty(); }
    // The SQL followed by one "-- $n (name) = 'value'" line per parameter.
    QString display() const;

    // A text[] literal for binding a list ('{"a","b\\"c"}'); each element quoted and escaped.
    static QString textArray(const QStringList &values);
};

} // namespace uaip
