#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class CliOutput;
struct MetricsRequest;
struct MetricsResult;

// metrics persona|capability|tools|interactions|tokens: the series an Analytics panel draws
// for a range and plot width, as CSV or JSON (MetricsQuery + MetricsExport, the same classes
// as the GUI). Exit codes: 0 ok (also "no data in this range"), 1 the query failed,
// 2 bad usage or bad input (nothing sent).
class MetricsCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MetricsCommands)

public:
    static int run(CliContext &ctx);

private:
    // --tz, --from and --to into *request: 0, or the exit code of the refusal (reported).
    static int readTimeRange(CliContext &ctx, MetricsRequest *request);
    // --width, --bucket, --top, --metric, --metric-type, --ids and --previous, as readTimeRange.
    static int readSeriesOptions(CliContext &ctx, MetricsRequest *request);
    // The series on output's stdout as CSV or JSON ("no data" noted on its stderr under CSV).
    static void print(CliOutput &output, const MetricsRequest &request, const MetricsResult &result,
                      bool json);
};

} // namespace uaip
