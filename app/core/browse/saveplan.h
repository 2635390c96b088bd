#pragma once

#include "cascadereport.h"
#include "savestatement.h"

#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// The exact statements a Save will run, in one transaction, in this order. The preview the
// user confirms is made from the same statements that run.
struct SavePlan
{
    QString table; // schema.name, for the preview's header
    QList<SaveStatement> statements;
    // What the user confirmed the save cascades to (CascadeMeter). When set, the save measures
    // its cascade in its own transaction and commits only if this admits it.
    std::optional<CascadeReport> cascade;

    bool isEmpty() const { return statements.isEmpty(); }
    // BEGIN; each statement with its bound values as comments; COMMIT.
    QString preview() const;
};

} // namespace uaip
