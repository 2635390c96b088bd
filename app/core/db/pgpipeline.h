#pragma once

#include "pgresult.h"
#include "pipelineoptions.h"

#include <QByteArray>
#include <QList>
#include <QVariantList>

#include <vector>

namespace uaip {

class PgConnection;

// PgConnection::pipeline(): every command in one libpq pipeline (one round trip; each command
// over the extended protocol, alone), or one by one where a command carries COPY rows.
class PgPipeline
{
public:
    static std::vector<PgResult> run(PgConnection &connection, const QList<QByteArray> &sql,
                                     const QList<QVariantList> &params,
                                     const PipelineOptions &options);

private:
    // With COPY rows: each command on its own, none after the first failure.
    static std::vector<PgResult> oneByOne(PgConnection &connection, const QList<QByteArray> &sql,
                                          const QList<QVariantList> &params,
                                          const PipelineOptions &options);
    static std::vector<PgResult> pipelined(PgConnection &connection, const QList<QByteArray> &sql,
                                           const QList<QVariantList> &params,
                                           const PipelineOptions &options);
};

} // namespace uaip
