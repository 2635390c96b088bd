#pragma once

#include "fleetsummary.h"

#include <QJsonObject>

namespace uaip {

// The --json shape of uaip-migrate fleet:
// {"command","ok","targets":[{"name","state","applied":[...],"pending","error":{...},
//  "duration_ms",...}],"summary":{...}}
class FleetJson
{
public:
    static QJsonObject target(const FleetTargetResult &result);
    static QJsonObject summary(const FleetSummary &summary);
    static QJsonObject document(const FleetSummary &summary);
};

} // namespace uaip
