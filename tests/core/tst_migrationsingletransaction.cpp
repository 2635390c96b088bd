// Runs in one transaction (up/down --single-transaction, Options::singleTransaction) against a
// real sandbox: all migrations commit or none does, whatever fails (a statement, the ledger
// write, the lock, a deferred constraint at the COMMIT); the plan is checked as one
// transaction; the session is still reset between its migrations; the ledger keeps the order
// and the durations; uaip-migrate takes the option with its dry run and JSON.
#include "migrate/rollbackpreview.h"
#include "migrationrunnertestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace uaip;
using namespace uaip::test;

namespace {

// An engine whose runs are in one transaction.
struct GroupEngine : Engine
{
    GroupEngine(const QString &dir, const QString &conninfo)
        : Engine(dir, conninfo)
    {
        MigrationRunner::Options o{5000, 5000, QStringLiteral("tst_singletransaction"),
                                   std::nullopt};
        o.singleTransaction = true;
        runner = std::make_unique<MigrationRunner>(connection, source.migrations(), o);
    }
};

DownTarget all()
{
    DownTarget t;
    t.kind = DownTarget::Kind::All;
    return t;
}

int eventCount(TestDatabase &db, const char *action, const char *outcome)
{
    return db
        .scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                "WHERE action = $1 AND outcome = $2",
                {QString::fromLatin1(action), QString::fromLatin1(outcome)})
        .toInt();
}

} // namespace

class TestMigrationSingleTransaction : public QObject
{
    Q_OBJECT

private slots:
    // A statement of the third migration fails: the first two, committed one by one by default,
    // are rolled back with it; fixed, all three commit with their rows and events in order.
    void aFailureAnywhereAppliesNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        f.add(QStringLiteral("0004_bad"),
              "CREATE TABLE fine (id int);\nINSERT INTO nowhere VALUES (1);\n",
              "DROP TABLE fine;\n");
        {
            GroupEngine e(f.path(), db.conninfo());
            QSignalSpy started(e.runner.get(), &MigrationRunner::stepStarted);
            QSignalSpy finished(e.runner.get(), &MigrationRunner::stepFinished);
            const RunResult r = e.runner->up();
            QCOMPARE(r.outcome, RunResult::Outcome::Failed);
            QVERIFY(r.failure);
            QVERIFY2(r.failure->location().contains(QStringLiteral("0004_bad/up.sql:2:13")),
                     qPrintable(r.failure->location()));
            QVERIFY2(mentions(r, QStringLiteral("none was applied")), qPrintable(describe(r)));
            QVERIFY(!tableExists(db, "users"));
            QVERIFY(!tableExists(db, "fine"));
            QCOMPARE(ledgerCount(db), 0);
            QCOMPARE(eventCount(db, "apply", "failed"), 1);
            QCOMPARE(started.size(), 4);
            QCOMPARE(finished.size(), 4);
            for (const QList<QVariant> &args : finished)
                QCOMPARE(args.at(4).toBool(), false);
            QCOMPARE(r.steps.size(), 4);
        }
        f.add(QStringLiteral("0004_bad"), "CREATE TABLE fine (id int);\n", "DROP TABLE fine;\n");
        GroupEngine e(f.path(), db.conninfo());
        QSignalSpy finished(e.runner.get(), &MigrationRunner::stepFinished);
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(ledgerCount(db), 4);
        QCOMPARE(finished.size(), 4);
        QCOMPARE(eventCount(db, "apply", "ok"), 4);
        // the events in the order the migrations ran: the ledger's apply order
        QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY id) FROM "
                           "uaip_ledger.uaip_migration_events WHERE outcome = 'ok'"),
                 QStringLiteral("0001,0002,0003,0004"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE duration_ms >= 0 AND client = 'tst_singletransaction'"),
                 QStringLiteral("4"));
        const auto statuses = e.runner->status();
        QVERIFY(statuses);
        for (const MigrationStatus &s : statuses.value())
            QCOMPARE(s.state, MigrationState::Applied);
    }

    // Rolling back: the oldest down.sql fails (a view someone made depends on its table), so the
    // newer ones, already run in the same transaction, stay applied; with the view gone,
    // everything goes back with one event each.
    void aFailedRollbackKeepsEverything()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine plain(f.path(), db.conninfo());
            QVERIFY(plain.runner->up().ok());
        }
        db.scalar("CREATE VIEW someones_view AS SELECT * FROM users");
        {
            GroupEngine e(f.path(), db.conninfo());
            const RunResult r = e.runner->down(all());
            QCOMPARE(r.outcome, RunResult::Outcome::Failed);
            QVERIFY2(
                r.failure
                    && r.failure->location().contains(QStringLiteral("0001_users/down.sql:1:1")),
                qPrintable(describe(r)));
            QCOMPARE(ledgerCount(db), 3);
            QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                               "WHERE table_name = 'posts' AND column_name = 'tags'"),
                     QStringLiteral("1"));
            QCOMPARE(eventCount(db, "rollback", "failed"), 1);
        }
        db.scalar("DROP VIEW someones_view");
        GroupEngine e(f.path(), db.conninfo());
        const RunResult r = e.runner->down(all());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(ledgerCount(db), 0);
        QVERIFY(!tableExists(db, "users"));
        QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY id) FROM "
                           "uaip_ledger.uaip_migration_events WHERE action = 'rollback' "
                           "AND outcome = 'ok'"),
                 QStringLiteral("0003,0002,0001"));
    }

    // The plan is checked as one transaction: a no-transaction script, and the use of an enum
    // value an earlier migration adds (fine when each commits on its own), are refused before
    // anything runs, each named with its file.
    void thePlanIsCheckedAsOneTransaction()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_index"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n",
              "DROP INDEX users_email;\n");
        {
            GroupEngine e(f.path(), db.conninfo());
            const RunResult r = e.runner->up();
            QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
            QVERIFY2(mentions(r, QStringLiteral("0002_index/up.sql"))
                         && mentions(r, QStringLiteral("no-transaction")),
                     qPrintable(describe(r)));
            QVERIFY(!tableExists(db, "users"));
            QCOMPARE(db.scalar("SELECT to_regnamespace('uaip_ledger') IS NULL"),
                     QStringLiteral("t"));
        }
        TestDatabase db2;
        MigrationFolder g;
        g.add(QStringLiteral("0001_mood"), "CREATE TYPE mood AS ENUM ('calm');\n",
              "DROP TYPE mood;\n");
        g.add(QStringLiteral("0002_more"), "ALTER TYPE mood ADD VALUE 'tense';\n", "SELECT 1;\n");
        g.add(QStringLiteral("0003_use"),
              "CREATE TABLE people (m mood NOT NULL DEFAULT 'tense');\n", "DROP TABLE people;\n");
        {
            GroupEngine e(g.path(), db2.conninfo());
            const RunResult r = e.runner->up();
            QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
            QVERIFY2(mentions(r, QStringLiteral("0003_use/up.sql:1:1"))
                         && mentions(r, QStringLiteral("0002_more/up.sql:1:1")),
                     qPrintable(describe(r)));
        }
        Engine plain(g.path(), db2.conninfo());
        const RunResult r = plain.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
    }

    // What can only be seen at the end: a function that lets the runner's lock go, a ledger row
    // another run wrote, a deferred constraint (checked at the end of its migration, blamed on
    // it). Each rolls everything back.
    void theEndOfTheRunRollsEverythingBack_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("says");
        QTest::newRow("lock released in a function")
            << QByteArray("CREATE FUNCTION let_go() RETURNS void LANGUAGE plpgsql AS $$\n"
                          "BEGIN EXECUTE 'SELECT pg_advisory_' || 'unlock_all()'; END $$;\n"
                          "SELECT let_go();\n")
            << QStringLiteral("migration lock is not held");
        QTest::newRow("a row another run wrote")
            << QByteArray("INSERT INTO uaip_ledger.uaip_schema_migrations (version, name, "
                          "checksum) VALUES ('0003', 'x', 'by-someone-else');\n")
            << QStringLiteral("0003");
        QTest::newRow("deferred constraint")
            << QByteArray("CREATE TABLE a (id int PRIMARY KEY, b int);\n"
                          "CREATE TABLE b (id int PRIMARY KEY, a int REFERENCES a "
                          "DEFERRABLE INITIALLY DEFERRED);\n"
                          "INSERT INTO b VALUES (1, 42);\n")
            << QStringLiteral("0002_second failed at its end (a deferred constraint)");
    }
    void theEndOfTheRunRollsEverythingBack()
    {
        QFETCH(QByteArray, second);
        QFETCH(QString, says);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_second"), second, "SELECT 1;\n");
        f.add(QStringLiteral("0003_items"), "CREATE TABLE items (id int);\n",
              "DROP TABLE items;\n");
        GroupEngine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY2(mentions(r, says), qPrintable(describe(r)));
        QVERIFY(!tableExists(db, "users"));
        QVERIFY(!tableExists(db, "items"));
        QCOMPARE(ledgerCount(db), 0);
        QCOMPARE(eventCount(db, "apply", "ok"), 0);
    }

    // The session is reset between the migrations of the one transaction: a temp table of the
    // first does not catch the rows the second writes to a table of the same name, and a
    // search_path the first sets does not decide where the second creates its table.
    void theSessionIsResetBetweenMigrations()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_temp"),
              "CREATE SCHEMA elsewhere;\nSET search_path = elsewhere;\n"
              "CREATE TEMP TABLE staging (id int);\nINSERT INTO staging VALUES (0);\n",
              "DROP SCHEMA elsewhere;\n");
        f.add(QStringLiteral("0002_staging"),
              "CREATE TABLE staging (id int);\nINSERT INTO staging VALUES (1), (2), (3);\n",
              "DROP TABLE staging;\n");
        GroupEngine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(db.scalar("SELECT count(*) FROM public.staging"), QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'staging' "
                           "AND relnamespace = 'elsewhere'::regnamespace"),
                 QStringLiteral("0"));
    }

    // Inline COPY rows (sent command by command, outside a pipeline) are in the transaction
    // too: a later failure takes them back.
    void copyRowsGoBackWithTheRun()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_load"),
              "CREATE TABLE loaded (id int, name text);\n"
              "COPY loaded (id, name) FROM stdin;\n1\tone\n2\ttwo\n\\.\n",
              "DROP TABLE loaded;\n");
        f.add(QStringLiteral("0002_bad"), "INSERT INTO loaded VALUES ('x');\n", "SELECT 1;\n");
        GroupEngine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(!tableExists(db, "loaded"));
        f.add(QStringLiteral("0002_bad"), "INSERT INTO loaded VALUES (3, 'three');\n",
              "DELETE FROM loaded WHERE id = 3;\n");
        GroupEngine again(f.path(), db.conninfo());
        const RunResult ok = again.runner->up();
        QVERIFY2(ok.ok(), qPrintable(describe(ok)));
        QCOMPARE(db.scalar("SELECT string_agg(name, ',' ORDER BY id) FROM loaded"),
                 QStringLiteral("one,two,three"));
    }

    // A Cancel while the second migration sleeps: the first, finished in the same transaction,
    // goes back too, and the cancel is logged for the second.
    void aCancelKeepsNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_slow"), "SELECT pg_sleep(60);\n", "SELECT 1;\n");
        GroupEngine e(f.path(), db.conninfo());
        const std::optional<RunResult> r = upCancelledInSleep(e, db);
        QVERIFY(r);
        QCOMPARE(r->outcome, RunResult::Outcome::Failed);
        QVERIFY(r->cancelled);
        QVERIFY(!tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 0);
        QCOMPARE(eventCount(db, "apply", "cancelled"), 1);
    }

    // The rollback preview of a run in one transaction says so, and checks the plan as one:
    // a no-transaction down.sql is refused before anything is previewed.
    void theRollbackPreviewKnowsIt()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        RollbackPreview preview(e.connection, e.source.migrations());
        const Result<RollbackImpact> impact = preview.run(all(), 5000, nullptr, true);
        QVERIFY2(impact, qPrintable(why(impact)));
        QVERIFY2(impact.value().notes.join(u'\n').contains(QStringLiteral("one transaction")),
                 qPrintable(impact.value().notes.join(u'\n')));
        QCOMPARE(ledgerCount(db), 3);

        TestDatabase db2;
        MigrationFolder g;
        g.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        g.add(QStringLiteral("0002_index"), "CREATE INDEX users_email ON users (email);\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY users_email;\n");
        Engine e2(g.path(), db2.conninfo());
        QVERIFY(e2.runner->up().ok());
        RollbackPreview refused(e2.connection, e2.source.migrations());
        const Result<RollbackImpact> none = refused.run(all(), 5000, nullptr, true);
        QVERIFY(!none);
        QVERIFY2(none.error().toString().contains(QStringLiteral("0002_index/down.sql")),
                 qPrintable(none.error().toString()));
        RollbackPreview plain(e2.connection, e2.source.migrations());
        QVERIFY(plain.run(all(), 5000, nullptr, false));
    }

    // uaip-migrate: --single-transaction on up and down, its dry run and JSON.
    void theCommandLineTakesIt()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_bad"), "SELECT 1/0;\n", "SELECT 1;\n");
        const QStringList target = on(db, f.path());
        const Run dry = migrate(target
                                + QStringList{QStringLiteral("up"), QStringLiteral("--dry-run"),
                                              QStringLiteral("--single-transaction")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("all in one transaction")), qPrintable(dry.out));
        const Run failed = migrate(target
                                   + QStringList{QStringLiteral("--json"), QStringLiteral("up"),
                                                 QStringLiteral("--single-transaction")});
        QCOMPARE(failed.exitCode, 1);
        QCOMPARE(failed.json().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));
        f.add(QStringLiteral("0003_bad"), "SELECT 1;\n", "SELECT 1;\n");
        const Run up = migrate(
            target + QStringList{QStringLiteral("up"), QStringLiteral("--single-transaction")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        QVERIFY2((up.err + up.out).contains(QStringLiteral("in one transaction")),
                 qPrintable(up.err + up.out));
        const Run down = migrate(target
                                 + QStringList{QStringLiteral("down"), QStringLiteral("--all"),
                                               QStringLiteral("--single-transaction")});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err + down.out));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
        const Run refused = migrate(
            target + QStringList{QStringLiteral("status"), QStringLiteral("--single-transaction")});
        QCOMPARE(refused.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestMigrationSingleTransaction)
#include "tst_migrationsingletransaction.moc"
