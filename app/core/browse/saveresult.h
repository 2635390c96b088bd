#pragma once

#include "cascadereport.h"
#include "error/error.h"
#include "rowconflict.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace uaip {

// What a Save did. Unless ok, nothing was committed and every edit stays staged — except when
// commitUnknown: the connection was lost at COMMIT and the outcome could not be settled, so
// Save is not offered again until the user has checked (a retry could apply it twice).
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
    // The connection was lost after COMMIT was sent; transactionId is the save's transaction,
    // settled with txid_status() on a fresh session (ok true when it had committed).
    bool commitLost = false;
    bool commitUnknown = false; // ... and the outcome could not be settled
    qint64 transactionId = 0;
    // The save was refused before it began: its session is on another database than the one
    // the edits were made on.
    bool wrongDatabase = false;
    // What the save cascaded, measured in its own transaction (when the plan had a confirmed
    // cascade). cascadeChanged: it differs from what was confirmed; nothing was committed.
    CascadeReport cascade = {};
    bool cascadeChanged = false;
    // The error it failed on, where one was raised (the server's: error.server()); message has it
    // in words.
    Error error = {};
};

} // namespace uaip
