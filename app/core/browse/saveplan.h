#pragma once

#include "savestatement.h"

#include <QList>
#include <QString>

namespace uaip {

// The exact statements a Save will run, in one transaction, in this order. The preview the
// user confirms is made from the same statements that run.
struct SavePlan
{
    QString table; // schema.name, for the preview's header
    QList<SaveStatement> statements;

    bool isEmpty() const { return statements.isEmpty(); }
    // BEGIN; each statement with its bound values as comments; COMMIT.
    QString preview() const;
};

} // namespace uaip
