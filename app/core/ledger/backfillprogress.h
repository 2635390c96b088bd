#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace uaip {

// How a batched statement (uaip:batch) goes: after each batch (the CLI's progress line, the
// job's status line and progress bar) and when it ends (up --json's backfills[]).
struct BackfillProgress
{
    Q_DECLARE_TR_FUNCTIONS(uaip::BackfillProgress)

public:
    QString migration; // its id
    QString at; // file:line:col of the statement
    QString table; // the table walked
    QString kind; // "UPDATE", "DELETE", "INSERT ... SELECT"
    qint64 walked = 0; // keys walked, this run and the ones it resumed
    qint64 total = 0; // the table's rows when the statement started (this run)
    bool estimated = false; // total is the planner's estimate (an analyzed table)
    qint64 changed = 0;
    int batches = 0;
    qint64 elapsedMs = 0; // this run's
    qint64 walkedThisRun = 0;
    bool done = false;

    // keys per second in this run (0 before the first batch)
    double rate() const;
    // the time left at that rate; -1 when unknown
    qint64 leftMs() const;
    // "backfill of agent_events (UPDATE): 40000 of 1000000 rows (4%), 20 batches, 12000
    // rows/s, about 1 min 20 s left"
    QString describe() const;
    // up --json's backfills[] (also per fleet target)
    QJsonObject toJson() const;
};

} // namespace uaip
