#pragma once

#include "relationreference.h"

#include <QByteArray>
#include <QList>

namespace uaip {

// The tables a statement names (every RangeVar of its parse tree, in the order written), to
// link a plan node's "Relation Name" and "Alias" to the text: the SQL console marks the
// reference a selected node scans, and selects the node scanning the table under the cursor.
class StatementRelations
{
public:
    explicit StatementRelations(const QByteArray &statement);

    const QList<RelationReference> &references() const { return m_references; }
    // The reference a plan node with EXPLAIN's relation and alias scans, -1 when none: the one
    // with that alias; else the n-th reference of the relation without an alias, the first for
    // alias == relation, the (k+1)-th for the planner's alias relation_k.
    int find(const QString &relation, const QString &alias) const;
    // The reference covering byte offset, -1 when none.
    int at(int offset) const;

private:
    QList<RelationReference> m_references;
};

} // namespace uaip
