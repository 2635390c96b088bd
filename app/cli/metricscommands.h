#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// metrics persona|capability|tools|interactions|tokens: the series an Analytics panel draws
// for a range and plot width, as CSV or JSON (MetricsQuery + MetricsExport, the same classes
// as the GUI). Exit codes: 0 ok (also "no data in this range"), 1 the query failed,
// 2 bad usage or bad input (nothing sent).
class MetricsCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MetricsCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
