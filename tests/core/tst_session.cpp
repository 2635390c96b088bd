// Session (QSqlDatabase on the project's driver + libpq on the same connection) and
// SessionWorker/Job against the real sandbox.
// (QSignalSpy::wait misses a signal emitted on another thread before it starts waiting:
// the tests wait for the spy's count instead.)
#include "browse/catalogreader.h"
#include "db/databaseidentity.h"
#include "db/pgconnection.h"
#include "db/pgcopy.h"
#include "db/session.h"
#include "db/sessioncanceller.h"
#include "db/transaction.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "sessiontestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <functional>
#include <memory>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

// Sends SIGCONT to a backend stopped with SIGSTOP when it goes out of scope.
struct Continue
{
    int pid;
    ~Continue() { ::kill(pid, SIGCONT); }
};

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void neverOpensAnIncompleteSpec()
    {
        TestDatabase db;
        SessionSpec unknownPassword = specFor(db);
        unknownPassword.password.reset();
        const QStringList before = QSqlDatabase::connectionNames();
        Session session(unknownPassword);
        const Status s = session.open();
        QVERIFY(!s.ok());
        // refused before connecting (the profile is valid: the unknown password is the reason),
        // not a server's or libpq's refusal
        QCOMPARE(s.error().code(), ErrorCode::BadInput);
        QVERIFY2(!s.error().server(), qPrintable(s.error().toString()));
        QCOMPARE(QSqlDatabase::connectionNames(), before);

        SessionSpec noDatabase = specFor(db);
        noDatabase.profile.database.clear();
        Session empty(noDatabase);
        QVERIFY(!empty.open().ok());
        QCOMPARE(QSqlDatabase::connectionNames(), before);

        // A worker without a complete spec runs its job with a clear error, not PG* defaults.
        SessionWorker worker(unknownPassword, QStringLiteral("t"));
        auto *job = sqlJob("SELECT 1");
        const auto end = watchEnd(job);
        worker.post(job);
        QVERIFY(QTest::qWaitFor([&] { return end->finished; }, 30000));
        QCOMPARE(end->ok, false);
        QCOMPARE(end->error.code(), ErrorCode::BadInput);
        QVERIFY2(!end->error.server(), qPrintable(end->error.toString()));
    }

    void copyAfterAQueryAndAQueryAfterCopy()
    {
        TestDatabase db;
        db.scalar("CREATE TABLE t (n int, s text)");
        Session session(specFor(db));
        QVERIFY(opened(session));
        {
            // A forward-only query left unfinished in the middle of its rows.
            QSqlQuery q(session.database());
            q.setForwardOnly(true);
            QVERIFY(q.exec(QStringLiteral("SELECT g FROM generate_series(1, 100000) g")));
            QVERIFY(q.next());
            PgConnection &pg = session.pg();
            QVERIFY2(pg.exec("COPY t FROM STDIN").status() == PgResult::Status::CopyIn,
                     qPrintable(pg.connectionError()));
            QVERIFY(PgCopy::put(pg, "1\tone\n2\ttwo\n"));
            QVERIFY(PgCopy::end(pg).ok());
        }
        QSqlQuery after(session.database());
        QVERIFY2(
            after.exec(QStringLiteral("SELECT count(*), string_agg(s, ',' ORDER BY n) FROM t")),
            qPrintable(after.lastError().text()));
        QVERIFY(after.next());
        QCOMPARE(after.value(0).toInt(), 2);
        QCOMPARE(after.value(1).toString(), QStringLiteral("one,two"));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("2"));
    }

    void jsonbQuestionMarkOperatorsWorkThroughLibpq()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        // A prepared QSqlQuery would take ? for a placeholder; bound libpq parameters do not.
        PgResult r = session.pg().exec("SELECT $1::jsonb ? 'a', $1::jsonb ?| ARRAY['x','b'], "
                                       "$1::jsonb ?& ARRAY['a','b']",
                                       {QStringLiteral("{\"a\": 1, \"b\": \"?\"}")});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value(0, 0), QStringLiteral("t"));
        QCOMPARE(r.value(0, 1), QStringLiteral("t"));
        QCOMPARE(r.value(0, 2), QStringLiteral("t"));
    }

    void readOnlyProfilesAreReadOnlyAtTheServer()
    {
        TestDatabase db;
        db.scalar("CREATE TABLE t (n int)");
        db.scalar("INSERT INTO t VALUES (0)");
        SessionSpec spec = specFor(db);
        spec.profile.readOnly = true;
        Session session(spec);
        QVERIFY(opened(session));
        PgResult insert = session.pg().exec("INSERT INTO t VALUES ($1)", {1});
        QVERIFY(!insert.ok());
        QCOMPARE(insert.error().sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        QSqlQuery q(session.database());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM t")));
        // A write hidden in a function called from a "read" (the free WHERE path) fails too.
        db.scalar("CREATE FUNCTION sneaky() RETURNS boolean LANGUAGE sql AS "
                  "'INSERT INTO t VALUES (2) RETURNING true'");
        PgResult where = session.pg().exec("SELECT * FROM t WHERE sneaky()");
        QVERIFY(!where.ok());
        QCOMPARE(where.error().sqlState, QStringLiteral("25006"));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void noticesDoNotPileUp()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        QVERIFY(session.database().isOpen()); // the QSqlDatabase over the same connection
        PgResult r = session.pg().execScript(
            "DO $$ BEGIN FOR i IN 1..5000 LOOP RAISE NOTICE 'n %', i; END LOOP; END $$");
        QVERIFY(r.ok());
        QCOMPARE(session.pg().notices().dropped(), qint64(5000 - PgNotices::kMax));
        const QStringList kept = session.pg().notices().take();
        QCOMPARE(kept.size(), PgNotices::kMax);
        QVERIFY(kept.last().endsWith(QStringLiteral("n 5000")));
        // take() empties the buffer and its count of drops
        QCOMPARE(session.pg().notices().dropped(), qint64(0));
        QVERIFY(session.pg().notices().take().isEmpty());
    }

    void transactionGuardRollsBackAndChecksTheCommitStatus()
    {
        TestDatabase db;
        db.scalar("CREATE TABLE t (n int PRIMARY KEY)");
        Session session(specFor(db));
        QVERIFY(opened(session));
        PgConnection &pg = session.pg();
        {
            Transaction tx(pg);
            QVERIFY(tx.begin().ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        } // out of scope uncommitted: rolled back
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        {
            Transaction tx(pg);
            TransactionOptions withId;
            withId.takeId = true;
            QVERIFY(tx.begin(withId).ok());
            QVERIFY(tx.transactionId() > 0);
            QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
            QVERIFY(!pg.exec("INSERT INTO t VALUES (1)").ok()); // the transaction fails
            const Status commit = tx.commit(); // the server answers COMMIT with ROLLBACK
            QVERIFY(!commit.ok());
            QCOMPARE(commit.error().code(), ErrorCode::Conflict);
            QCOMPARE(commit.error().arg(QStringLiteral("answer")).toString(),
                     QStringLiteral("ROLLBACK"));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        {
            Transaction tx(pg);
            QVERIFY(tx.begin().ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (2)").ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void workerRunsJobsInOrderOnOneSession()
    {
        TestDatabase db;
        SessionWorker worker(specFor(db), QStringLiteral("t"));
        QList<int> pids;
        QList<Job *> jobs;
        for (int i = 0; i < 3; ++i) {
            auto *job = new FunctionJob(QStringLiteral("pid"), [&pids](JobContext &c) {
                pids << c.session().value()->backendPid();
                return Result<QString>(QString());
            });
            jobs << job;
        }
        QSignalSpy last(jobs.last(), &Job::finished);
        for (Job *j : jobs)
            worker.post(j);
        QVERIFY(QTest::qWaitFor([&] { return !last.isEmpty(); }, 30000));
        QCOMPARE(pids.size(), 3);
        QCOMPARE(pids[0], pids[2]);
        QCOMPARE(worker.backendPid(), pids[0]);
        QVERIFY(QSqlDatabase::connectionNames().contains(worker.connectionName()));
    }

    // No cancel hook outlives its connection: cancel before, during and after each phase
    // (run under ASan in CI).
    void cancelInEveryPhaseOfAJob()
    {
        TestDatabase db;
        auto worker = std::make_unique<SessionWorker>(specFor(db), QStringLiteral("t"));
        // Queued behind a running job: cancelled before it runs.
        auto *sleeper = sqlJob("SELECT pg_sleep(30)");
        auto *queued = sqlJob("SELECT 1");
        const auto sleeperEnd = watchEnd(sleeper);
        const auto queuedEnd = watchEnd(queued);
        QSignalSpy sleeperStarted(sleeper, &Job::started);
        worker->post(sleeper);
        worker->post(queued);
        queued->cancel();
        QVERIFY(QTest::qWaitFor([&] { return !sleeperStarted.isEmpty(); }, 30000));
        // the command runs on the server
        QTRY_COMPARE_WITH_TIMEOUT(activeQueries(db, "SELECT pg_sleep(30)"), 1, 30000);
        sleeper->cancel(); // during the command (that it never blocks: the stopped-server case)
        QVERIFY(QTest::qWaitFor([&] { return sleeperEnd->finished; }, 30000));
        QCOMPARE(sleeperEnd->ok, false);
        QCOMPARE(sleeperEnd->error.sqlState(), QStringLiteral("57014")); // query_canceled
        QVERIFY(QTest::qWaitFor([&] { return queuedEnd->finished; }, 30000));
        QCOMPARE(queuedEnd->error.code(), ErrorCode::Cancelled); // never ran

        // Cancel while the job opens its session, repeatedly, then retire mid-command.
        for (int i = 0; i < 20; ++i) {
            auto w = std::make_unique<SessionWorker>(specFor(db), QStringLiteral("t"));
            auto *job = sqlJob("SELECT pg_sleep(0.01)");
            QPointer<Job> guard(job);
            w->post(job);
            QTest::qWait(i % 5);
            if (guard)
                guard->cancel();
            if (i % 2)
                w.reset(); // retired at once, whatever the job is doing
            else
                QTRY_VERIFY(!guard || guard->isFinished());
        }
        auto *late = sqlJob("SELECT pg_sleep(30)");
        QSignalSpy lateStarted(late, &Job::started);
        QPointer<Job> lateGuard(late);
        worker->post(late);
        QVERIFY(QTest::qWaitFor([&] { return !lateStarted.isEmpty(); }, 30000));
        QTRY_COMPARE_WITH_TIMEOUT(activeQueries(db, "SELECT pg_sleep(30)"), 1, 30000);
        // Retire during a command: returns at once. Its backend stopped (SIGSTOP), the command
        // cannot end before SIGCONT or the 10 s grace period: had the retirement waited for the
        // job, the job would be finished when it returns.
        const int latePid = db.scalar("SELECT pid FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND query = 'SELECT pg_sleep(30)' "
                                      "AND pid <> pg_backend_pid()")
                                .toInt();
        QVERIFY(latePid > 0);
        QCOMPARE(::kill(latePid, SIGSTOP), 0);
        {
            const Continue resume{latePid};
            worker.reset();
            QVERIFY(lateGuard && !lateGuard->isFinished());
        }
        QTRY_VERIFY_WITH_TIMEOUT(lateGuard.isNull(), 20000); // it ended and was deleted
        QVERIFY(SessionWorker::waitForAll(10000));
    }

    // A cancel asked for once its statement has ended never reaches the next statement (as one
    // did in a fresh-Debian CI run, where a new range's query was cancelled by the cancel meant
    // for the old one): a cancel is bound to the command that ran when it was asked for, and a
    // command waits for the requests under way before it is sent. From another thread, racing
    // the statements' ends.
    void aCancelThatMissesItsWorkNeverHitsTheNextStatement()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_session")));
        std::shared_ptr<SessionCanceller> canceller = c.canceller();
        int hit = 0;
        for (int i = 0; i < 20; ++i) {
            QVERIFY(c.exec("SELECT 1").ok());
            canceller->cancel(); // too late for SELECT 1
            const PgResult next = c.exec("SELECT pg_sleep(0.05)");
            if (!next.ok()) {
                QCOMPARE(next.error().sqlState, QStringLiteral("57014"));
                ++hit;
            }
        }
        QCOMPARE(hit, 0);
        // and one asked for while the statement runs cancels it, from another thread
        std::atomic_bool stop{false};
        std::thread racer([&] {
            while (!stop.load())
                canceller->cancel();
        });
        const PgResult cancelled = c.exec("SELECT pg_sleep(30)");
        stop = true;
        racer.join();
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().sqlState, QStringLiteral("57014"));
        QVERIFY(!canceller->wasCut());
        QVERIFY(c.exec("SELECT 1").ok()); // the session goes on
        // Within a unit of work (a job), a cancel between two commands cancels the next one,
        // once: the commands after it (a ROLLBACK, an unlock) run.
        canceller->beginWork();
        QVERIFY(c.exec("SELECT 1").ok());
        canceller->cancel();
        const PgResult next = c.exec("SELECT pg_sleep(30)");
        QVERIFY(!next.ok());
        QCOMPARE(next.error().sqlState, QStringLiteral("57014"));
        QVERIFY(c.exec("SELECT pg_sleep(0.05)").ok());
        canceller->endWork();
        canceller->cancel(); // outside the work: nothing to cancel, nothing kept
        QVERIFY(c.exec("SELECT pg_sleep(0.05)").ok());
    }

    // A COPY whose server stops answering (backend stopped with SIGSTOP) ends once the grace
    // period after the cancel has run out, whichever way its rows go: reading them ends with the
    // lost connection instead of looping on libpq's COPY state, and sending them stops at the
    // server's pace instead of piling every block into libpq's buffer.
    void aCopyAgainstAStoppedServerEndsAfterTheGracePeriod()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE TABLE sink (v text)").ok());
        for (const bool out : {true, false}) {
            PgConnection c;
            QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_session")));
            c.setCancelGraceMs(1000);
            const PgResult started = c.exec(out ? "COPY (SELECT g, repeat('x', 200) FROM "
                                                  "generate_series(1, 50000000) g) TO STDOUT"
                                                : "COPY sink FROM STDIN");
            QCOMPARE(started.status(), out ? PgResult::Status::CopyOut : PgResult::Status::CopyIn);
            QCOMPARE(::kill(c.backendPid(), SIGSTOP), 0);
            const Continue resume{c.backendPid()};
            c.cancel(); // the COPY runs: marked, sent by the next wait
            constexpr int kBlocks = 2000; // 2 GB: never all taken by a stopped server
            int blocks = 0;
            if (out) {
                QByteArray row;
                while (PgCopy::get(c, &row) && blocks < kBlocks * 10000)
                    ++blocks;
                const PgResult end = PgCopy::finishOut(c);
                QVERIFY(!end.ok());
                QVERIFY(end.error().connectionLost); // libpq's own failure: no SQLSTATE made up
                QVERIFY(end.error().sqlState.isEmpty());
            } else {
                const QByteArray block(1 << 20, 'x');
                while (blocks < kBlocks && PgCopy::put(c, block + '\n'))
                    ++blocks;
                QVERIFY2(blocks < kBlocks, "every block was taken while the server was stopped");
                QVERIFY(!PgCopy::end(c).ok());
            }
            QVERIFY(c.canceller()->wasCut());
        }
    }

    // A server that does not answer (backend stopped with SIGSTOP): the cancel returns at once,
    // the job ends with a connection error after the grace period, SIGCONT restores the server.
    // That it ended by the grace period running out, not sooner by something else, is read
    // from the canceller: only the grace period's end cuts the socket (wasCut).
    void cancelAgainstAStoppedServerEndsAfterTheGracePeriod()
    {
        TestDatabase db;
        SessionWorker worker(specFor(db, 1500), QStringLiteral("t"));
        // sqlJob, also noting whether the session's canceller cut the connection
        const auto cut = std::make_shared<std::atomic_int>(-1);
        auto *job = new FunctionJob(QStringLiteral("sql"), [cut](JobContext &c) -> Result<QString> {
            Result<Session *> s = c.session();
            if (!s)
                return s.error();
            PgResult r = s.value()->pg().execScript("SELECT pg_sleep(60)");
            *cut = c.connectionWasCut() ? 1 : 0;
            if (!r.ok())
                return Error(r.error());
            return QString();
        });
        QSignalSpy started(job, &Job::started);
        const auto end = watchEnd(job);
        worker.post(job);
        QVERIFY(QTest::qWaitFor([&] { return !started.isEmpty(); }, 30000));
        QTRY_VERIFY(worker.backendPid() != 0);
        const int pid = worker.backendPid();
        // the command runs on the server before its backend stops
        QTRY_COMPARE_WITH_TIMEOUT(activeQueries(db, "SELECT pg_sleep(60)"), 1, 30000);
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        job->cancel();
        // It never blocks the caller: the job cannot end before SIGCONT or the grace period,
        // so a cancel that waited for it would return with the job finished.
        QVERIFY(!job->isFinished());
        // The GUI thread keeps running meanwhile (this wait processes events).
        const bool ended = QTest::qWaitFor([&] { return end->finished; }, 20000);
        ::kill(pid, SIGCONT);
        QVERIFY(ended);
        QCOMPARE(end->ok, false);
        QCOMPARE(end->error.code(), ErrorCode::Connection);
        QVERIFY2(!end->error.server() && end->error.arg(QStringLiteral("connection_lost")).toBool(),
                 qPrintable(end->error.toString()));
        // the connection error is the canceller's cut at the end of the grace period
        QCOMPARE(cut->load(), 1);
        // The next job gets a new session.
        auto *next = sqlJob("SELECT 1");
        QSignalSpy nextDone(next, &Job::finished);
        worker.post(next);
        QVERIFY(QTest::qWaitFor([&] { return !nextDone.isEmpty(); }, 10000));
        QVERIFY2(nextDone.at(0).at(0).toBool(), qPrintable(nextDone.at(0).at(1).toString()));
        QVERIFY(worker.backendPid() != pid);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
