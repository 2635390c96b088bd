#pragma once

#include <QString>
#include <QtGlobal>

namespace uaip {

// A table or view of another role that a statement reaches, as the server resolved it
// (StatementResolution): VerdictHold locks it while the statement runs, so that the view or
// policy the verdict walked is the one that runs.
struct ReachedRelation
{
    quint32 oid = 0;
    QString schema; // as the catalog has it, unquoted
    QString name;
    bool view = false; // else a table
    bool selectable = false; // the session may read it, and so LOCK it

    bool operator==(const ReachedRelation &o) const { return oid == o.oid; }
};

} // namespace uaip
