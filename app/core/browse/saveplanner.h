#pragma once

#include "saveplan.h"
#include "stagededits.h"
#include "tableinfo.h"

namespace uaip {

// Turns the staged edits of a table into the statements of a save. Identifiers are the ones
// libpq quoted (TableInfo); every value is bound. UPDATE and DELETE carry "xmin = $n::xid",
// so a row changed or deleted by someone else since it was loaded is not touched (0 rows)
// and the save reports a conflict instead of overwriting it.
class SavePlanner
{
public:
    static SavePlan plan(const TableInfo &table, const StagedEdits &edits);

private:
    static QByteArray keyCondition(const TableInfo &table, const QVariantList &key,
                                   QVariantList *params, QList<int> *paramColumns);
};

} // namespace uaip
