#pragma once

#include "pgresult.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace uaip {

// What PgConnection::pipeline may do besides sending commands, each list indexed by command.
struct PipelineOptions
{
    // When given and not empty: the prepared statement (PgConnection::prepare) the command
    // runs with its parameters, instead of its SQL.
    QList<QByteArray> statements;
    // When it has a value: the rows of a COPY ... FROM STDIN command, sent through the COPY
    // protocol. libpq takes no COPY in a pipeline, so a list with any goes out one command
    // after another instead, with the same results.
    QList<std::optional<QByteArray>> copyData;
    // True: ask the server to send the results so far right after this command (a flush
    // request), so that onResult sees them while later commands still run.
    QList<bool> flushAfter;
    // Called with each command's result as it arrives.
    std::function<void(qsizetype index, const PgResult &result)> onResult;
};

} // namespace uaip
