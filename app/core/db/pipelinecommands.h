#pragma once

#include "pipelineoptions.h"

#include <QByteArray>
#include <QList>
#include <QVariantList>
#include <optional>

namespace uaip {

// The commands of one PgConnection::pipeline call, built one at a time: each its SQL and
// parameters, and where it has them, the prepared statement it runs and its inline COPY rows.
struct PipelineCommands
{
    QList<QByteArray> commands;
    QList<QVariantList> params;
    QList<QByteArray> prepared; // sparse: up to the last command that runs one
    QList<std::optional<QByteArray>> copyData; // sparse: up to the last command that has rows

    qsizetype size() const { return commands.size(); }
    void add(const QByteArray &sql, const QVariantList &values = {},
             const QByteArray &preparedName = {},
             const std::optional<QByteArray> &rows = std::nullopt)
    {
        if (!preparedName.isEmpty()) {
            prepared.resize(commands.size());
            prepared << preparedName;
        }
        if (rows) {
            copyData.resize(commands.size());
            copyData << rows;
        }
        commands << sql;
        params << values;
    }
    PipelineOptions options() const
    {
        PipelineOptions o;
        o.statements = prepared;
        o.copyData = copyData;
        return o;
    }
};

} // namespace uaip
