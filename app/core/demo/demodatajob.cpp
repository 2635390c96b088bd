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

Result<QString> DemoDataJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error().in(tr("cannot connect"));
    PgConnection &c = session.value()->pg();
    const Result<bool> loaded = DemoDataLoader::isLoaded(c, m_seed);
    if (!loaded)
        return loaded.error();
    if (*loaded) {
        m_alreadyLoaded = true;
        return tr("the demo data (seed %1) is loaded already").arg(m_seed);
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
    switch (result.outcome) {
    case DemoLoadResult::Outcome::Ok:
        return tr("loaded %1 demo rows").arg(result.rows());
    case DemoLoadResult::Outcome::AlreadyLoaded:
        return result.message;
    case DemoLoadResult::Outcome::Cancelled:
    case DemoLoadResult::Outcome::Failed:
        break;
    }
    return result.error; // its code; the server's error where a statement failed
}

} // namespace uaip
