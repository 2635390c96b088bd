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

Result<QString> CatalogJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error();
    PgConnection &pg = session.value()->pg();
    switch (m_kind) {
    case Kind::Choices:
        for (MetricsPanel panel : {MetricsPanel::Persona, MetricsPanel::Capability}) {
            const MetricsCatalog::Choices c = MetricsCatalog(pg).choices(panel);
            if (!c.ok())
                return Error(c.error);
            m_choices.insert(panel, c.choices);
        }
        return QString();
    case Kind::Series:
        m_series = MetricsCatalog(pg).series(m_request);
        if (!m_series.ok())
            return Error(m_series.error);
        return QString();
    case Kind::Extent: {
        const PgResult r = pg.exec(SqlResource::of("metrics", "data_extent"));
        if (!r.ok())
            return Error(r.error());
        if (r.rows() == 1 && !r.isNull(0, 0) && !r.isNull(0, 1)) {
            m_first = QDateTime::fromMSecsSinceEpoch(r.value(0, 0).toLongLong(), Qt::UTC);
            m_last = QDateTime::fromMSecsSinceEpoch(r.value(0, 1).toLongLong(), Qt::UTC);
        }
        return QString();
    }
    }
    return Error(ErrorCode::Internal, QString());
}

} // namespace uaip
