#pragma once

#include <QJsonArray>
#include <QJsonObject>

namespace uaip {

class InsightsCapabilities;
struct AdviceReport;
struct ConnectionUsage;
struct IndexHealthReport;
struct TableHealthReport;
struct Workload;

// The --json documents of `uaip-migrate insights` (InsightsCommands): numbers as numbers,
// times in ms, names as the catalog spells them, statements as they would run.
class InsightsJson
{
public:
    static QJsonObject capabilities(const InsightsCapabilities &caps);
    static QJsonArray queries(const Workload &workload);
    static QJsonArray advice(const AdviceReport &report);
    static QJsonArray skipped(const AdviceReport &report);
    static QJsonArray findings(const IndexHealthReport &report);
    static QJsonObject tables(const TableHealthReport &report);
    static QJsonObject connections(const ConnectionUsage &usage);
};

} // namespace uaip
