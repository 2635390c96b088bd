#pragma once

#include "insightscapabilities.h"
#include "workload.h"

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads the connected database's workload from pg_stat_statements: the top statements by total
// or by mean execution time. The extension must be ready (InsightsCapabilities::ready); when it
// is not, the error says how to enable it.
class WorkloadReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WorkloadReader)

public:
    enum class Order { TotalTime, MeanTime };

    WorkloadReader(PgConnection &connection, const InsightsCapabilities &capabilities);

    Result<Workload> top(Order order, int limit);
    // The first lines of the console's own statements as a JSON array: what the workload
    // leaves out (SqlResource::firstLines).
    static QString ownStatements();

private:
    QByteArray withSchema(const char *name) const;

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
};

} // namespace uaip
