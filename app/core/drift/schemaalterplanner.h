#pragma once

#include "ddlcatalog.h"
#include "ddlstep.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QStringList>

namespace uaip {

// How one object that changed in place is brought from 'before' to 'after': the ALTERs of a
// column, a table, a sequence, an enum or a domain, a function or a comment written again, a
// grant revoked and given again, or the object dropped and created again. It decides what to
// write; SchemaChangePlanner writes the actions in their order (numbering the steps, holding
// back the destructive ones in up.sql and the ones up.sql held back in down.sql).
class SchemaAlterPlanner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SchemaAlterPlanner)

public:
    struct Action
    {
        enum class Kind {
            Add, // a step: phase, key, sql, and text = why it is destructive (or empty)
            Replace, // object's CREATE again, in the phase of its CREATE
            Drop, // object dropped; text = why it is destructive (or empty)
            Create, // object created, with what its CREATE gives back
            LeaveAsIs, // key left as it is; text = the note (or empty: no note)
        };
        Kind kind = Kind::Add;
        int phase = 0;
        QString key;
        QString sql;
        QString text;
        const DdlObject *object = nullptr; // in the planner's catalogs
    };
    struct Plan
    {
        QList<Action> actions;
        QStringList addedLabels; // quoted enum values ADD VALUE adds
    };

    // 'to' for the columns an enum made again converts; 'reshapedTables': the tables that
    // gain or lose a column (a column's position changes with them).
    SchemaAlterPlanner(const DdlCatalog &to, QSet<QString> reshapedTables);

    Plan plan(const DdlObject &before, const DdlObject &after) const;

    // An enum value added in a transaction cannot be used before it commits: a migration that
    // adds a value and uses it runs without a transaction.
    static bool needsNoTransaction(const QList<DdlStep> &steps, const QStringList &addedLabels);

private:
    void alterTable(const DdlObject &before, const DdlObject &after, Plan &plan) const;
    void alterSequence(const DdlObject &before, const DdlObject &after, Plan &plan) const;
    // A composite type, or one that becomes another kind of type, is dropped and created
    // again; a domain and an enum are altered.
    void alterType(const DdlObject &before, const DdlObject &after, Plan &plan) const;
    void alterDomain(const DdlObject &before, const DdlObject &after, Plan &plan) const;
    // New values are added; values removed or reordered make the type again.
    void alterEnum(const DdlObject &before, const DdlObject &after, Plan &plan) const;
    void alterColumn(const DdlObject &before, const DdlObject &after, Plan &plan) const;

    const DdlCatalog &m_to;
    const QSet<QString> m_reshapedTables;
};

} // namespace uaip
