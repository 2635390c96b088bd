#pragma once

#include "db/boundstatement.h"
#include "db/pgresult.h"
#include "db/transaction.h"
#include "error/result.h"

#include <QList>

#include <vector>

namespace uaip {

class PgConnection;

// A panel's reads in their one transaction (MetricsQuery::readOptions), with no round trip of
// its own: the first statements go in one pipeline with the BEGIN and its settings, the last
// ones with the ROLLBACK, any between on their own. A panel of three statements makes three
// round trips, not five.
class MetricsTransaction
{
public:
    explicit MetricsTransaction(PgConnection &connection);

    // The statements' results, in order (one pipeline; after a failed one the server skips the
    // rest). last: the transaction ends with them. An error: the transaction did not begin
    // (nothing ran).
    Result<std::vector<PgResult>> send(const QList<BoundStatement> &statements, bool last);
    // Ends what is still open (after a failure, or when the reads stopped early).
    void end();

private:
    PgConnection &m_connection;
    Transaction m_tx;
    bool m_begun = false;
};

} // namespace uaip
