#include "fleetrunner.h"

#include "db/databaseidentity.h"
#include "db/sandbox.h"
#include "fleetexpectedschemas.h"
#include "fleettargetrun.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThreadPool>

#include <functional>
#include <numeric>
#include <optional>
#include <vector>

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

void FleetRunner::pool(const QList<int> &indices, const std::function<void(int)> &work,
                       const std::function<bool()> &stop)
{
    std::atomic_int next{0};
    auto worker = [&] {
        for (;;) {
            if (stop())
                return;
            const int k = next++;
            if (k >= indices.size())
                return;
            work(indices[k]);
        }
    };
    const int threads = int(std::clamp<qsizetype>(m_options.parallel, 1, indices.size()));
    if (threads <= 1) {
        worker();
        return;
    }
    // a pool of this run's own: its sessions block for a target's whole run, which the global
    // pool's threads (ParallelFor, Qt's own work) must not wait behind
    QThreadPool runners;
    runners.setMaxThreadCount(threads);
    for (int i = 0; i < threads; ++i)
        runners.start(worker);
    runners.waitForDone();
}

bool FleetRunner::budgetSpent() const
{
    return m_options.maxFailures > 0 && m_failures.load() >= m_options.maxFailures;
}

void FleetRunner::record(int index, const FleetTargetResult &result)
{
    {
        QMutexLocker lock(&m_mutex);
        m_summary.results[index] = result;
        m_finished[index] = true;
    }
    if (result.state == FleetTargetResult::State::Failed
        || result.state == FleetTargetResult::State::Unreachable)
        ++m_failures;
    const int done = ++m_done;
    emit targetFinished(result);
    emit progress(done, int(m_targets.size()));
}

bool FleetRunner::checkIdentities()
{
    const int n = int(m_targets.size());
    QList<std::optional<DatabaseIdentity>> identities(n);
    QList<Error> errors(n);
    QList<int> all(n);
    std::iota(all.begin(), all.end(), 0);
    pool(
        all,
        [&](int i) {
            Result<DatabaseIdentity> identity
                = FleetTargetRun::identify(m_targets.at(i), m_options);
            if (identity)
                identities[i] = identity.take();
            else
                errors[i] = identity.error();
        },
        [&] { return m_cancelled.load(); });
    QHash<QString, int> seen;
    QStringList same;
    for (int i = 0; i < n; ++i) {
        if (!identities[i]) {
            if (errors[i].isSet())
                m_unreachable << i;
            QMutexLocker lock(&m_mutex);
            m_summary.results[i].error = errors[i];
            continue;
        }
        // the server's start time too: a promoted copy shares the cluster's identifier
        const QString key = identities[i]->systemIdentifier + u'\n' + identities[i]->database
            + u'\n' + identities[i]->serverStart;
        if (const auto it = seen.constFind(key); it != seen.cend()) {
            const FleetTarget &a = m_targets.at(*it);
            const FleetTarget &b = m_targets.at(i);
            //: %1/%2 target and where it is (file:line), %3/%4 the other, %5 the database
            same << tr("%1 (%2) and %3 (%4) are the same database: %5")
                        .arg(a.name, QStringLiteral("%1:%2").arg(a.sourceFile).arg(a.line), b.name,
                             QStringLiteral("%1:%2").arg(b.sourceFile).arg(b.line),
                             identities[i]->describe());
            continue;
        }
        seen.insert(key, i);
    }
    if (same.isEmpty())
        return true;
    QMutexLocker lock(&m_mutex);
    m_summary.refusal = tr("nothing run: two names for one database would run it twice:\n  %1")
                            .arg(same.join(QStringLiteral("\n  ")));
    return false;
}

void FleetRunner::runOne(int index)
{
    const FleetTarget &target = m_targets.at(index);
    if (m_unreachable.contains(index)) {
        FleetTargetResult r;
        {
            QMutexLocker lock(&m_mutex);
            r = m_summary.results[index];
        }
        r.state = FleetTargetResult::State::Unreachable;
        record(index, r);
        return;
    }
    emit targetStarted(target.name);
    FleetTargetRun run(target, m_options, m_migrations, m_expected.get());
    {
        QMutexLocker lock(&m_mutex);
        m_running.insert(&run);
        if (m_cancelled)
            run.cancel();
    }
    const FleetTargetResult r = run.run();
    {
        QMutexLocker lock(&m_mutex);
        m_running.remove(&run);
    }
    record(index, r);
}

void FleetRunner::run()
{
    QElapsedTimer timer;
    timer.start();
    prepareRun();
    Error notStarted = checkIdentities()
        ? runPhases()
        : Error(ErrorCode::Refused, tr("not started: the run was refused"));
    if (!notStarted.isSet())
        notStarted = Error(ErrorCode::Cancelled, tr("not started: cancelled"));
    skipNotStarted(notStarted, timer);
}

void FleetRunner::prepareRun()
{
    const int n = int(m_targets.size());
    {
        QMutexLocker lock(&m_mutex);
        m_summary = {};
        m_summary.command = FleetOptions::commandName(m_options.command);
        m_finished = QList<bool>(n, false);
        m_running.clear();
        for (const FleetTarget &t : std::as_const(m_targets)) {
            FleetTargetResult r;
            r.name = t.name;
            r.wave = t.wave;
            m_summary.results << r;
        }
    }
    m_unreachable.clear();
    m_failures = 0;
    m_done = 0;
    if (m_options.command == FleetOptions::Command::Drift) {
        m_expected = std::make_unique<FleetExpectedSchemas>(
            m_sandbox ? m_sandbox->rootDir() : m_options.sandboxDir, m_migrations);
    }
}

Error FleetRunner::runPhases()
{
    Error notStarted;
    const int n = int(m_targets.size());
    // the canary targets first, then wave by wave (a wave's targets are contiguous)
    QList<QList<int>> phases;
    const int canary = std::clamp(m_options.canary, 0, n);
    if (canary > 0) {
        QList<int> first(canary);
        std::iota(first.begin(), first.end(), 0);
        phases << first;
    }
    for (int i = canary; i < n; ++i) {
        if (i == canary || m_targets.at(i).wave != m_targets.at(i - 1).wave)
            phases << QList<int>{};
        phases.last() << i;
    }
    const auto stop = [this] { return m_cancelled.load() || budgetSpent(); };
    for (int p = 0; p < phases.size(); ++p) {
        if (stop())
            break;
        pool(
            phases[p], [this](int i) { runOne(i); }, stop);
        if (p == 0 && canary > 0) {
            notStarted = canaryFailed(canary);
            if (notStarted.isSet())
                phases.resize(1);
        }
    }
    if (!m_cancelled && budgetSpent())
        notStarted = Error(
            ErrorCode::Refused,
            tr("not started: %n target(s) failed (--max-failures)", nullptr, m_failures.load()),
            {{QStringLiteral("failed"), m_failures.load()}});
    return notStarted;
}

Error FleetRunner::canaryFailed(int canary)
{
    QMutexLocker lock(&m_mutex);
    for (int i = 0; i < canary; ++i) {
        const auto s = m_summary.results[i].state;
        // a standby canary of up/down applied nothing: it proved nothing
        if (s == FleetTargetResult::State::Failed || s == FleetTargetResult::State::Unreachable
            || s == FleetTargetResult::State::Skipped
            || (s == FleetTargetResult::State::Standby && m_options.writes())) {
            return Error(ErrorCode::Refused,
                         tr("not started: canary %1 did not succeed").arg(m_targets.at(i).name),
                         {{QStringLiteral("canary"), m_targets.at(i).name}});
        }
    }
    return {};
}

void FleetRunner::skipNotStarted(const Error &notStarted, const QElapsedTimer &timer)
{
    const int n = int(m_targets.size());
    QList<FleetTargetResult> skipped;
    {
        QMutexLocker lock(&m_mutex);
        m_summary.cancelled = m_cancelled.load();
        for (int i = 0; i < n; ++i) {
            if (m_finished[i])
                continue;
            FleetTargetResult &r = m_summary.results[i];
            r.state = FleetTargetResult::State::Skipped;
            if (!r.error.isSet() || !m_unreachable.contains(i))
                r.error = notStarted;
            skipped << r;
        }
        m_summary.durationMs = timer.elapsed();
    }
    for (const FleetTargetResult &r : std::as_const(skipped))
        emit targetFinished(r);
    emit progress(n, n);
}

void FleetRunner::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    for (FleetTargetRun *run : std::as_const(m_running))
        run->cancel();
}

FleetSummary FleetRunner::summary() const
{
    QMutexLocker lock(&m_mutex);
    return m_summary;
}

int FleetRunner::expectedSchemasBuilt() const
{
    return m_expected ? m_expected->built() : 0;
}

} // namespace uaip
