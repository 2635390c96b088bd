#include "fleetrunner.h"

namespace uaip {

FleetRunner::FleetRunner(QList<FleetTarget> targets, FleetOptions options,
                         QList<Migration> migrations, QObject *parent)
    : QObject(parent)
    , m_targets(std::move(targets))
    , m_options(std::move(options))
    , m_migrations(std::move(migrations))
{
    qRegisterMetaType<uaip::FleetTargetResult>();
}

FleetRunner::~FleetRunner() = default;

void FleetRunner::run()
{
    QMutexLocker lock(&m_mutex);
    m_summary = {};
    m_summary.command = FleetOptions::commandName(m_options.command);
    for (const FleetTarget &t : m_targets) {
        FleetTargetResult r;
        r.name = t.name;
        r.wave = t.wave;
        m_summary.results << r;
    }
}

void FleetRunner::cancel()
{
    m_cancelled = true;
}

FleetSummary FleetRunner::summary() const
{
    QMutexLocker lock(&m_mutex);
    return m_summary;
}

} // namespace uaip
