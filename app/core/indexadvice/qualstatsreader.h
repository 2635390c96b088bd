#pragma once

#include "error/result.h"
#include "insights/queryshape.h"
#include "qualcolumn.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace uaip {

class InsightsCapabilities;
class PgConnection;

// The columns pg_qualstats saw the workload's statements compare, where it is ready
// (InsightsCapabilities): the quals the executor evaluated, on the base tables, also those a
// statement reaches through a view or a function's SQL, where the parse tree names only the
// view. IndexAdvisor adds them to a statement's shape before it builds the candidates.
class QualstatsReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::QualstatsReader)

public:
    QualstatsReader(PgConnection &connection, const InsightsCapabilities &capabilities);

    // By queryid; empty where pg_qualstats is not ready. Read in a read-only transaction.
    Result<QHash<QString, QList<QualColumn>>> read(const QStringList &queryIds);
    // The shape with the columns of quals added, each on its table by name (a relation of its
    // own, with an alias no statement can write), equality first as the parse tree has them.
    static void addTo(QueryShape &shape, const QList<QualColumn> &quals);

private:
    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
};

} // namespace uaip
