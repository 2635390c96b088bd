#pragma once

#include "insightscapabilities.h"
#include "tablehealthreport.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads the connected database's table health (tables, xmin horizon, wraparound, sequences),
// all from the catalog and the statistics views without taking a lock. bloat() measures one
// table's free and dead space with pgstattuple_approx (on request: it reads the table's pages
// not all-visible), under a short lock_timeout.
class TableHealthReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TableHealthReader)

public:
    TableHealthReader(PgConnection &connection, const InsightsCapabilities &capabilities);

    Result<TableHealthReport> read(int tableLimit, int sequenceLimit);
    // Fills table's freePercent and deadPercent.
    Status bloat(TableHealth &table);

private:
    Error failed(const Error &error, const QString &what) const;

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
};

} // namespace uaip
