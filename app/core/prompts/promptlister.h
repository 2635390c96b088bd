#pragma once

#include "error/result.h"
#include "error/status.h"
#include "promptsummary.h"

#include <QHash>
#include <QList>

#include <optional>

namespace uaip {

class PgConnection;
class PromptTextCodec;

// The prompt list: one query for the rows (SQL in prompts/sql/list_prompts.sql; "latest" is
// the stored ai_prompts.latest_version) with, when asked for, the usage of the period
// aggregated from ai_interactions, and one scan of the labels (list_labels.sql) merged in;
// full-text search through the GIN index on ai_prompts.search_vector. Texts are not fetched, only a
// probe of each stored system prompt to tell whether it is encrypted; when the codec has the
// key, the served envelopes are fetched (list_envelopes.sql) and opened, and one that fails
// authentication is listed as tampered (and locked).
class PromptLister
{
public:
    explicit PromptLister(PgConnection &connection, const PromptTextCodec *codec = nullptr);

    Result<QList<PromptSummary>> list(const PromptListFilter &filter = {});
    // Only the usage columns of the period (usageFrom/usageTo of the filter), by ai_prompts.id:
    // for a list opened with withUsage = false.
    struct Usage
    {
        qint64 interactions = 0;
        std::optional<double> successRate;
        std::optional<double> meanLatencyMs;
    };
    Result<QHash<QString, Usage>> usage(const PromptListFilter &filter);

private:
    Status markTampered(QList<PromptSummary> *rows);
    Status mergeLabels(QList<PromptSummary> *rows);

    PgConnection &m_connection;
    const PromptTextCodec *m_codec;
};

} // namespace uaip
