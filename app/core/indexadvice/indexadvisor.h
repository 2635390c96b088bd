#pragma once

#include "advicereport.h"
#include "indexinfo.h"
#include "insights/insightscapabilities.h"
#include "insights/queryshape.h"
#include "insights/querystat.h"
#include "insights/resolvedtable.h"

#include "error/result.h"
#include "explain/explainplan.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

namespace uaip {

class PgConnection;
class GenericPlan;
class PlanningLogins;

// Index advice proven before it is proposed. For each top statement (QueryShapeReader) the
// candidate B-trees (IndexCandidates) are each created as a hypothetical index (hypopg: seen by
// this session's planner only, never built) and the statement's generic plan (GenericPlan) is
// costed with and without it. A candidate is proposed when it cuts the plan's cost by at least
// kMinSaving; the same index proposed for several statements is one advice serving them all.
//
// Every statement is tried in a read-only transaction of its own (InsightsReading: nothing
// is written, no lock waited on for long, and behind a transaction-mode pooler the prepared
// statement and the hypothetical indexes stay on one server session), acting as the role that
// ran it and under that role's search_path (GenericPlan::actAs), on a session logged in as a
// role with no right the statement's role lacks (PlanningLogins: the console's, or the planner
// login's); its prepared statement is deallocated and its hypothetical indexes dropped before
// that transaction ends, also when a plan fails (a savepoint). A statement is not planned when
// no such session exists, or (on a superuser's session) while PlanSafety refuses: it then says
// why, and the report says so once when no statement could be planned.
class IndexAdvisor
{
    Q_DECLARE_TR_FUNCTIONS(uaip::IndexAdvisor)

public:
    static constexpr double kMinSaving = 0.5;

    IndexAdvisor(PgConnection &connection, const InsightsCapabilities &capabilities);
    ~IndexAdvisor();
    IndexAdvisor(const IndexAdvisor &) = delete;
    IndexAdvisor &operator=(const IndexAdvisor &) = delete;

    Result<AdviceReport> advise(const QList<QueryStat> &queries, const QList<IndexInfo> &existing);

private:
    struct Trial
    {
        IndexCandidate index;
        IndexAdvice::Served served;
        QString firstError; // the first candidate that could not be costed: the server's message
    };

    // One statement tried: the best candidate, or why there is none.
    struct Attempt
    {
        std::optional<Trial> best;
        QString why; // no best: why not
        QString refused; // the reason the statement may not be planned here at all, if so
        QStringList planIndexes; // the indexes its generic plan before uses (by name)
    };

    QByteArray hypopgSql(PgConnection &c, const char *name) const;
    Result<QHash<QString, ResolvedTable>> resolve(PgConnection &c, const QStringList &names);
    // The best candidate for one statement, within its own read-only transaction, or why none
    // cuts the cost by kMinSaving; the error when the server failed.
    Result<Attempt> tryStatement(const QueryStat &stat, const QueryShape &shape,
                                 const QList<IndexInfo> &existing, int *tried);
    // Of the candidates, the one whose generic plan costs least with it as a hypothetical
    // index (the plan without any: before), with the first failure's message; counts each try
    // in *tried.
    Trial bestTrial(GenericPlan &plans, const QueryStat &stat, const QueryShape &shape,
                    const QList<IndexCandidate> &candidates, const ExplainPlan &before, int *tried);
    // Each proposed index named so no relation of its schema has the name, nor another
    // proposal: table_columns_idx, else table_columns_idx1, ... (63 bytes at most).
    Result<AdviceReport> nameUniquely(AdviceReport report);
    Result<double> costWith(GenericPlan &plans, const IndexCandidate &candidate,
                            const QString &query, int parameters, const QString &role,
                            QString *planText);

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
    std::unique_ptr<PlanningLogins> m_logins;
};

} // namespace uaip
