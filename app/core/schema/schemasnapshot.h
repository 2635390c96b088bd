#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace uaip {

class PgConnection;

// A normalised, diffable description of a database schema (tables, columns, types,
// defaults, constraints, indexes, enums, triggers, functions, views, sequences), taken
// from the catalog. The migration ledger is left out.
class SchemaSnapshot
{
public:
    struct Difference
    {
        enum class Kind { Added, Removed, Changed };
        Kind kind;
        QString object; // "column public.users.email"
        QString before; // definition before (empty when Added)
        QString after; // definition after (empty when Removed)
        QString describe() const;
    };

    static std::optional<SchemaSnapshot> take(PgConnection &connection, QString *error);

    // What changed from 'this' (before) to 'other' (after).
    QList<Difference> diff(const SchemaSnapshot &other) const;
    int objectCount() const { return int(m_objects.size()); }
    bool operator==(const SchemaSnapshot &other) const { return m_objects == other.m_objects; }

private:
    QMap<QString, QString> m_objects; // "kind name" -> definition
};

} // namespace uaip
