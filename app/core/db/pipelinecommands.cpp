#include "pipelinecommands.h"

#include "pgconnection.h"

#include <algorithm>

namespace uaip {

void PipelineCommands::add(const QByteArray &sql, const QVariantList &values,
                           const QByteArray &preparedName)
{
    Entry e;
    e.first = m_size;
    e.sql = sql;
    e.params = values;
    e.prepared = preparedName;
    m_entries << e;
    ++m_size;
}

void PipelineCommands::addRun(qsizetype count, std::function<Command(qsizetype)> command)
{
    if (count <= 0)
        return;
    Entry e;
    e.first = m_size;
    e.count = count;
    e.command = std::move(command);
    m_entries << e;
    m_size += count;
}

PipelineOutcome
PipelineCommands::run(PgConnection &connection,
                      const std::function<void(qsizetype, const PgResult &)> &onResult) const
{
    PipelineOutcome outcome(m_size);
    qsizetype entry = 0;
    for (qsizetype from = 0; from < m_size; from += maxPerPipeline) {
        const qsizetype to = std::min(m_size, from + maxPerPipeline);
        QList<QByteArray> sql;
        QList<QVariantList> params;
        PipelineOptions options;
        sql.reserve(to - from);
        while (m_entries[entry].first + m_entries[entry].count <= from)
            ++entry;
        for (qsizetype k = entry; k < m_entries.size() && m_entries[k].first < to; ++k) {
            const Entry &e = m_entries[k];
            const qsizetype last = std::min(to, e.first + e.count);
            for (qsizetype i = std::max(from, e.first); i < last; ++i) {
                const qsizetype local = i - from;
                if (e.command) {
                    auto [text, rows] = e.command(i - e.first);
                    sql << text;
                    if (rows) {
                        options.copyData.resize(local);
                        options.copyData << rows;
                    }
                } else {
                    sql << e.sql;
                    if (!e.params.isEmpty()) {
                        params.resize(local);
                        params << e.params;
                    }
                    if (!e.prepared.isEmpty()) {
                        options.statements.resize(local);
                        options.statements << e.prepared;
                    }
                }
                if (m_flushAfter.contains(i)) {
                    options.flushAfter.resize(local);
                    options.flushAfter << true;
                }
            }
        }
        if (onResult)
            options.onResult
                = [&](qsizetype local, const PgResult &r) { onResult(from + local, r); };
        std::vector<PgResult> results = connection.pipeline(sql, params, options);
        for (std::size_t j = 0; j < results.size(); ++j) {
            const qsizetype i = from + qsizetype(j);
            outcome.take(i, std::move(results[j]), m_keep.contains(i));
        }
        if (outcome.firstFailure() >= 0)
            break;
    }
    return outcome;
}

} // namespace uaip
