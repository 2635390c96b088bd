#pragma once

#include "advicereport.h"
#include "indexinfo.h"
#include "insightscapabilities.h"
#include "queryshape.h"
#include "querystat.h"
#include "resolvedtable.h"

#include "db/dbresult.h"
#include "explain/explainplan.h"

#include <QCoreApplication>
#include <QHash>

namespace uaip {

class PgConnection;

// Index advice proven before it is proposed. For each top statement (QueryShapeReader) the
// candidate B-trees (IndexCandidates) are each created as a hypothetical index (hypopg: seen by
// this session's planner only, never built) and the statement's generic plan is costed with
// and without it: the statement is prepared (its $n left unknown) and explained with
// plan_cache_mode = force_generic_plan, re-prepared for every candidate so no cached plan is
// reused. A candidate is proposed when it cuts the plan's cost by at least kMinSaving; the same
// index proposed for several statements is one advice serving them all.
//
// Every statement is tried in a read-only transaction of its own (nothing is written, and
// behind a transaction-mode pooler the prepared statement and the hypothetical indexes stay on
// one server session): its prepared statement is deallocated and its hypothetical indexes
// dropped before that transaction ends, also when a plan fails (a savepoint).
class IndexAdvisor
{
    Q_DECLARE_TR_FUNCTIONS(uaip::IndexAdvisor)

public:
    static constexpr double kMinSaving = 0.5;

    IndexAdvisor(PgConnection &connection, const InsightsCapabilities &capabilities);

    DbResult<AdviceReport> advise(const QList<QueryStat> &queries,
                                  const QList<IndexInfo> &existing);

private:
    struct Trial
    {
        IndexCandidate index;
        IndexAdvice::Served served;
    };

    QByteArray hypopgSql(const char *name) const;
    DbResult<QHash<QString, ResolvedTable>> resolve(const QStringList &names);
    // The generic plan of query with hypothetical indexes as they stand.
    DbResult<ExplainPlan> plan(const QString &query, int parameters);
    // The best candidate for one statement, within its own read-only transaction; nullopt and
    // why when none cuts the cost by kMinSaving.
    DbResult<std::optional<Trial>> tryStatement(const QueryStat &stat, const QueryShape &shape,
                                                const QList<IndexCandidate> &candidates,
                                                QString *why, int *tried);
    DbResult<double> costWith(const IndexCandidate &candidate, const QString &query, int parameters,
                              QString *planText);

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
};

} // namespace uaip
