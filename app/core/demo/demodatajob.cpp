#include "demodatajob.h"

#include "db/pgconnection.h"
#include "db/session.h"
#include "demodataloader.h"
#include "demodataplan.h"
#include "jobs/jobcontext.h"

namespace uaip {

DemoDataJob::DemoDataJob(qint64 metricRows, quint64 seed, QObject *parent)
    : Job(tr("Load the demo data set"), parent)
    , m_metricRows(metricRows)
    , m_seed(seed)
{ }

bool DemoDataJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = tr("cannot connect: %1").arg(session.error().toString());
        return false;
    }
    PgConnection &c = session.value()->pg();
    const Result<bool> loaded = DemoDataLoader::isLoaded(c, m_seed);
    if (!loaded) {
        *summary = loaded.error().toString();
        return false;
    }
    if (*loaded) {
        m_alreadyLoaded = true;
        *summary = tr("the demo data (seed %1) is loaded already").arg(m_seed);
        return true;
    }
    DemoDataLoader::Options options;
    options.seed = m_seed;
    DemoDataLoader loader(c, DemoDataPlan::forScale(m_metricRows), options);
    connect(
        &loader, &DemoDataLoader::progress, this,
        [&context](const DemoLoadProgress &p) {
            context.progress(int(qMin<qint64>(p.rowsDone, INT_MAX)),
                             int(qMin<qint64>(p.rowsTotal, INT_MAX)), p.table);
        },
        Qt::DirectConnection);
    const DemoLoadResult result = loader.load();
    *summary = result.ok() ? tr("loaded %1 demo rows").arg(result.rows()) : result.message;
    return result.ok() || result.outcome == DemoLoadResult::Outcome::AlreadyLoaded;
}

} // namespace uaip
