#include "pipelineoutcome.h"

namespace uaip {

const PgResult &PipelineOutcome::at(qsizetype i) const
{
    if (const auto it = m_kept.find(i); it != m_kept.end())
        return it->second;
    if (m_firstFailure >= 0 && i > m_firstFailure)
        return m_notRun;
    return m_ok;
}

void PipelineOutcome::take(qsizetype i, PgResult &&result, bool keep)
{
    const bool ok = result.ok();
    if (!ok && m_firstFailure < 0) {
        m_firstFailure = i;
        m_kept.emplace(i, std::move(result));
    } else if (keep) {
        m_kept.emplace(i, std::move(result));
    } else if (ok && !m_ok.handle()) {
        m_ok = std::move(result);
    }
}

} // namespace uaip
