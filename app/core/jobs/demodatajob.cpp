#include "demodatajob.h"

#include "db/pgconnection.h"
#include "demo/demodataloader.h"
#include "demo/demodataplan.h"

namespace uaip {

DemoDataJob::DemoDataJob(const QString &conninfo, qint64 metricRows, quint64 seed, QObject *parent)
    : DbJob(tr("Load the demo data set"), parent)
    , m_conninfo(conninfo)
    , m_metricRows(metricRows)
    , m_seed(seed)
{ }

bool DemoDataJob::execute(QString *summary)
{
    PgConnection c;
    QString error;
    if (!openConnection(c, m_conninfo, &error)) {
        *summary = tr("cannot connect: %1").arg(error);
        return false;
    }
    const auto loaded = DemoDataLoader::isLoaded(c, m_seed, &error);
    if (!loaded) {
        *summary = error;
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
    setCancelHook([&loader] { loader.cancel(); });
    connect(&loader, &DemoDataLoader::progress, this, [this](const DemoLoadProgress &p) {
        emit progress(int(qMin<qint64>(p.rowsDone, INT_MAX)),
                      int(qMin<qint64>(p.rowsTotal, INT_MAX)), p.table);
    });
    const DemoLoadResult result = loader.load();
    setCancelHook({});
    *summary = result.ok() ? tr("loaded %1 demo rows").arg(result.rows()) : result.message;
    return result.ok() || result.outcome == DemoLoadResult::Outcome::AlreadyLoaded;
}

} // namespace uaip
