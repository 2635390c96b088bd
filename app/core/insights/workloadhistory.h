#pragma once

#include "historyrecord.h"
#include "historysegments.h"
#include "insightscapabilities.h"
#include "workloadhistoryseries.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QHash>

namespace uaip {

class PgConnection;

// The workload over time, tied to the migrations (as PgHero keeps it), in the ledger's schema
// (uaip_ledger.uaip_workload_history_*: samples, statements, tables, texts; made by the first
// record()). record() takes one sample now: the kStatements top statements of
// pg_stat_statements by total time (queryid, calls, total time, rows; the console's own left
// out), this database's kTables biggest tables (size with indexes, live and dead tuples) and its
// client connections (all, active, idle in a transaction). Without pg_stat_statements ready the
// sample is still taken, without statements (HistoryRecord::statementsMissing says why). Bounded:
// in the same transaction as the insert, the samples older than the keep window and beyond the
// newest maxSamples are deleted. series() reads it back over a window.
class WorkloadHistory
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WorkloadHistory)

public:
    static constexpr int kStatements = 200;
    static constexpr int kTables = 500;
    static constexpr int kDefaultKeepDays = 30;
    // 30 days of a sample every 10 minutes, and some room
    static constexpr int kDefaultMaxSamples = 5000;

    struct Bounds
    {
        int keepDays = kDefaultKeepDays;
        int maxSamples = kDefaultMaxSamples;
        // for tests: a window shorter than a day (0: keepDays)
        qint64 keepSeconds = 0;
    };
    struct Window
    {
        int days = 7;
        QString queryId; // empty: the `queries` statements with the most time in the window
        QString table; // empty: the `tables` biggest; else name or schema.name
        int queries = 10;
        int tables = 10;
    };

    WorkloadHistory(PgConnection &connection, const InsightsCapabilities &capabilities);

    Result<HistoryRecord> record(const Bounds &bounds);
    Result<WorkloadHistorySeries> series(const Window &window);

private:
    QByteArray withSchema(const char *name) const;
    // The ledger's schema is there and the console's (LedgerTrust); the history's tables made.
    Status prepare();
    // The sample's statements (when pg_stat_statements is ready); how many.
    Result<int> recordStatements(qint64 sample);
    // Deletes the samples beyond the bounds (their rows with them) and the texts no sample
    // refers to; how many samples.
    Result<int> prune(const Bounds &bounds);
    // The window's samples (and connections) into out and m_samples; sample id -> index.
    Result<QHash<qint64, int>> readSamples(const Window &window, WorkloadHistorySeries &out);
    Status readQueries(const Window &window, const QHash<qint64, int> &indexOf,
                       WorkloadHistorySeries &out);
    Status readTables(const Window &window, const QHash<qint64, int> &indexOf,
                      WorkloadHistorySeries &out);
    Status readMigrations(const Window &window, WorkloadHistorySeries &out);

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
    QList<HistorySegments::Sample> m_samples; // of the window (series)
};

} // namespace uaip
