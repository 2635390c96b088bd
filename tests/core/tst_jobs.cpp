// The jobs of the GUI on the one async model (Job on a SessionWorker, JobManager) against the
// real sandbox: a cancel in every phase of each job kind ends the job (CI runs this under
// ASan: no cancel hook outlives its connection), and the manager never waits.
#include "connections/connectiontestjob.h"
#include "db/sandbox.h"
#include "db/sessionspec.h"
#include "demo/demodatajob.h"
#include "drift/verifyjob.h"
#include "jobend.h"
#include "jobs/backupjob.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/jobmanager.h"
#include "jobs/sessionworker.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunjob.h"
#include "migrate/migrationstatusjob.h"
#include "migrate/rollbackpreviewjob.h"
#include "migrationfolder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>

using namespace uaip;
using namespace uaip::test;

namespace {

// Sends SIGCONT to a backend stopped with SIGSTOP when it goes out of scope.
struct Continue
{
    pid_t pid;
    ~Continue() { ::kill(pid, SIGCONT); }
};

// Each statement sleeps a little, so a cancel at a few ms lands inside a command.
const QByteArray kSlowUp = "CREATE TABLE a (id int);\nSELECT pg_sleep(0.05);\n"
                           "INSERT INTO a SELECT generate_series(1, 1000);\n";
const QByteArray kSlowDown = "SELECT pg_sleep(0.05);\nDROP TABLE a;\n";
const QByteArray kNextUp = "CREATE TABLE b (id int);\nSELECT pg_sleep(0.05);\n";
const QByteArray kNextDown = "DROP TABLE b;\n";

SessionSpec specOf(const TestDatabase &db)
{
    return SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
}

struct Kind
{
    const char *name;
    bool needsDatabase;
    std::function<Job *(const QList<Migration> &, const QString &scratch)> make;
};

QList<Kind> kinds(const SessionSpec &spec)
{
    MigrationRunner::Options options;
    options.lockWaitMs = 2000;
    return {
        {"status", true,
         [](const QList<Migration> &m, const QString &) { return new MigrationStatusJob(m); }},
        {"preview", true,
         [](const QList<Migration> &m, const QString &) {
             return new RollbackPreviewJob(m, {DownTarget::Kind::All, 0, {}}, 2000);
         }},
        {"up", true,
         [options](const QList<Migration> &m, const QString &) {
             return MigrationRunJob::up(m, std::nullopt, options);
         }},
        {"down", true,
         [options](const QList<Migration> &m, const QString &) {
             return MigrationRunJob::down(m, {DownTarget::Kind::All, 0, {}}, options);
         }},
        {"demo data", true,
         [](const QList<Migration> &, const QString &) { return new DemoDataJob(1000); }},
        {"backup", false,
         [spec](const QList<Migration> &, const QString &dir) {
             return new BackupJob(spec, dir + QStringLiteral("/db.dump"));
         }},
        {"connection test", false,
         [spec](const QList<Migration> &, const QString &) { return new ConnectionTestJob(spec); }},
    };
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private slots:
    // Cancel before the job runs (queued), at once, at a few ms (in connect, in a command,
    // between commands) and after it finished: every job ends, reports finished() once, and
    // the database is whole (no half-applied migration: all of it or none of it).
    void cancelInEveryPhaseOfEachJobKind()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), kSlowUp, kSlowDown);
        f.add(QStringLiteral("0002_b"), kNextUp, kNextDown);
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        QTemporaryDir scratch;
        const SessionSpec spec = specOf(db);
        for (const Kind &kind : kinds(spec)) {
            for (int delay : {-1, 0, 1, 5, 20, 60, 200, 100000}) {
                SessionWorker worker(kind.needsDatabase ? std::optional<SessionSpec>(spec)
                                                        : std::nullopt,
                                     QString::fromLatin1(kind.name));
                if (delay == -1) { // queued behind another job: cancelled before it runs
                    auto *blocker = kind.make(source.migrations(), scratch.path());
                    worker.post(blocker);
                }
                QPointer<Job> job = kind.make(source.migrations(), scratch.path());
                QSignalSpy finished(job.data(), &Job::finished);
                const auto end = watchEnd(job);
                worker.post(job);
                if (delay <= 0)
                    job->cancel();
                else if (delay < 100000)
                    QTimer::singleShot(delay, job.data(), [job] {
                        if (job)
                            job->cancel();
                    });
                QVERIFY2(finished.wait(60000) || !finished.isEmpty(),
                         qPrintable(QStringLiteral("%1 at %2 ms did not finish")
                                        .arg(QLatin1String(kind.name))
                                        .arg(delay)));
                QCOMPARE(finished.size(), 1);
                if (delay <= 0)
                    QCOMPARE(finished.first().at(0).toBool(), false);
                if (delay == -1) { // it never ran: its error says it was cancelled
                    QTRY_VERIFY(end->finished);
                    QCOMPARE(end->error.code(), ErrorCode::Cancelled);
                }
                // a run the cancel stopped says so: never the server's 57014 as a server error
                // (Connection only where the cancel went unanswered and the connection was cut);
                // the other kinds may fail on their own here (demo data: no platform tables)
                const bool run = qstrcmp(kind.name, "up") == 0 || qstrcmp(kind.name, "down") == 0;
                if (run && !finished.first().at(0).toBool()) {
                    QTRY_VERIFY(end->finished);
                    QVERIFY2(end->error.code() == ErrorCode::Cancelled
                                 || end->error.code() == ErrorCode::Connection,
                             qPrintable(QStringLiteral("%1 at %2 ms: %3 (%4)")
                                            .arg(QLatin1String(kind.name))
                                            .arg(delay)
                                            .arg(errorCodeName(end->error.code()),
                                                 end->error.toString())));
                }
                if (job)
                    job->cancel(); // after finished: harmless
                // All of a migration or none of it.
                const QString ledger = db.scalar(
                    "SELECT coalesce((SELECT string_agg(version, ',' ORDER BY version) FROM "
                    "uaip_ledger.uaip_schema_migrations), '') "
                    "FROM (SELECT to_regclass('uaip_ledger.uaip_schema_migrations') t) x "
                    "WHERE t IS NOT NULL");
                const bool hasA
                    = db.scalar("SELECT to_regclass('a') IS NOT NULL") == QLatin1String("t");
                const bool hasB
                    = db.scalar("SELECT to_regclass('b') IS NOT NULL") == QLatin1String("t");
                QCOMPARE(hasA, ledger.contains(QStringLiteral("0001")));
                QCOMPARE(hasB, ledger.contains(QStringLiteral("0002")));
            }
        }
    }

    // What execute() returns is how the job ends: the summary of a success, the Error of a
    // failure (its code and arguments kept, its words the summary).
    void aJobEndsWithWhatItsWorkReturned()
    {
        SessionWorker worker(std::nullopt, QStringLiteral("no database"));
        const auto run = [&worker](FunctionJob::Fn fn) {
            auto *job = new FunctionJob(QStringLiteral("probe"), std::move(fn));
            const auto end = watchEnd(job);
            worker.post(job);
            static_cast<void>(QTest::qWaitFor([&] { return end->finished; }, 20000));
            return *end; // end->finished: whether it ended in time
        };
        const JobEnd done
            = run([](JobContext &) { return Result<QString>(QStringLiteral("3 rows")); });
        QVERIFY(done.finished && done.ok);
        QCOMPARE(done.summary, QStringLiteral("3 rows"));
        QVERIFY(!done.error.isSet());

        const JobEnd refused = run([](JobContext &) -> Result<QString> {
            return Error(ErrorCode::Refused, QStringLiteral("not here"),
                         {{QStringLiteral("table"), QStringLiteral("t")}});
        });
        QVERIFY(refused.finished && !refused.ok);
        QCOMPARE(refused.error.code(), ErrorCode::Refused);
        QCOMPARE(refused.error.arg(QStringLiteral("table")).toString(), QStringLiteral("t"));
        QCOMPARE(refused.summary, refused.error.toString());

        // the worker's own error, passed on as it is
        const JobEnd noSession = run([](JobContext &context) -> Result<QString> {
            const Result<Session *> session = context.session();
            if (!session)
                return session.error();
            return QString();
        });
        QVERIFY(noSession.finished && !noSession.ok);
        QCOMPARE(noSession.error.code(), ErrorCode::Connection);
    }

    // Destroying the manager (closing the window) with a job in a long command returns at
    // once; the job ends cancelled on its own thread, and waitForAll bounds the wait.
    void destroyingTheManagerNeverWaits()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_slow"), "CREATE TABLE s (id int);\nSELECT pg_sleep(30);\n",
              "DROP TABLE s;\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        auto manager = std::make_unique<JobManager>();
        QSignalSpy started(manager.get(), &JobManager::jobStarted);
        QPointer<Job> job = manager->start(
            MigrationRunJob::up(source.migrations(), std::nullopt, MigrationRunner::Options{}),
            specOf(db));
        QCOMPARE(started.size(), 1);
        QCOMPARE(manager->running().size(), 1);
        QSignalSpy finished(job.data(), &Job::finished);
        const QByteArray sleeping = "SELECT pid FROM pg_stat_activity WHERE datname = "
                                    "current_database() AND query LIKE '%pg_sleep(30)%' "
                                    "AND state = 'active' AND pid <> pg_backend_pid()";
        QTRY_VERIFY_WITH_TIMEOUT(!db.scalar(sleeping).isEmpty(), 20000);
        // The run's backend stopped (SIGSTOP), the run cannot end before SIGCONT or its 10 s
        // grace period: a destructor that waited for the job would return with it finished.
        const pid_t pid = pid_t(db.scalar(sleeping).toInt());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        {
            const Continue resume{pid};
            manager.reset();
            QVERIFY(job && !job->isFinished());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(SessionWorker::waitForAll(20000));
        QCOMPARE(db.scalar("SELECT to_regclass('s') IS NULL"), QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
