#pragma once

#include "pipelineoptions.h"
#include "pipelineoutcome.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QVariantList>

#include <functional>
#include <optional>
#include <utility>

namespace uaip {

class PgConnection;

// The commands of a run of pipelines on one connection, built one at a time: each its SQL
// and parameters and, where it has them, the prepared statement it runs; or a run of commands
// a function gives on demand (a script's statements with their inline COPY rows: referenced,
// not copied). run() sends them in pipelines of at most maxPerPipeline commands (one sync
// each; after a failure none more) and keeps of the results only those marked keep() and the
// first failure (PipelineOutcome): the memory of a run follows the largest pipeline, not the
// number of statements.
class PipelineCommands
{
public:
    using Command = std::pair<QByteArray, std::optional<QByteArray>>; // SQL, COPY rows
    static constexpr qsizetype maxPerPipeline = 8192;

    qsizetype size() const { return m_size; }
    void add(const QByteArray &sql, const QVariantList &values = {},
             const QByteArray &preparedName = {});
    void addRun(qsizetype count, std::function<Command(qsizetype k)> command);
    // The server is asked to send the results so far right after command i (onResult sees
    // them while later commands still run).
    void flushAfter(qsizetype i) { m_flushAfter.insert(i); }
    // Command i's own result is kept for PipelineOutcome::at().
    void keep(qsizetype i) { m_keep.insert(i); }

    PipelineOutcome run(PgConnection &connection,
                        const std::function<void(qsizetype index, const PgResult &result)> &onResult
                        = {}) const;

private:
    struct Entry
    {
        qsizetype first = 0;
        qsizetype count = 1;
        QByteArray sql;
        QVariantList params;
        QByteArray prepared;
        std::function<Command(qsizetype)> command;
    };
    QList<Entry> m_entries;
    qsizetype m_size = 0;
    QSet<qsizetype> m_flushAfter;
    QSet<qsizetype> m_keep;
};

} // namespace uaip
