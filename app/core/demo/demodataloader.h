#pragma once

#include "demodataplan.h"
#include "demoloadprogress.h"
#include "demoloadresult.h"
#include "demotableload.h"
#include "error/result.h"

#include <QObject>

#include <atomic>
#include <optional>

class QElapsedTimer;

namespace uaip {

class PgConnection;
class Transaction;
struct DemoDataOptions;

// Loads a demo data set (DemoDataGenerator) with COPY ... FROM STDIN, table by table, in
// chunks of about 1 MB, in ONE transaction: a failure or a cancel leaves nothing behind.
// Rows are generated on a producer thread while the previous chunk is sent. Synchronous:
// the GUI runs it on a worker thread that owns the connection; cancel() may be called from
// any thread (it also cancels the statement running on the server).
class DemoDataLoader : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint64 seed = 42;
        qsizetype chunkBytes = 1 << 20;
        int progressIntervalMs = 250; // at most one progress signal per interval
        bool threaded = true; // generate on a producer thread
        bool analyze = true; // ANALYZE the loaded tables after the COMMIT
        // The instant the time series end at (seconds since the epoch); 0 = the time of the
        // load (whole minutes), so the console's "Last 7 days" shows the demo data. The same
        // seed and end time give the same rows.
        qint64 anchorEpoch = 0;
    };

    DemoDataLoader(PgConnection &connection, const DemoDataPlan &plan, const Options &options,
                   QObject *parent = nullptr);

    DemoLoadResult load();
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // Whether the demo data of 'seed' is in the database, or why that cannot be known.
    static Result<bool> isLoaded(PgConnection &connection, quint64 seed);

signals:
    void progress(const uaip::DemoLoadProgress &progress);
    void tableLoaded(const uaip::DemoTableLoad &table);

private:
    // A failed load: nothing written; sqlState the server's when one of its statements failed.
    DemoLoadResult fail(DemoLoadResult result, DemoLoadResult::Outcome outcome, const Error &error);

    // The steps of load(); a step that returns a result (through fail()) ends the load with it.
    struct Copy; // what the COPY of the tables shares: producer, progress, chunk
    std::optional<DemoLoadResult> beginLoad(Transaction &tx, const DemoLoadResult &result);
    std::optional<DemoLoadResult> readPrompts(const DemoLoadResult &result, DemoDataOptions &data);
    std::optional<DemoLoadResult> copyTable(Copy &run, DemoTable table, DemoLoadResult &result);
    std::optional<DemoLoadResult> sendChunks(Copy &run, DemoTable table, DemoTableLoad &t,
                                             const DemoLoadResult &result);
    DemoLoadResult finishLoad(Transaction &tx, DemoLoadResult result, const QElapsedTimer &clock);

    PgConnection &m_connection;
    DemoDataPlan m_plan;
    Options m_options;
    std::atomic_bool m_cancelled{false};
};

} // namespace uaip
