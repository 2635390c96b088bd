#pragma once

#include "demotableload.h"
#include "error/error.h"

#include <QList>
#include <QString>

namespace uaip {

// What 'seed demo' did. On failure or cancel nothing was written: the whole load is one
// transaction.
struct DemoLoadResult
{
    enum class Outcome {
        Ok,
        AlreadyLoaded, // this seed's demo data is in the database already: nothing done
        Failed, // a statement failed; rolled back
        Cancelled, // cancelled; rolled back
    };
    Outcome outcome = Outcome::Ok;
    QString message; // for people: what was loaded, or the error's words
    Error error; // the failure: its code, the server's error where the server spoke
    quint64 seed = 0;
    qint64 anchorEpoch = 0; // where the time series end (seconds since the epoch)
    QList<DemoTableLoad> tables;
    qint64 elapsedMs = 0;

    bool ok() const { return outcome == Outcome::Ok; }
    qint64 rows() const
    {
        qint64 n = 0;
        for (const DemoTableLoad &t : tables)
            n += t.rows;
        return n;
    }
    qint64 metricRows() const
    {
        qint64 n = 0;
        for (const DemoTableLoad &t : tables)
            n += t.metric ? t.rows : 0;
        return n;
    }
    qint64 metricMs() const
    {
        qint64 ms = 0;
        for (const DemoTableLoad &t : tables)
            ms += t.metric ? t.ms : 0;
        return ms;
    }
    // Metric rows per second over the whole run (all tables, commit included).
    double rowsPerSecond() const
    {
        return elapsedMs > 0 ? double(metricRows()) * 1000.0 / double(elapsedMs) : 0.0;
    }
};

} // namespace uaip
