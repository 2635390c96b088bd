#pragma once

#include "indexhealthreport.h"
#include "insights/insightscapabilities.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads every index of the connected database from the catalog (no lock taken) and finds the
// unused, duplicate, covered and invalid ones (IndexHealthRules). bloat() reads the leaf
// density of the biggest B-trees with pgstattuple's pgstatindex, on request only (it reads
// each whole index), under a short lock_timeout, and adds a finding for each bloated one.
class IndexHealthReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::IndexHealthReader)

public:
    IndexHealthReader(PgConnection &connection, const InsightsCapabilities &capabilities);

    Result<IndexHealthReport> read();
    // The leaf density of the `count` biggest valid B-trees of report; their findings added.
    Status bloat(IndexHealthReport &report, int count);

private:
    Error failed(const Error &error, const QString &what) const;
    Status readDensity(IndexInfo &index, const QByteArray &sql);

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
};

} // namespace uaip
