#include "metricsdatabase.h"

#include "demo/demodataloader.h"
#include "demo/demodataplan.h"

#include <QtGlobal>

namespace uaip::test {

MetricsDatabase::MetricsDatabase(const QString &applicationName, const char *fixtureSql)
    : PlatformDatabase(applicationName)
{
    DemoDataLoader::Options o;
    o.analyze = false;
    DemoDataLoader loader(connection, DemoDataPlan::forScale(1000), o);
    const DemoLoadResult r = loader.load();
    if (!r.ok())
        qFatal("demo load: %s", qPrintable(r.message));
    const PgResult f = connection.execScript(fixtureSql);
    if (!f.ok())
        qFatal("fixture: %s", qPrintable(f.error().toString()));
}

} // namespace uaip::test
