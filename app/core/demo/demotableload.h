#pragma once

#include <QMetaType>
#include <QString>

namespace uaip {

// One table of a demo data load: how many rows went in, and how long its COPY took.
struct DemoTableLoad
{
    QString table;
    qint64 rows = 0;
    qint64 bytes = 0;
    qint64 ms = 0;
    bool metric = false; // persona_analytics / agent_capability_metrics

    double rowsPerSecond() const { return ms > 0 ? double(rows) * 1000.0 / double(ms) : 0.0; }
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::DemoTableLoad)
