#pragma once

#include "indexfinding.h"
#include "indexinfo.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

// The findings about a database's indexes, from the catalog's facts alone (IndexInfo):
// - unused: no scan since the statistics' reset, valid, and nothing stands on it (not unique,
//   no constraint of its own or a foreign key's, not the replica identity);
// - duplicate: the same table, method, key columns with operator classes, collations and sort
//   order (DESC, NULLS FIRST), INCLUDE columns, NULLS NOT DISTINCT, expressions and predicate as
//   another valid index; the one dropped is never one a constraint stands on, nor unique where
//   the other is not, nor scanned more than the other;
// - covered: a B-tree whose key columns lead another valid B-tree's (same classes, collations,
//   sort order, predicate, no expressions), itself not unique and backing nothing;
// The index that stays is never itself unused (then that one is the finding). A partition of a
// partitioned index, and an index whose table is locked (its definition not read), is left out.
// - invalid: left by a failed CONCURRENTLY build (REINDEX ... CONCURRENTLY rebuilds it; the
//   _ccnew/_ccold leftovers of a failed REINDEX are dropped);
// - bloated: a B-tree whose leaf density (read on request) is below kBloatedDensity.
// Each with its statement and the statement that undoes it.
class IndexHealthRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::IndexHealthRules)

public:
    static constexpr double kBloatedDensity = 45.0; // percent; a fresh B-tree is about 90

    static QList<IndexFinding> findings(const QList<IndexInfo> &indexes);
    // The bloat finding of one index whose density was read; false when it was not read or the
    // index is not bloated.
    static bool bloated(const IndexInfo &index, IndexFinding *finding);
    // The unused findings whose index a top statement's generic plan uses now (by name,
    // AdviceReport::indexesInPlans) taken out: no scan counted since the reset is not "unused"
    // when the planner picks it. One line each, saying so.
    static QStringList keepIndexesPlansUse(QList<IndexFinding> &findings,
                                           const QSet<QString> &indexesInPlans);

private:
    static bool sameKeys(const IndexInfo &a, const IndexInfo &b);
    static bool leads(const IndexInfo &a, const IndexInfo &b);
    static bool dropsFreely(const IndexInfo &index);
    // What keeps an index of two duplicates: 2 a constraint (or the primary key, the replica
    // identity) stands on it, 1 unique, 0 neither.
    static int strength(const IndexInfo &index);
    // Whether the rules judge the index: valid, not a partition of a partitioned index (it goes
    // with its parent), not locked (its definition was not read).
    static bool considered(const IndexInfo &index);
    static bool unused(const IndexInfo &index);
    static bool givesWay(const IndexInfo &a, const IndexInfo &b);
    static IndexFinding drop(const IndexInfo &index, IndexFinding::Kind kind);
    static void addPairs(const QList<IndexInfo> &indexes, QList<IndexFinding> &out);
};

} // namespace uaip
