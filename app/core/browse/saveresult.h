#pragma once

#include "rowconflict.h"

#include <QList>
#include <QString>

namespace uaip {

// What a Save did. Unless ok, the transaction was rolled back and every edit stays staged.
struct SaveResult
{
    bool ok = false;
    bool connectionLost = false;
    QString message; // the server's message (with detail and hint) when it failed
    QString sqlState;
    QString failedRowKey; // the staged row whose statement failed
    QString failedColumn; // the column it failed on, when it can be told
    QList<RowConflict> conflicts;
    int statementsRun = 0;
    bool cancelled = false; // stopped by the user (Cancel save); nothing was written
};

} // namespace uaip
