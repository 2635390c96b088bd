#pragma once

#include "indexcandidate.h"
#include "indexinfo.h"
#include "insights/queryshape.h"
#include "insights/resolvedtable.h"

#include <QHash>
#include <QList>

namespace uaip {

// The B-trees worth trying for one statement (IndexAdvisor tries each as a hypothetical index):
// per table it reads, each column it compares or sorts by alone, then each column compared for
// equality followed by another column it uses (the equality columns lead, as a B-tree serves
// them best), then its equality columns followed by its first range or sort column (one index
// for the whole WHERE ... ORDER BY, where that is over two columns), at most kMaxPerStatement
// in all. A column written with a qualifier belongs to the
// table of that alias or name; one without to every table read that has it. Tables that did not
// resolve, partitioned ones, views, foreign tables and candidates an existing valid B-tree
// already leads with are left out.
class IndexCandidates
{
public:
    static constexpr int kMaxPerStatement = 24;
    static constexpr int kMaxEqualityLead = 3;

    // tables: by the name written (QueryShape::Relation::name).
    static QList<IndexCandidate> of(const QueryShape &shape,
                                    const QHash<QString, ResolvedTable> &tables,
                                    const QList<IndexInfo> &existing);

private:
    // The tables a column of the shape may belong to.
    static QList<const ResolvedTable *> owners(const QueryShape &shape,
                                               const QueryShape::Column &column,
                                               const QHash<QString, ResolvedTable> &tables);
    static bool existsAlready(const IndexCandidate &candidate, const QList<IndexInfo> &existing);
};

} // namespace uaip
