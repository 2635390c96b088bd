#pragma once

#include "ddlcatalog.h"
#include "generatedscript.h"
#include "schemaalterplanner.h"
#include "schemasteporder.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <utility>

namespace uaip {

// One run of MigrationGenerator: the SQL between two catalogs, as MigrationGenerator
// describes it. It classifies, pairs renames, finds what is rebuilt (SchemaRebuildFinder) and
// writes the steps; SchemaAlterPlanner decides the changes made in place (a column, a table, a
// sequence, a type) and whether the file needs to run without a transaction; SchemaStepOrder
// has the phases and ranks.
class SchemaChangePlanner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationGenerator)

public:
    SchemaChangePlanner(const DdlCatalog &from, const DdlCatalog &to, bool isUp,
                        QSet<QString> heldInUp);

    GeneratedScript run();

private:
    void classify();
    void findRenames();
    // A table renamed (TableRenameMatcher): renamed back, its objects left as they are.
    void findTableRenames();
    void notePossibleTableRenames();
    // What is dropped and created again, and what only names a renamed column
    // (SchemaRebuildFinder).
    void findRebuilds();
    bool coveredBy(const QString &key, const QSet<QString> &set) const;
    bool heldBackInDown(DdlStep &s) const;
    void add(int phase, const QString &key, const QString &sql, const QString &destructive = {},
             int rank = 0);
    void leaveAsIs(const QString &key, const QString &message);
    // Foreign keys between tables that are dropped and reference each other in a cycle:
    // dropped on their own first (with the table's step held back, held back too).
    void dropCyclicForeignKeys();
    void create(const DdlObject &o);
    void drop(const DdlObject &o, const QString &destructive = {});
    void emitSteps();
    // Dropping a table drops its columns, constraints, indexes, ...; dropping a schema
    // (without CASCADE) drops nothing: what is in it is dropped first.
    bool droppedWithAncestor(const QString &key) const;
    bool isUnderRebuilt(const QString &key) const;
    bool isUnderRenamed(const QString &key) const;
    // An object of a renamed column (its comment, a grant on it) that is the same as before.
    bool movedWithRename(const QString &key) const;
    void recreateDescendantsOfRebuilt();
    // An object changed whose CREATE another object's makes (on either side): left as it is,
    // with a note naming that object (the one in 'from' where 'to' has none).
    void leaveChangedPart(const DdlObject &before, const DdlObject &after);
    // Writes what SchemaAlterPlanner plans for one object changed in place.
    void alter(const SchemaAlterPlanner &planner, const DdlObject &before, const DdlObject &after);
    QSet<QString> tablesGainingOrLosingColumns() const;

    const DdlCatalog &m_from;
    const DdlCatalog &m_to;
    const bool m_isUp;
    const QSet<QString> m_heldInUp;
    GeneratedScript m_script;
    // Sets for membership: loops that write steps or notes go through SchemaStepOrder::sorted().
    QSet<QString> m_removed, m_added, m_changed, m_rebuilt, m_created, m_skipped;
    QMap<QString, QString> m_renamedTo; // column key in 'from' -> its key in 'to'
    QMap<QString, QString> m_renamedFrom; // and back
    QList<std::pair<QString, QString>> m_identifierRenames; // per table: quoted old -> new
    QStringList m_addedLabels; // quoted enum values ADD VALUE adds
    SchemaStepOrder m_stepOrder; // on m_removed and m_added
    int m_order = 0;
};

} // namespace uaip
