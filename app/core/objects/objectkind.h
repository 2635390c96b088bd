#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// What a node of the object browser is (ObjectCatalog). The schema-level kinds hold the
// objects of a schema; Extension and Role are the database's; the child kinds are a table's
// parts (ObjectCatalog::children).
enum class ObjectKind {
    Schema,
    Table,
    View,
    MaterializedView,
    Sequence,
    Function,
    Procedure,
    Type, // enum, composite or range
    Domain,
    Extension,
    Role,
    Column,
    Constraint,
    Index,
    Trigger,
    Policy,
    Partition,
};

// The kinds' stable keys ("table", "materialized_view", ...): what the catalog's SQL returns,
// what --json prints and what `uaip-migrate ddl --kind` takes (also "matview" and
// "materialized-view"). Not translated.
namespace objectkind {

inline const QStringList &keys()
{
    static const QStringList k{QStringLiteral("schema"),     QStringLiteral("table"),
                               QStringLiteral("view"),       QStringLiteral("materialized_view"),
                               QStringLiteral("sequence"),   QStringLiteral("function"),
                               QStringLiteral("procedure"),  QStringLiteral("type"),
                               QStringLiteral("domain"),     QStringLiteral("extension"),
                               QStringLiteral("role"),       QStringLiteral("column"),
                               QStringLiteral("constraint"), QStringLiteral("index"),
                               QStringLiteral("trigger"),    QStringLiteral("policy"),
                               QStringLiteral("partition")};
    return k;
}

inline QString key(ObjectKind kind)
{
    return keys().value(static_cast<int>(kind));
}

inline std::optional<ObjectKind> fromKey(const QString &text)
{
    QString k = text.trimmed().toLower();
    if (k == u"matview" || k == u"materialized-view" || k == u"materialized view")
        k = QStringLiteral("materialized_view");
    const qsizetype at = keys().indexOf(k);
    if (at < 0)
        return std::nullopt;
    return static_cast<ObjectKind>(at);
}

// The kinds a schema holds, in the order the browser shows their folders.
inline QList<ObjectKind> schemaKinds()
{
    return {ObjectKind::Table,    ObjectKind::View,     ObjectKind::MaterializedView,
            ObjectKind::Sequence, ObjectKind::Function, ObjectKind::Procedure,
            ObjectKind::Type,     ObjectKind::Domain};
}

} // namespace objectkind

} // namespace uaip
