#include "fleettargetrun.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "db/sessioncanceller.h"
#include "db/sqlresource.h"
#include "fleetexpectedschemas.h"
#include "forecast/lockforecastformat.h"
#include "foreign/foreignhistorytables.h"
#include "insights/workloadrunobserver.h"
#include "live/batchwalkgate.h"
#include "live/blockingworkgate.h"
#include "live/contractgate.h"
#include "live/planforecastreader.h"
#include "migrate/migrationplanner.h"
#include "migrate/migrationrunner.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace uaip {

namespace {

constexpr int kCancelGraceMs = 5000;

// The target's run is one unit of work for its canceller: a cancel between two commands
// cancels the next.
struct CancellerWork
{
    SessionCanceller &canceller;
    explicit CancellerWork(SessionCanceller &c)
        : canceller(c)
    {
        canceller.beginWork();
    }
    ~CancellerWork() { canceller.endWork(); }
};

MigrationRunner::Options migrationRunOptions(const FleetOptions &options)
{
    MigrationRunner::Options runnerOptions;
    runnerOptions.observer = std::make_shared<WorkloadRunObserver>();
    runnerOptions.client = options.client;
    runnerOptions.lockWaitMs = options.lockWaitMs;
    runnerOptions.lockTimeoutMs = options.lockTimeoutMs;
    runnerOptions.lockAttemptMs = options.lockAttemptMs;
    runnerOptions.maxBlockingRows = options.maxBlockingRows;
    runnerOptions.statementTimeoutMs = options.statementTimeoutMs;
    runnerOptions.singleTransaction = options.singleTransaction;
    return runnerOptions;
}

// A failed run (up or down) as the target's error: RunResult::error() (the code up reports, the
// server's PgError where the server spoke, where it failed as args "path", "line", "column"),
// its words after the failure's place as a run says them (MigrationFailure::describe), and a
// refused plan's problems after its words.
Error runError(const RunResult &result)
{
    const Error e = result.error();
    if (result.failure && e.server())
        return e.in(result.failure->location());
    if (result.problems.isEmpty())
        return e;
    const Error said(e.code(), e.text() + u'\n' + result.problems.join(u'\n'), e.args());
    return e.server() ? said.saidBy(*e.server()) : said;
}

} // namespace

FleetTargetRun::FleetTargetRun(const FleetTarget &target, const FleetOptions &options,
                               const QList<Migration> &migrations, FleetExpectedSchemas *expected)
    : m_target(target)
    , m_options(options)
    , m_migrations(migrations)
    , m_expected(expected)
{ }

FleetTargetRun::~FleetTargetRun() = default;

Result<DatabaseIdentity> FleetTargetRun::identify(const FleetTarget &target,
                                                  const FleetOptions &options)
{
    PgConnection connection;
    if (!connection.open(target.conninfo, options.applicationName))
        return Error(ErrorCode::Connection, connection.connectionError(),
                     {{QStringLiteral("name"), target.name}});
    const PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("fleet/sql/fleet_identity.sql")));
    DatabaseIdentity identity;
    if (r.ok() && r.rows() == 1) {
        identity.systemIdentifier = r.value(0, "system_identifier");
        identity.database = r.value(0, "database");
        identity.serverStart = r.value(0, "server_start");
        if (r.value(0, "in_recovery") == QLatin1String("true"))
            identity.systemIdentifier
                += QStringLiteral(" (standby %1:%2)").arg(connection.host(), connection.port());
    } else {
        // pg_control_system() refused (some managed services): the server's address stands in
        identity.systemIdentifier
            = QStringLiteral("server %1:%2").arg(connection.host(), connection.port());
        const PgResult db = connection.exec("SELECT current_database()");
        // never the conninfo: a profile group's carries its password
        identity.database = db.ok() && db.rows() == 1 ? db.value(0, 0) : connection.database();
    }
    return identity;
}

void FleetTargetRun::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    if (m_runner)
        m_runner->requestStop();
    if (m_canceller)
        m_canceller->cancel();
}

void FleetTargetRun::readLevels(const QList<MigrationStatus> &statuses, FleetTargetResult &r) const
{
    r.appliedVersions.clear();
    r.pendingVersions.clear();
    r.appliedLevel.clear();
    r.failedVersion.clear();
    for (const MigrationStatus &s : statuses) {
        if (s.state == MigrationState::Pending)
            r.pendingVersions << s.version;
        else if (s.state == MigrationState::Failed)
            r.failedVersion = s.version;
        if (s.isApplied() && s.state != MigrationState::Failed) {
            r.appliedVersions << s.version;
            if (s.parsedVersion && s.state != MigrationState::Missing)
                r.appliedLevel = s.version;
        }
    }
    r.pending = int(r.pendingVersions.size());
}

FleetTargetResult FleetTargetRun::run()
{
    QElapsedTimer timer;
    timer.start();
    FleetTargetResult r;
    r.name = m_target.name;
    r.wave = m_target.wave;
    auto finish = [&](FleetTargetResult::State state) {
        r.state = state;
        r.durationMs = timer.elapsed();
        return r;
    };
    if (m_cancelled)
        return finish(FleetTargetResult::State::Skipped);
    PgConnection connection;
    if (!connection.open(m_target.conninfo, m_options.applicationName)) {
        r.error = Error(ErrorCode::Connection, connection.connectionError(),
                        {{QStringLiteral("name"), m_target.name}});
        return finish(FleetTargetResult::State::Unreachable);
    }
    connection.setCancelGraceMs(kCancelGraceMs);
    {
        QMutexLocker lock(&m_mutex);
        m_canceller = connection.canceller();
    }
    struct Detach
    {
        FleetTargetRun *run;
        ~Detach()
        {
            QMutexLocker lock(&run->m_mutex);
            run->m_runner = nullptr;
            run->m_canceller.reset();
        }
    } detach{this};
    CancellerWork work(*m_canceller);

    const auto topology = ServerTopology::read(connection);
    if (!topology) {
        r.error = topology.error();
        return finish(FleetTargetResult::State::Failed);
    }
    MigrationRunner runner(connection, m_migrations, migrationRunOptions(m_options));
    {
        QMutexLocker lock(&m_mutex);
        m_runner = &runner;
        if (m_cancelled)
            runner.requestStop();
    }
    // the one status read every target costs (an up-to-date target costs nothing more)
    const auto statuses = runner.status();
    if (!statuses) {
        r.error = statuses.error().in(tr("cannot read the ledger"));
        return finish(FleetTargetResult::State::Failed);
    }
    readLevels(statuses.value(), r);
    return finish(runCommand(connection, runner, topology.value(), statuses.value(), r));
}

FleetTargetResult::State FleetTargetRun::runCommand(PgConnection &connection,
                                                    MigrationRunner &runner,
                                                    const ServerTopology &topology,
                                                    const QList<MigrationStatus> &statuses,
                                                    FleetTargetResult &r)
{
    const bool standby = topology.inRecovery;
    switch (m_options.command) {
    case FleetOptions::Command::Status: {
        // what single-database status counts as needing attention: modified, failed, missing
        QStringList blockers = MigrationPlanner::blockers(statuses);
        for (const QString &b : MigrationPlanner::upBlockers(statuses, true))
            if (!blockers.contains(b))
                blockers << b;
        if (standby)
            return FleetTargetResult::State::Standby;
        if (!blockers.isEmpty()) {
            // the ledger and the folder disagree: modified, failed or missing migrations
            r.error = Error(ErrorCode::Conflict, blockers.join(u'\n'));
            return FleetTargetResult::State::Attention;
        }
        return r.pending > 0 ? FleetTargetResult::State::Pending
                             : FleetTargetResult::State::UpToDate;
    }
    case FleetOptions::Command::Up:
    case FleetOptions::Command::Down:
        // a dry run says what the real run would: a standby is never written, and a database
        // whose transactions are read-only by default cannot take the ledger's writes
        if (standby) {
            r.error = Error(ErrorCode::Refused, topology.writeRefusal());
            return FleetTargetResult::State::Standby;
        }
        if (m_options.dryRun && topology.defaultReadOnly) {
            r.error = Error(ErrorCode::Refused,
                            tr("default_transaction_read_only is on for this session: the run "
                               "could not write its ledger; nothing would be run"));
            return FleetTargetResult::State::Failed;
        }
        if (m_options.command == FleetOptions::Command::Up)
            runUp(connection, runner, statuses, r);
        else
            runDown(runner, statuses, r);
        return r.state;
    case FleetOptions::Command::Drift:
        runDrift(connection, r);
        return r.state;
    }
    return FleetTargetResult::State::Failed;
}

void FleetTargetRun::runUp(PgConnection &connection, MigrationRunner &runner,
                           const QList<MigrationStatus> &statuses, FleetTargetResult &r)
{
    std::optional<MigrationVersion> to; // none: all (an empty --to is no version)
    if (const auto v = MigrationVersion::parse(m_options.toVersion))
        to = *v;
    const QStringList blockers
        = MigrationPlanner::blockers(statuses) + MigrationPlanner::upBlockers(statuses, false);
    if (!blockers.isEmpty()) {
        r.error = Error(ErrorCode::Refused,
                        tr("up refuses to run: %1").arg(blockers.join(QStringLiteral("; "))));
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    const QList<MigrationStatus> plan = MigrationPlanner::planUp(statuses, to);
    if (plan.isEmpty()) {
        r.state = FleetTargetResult::State::UpToDate;
        return;
    }
    if (m_options.dryRun) {
        forecastUp(connection, plan, r);
        return;
    }
    const RunResult result = runner.up(to);
    for (const RunStep &s : result.steps)
        if (s.ok && s.action == QLatin1String("apply"))
            r.applied << s.version;
    for (const QString &v : std::as_const(r.applied)) {
        r.pendingVersions.removeAll(v);
        r.appliedVersions << v;
        r.appliedLevel = v;
    }
    r.pending = int(r.pendingVersions.size());
    r.lockAttempts = result.lockAttempts;
    r.backfills = result.backfills;
    if (result.ok()) {
        r.state = r.applied.isEmpty() ? FleetTargetResult::State::UpToDate
                                      : FleetTargetResult::State::Applied;
        return;
    }
    // a cancelled run is a failed one: the engine left the database as it leaves any
    r.state = FleetTargetResult::State::Failed;
    r.error = runError(result);
    if (result.failure)
        r.failedVersion = result.failure->version;
}

void FleetTargetRun::forecastUp(PgConnection &connection, const QList<MigrationStatus> &plan,
                                FleetTargetResult &r) const
{
    const PlanForecast forecast
        = PlanForecastReader::read(connection, plan, true, PlanForecastReader::Reading::Everything);
    for (const PlanForecast::Script &s : forecast.scripts) {
        r.forecastLines << LockForecastFormat::commentLines(s.file, s.statements, forecast.sizes,
                                                            forecast.heldBy);
        r.forecast << QJsonObject{
            {QStringLiteral("migration"), s.migration},
            {QStringLiteral("file"), s.file},
            {QStringLiteral("statements"),
             LockForecastFormat::json(s.statements, forecast.sizes, forecast.heldBy)}};
    }
    RunResult refused;
    if (BlockingWorkGate::refuse(refused, forecast, true, m_options.maxBlockingRows)
        || BatchWalkGate::refuse(refused, connection, plan, true)
        || ContractGate::refuse(refused, connection, plan, QString(),
                                [&r](const QString &line) { r.forecastLines << line; })) {
        r.state = FleetTargetResult::State::Failed;
        r.error = Error(ErrorCode::Refused, refused.message + u'\n' + refused.problems.join(u'\n'));
        return;
    }
    if (forecast.error.isSet())
        r.forecastLines << tr("warning: the tables' sizes could not be read: %1")
                               .arg(forecast.error.toString());
    r.state = FleetTargetResult::State::Pending;
}

void FleetTargetRun::runDown(MigrationRunner &runner, const QList<MigrationStatus> &statuses,
                             FleetTargetResult &r)
{
    const QStringList blockers = MigrationPlanner::blockers(statuses);
    if (!blockers.isEmpty()) {
        r.error = Error(ErrorCode::Refused,
                        tr("down refuses to run: %1").arg(blockers.join(QStringLiteral("; "))));
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    const auto plan = MigrationPlanner::planDown(statuses, m_options.down);
    if (!plan) {
        r.error = plan.error();
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    if (plan->isEmpty()) {
        r.state = FleetTargetResult::State::UpToDate;
        return;
    }
    if (m_options.dryRun) {
        r.state = FleetTargetResult::State::Pending;
        return;
    }
    const RunResult result = runner.down(m_options.down);
    for (const RunStep &s : result.steps)
        if (s.ok && s.action == QLatin1String("rollback"))
            r.applied << s.version;
    const auto after = runner.status();
    if (after)
        readLevels(after.value(), r);
    r.lockAttempts = result.lockAttempts;
    r.backfills = result.backfills;
    if (result.ok()) {
        r.state = FleetTargetResult::State::Applied;
        return;
    }
    r.state = FleetTargetResult::State::Failed;
    r.error = runError(result);
    if (result.failure)
        r.failedVersion = result.failure->version;
}

void FleetTargetRun::runDrift(PgConnection &connection, FleetTargetResult &r)
{
    if (!m_expected) {
        r.error = Error(ErrorCode::NotFound, tr("no sandbox for the expected schema"));
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    const Result<SchemaSnapshot> expected
        = m_expected->at(r.appliedLevel, connection.serverVersion() / 10000);
    if (!expected) {
        r.error = expected.error();
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    auto toolTables = ForeignHistoryTables::read(connection, m_options.toolTable);
    const auto actual = toolTables ? toolTables->snapshot(connection, &expected.value())
                                   : Result<SchemaSnapshot>(toolTables.error());
    if (!actual) {
        r.error = actual.error();
        r.state = FleetTargetResult::State::Failed;
        return;
    }
    for (const auto &d : expected->diff(*actual))
        r.driftedObjects << d.headline();
    r.leftOut = toolTables->notes();
    r.state = r.driftedObjects.isEmpty() ? FleetTargetResult::State::UpToDate
                                         : FleetTargetResult::State::Drifted;
}

} // namespace uaip
