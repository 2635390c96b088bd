#include "historyjob.h"

#include "db/session.h"
#include "insights/insightscapabilities.h"
#include "jobs/jobcontext.h"

namespace uaip {

HistoryJob::HistoryJob(Kind kind, int days, quint64 generation, QObject *parent)
    : Job(kind == Kind::Record ? tr("Health: record the workload") : tr("Health: read history"),
          parent)
    , m_kind(kind)
    , m_days(days)
    , m_generation(generation)
{ }

Result<QString> HistoryJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error();
    PgConnection &pg = session.value()->pg();
    const Result<InsightsCapabilities> caps = InsightsCapabilities::read(pg);
    if (!caps)
        return caps.error();
    WorkloadHistory history(pg, caps.value());
    if (m_kind == Kind::Read) {
        WorkloadHistory::Window window;
        window.days = m_days;
        window.queries = kQueries;
        window.tables = kTables;
        Result<WorkloadHistorySeries> s = history.series(window);
        if (!s)
            return s.error();
        m_series = s.take();
        return tr("%n history sample(s)", nullptr, m_series.samples);
    }
    const Result<HistoryRecord> r = history.record(WorkloadHistory::Bounds{});
    if (!r && r.error().code() == ErrorCode::NotFound) {
        m_notes << r.error().toString();
        return tr("Nothing recorded");
    }
    if (!r)
        return r.error();
    m_record = r.value();
    if (!m_record.statementsRecorded)
        m_notes << tr("The statements were not recorded: %1").arg(m_record.statementsMissing);
    return tr("Recorded workload sample %1").arg(m_record.sampleId);
}

} // namespace uaip
