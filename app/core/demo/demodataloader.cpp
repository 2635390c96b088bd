#include "demodataloader.h"

#include "db/pgconnection.h"
#include "db/pgcopy.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "demochunkproducer.h"
#include "demoentitygenerator.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace uaip {

namespace {

using Outcome = DemoLoadResult::Outcome;

constexpr qint64 kMinute = 60;

QString libpqError(const PgConnection &c)
{
    return c.lastLibpqMessage();
}

} // namespace

DemoDataLoader::DemoDataLoader(PgConnection &connection, const DemoDataPlan &plan,
                               const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_plan(plan)
    , m_options(options)
{
    qRegisterMetaType<uaip::DemoLoadProgress>();
    qRegisterMetaType<uaip::DemoTableLoad>();
}

void DemoDataLoader::cancel()
{
    m_cancelled.store(true);
    m_connection.cancel();
}

Result<bool> DemoDataLoader::isLoaded(PgConnection &connection, quint64 seed)
{
    PgResult r = connection.exec(SqlResource::get(QStringLiteral("demo/sql/demo_seed_loaded.sql")),
                                 {QString::fromStdString(DemoEntityGenerator::emailDomain(seed))});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1)
        return Error(ErrorCode::Internal,
                     tr("the demo data check returned %1 rows instead of one").arg(r.rows()));
    return r.value(0, 0) == QLatin1String("t");
}

DemoLoadResult DemoDataLoader::fail(DemoLoadResult result, DemoLoadResult::Outcome outcome,
                                    const Error &error)
{
    result.outcome = m_cancelled.load() ? DemoLoadResult::Outcome::Cancelled : outcome;
    if (result.outcome == DemoLoadResult::Outcome::Cancelled)
        result.error = Error(ErrorCode::Cancelled,
                             tr("cancelled; the demo data load was rolled back, nothing was "
                                "written"));
    else // an empty server error (no answer) still fails
        result.error = error.isSet() ? error : Error(ErrorCode::Connection, error.text());
    result.message = result.error.toString();
    for (DemoTableLoad &t : result.tables) // nothing of it stayed
        t.rows = 0;
    return result;
}

// The COPY of the tables: the producer, the progress reported so far and the chunk buffer.
struct DemoDataLoader::Copy
{
    Copy(DemoChunkProducer &chunkProducer, const QElapsedTimer &loadClock)
        : producer(chunkProducer)
        , clock(loadClock)
    { }

    DemoChunkProducer &producer;
    const QElapsedTimer &clock; // since the load began
    DemoLoadProgress p;
    qint64 lastSignal = 0;
    DemoChunk chunk;
};

DemoLoadResult DemoDataLoader::load()
{
    DemoLoadResult result;
    result.seed = m_options.seed;
    QElapsedTimer clock;
    clock.start();
    // Every failure and a cancel return through fail(); the guard rolls back when it goes.
    Transaction tx(m_connection);
    if (std::optional<DemoLoadResult> failed = beginLoad(tx, result))
        return *failed;
    DemoDataOptions data;
    data.seed = m_options.seed;
    data.anchorEpoch = m_options.anchorEpoch > 0
        ? m_options.anchorEpoch
        : QDateTime::currentSecsSinceEpoch() / kMinute * kMinute;
    result.anchorEpoch = data.anchorEpoch;
    if (std::optional<DemoLoadResult> failed = readPrompts(result, data))
        return *failed;

    DemoChunkProducer producer(m_plan, data, m_options.chunkBytes, CopyRowWriter::Format::Text,
                               m_options.threaded);
    Copy run(producer, clock);
    run.p.rowsTotal = m_plan.totalRows();
    run.lastSignal = -m_options.progressIntervalMs;
    for (const DemoTable table : kDemoTables)
        if (std::optional<DemoLoadResult> failed = copyTable(run, table, result))
            return *failed;
    return finishLoad(tx, result, clock);
}

// BEGIN, the lock, and the check that this seed's data is not there yet.
std::optional<DemoLoadResult> DemoDataLoader::beginLoad(Transaction &tx,
                                                        const DemoLoadResult &result)
{
    if (const Status begun = tx.begin(); !begun)
        return fail(result, Outcome::Failed, begun.error().in(tr("cannot begin")));
    PgResult lock = m_connection.exec(SqlResource::get(QStringLiteral("demo/sql/demo_lock.sql")));
    if (!lock.ok())
        return fail(result, Outcome::Failed, Error(lock.error()));
    const Result<bool> loaded = isLoaded(m_connection, m_options.seed);
    if (!loaded)
        return fail(result, Outcome::Failed, loaded.error());
    if (*loaded)
        return fail(result, Outcome::AlreadyLoaded,
                    Error(ErrorCode::Conflict,
                          tr("the demo data of seed %1 is already loaded (users @%2 exist); "
                             "use another --seed-value or a fresh database")
                              .arg(m_options.seed)
                              .arg(QString::fromStdString(
                                  DemoEntityGenerator::emailDomain(m_options.seed))),
                          {{QStringLiteral("seed"), QString::number(m_options.seed)}}));
    return std::nullopt;
}

std::optional<DemoLoadResult> DemoDataLoader::readPrompts(const DemoLoadResult &result,
                                                          DemoDataOptions &data)
{
    PgResult prompts
        = m_connection.exec(SqlResource::get(QStringLiteral("demo/sql/demo_prompts.sql")));
    if (!prompts.ok())
        return fail(result, Outcome::Failed, Error(prompts.error()));
    for (int i = 0; i < prompts.rows(); ++i)
        data.prompts.append(
            {prompts.rawValue(i, 0), prompts.rawValue(i, 1), prompts.rawValue(i, 2)});
    return std::nullopt;
}

// One table's COPY, from its statement to its end; appends the table to result.
std::optional<DemoLoadResult> DemoDataLoader::copyTable(Copy &run, DemoTable table,
                                                        DemoLoadResult &result)
{
    DemoTableLoad t;
    t.table = demoTableName(table);
    t.metric = demoTableIsMetric(table);
    QElapsedTimer tableClock;
    tableClock.start();
    run.p.table = t.table;
    run.p.tableRows = 0;
    run.p.tableTotal = m_plan.rowsOf(table);
    PgResult copy = m_connection.exec(demoTableCopySql(table));
    if (copy.status() != PgResult::Status::CopyIn)
        return fail(result, Outcome::Failed,
                    Error(copy.error()).in(t.table).with(QStringLiteral("table"), t.table));
    if (std::optional<DemoLoadResult> failed = sendChunks(run, table, t, result))
        return failed;
    PgResult end = PgCopy::end(m_connection);
    if (!end.ok()) {
        run.producer.stop();
        return fail(result, Outcome::Failed,
                    Error(end.error()).in(t.table).with(QStringLiteral("table"), t.table));
    }
    t.ms = tableClock.elapsed();
    result.tables.append(t);
    emit tableLoaded(t);
    return std::nullopt;
}

// The chunks of one table, until its last, with the progress signals on the way.
std::optional<DemoLoadResult> DemoDataLoader::sendChunks(Copy &run, DemoTable table,
                                                         DemoTableLoad &t,
                                                         const DemoLoadResult &result)
{
    DemoLoadProgress &p = run.p;
    DemoChunk &chunk = run.chunk;
    bool last = false;
    while (!last) {
        if (m_cancelled.load()) {
            run.producer.stop();
            PgCopy::end(m_connection, QStringLiteral("cancelled by the user"));
            return fail(result, Outcome::Cancelled, Error());
        }
        if (!run.producer.next(&chunk) || chunk.table != table) {
            PgCopy::end(m_connection, QStringLiteral("demo data generator stopped early"));
            return fail(result, Outcome::Failed,
                        Error(ErrorCode::Internal,
                              tr("%1: the generator stopped early").arg(t.table),
                              {{QStringLiteral("table"), t.table}}));
        }
        last = chunk.lastOfTable;
        if (!chunk.data.isEmpty() && !PgCopy::put(m_connection, chunk.data)) {
            run.producer.stop();
            PgResult end = PgCopy::end(m_connection);
            const Error why = end.ok() ? Error(ErrorCode::Connection, libpqError(m_connection))
                                       : Error(end.error());
            return fail(result, Outcome::Failed,
                        why.in(t.table).with(QStringLiteral("table"), t.table));
        }
        t.rows += chunk.rows;
        t.bytes += chunk.data.size();
        p.tableRows = t.rows;
        p.rowsDone += chunk.rows;
        p.bytesSent += chunk.data.size();
        p.elapsedMs = run.clock.elapsed();
        if (last || p.elapsedMs - run.lastSignal >= m_options.progressIntervalMs) {
            run.lastSignal = p.elapsedMs;
            p.rowsPerSecond
                = p.elapsedMs > 0 ? double(p.rowsDone) * 1000.0 / double(p.elapsedMs) : 0.0;
            emit progress(p);
        }
    }
    return std::nullopt;
}

// After the last table: COMMIT, ANALYZE and the summary.
DemoLoadResult DemoDataLoader::finishLoad(Transaction &tx, DemoLoadResult result,
                                          const QElapsedTimer &clock)
{
    if (m_cancelled.load())
        return fail(result, Outcome::Cancelled, Error());
    if (const Status committed = tx.commit(); !committed)
        return fail(result, Outcome::Failed, committed.error().in(tr("COMMIT failed")));
    // Planner statistics right away (autovacuum takes a minute or more): plans, and the row
    // estimates the console shows, are right from the first query.
    QString analyzeError;
    if (m_options.analyze) {
        QByteArray analyze = "ANALYZE ";
        for (const DemoTable table : kDemoTables)
            analyze += (table == kDemoTables.front() ? "" : ", ")
                + m_connection.quoteIdentifier(demoTableName(table));
        PgResult analysed = m_connection.exec(analyze);
        if (!analysed.ok())
            analyzeError = analysed.error().toString();
    }
    result.elapsedMs = clock.elapsed();
    result.message = tr("%1 rows in %2 tables (%3 metric rows) in %4 s")
                         .arg(result.rows())
                         .arg(result.tables.size())
                         .arg(result.metricRows())
                         .arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1);
    if (!analyzeError.isEmpty())
        result.message = tr("%1; ANALYZE failed: %2").arg(result.message, analyzeError);
    return result;
}

} // namespace uaip
