#pragma once

#include "indexadvice/advicereport.h"
#include "indexadvice/indexhealthreport.h"
#include "insights/connectionusage.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreport.h"
#include "insights/workload.h"

#include "jobs/job.h"

#include <optional>

namespace uaip {

// One reading of the Health view on its worker's session, the same core classes as
// `uaip-migrate insights`: what the insights can see (InsightsCapabilities), then the part asked
// for: the top statements (WorkloadReader), the index advice and findings (IndexAdvisor,
// IndexHealthReader; pgstatindex with bloat), the table health (TableHealthReader;
// pgstattuple_approx with bloat), the connections (ConnectionReader). Read-only. A part that
// cannot be read for want of an extension says how to enable it (unavailable()) and the job
// still succeeds.
class InsightsJob : public Job
{
    Q_OBJECT
public:
    enum class Part { Queries, Indexes, Tables, Connections };

    InsightsJob(Part part, bool bloat, quint64 generation, QObject *parent = nullptr);

    Part part() const { return m_part; }
    quint64 generation() const { return m_generation; }
    const std::optional<InsightsCapabilities> &capabilities() const { return m_capabilities; }
    const Workload &workload() const { return m_workload; }
    const AdviceReport &advice() const { return m_advice; }
    const IndexHealthReport &indexes() const { return m_indexes; }
    const TableHealthReport &tables() const { return m_tables; }
    const ConnectionUsage &connections() const { return m_connections; }
    // What could not be read, and what to do about it (a missing extension, a locked table).
    const QStringList &notes() const { return m_notes; }

    static constexpr int kStatements = 20;
    static constexpr int kTables = 50;
    static constexpr int kSequences = 20;
    static constexpr int kBloatReads = 10;

protected:
    Result<QString> execute(JobContext &context) override;

private:
    Result<QString> readIndexes(PgConnection &pg);
    Result<QString> readTables(PgConnection &pg);

    Part m_part;
    bool m_bloat;
    quint64 m_generation;
    std::optional<InsightsCapabilities> m_capabilities;
    Workload m_workload;
    AdviceReport m_advice;
    IndexHealthReport m_indexes;
    TableHealthReport m_tables;
    ConnectionUsage m_connections;
    QStringList m_notes;
};

} // namespace uaip
