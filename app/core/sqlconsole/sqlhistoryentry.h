#pragma once

#include <QDateTime>
#include <QString>

namespace uaip {

// One run of the SQL console as the history keeps it: what ran, where, when, how it ended.
// Never a password, never result data.
struct SqlHistoryEntry
{
    QDateTime at;
    QString database;
    QString sql;
    bool ok = true;
    double durationMs = 0;
    QString outcome; // "3 statement(s)", or the error's first line
};

} // namespace uaip
