#pragma once

#include "ddlcatalog.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace uaip {

// How deep an object sits in the graph of what its CREATE needs, among objects created in
// the same phase: a view reads views and tables (attribute "deps"), a table references
// tables with its foreign keys and is a partition or child of a table ("inherits"), a type
// is a domain over a type or has attributes of types ("type_deps"), a function with a
// SQL-standard body calls functions, an aggregate its support functions ("function_deps"). Depth 0
// needs nothing of its kind; otherwise one more than the deepest it needs. So creating by ascending
// depth and dropping by descending depth never meets a missing object or a dependent one (2BP01).
//
// A cycle (two tables whose foreign keys point at each other) has no such order: the edge
// that closes it is left out of the depths and its foreign key listed in cyclicForeignKeys(),
// to be dropped on its own before either table. Which edge closes a cycle depends only on
// the order depth() is first asked in, so the same calls give the same answer.
class DependencyDepth
{
public:
    explicit DependencyDepth(const DdlCatalog &catalog);

    int depth(const QString &key);
    const QSet<QString> &cyclicForeignKeys() const { return m_cyclic; }

private:
    struct Edge
    {
        QString to; // the key of what it needs
        QString via; // the foreign key constraint's key, or empty
    };
    QList<Edge> edges(const QString &key) const;

    const DdlCatalog &m_catalog;
    QHash<QString, int> m_depth;
    QSet<QString> m_onStack;
    QSet<QString> m_cyclic;
};

} // namespace uaip
