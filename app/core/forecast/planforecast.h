#pragma once

#include "lockblocker.h"
#include "relationsize.h"
#include "statementforecast.h"

#include "error/error.h"

#include <QHash>
#include <QList>
#include <QString>

namespace uaip {

// What a plan would lock on the live database, before anything runs (PlanForecastReader): each
// script's statements with their locks (StatementLockForecast), each relation's live size, and
// the sessions that hold a conflicting lock on it now. Shown by up --dry-run and the GUI's Apply
// confirmation; judged by BlockingWorkGate.
struct PlanForecast
{
    struct Script
    {
        QString migration; // its id (0003_add_index)
        QString file; // up.sql or down.sql, as the plan runs it
        bool allowBlocking = false; // -- uaip:allow-blocking
        bool noTransaction = false; // -- uaip:no-transaction: each statement commits
        QList<StatementForecast> statements;
    };
    QList<Script> scripts;
    QHash<QString, RelationSize> sizes; // by the name the statements write
    QHash<QString, QList<LockBlocker>> heldBy; // by the name the statements write
    Error error; // set when the sizes (or holders) could not be read

    // Every relation name the scripts lock (for RelationSizes::read).
    QStringList relationNames() const;
};

} // namespace uaip
