// The migration engine attacked by a careless or hostile migration author (issue 19): COPY in
// a script, a resume of an edited file, vanished and out-of-order migrations, an empty down.sql,
// session state leaking into the next migration, and
// statements that cannot run inside a transaction block (the runner's lock and the files on
// disk at the ledger write: tst_migrationledgerwrites). Each case ran against the real sandbox
// and showed the defect before its fix.
#include "commitcutproxy.h"
#include "ledger/ledger.h"
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// up() on a thread of its own, bounded: a runner that spins forever fails the test instead
// of hanging it.
std::optional<RunResult> boundedUp(Engine &e)
{
    auto future = std::async(std::launch::async, [&] { return e.runner->up(); });
    if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
        e.runner->cancel();
        e.connection.close(); // ends a client-side loop on the next libpq call
        future.wait();
        return std::nullopt;
    }
    return future.get();
}

} // namespace

class TestMigrationAttacks : public QObject
{
    Q_OBJECT

private slots:
    // Point 1: psql-style COPY ... FROM stdin with inline data up to \. is loaded through the
    // COPY protocol, in a transactional and in a no-transaction script.
    void copyFromStdinWithInlineDataIsLoaded()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE t (a int, b text);\n"
              "COPY t (a, b) FROM stdin;\n"
              "1\tone\n"
              "2\ttwo; not a statement end\n"
              "\\.\n"
              "INSERT INTO t VALUES (3, 'three');\n",
              "DROP TABLE t;\n");
        f.add(QStringLiteral("0002_u"),
              "-- uaip:no-transaction\n"
              "CREATE TABLE u (a int);\n"
              "COPY u FROM stdin;\n"
              "7\n"
              "\\.\n"
              "INSERT INTO u VALUES (8);\n",
              "DROP TABLE u;\n");
        Engine e(f.path(), db.conninfo());
        const std::optional<RunResult> up = boundedUp(e);
        QVERIFY2(up, "up() did not end within 30 s");
        QVERIFY2(up->ok(), qPrintable(describe(*up)));
        QCOMPARE(db.scalar("SELECT string_agg(a || ':' || b, ',' ORDER BY a) FROM t"),
                 QStringLiteral("1:one,2:two; not a statement end,3:three"));
        QCOMPARE(db.scalar("SELECT string_agg(a::text, ',' ORDER BY a) FROM u"),
                 QStringLiteral("7,8"));
        QCOMPARE(ledgerCount(db), 2);
    }

    // Point 1: COPY ... TO stdout, and FROM stdin without inline data, are refused by the plan
    // check with file:line:col; nothing runs, nothing commits.
    void copyWithoutDataOrToStdoutIsRefused_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<int>("line");
        QTest::newRow("to stdout")
            << QByteArray("CREATE TABLE t (a int);\nCOPY t TO stdout;\n") << 2;
        QTest::newRow("from stdin, no data")
            << QByteArray("CREATE TABLE t (a int);\nCOPY t FROM stdin;\n") << 2;
        QTest::newRow("from stdin, no data, no-transaction")
            << QByteArray("-- uaip:no-transaction\nCREATE TABLE t (a int);\nCOPY t FROM STDIN;\n")
            << 3;
    }
    void copyWithoutDataOrToStdoutIsRefused()
    {
        QFETCH(QByteArray, up);
        QFETCH(int, line);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), up, "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        const std::optional<RunResult> r = boundedUp(e);
        QVERIFY2(r, "up() did not end within 30 s");
        QCOMPARE(r->outcome, RunResult::Outcome::BadInput);
        QVERIFY2(mentions(*r, QStringLiteral("0001_t/up.sql:%1:1").arg(line))
                     && mentions(*r, QStringLiteral("COPY")),
                 qPrintable(describe(*r)));
        QVERIFY(!tableExists(db, "t"));
        // a refused plan leaves no trace, not even the ledger's schema
        QCOMPARE(db.scalar("SELECT to_regnamespace('uaip_ledger') IS NULL"), QStringLiteral("t"));
    }

    // Point 2: repair --resume of an edited file is refused: the dirty row keeps the checksum
    // of the file that ran, and the statement index means nothing in another file.
    void resumeRefusesAnEditedFile()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        const QByteArray third = "CREATE INDEX CONCURRENTLY users_bad_idx ON users (nosuch);\n";
        f.add(QStringLiteral("0002_half"),
              "-- uaip:no-transaction\n"
              "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
              "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n"
                  + third);
        {
            Engine e(f.path(), db.conninfo());
            QCOMPARE(e.runner->up().outcome, RunResult::Outcome::Failed);
        }
        // statement 1 edited, statement 3 fixed
        f.add(QStringLiteral("0002_half"),
              "-- uaip:no-transaction\n"
              "CREATE INDEX CONCURRENTLY users_email_lower_idx ON users (lower(email));\n"
              "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n"
              "CREATE INDEX CONCURRENTLY users_good_idx ON users (email, id);\n");
        Engine e(f.path(), db.conninfo());
        const RunResult resume = e.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("0002"))});
        QCOMPARE(resume.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(mentions(resume, QStringLiteral("changed since")), qPrintable(describe(resume)));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("dirty"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'users_good_idx'"),
                 QStringLiteral("0"));
    }

    // Point 3: an applied migration whose folder vanished (renamed) stops up: exit 3, named.
    void aVanishedAppliedMigrationBlocksUp()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_seed"), "INSERT INTO users VALUES (2, 'b@example.org');\n",
              "DELETE FROM users WHERE id = 2;\n");
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up().ok());
        }
        QVERIFY(QDir(f.path()).rename(QStringLiteral("0002_seed"),
                                      QStringLiteral("20240101120000_seed")));
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(mentions(up, QStringLiteral("0002_seed")), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("2"));
        // the decision: forget it (the ledger lets go of the row; nothing runs)
        const RunResult forget = e.runner->repair(
            {RepairChoice::Kind::Forget, *MigrationVersion::parse(QStringLiteral("0002"))});
        QVERIFY2(forget.ok(), qPrintable(describe(forget)));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("0"));
    }

    // Point 4: a pending migration older than the newest applied one is refused unless
    // allowed; a rollback follows the order things were applied, not the versions.
    void outOfOrderIsRefusedUnlessAllowedAndRollsBackInApplyOrder()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0010_posts"), kPostsUp, kPostsDown);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up().ok());
        }
        f.add(QStringLiteral("0003_post_view"), "CREATE VIEW post_ids AS SELECT id FROM posts;\n",
              "DROP VIEW post_ids;\n");
        {
            Engine e(f.path(), db.conninfo());
            const RunResult up = e.runner->up();
            QCOMPARE(up.outcome, RunResult::Outcome::Blocked);
            QVERIFY2(mentions(up, QStringLiteral("0003_post_view"))
                         && mentions(up, QStringLiteral("0010")),
                     qPrintable(describe(up)));
            QVERIFY(!tableExists(db, "post_ids"));
        }
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo()));
        MigrationRunner::Options options{5000, 5000, QStringLiteral("tst"), std::nullopt};
        options.allowOutOfOrder = true;
        MigrationRunner runner(c, source.migrations(), options);
        const RunResult allowed = runner.up();
        QVERIFY2(allowed.ok(), qPrintable(describe(allowed)));
        QVERIFY(tableExists(db, "post_ids"));
        // the newest applied is 0003: one step rolls back 0003, not 0010 (which would need
        // CASCADE through 0003's view)
        const RunResult down = runner.down({});
        QVERIFY2(down.ok(), qPrintable(describe(down)));
        QCOMPARE(down.steps.size(), 1);
        QCOMPARE(down.steps.first().version, QStringLiteral("0003"));
        QVERIFY(!tableExists(db, "post_ids"));
        QVERIFY(tableExists(db, "posts"));
    }

    // Point 5: a down.sql with only comments (what 'new' and diesel write) never "rolls back".
    void aCommentOnlyDownScriptIsRefused()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp,
              "-- write the rollback of 0001_users here\n/* nothing yet */\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        const RunResult down = e.runner->down({});
        QCOMPARE(down.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(mentions(down, QStringLiteral("0001_users/down.sql"))
                     && mentions(down, QStringLiteral("no statement")),
                 qPrintable(describe(down)));
        QVERIFY(tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 1);
    }

    // Points 6 and 11: what the plan check refuses up front, with file:line:col and what to do:
    // a script that would release the runner's advisory lock, and statements that cannot run
    // inside the migration's transaction (also an enum value used after ADD VALUE adds it).
    void refusedByThePlanCheck_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("says");
        const QString lock = QStringLiteral("lock");
        const QString directive = QStringLiteral("-- uaip:no-transaction");
        QTest::newRow("unlock all")
            << QByteArray("CREATE TABLE t (a int);\nSELECT pg_advisory_unlock_all();\n")
            << QStringLiteral("up.sql:2:") << lock;
        QTest::newRow("unlock one, in an expression")
            << QByteArray("CREATE TABLE t (a int);\nSELECT 1 WHERE pg_catalog.pg_advisory_unlock("
                          "1, 2);\n")
            << QStringLiteral("up.sql:2:") << lock;
        QTest::newRow("discard all, no-transaction")
            << QByteArray("-- uaip:no-transaction\nCREATE TABLE t (a int);\nDISCARD ALL;\n")
            << QStringLiteral("up.sql:3:1") << lock;
        QTest::newRow("discard plans") << QByteArray("CREATE TABLE t (a int);\nDISCARD PLANS;\n")
                                       << QStringLiteral("up.sql:2:1") << lock;
        QTest::newRow("index concurrently")
            << QByteArray("CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n")
            << QStringLiteral("up.sql:2:1") << directive;
        QTest::newRow("vacuum") << QByteArray("CREATE TABLE t (a int);\nVACUUM t;\n")
                                << QStringLiteral("up.sql:2:1") << directive;
        QTest::newRow("create database")
            << QByteArray("CREATE TABLE t (a int);\nCREATE DATABASE uaip_never;\n")
            << QStringLiteral("up.sql:2:1") << directive;
        QTest::newRow("add value, then used")
            << QByteArray("CREATE TABLE t (a int);\nCREATE TYPE mood AS ENUM ('ok');\n"
                          "ALTER TYPE mood ADD VALUE 'great';\n"
                          "SELECT 'great'::mood;\n")
            << QStringLiteral("up.sql:4:") << directive;
    }
    void refusedByThePlanCheck()
    {
        QFETCH(QByteArray, up);
        QFETCH(QString, where);
        QFETCH(QString, says);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), up, "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(mentions(r, where) && mentions(r, says), qPrintable(describe(r)));
        QVERIFY(!tableExists(db, "t"));
    }

    // Point 7: what a no-transaction script SETs for its later statements (a role without
    // rights on the ledger, read-only transactions, a tiny statement_timeout) does not stop its
    // progress rows, and still applies to those statements. The timeout is set last: the
    // script's own SELECTs under 1 ms would fail on a loaded machine; the progress rows after
    // it (its own, the run's end) are written under it.
    void noTransactionProgressIsWrittenWhateverTheScriptSets()
    {
        TestDatabase db;
        const QString role = QStringLiteral("tst_no_ledger_%1").arg(db.name());
        PgConnection &w = db.witness();
        QVERIFY(w.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role).toUtf8()).ok());
        QVERIFY(w.exec(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(role).toUtf8()).ok());
        const auto dropRole = qScopeGuard([&] {
            w.exec(QStringLiteral("DROP OWNED BY %1").arg(role).toUtf8());
            w.exec(QStringLiteral("DROP ROLE %1").arg(role).toUtf8());
        });
        MigrationFolder f;
        f.add(QStringLiteral("0001_as_owner"),
              QStringLiteral("-- uaip:no-transaction\n"
                             "SET ROLE %1;\n"
                             "SET default_transaction_read_only = on;\n"
                             "SELECT current_user;\n"
                             "SELECT current_setting('transaction_read_only');\n"
                             "SET statement_timeout = '1ms';\n")
                  .arg(role)
                  .toUtf8(),
              "-- uaip:no-transaction\nSELECT 1;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0001'"),
                 QStringLiteral("applied"));
        QCOMPARE(e.connection.exec("SELECT current_user = session_user").value(0, 0),
                 QStringLiteral("t"));
    }

    // Point 8: temp tables, prepared statements and LISTENs of one migration do not reach the
    // next one run in the same session.
    void sessionStateDoesNotLeakIntoTheNextMigration()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_temp"),
              "CREATE TEMP TABLE staging (a int);\n"
              "INSERT INTO staging VALUES (0);\n"
              "PREPARE getone AS SELECT 1;\n"
              "LISTEN uaip_test_channel;\n",
              "SELECT 1;\n");
        f.add(QStringLiteral("0002_staging"),
              "CREATE TABLE public.staging (a int);\n"
              "INSERT INTO staging VALUES (1), (2), (3);\n"
              "PREPARE getone AS SELECT 2;\n",
              "DROP TABLE public.staging;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM public.staging"), QStringLiteral("3"));
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_listening_channels()").value(0, 0),
                 QStringLiteral("0"));
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_prepared_statements").value(0, 0),
                 QStringLiteral("0"));
    }

    // Point 12: a batch of transactional migrations (one pipeline) reports each one as its
    // COMMIT is answered, not all at the end.
    void progressIsReportedAsEachMigrationCommits()
    {
        TestDatabase db;
        MigrationFolder f;
        for (int i = 1; i <= 3; ++i)
            f.add(QStringLiteral("000%1_slow").arg(i),
                  QStringLiteral("SELECT pg_sleep(0.4);\nCREATE TABLE t%1 (a int);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        Engine e(f.path(), db.conninfo());
        QElapsedTimer clock;
        clock.start();
        QList<qint64> finished;
        QStringList started;
        connect(
            e.runner.get(), &MigrationRunner::stepStarted, this,
            [&](int, int, const QString &id, const QString &) { started << id; },
            Qt::DirectConnection);
        connect(
            e.runner.get(), &MigrationRunner::stepFinished, this,
            [&](int, int, const QString &, const QString &, bool, int) {
                finished << clock.elapsed();
            },
            Qt::DirectConnection);
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(started,
                 (QStringList{QStringLiteral("0001_slow"), QStringLiteral("0002_slow"),
                              QStringLiteral("0003_slow")}));
        QCOMPARE(finished.size(), 3);
        QVERIFY2(finished[2] - finished[0] >= 600,
                 qPrintable(QStringLiteral("commits reported at %1, %2, %3 ms")
                                .arg(finished[0])
                                .arg(finished[1])
                                .arg(finished[2])));
    }

    // Point 11: the statements refusedByThePlanCheck() names run with the directive, and ADD
    // VALUE used only by a later migration runs.
    void nonTransactionalStatementsRunWithTheDirective()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE t (a int);\nCREATE TYPE mood AS ENUM ('ok');\n"
              "ALTER TYPE mood ADD VALUE 'great';\n",
              "DROP TABLE t;\nDROP TYPE mood;\n");
        f.add(QStringLiteral("0002_use"), "SELECT 'great'::mood;\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_idx"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY t_a ON t (a);\nVACUUM t;\n",
              "DROP INDEX t_a;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
    }

    // Point 16: the connection lost after COMMIT was sent (a proxy cuts it right after
    // forwarding the COMMIT): the server committed, and the runner says so, from the ledger
    // read on a new session, instead of "rolled back; the database is as it was".
    void aCommitWhoseAnswerWasLostIsSettledFromTheLedger()
    {
        TestDatabase db;
        const ConnectionProfile direct = db.profile();
        CommitCutProxy proxy(direct.host + QStringLiteral("/.s.PGSQL.")
                             + QString::number(direct.port));
        QVERIFY(proxy.port() > 0);
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        {
            // the ledger first, directly: its creation is a transaction with a COMMIT of its
            // own, which the proxy would cut instead of the migration's
            PgConnection c;
            QVERIFY(c.open(db.conninfo()));
            QVERIFY(Ledger(c, QStringLiteral("test")).ensure().ok());
        }
        // the proxy answers on this thread's event loop: connect and run on another one
        const QString through = db.conninfo()
            + QStringLiteral(" host=127.0.0.1 port=%1 sslmode=disable").arg(proxy.port());
        auto future = std::async(std::launch::async, [&] {
            PgConnection c;
            if (!c.open(through)) {
                RunResult r;
                r.outcome = RunResult::Outcome::BadInput;
                r.message = c.connectionError();
                return r;
            }
            return MigrationRunner(c, source.migrations(), {}).up();
        });
        QVERIFY(QTest::qWaitFor(
            [&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
            30000));
        const RunResult up = future.get();
        QCOMPARE(proxy.cuts(), 1);
        QVERIFY(tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(up.steps.size(), 1);
        QVERIFY(up.steps.first().ok);
    }

    // Point 15: the smaller ones.
    void directivesAfterABlockCommentHeaderAndLookalikesInBodies()
    {
        MigrationFolder f;
        f.add(QStringLiteral("0001_headed"),
              "/* Adds the users table.\n   Reviewed by the DBA. */\n"
              "-- uaip:no-transaction\n"
              "CREATE TABLE users (id int);\n");
        f.add(QStringLiteral("0002_body"),
              "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n"
              "-- uaip:no-transaction (a comment of the function, not a directive)\n"
              "SELECT 1 $$;\n");
        f.write(QStringLiteral("notes/README.txt"), "not a migration\n");
        MigrationSource source;
        QVERIFY2(source.load(f.path()), qPrintable(source.errors().join(u'\n')));
        QCOMPARE(source.migrations().size(), 2);
        QVERIFY(source.migrations().at(0).upDirectives.noTransaction);
        QVERIFY(!source.migrations().at(1).upDirectives.noTransaction);
        // a directive between two statements is still refused
        MigrationFolder g;
        g.add(QStringLiteral("0001_late"),
              "CREATE TABLE a (id int);\n-- uaip:no-transaction\nCREATE TABLE b (id int);\n");
        MigrationSource late;
        QVERIFY(!late.load(g.path()));
        QVERIFY2(late.errors().join(u'\n').contains(QStringLiteral("comes after the first")),
                 qPrintable(late.errors().join(u'\n')));
    }

    void crOnlyFilesReportTheirRealLines()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_cr"), "CREATE TABLE t (a int);\rCREATE TABL x (a int);\r",
              "DROP TABLE t;\r");
        MigrationSource source;
        source.load(f.path());
        const RunResult r = [&] {
            PgConnection c;
            c.open(db.conninfo());
            return MigrationRunner(c, source.migrations(), {}).up();
        }();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(mentions(r, QStringLiteral("0001_cr/up.sql:2:")), qPrintable(describe(r)));
    }

    void aFailedRollbackAndItsRepairKeepTheOriginalApply()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_idx"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY u_email ON users (email);\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY u_email;\n"
              "DROP INDEX CONCURRENTLY no_such_index;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        const QByteArray applied = "SELECT applied_at || ' ' || applied_by || ' ' || client || ' ' "
                                   "|| duration_ms FROM uaip_ledger.uaip_schema_migrations "
                                   "WHERE version = '0002'";
        const QString before = db.scalar(applied);
        QVERIFY(!before.isEmpty());
        QCOMPARE(e.runner->down({}).outcome, RunResult::Outcome::Failed);
        QCOMPARE(db.scalar(applied), before);
        const RunResult forget = e.runner->repair(
            {RepairChoice::Kind::Forget, *MigrationVersion::parse(QStringLiteral("2"))});
        QVERIFY2(forget.ok(), qPrintable(describe(forget)));
        QCOMPARE(db.scalar(applied), before);
        // history by the version as typed: 2 finds 0002's events
        Ledger ledger(e.connection, QStringLiteral("tst"));
        QVERIFY(ledger.exists().value());
        QVERIFY(ledger.events(QStringLiteral("2"), 100).value().size() >= 3);
    }

    void downToZeroRollsBackEverything()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        const RunResult down = e.runner->down(
            {DownTarget::Kind::ToVersion, 0, *MigrationVersion::parse(QStringLiteral("0"))});
        QVERIFY2(down.ok(), qPrintable(describe(down)));
        QCOMPARE(ledgerCount(db), 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrationAttacks)
#include "tst_migrationattacks.moc"
