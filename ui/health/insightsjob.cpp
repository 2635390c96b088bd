#include "insightsjob.h"

#include "db/session.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "indexadvice/indexhealthrules.h"
#include "insights/connectionreader.h"
#include "insights/tablehealthreader.h"
#include "insights/workloadreader.h"
#include "jobs/jobcontext.h"

#include <algorithm>

namespace uaip {

InsightsJob::InsightsJob(Part part, bool bloat, quint64 generation, QObject *parent)
    : Job(tr("Health: read"), parent)
    , m_part(part)
    , m_bloat(bloat)
    , m_generation(generation)
{ }

Result<QString> InsightsJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error();
    PgConnection &pg = session.value()->pg();
    Result<InsightsCapabilities> caps = InsightsCapabilities::read(pg);
    if (!caps)
        return caps.error();
    m_capabilities = caps.take();
    m_notes = m_capabilities->limits();
    switch (m_part) {
    case Part::Queries: {
        const QString statements = QLatin1String(InsightsCapabilities::kStatements);
        if (!m_capabilities->ready(statements)) {
            m_notes.prepend(m_capabilities->howToEnable(statements));
            break;
        }
        Result<Workload> w = WorkloadReader(pg, *m_capabilities)
                                 .top(WorkloadReader::Order::TotalTime, kStatements * 5);
        if (!w)
            return w.error();
        m_workload = w.take();
        return tr("%n statement(s)", nullptr, int(m_workload.queries.size()));
    }
    case Part::Indexes:
        return readIndexes(pg);
    case Part::Tables:
        return readTables(pg);
    case Part::Connections: {
        Result<ConnectionUsage> u = ConnectionReader(pg).read();
        if (!u)
            return u.error();
        m_connections = u.take();
        return tr("%n connection(s)", nullptr, m_connections.inUse);
    }
    }
    return m_notes.value(0);
}

Result<QString> InsightsJob::readIndexes(PgConnection &pg)
{
    IndexHealthReader reader(pg, *m_capabilities);
    Result<IndexHealthReport> health = reader.read();
    if (!health)
        return health.error();
    m_indexes = health.take();
    for (const QString &table : m_indexes.lockedTables())
        m_notes << tr("The indexes of %1 were not read: an ACCESS EXCLUSIVE lock is held or "
                      "waited for on it.")
                       .arg(table);
    if (m_bloat)
        if (Status s = reader.bloat(m_indexes, kBloatReads); !s)
            m_notes << s.error().toString();
    bool ready = true;
    for (const char *e : {InsightsCapabilities::kStatements, InsightsCapabilities::kHypopg})
        if (!m_capabilities->ready(QLatin1String(e))) {
            m_notes.prepend(
                tr("No index advice: %1").arg(m_capabilities->howToEnable(QLatin1String(e))));
            ready = false;
            break;
        }
    if (ready) {
        Result<Workload> w = WorkloadReader(pg, *m_capabilities)
                                 .top(WorkloadReader::Order::TotalTime, kStatements);
        if (!w)
            return w.error();
        Result<AdviceReport> advice
            = IndexAdvisor(pg, *m_capabilities).advise(w.value().queries, m_indexes.indexes);
        if (!advice)
            return advice.error();
        m_advice = advice.take();
        m_notes << IndexHealthRules::keepIndexesPlansUse(m_indexes.findings,
                                                         m_advice.indexesInPlans);
        if (!m_advice.qualstatsUnread.isEmpty())
            m_notes << tr("pg_qualstats was not read (candidates come from the statements' text "
                          "alone): %1")
                           .arg(m_advice.qualstatsUnread);
        if (!m_advice.notPlanned.isEmpty())
            m_notes.prepend(
                tr("No index advice: no statement is planned here: %1").arg(m_advice.notPlanned));
    }
    return tr("%n index(es) proposed", nullptr, int(m_advice.advice.size())) + QStringLiteral(", ")
        + tr("%n finding(s)", nullptr, int(m_indexes.findings.size()));
}

Result<QString> InsightsJob::readTables(PgConnection &pg)
{
    TableHealthReader reader(pg, *m_capabilities);
    Result<TableHealthReport> r = reader.read(kTables, kSequences);
    if (!r)
        return r.error();
    m_tables = r.take();
    if (m_bloat) {
        QList<TableHealth *> biggest;
        for (TableHealth &t : m_tables.tables)
            biggest << &t;
        std::stable_sort(
            biggest.begin(), biggest.end(),
            [](const TableHealth *a, const TableHealth *b) { return a->bytes > b->bytes; });
        for (TableHealth *t : biggest.mid(0, kBloatReads))
            if (Status s = reader.bloat(*t); !s) {
                m_notes << s.error().toString();
                break;
            }
    }
    return tr("%n table(s)", nullptr, int(m_tables.tables.size()));
}

} // namespace uaip
