#pragma once

#include <QString>

namespace uaip {

// A top statement the advisor did not try, or tried without finding a clear gain, and why.
struct SkippedQuery
{
    QString queryId;
    QString query;
    QString why;
};

} // namespace uaip
