#pragma once

#include "ddlcatalog.h"
#include "dependencydepth.h"

#include <QSet>
#include <QStringList>

namespace uaip {

// Where SchemaChangePlanner puts a step in the file: its phase (MigrationGenerator::Phase)
// and, within the phase, its rank (tables, types and views by their DependencyDepth), and the
// key sets in a fixed order. 'removed' and 'added' are the planner's sets once the renamed
// columns are paired; they are read when asked, so they must outlive this.
class SchemaStepOrder
{
public:
    SchemaStepOrder(const DdlCatalog &from, const DdlCatalog &to, const QSet<QString> &removed,
                    const QSet<QString> &added);

    // Sets for membership; every loop that writes steps or notes goes through sorted(), so
    // the same catalogs give the same file byte for byte (a QSet's order changes with the
    // process's hash seed).
    static QStringList sorted(const QSet<QString> &keys);

    int createPhase(const DdlObject &o) const;
    int dropPhase(const DdlObject &o) const;
    // The step's rank in its phase: tables, types and views by their DependencyDepth.
    int rank(const DdlObject &o, bool dropping);
    // The foreign keys that close a cycle of tables in 'from', sorted, once the depths of
    // 'droppedTables' are asked in their order (which edge closes a cycle depends on it).
    QStringList cyclicForeignKeys(const QStringList &droppedTables);

private:
    bool mentionsAddedTable(const DdlObject &function) const;

    const DdlCatalog &m_to;
    const QSet<QString> &m_removed;
    const QSet<QString> &m_added;
    DependencyDepth m_fromDepth;
    DependencyDepth m_toDepth;
};

} // namespace uaip
