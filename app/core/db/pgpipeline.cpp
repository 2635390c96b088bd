#include "pgpipeline.h"

#include "pgconnection.h"
#include "pgcopy.h"
#include "pgsocketwait.h"
#include "sessioncanceller.h"

#include <libpq-fe.h>

#include <algorithm>

namespace uaip {

std::vector<PgResult> PgPipeline::run(PgConnection &connection, const QList<QByteArray> &sql,
                                      const QList<QVariantList> &params,
                                      const PipelineOptions &options)
{
    const QList<std::optional<QByteArray>> &copyData = options.copyData;
    if (std::any_of(copyData.cbegin(), copyData.cend(), [](const auto &d) { return bool(d); }))
        return oneByOne(connection, sql, params, options);
    return pipelined(connection, sql, params, options);
}

std::vector<PgResult> PgPipeline::oneByOne(PgConnection &connection, const QList<QByteArray> &sql,
                                           const QList<QVariantList> &params,
                                           const PipelineOptions &options)
{
    std::vector<PgResult> results;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        if (!results.empty() && !results.back().ok()) {
            results.emplace_back();
            continue;
        }
        const QByteArray statement = options.statements.value(i);
        const std::optional<QByteArray> data = options.copyData.value(i);
        if (data)
            results.push_back(PgCopy::in(connection, sql[i], *data));
        else if (!statement.isEmpty())
            results.push_back(connection.execPrepared(statement, params.value(i)));
        else if (params.value(i).isEmpty())
            results.push_back(connection.execOne(sql[i]));
        else
            results.push_back(connection.exec(sql[i], params.value(i)));
        if (options.onResult)
            options.onResult(i, results.back());
    }
    return results;
}

std::vector<PgResult> PgPipeline::pipelined(PgConnection &connection, const QList<QByteArray> &sql,
                                            const QList<QVariantList> &params,
                                            const PipelineOptions &options)
{
    std::vector<PgResult> results;
    PGconn *conn = connection.m_conn;
    if (conn)
        connection.startCommand();
    if (!conn || PQenterPipelineMode(conn) != 1) {
        for (qsizetype i = 0; i < sql.size(); ++i)
            results.emplace_back();
        if (conn)
            connection.finish(nullptr);
        return results;
    }
    // libpq keeps a copy of every queued statement until its result is read: past a megabyte of
    // them, ask the server for what it has and read it, so a 50 MB file is not held twice
    constexpr qsizetype kDrainBytes = qsizetype(1) << 20;
    qsizetype read = 0;
    qsizetype queuedBytes = 0;
    PgSocketWait wait(conn, *connection.m_canceller);
    const auto readUpTo = [&](qsizetype n) {
        for (; read < n; ++read) {
            results.emplace_back(connection.settleCopy(wait.nextResult()));
            while (PGresult *rest = wait.nextResult()) // up to the NULL that ends this command
                PQclear(connection.settleCopy(rest));
            if (options.onResult)
                options.onResult(read, results.back());
        }
    };
    qsizetype queued = 0;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        if (connection.m_canceller->requestSent())
            break; // cancelled: the server skips the rest; it is not sent at all
        queued = i + 1;
        std::vector<QByteArray> storage;
        std::vector<const char *> values;
        PgConnection::bindValues(params.value(i), &storage, &values);
        const QByteArray statement = options.statements.value(i);
        if (statement.isEmpty())
            PQsendQueryParams(conn, sql[i].constData(), int(values.size()), nullptr, values.data(),
                              nullptr, nullptr, 0);
        else
            PQsendQueryPrepared(conn, statement.constData(), int(values.size()), values.data(),
                                nullptr, nullptr, 0);
        queuedBytes += statement.isEmpty() ? sql[i].size() : statement.size();
        if (queuedBytes >= kDrainBytes) {
            PQsendFlushRequest(conn);
            wait.flush();
            readUpTo(i + 1);
            queuedBytes = 0;
        } else if (options.flushAfter.value(i)) { // sent with the rest at the sync
            PQsendFlushRequest(conn);
        }
    }
    PQpipelineSync(conn);
    wait.flush();
    readUpTo(queued);
    while (PGresult *sync = wait.nextResult()) { // the PGRES_PIPELINE_SYNC marker
        const bool done = PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
        PQclear(sync);
        if (done)
            break;
    }
    PQexitPipelineMode(conn);
    connection.finish(nullptr);
    // The statements not sent once a cancel went out: skipped, as the server skips what follows
    // a failed statement in a pipeline.
    while (qsizetype(results.size()) < sql.size()) {
        results.emplace_back(PQmakeEmptyPGresult(conn, PGRES_PIPELINE_ABORTED));
        if (options.onResult)
            options.onResult(qsizetype(results.size()) - 1, results.back());
    }
    return results;
}

} // namespace uaip
