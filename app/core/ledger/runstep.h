#pragma once

#include <QString>

namespace uaip {

// One migration applied, rolled back, baselined or repaired by a run.
struct RunStep
{
    QString version;
    QString name;
    QString action; // apply | rollback | baseline | repair
    int durationMs = 0;
    bool ok = true;
    QString detail;
};

} // namespace uaip
