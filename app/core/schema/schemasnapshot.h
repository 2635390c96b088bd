#pragma once

#include "definitiondiff.h"
#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace uaip {

class PgConnection;

// A normalised, diffable description of a database schema, taken from the catalog
// (sql/snapshot.sql): schemas, extensions, tables (UNLOGGED, row-level security, partition
// key and bound), columns (type, collation, NOT NULL, default, generated, identity,
// statistics target), storage parameters, replica identity, constraints, indexes, extended
// statistics, triggers (and whether enabled), event triggers, rules, policies, publications,
// views, sequences (type and options), enums, domains (with their constraints), composite
// types, collations, operators, functions, aggregates, owners other than the migrating role,
// and grants that differ from the defaults. The migration ledger (its schema uaip_ledger) is
// left out.
class SchemaSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SchemaSnapshot)

public:
    struct Difference
    {
        enum class Kind { Added, Removed, Changed };
        Kind kind;
        QString object; // "column public.users.email"
        QString before; // definition before (empty when Added)
        QString after; // definition after (empty when Removed)

        // "~ view public.v: only literal values differ: ...", "+ column public.t.c #2 text"
        QString headline() const;
        // What goes under the headline: a change's unified diff; the lines of an added or
        // removed definition that spans several lines.
        QStringList details() const;
        // headline() and details(), each line after 'indent', the details two spaces deeper.
        QString describe(const QString &indent = QString()) const;
        // Each difference described, indented by two spaces, one after the other: what a
        // proof's error lists.
        static QString describeAll(const QList<Difference> &diffs);
        // Literal-only changes are recognised for views and functions (a timestamp frozen
        // into their text); anywhere else (a default, a CHECK, a sequence) they are real.
        DefinitionDiff definitionDiff() const;
    };

    // tablesLeftOut: tables (pg_class oids) left out with everything of theirs (columns,
    // constraints, indexes, triggers, grants, comments) and the sequences they own: other tools'
    // history tables (ForeignHistoryTables), which no migration makes.
    static Result<SchemaSnapshot> take(PgConnection &connection,
                                       const QList<quint32> &tablesLeftOut = {});

    // What changed from 'this' (before) to 'other' (after).
    QList<Difference> diff(const SchemaSnapshot &other) const;
    int objectCount() const { return int(m_objects.size()); }
    // Whether it has the object ("table public.users", as Difference::object names it).
    bool contains(const QString &object) const { return m_objects.contains(object); }
    bool operator==(const SchemaSnapshot &other) const { return m_objects == other.m_objects; }

private:
    QMap<QString, QString> m_objects; // "kind name" -> definition
};

} // namespace uaip
