#include "catalogjob.h"

#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sqlresource.h"
#include "jobs/jobcontext.h"

namespace uaip {

CatalogJob::CatalogJob(Kind kind, const MetricsRequest &request, QObject *parent)
    : Job(tr("Analytics: look-up"), parent)
    , m_kind(kind)
    , m_request(request)
{ }

CatalogJob *CatalogJob::forChoices(QObject *parent)
{
    return new CatalogJob(Kind::Choices, {}, parent);
}

CatalogJob *CatalogJob::forSeries(const MetricsRequest &request, QObject *parent)
{
    return new CatalogJob(Kind::Series, request, parent);
}

CatalogJob *CatalogJob::forExtent(QObject *parent)
{
    return new CatalogJob(Kind::Extent, {}, parent);
}

bool CatalogJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().toString();
        return false;
    }
    PgConnection &pg = session.value()->pg();
    switch (m_kind) {
    case Kind::Choices:
        for (MetricsPanel panel : {MetricsPanel::Persona, MetricsPanel::Capability}) {
            const MetricsCatalog::Choices c = MetricsCatalog(pg).choices(panel);
            if (!c.ok()) {
                setError(c.error);
                *summary = c.error.message;
                return false;
            }
            m_choices.insert(panel, c.choices);
        }
        return true;
    case Kind::Series:
        m_series = MetricsCatalog(pg).series(m_request);
        if (!m_series.ok()) {
            setError(m_series.error);
            *summary = m_series.message;
        }
        return m_series.ok();
    case Kind::Extent: {
        const PgResult r = pg.exec(SqlResource::of("metrics", "data_extent"));
        if (!r.ok()) {
            setError(r.error());
            *summary = r.error().message;
            return false;
        }
        if (r.rows() == 1 && !r.isNull(0, 0) && !r.isNull(0, 1)) {
            m_first = QDateTime::fromMSecsSinceEpoch(r.value(0, 0).toLongLong(), Qt::UTC);
            m_last = QDateTime::fromMSecsSinceEpoch(r.value(0, 1).toLongLong(), Qt::UTC);
        }
        return true;
    }
    }
    return false;
}

} // namespace uaip
