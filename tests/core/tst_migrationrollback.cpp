// Rollback against a real PostgreSQL: what runs is what was previewed and confirmed (plan and
// database), the ledger's own version is rolled back, and exactly one ledger row goes.
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "jobend.h"
#include "jobs/job.h"
#include "jobs/sessionworker.h"
#include "migrate/migrationrunjob.h"
#include "migrate/rollbackpreview.h"
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestMigrationRollback : public QObject
{
    Q_OBJECT

private slots:
    // Guarantee 4 (issue 9): what runs is what was previewed and confirmed. Another runner
    // applies a migration between the preview and the run: the run refuses, naming both plans,
    // and nothing is rolled back.
    void rollbackRefusesAPlanChangedSincePreview()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("0002"))).ok());
        RollbackPreview preview(e.connection, e.source.migrations());
        const DownTarget lastOne{DownTarget::Kind::Steps, 1, {}};
        const auto impact = preview.run(lastOne, 1000);
        QVERIFY2(impact, qPrintable(impact ? QString() : impact.error().toString()));
        QCOMPARE(impact.value().versions, QStringList{QStringLiteral("0002")});

        Engine other(f.path(), db.conninfo());
        QVERIFY(other.runner->up().ok()); // 0003 lands meanwhile

        MigrationRunner::Options options{5000, 5000, QStringLiteral("tst_migrationrunner"),
                                         impact.value().versions};
        MigrationRunner confirmed(e.connection, e.source.migrations(), options);
        const RunResult r = confirmed.down(lastOne);
        QCOMPARE(r.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(r.message.contains(QStringLiteral("plan changed")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("0003")), qPrintable(r.message));
        QVERIFY(r.steps.isEmpty());
        // checked through a second connection: all three still applied, 0003's column there
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("1"));

        // The plan as it is now, previewed again, runs.
        options.expectedVersions = QStringList{QStringLiteral("0003")};
        MigrationRunner again(e.connection, e.source.migrations(), options);
        QVERIFY(again.down(lastOne).ok());
        QCOMPARE(ledgerCount(db), 2);
        QVERIFY(tableExists(db, "posts"));
    }

    // The run refuses a database other than the one the plan was confirmed for.
    void runRefusesAnotherDatabaseThanConfirmed()
    {
        TestDatabase a;
        TestDatabase b;
        MigrationFolder f;
        addThree(f);
        Engine onB(f.path(), b.conninfo());
        QVERIFY(onB.runner->up().ok());
        const DatabaseIdentity confirmedOnA{
            a.scalar("SELECT system_identifier::text FROM pg_control_system()"), a.name(), {}};
        auto runOnB = [&](const DatabaseIdentity &expected) {
            SessionWorker worker(SessionSpec::from(b.profile(), QString(), QStringLiteral("test")),
                                 QStringLiteral("run"));
            auto *job
                = MigrationRunJob::down(onB.source.migrations(), {DownTarget::Kind::Steps, 1, {}},
                                        MigrationRunner::Options{}, expected);
            const auto end = watchEnd(job);
            worker.post(job);
            static_cast<void>(QTest::qWaitFor([&] { return end->finished; }, 30000));
            return *end; // end->finished: whether it ended in time
        };
        const JobEnd refused = runOnB(confirmedOnA);
        QVERIFY(refused.finished);
        QCOMPARE(refused.ok, false);
        QCOMPARE(refused.error.code(), ErrorCode::Refused);
        // the summary names both databases
        QVERIFY2(refused.summary.contains(a.name()) && refused.summary.contains(b.name()),
                 qPrintable(refused.summary));
        QCOMPARE(ledgerCount(b), 3);
        const DatabaseIdentity confirmedOnB{
            b.scalar("SELECT system_identifier::text FROM pg_control_system()"), b.name(), {}};
        const JobEnd ran = runOnB(confirmedOnB);
        QVERIFY2(ran.finished && ran.ok, qPrintable(ran.summary));
        QCOMPARE(ledgerCount(b), 2);
    }

    void rollbackUsesTheLedgersVersion_data()
    {
        QTest::addColumn<QString>("appliedAs");
        QTest::addColumn<QString>("renamedTo");
        QTest::newRow("padded after apply")
            << QStringLiteral("7_users") << QStringLiteral("0007_users");
        QTest::newRow("unpadded after apply")
            << QStringLiteral("0007_users") << QStringLiteral("7_users");
    }

    void rollbackUsesTheLedgersVersion()
    {
        QFETCH(QString, appliedAs);
        QFETCH(QString, renamedTo);
        TestDatabase db;
        const QString ledgerVersion = appliedAs.section(u'_', 0, 0);
        {
            MigrationFolder f;
            f.add(appliedAs, kUsersUp, kUsersDown);
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up().ok());
        }
        QCOMPARE(db.scalar("SELECT version FROM uaip_ledger.uaip_schema_migrations"),
                 ledgerVersion);
        MigrationFolder renamed;
        renamed.add(renamedTo, kUsersUp, kUsersDown);
        Engine e(renamed.path(), db.conninfo());
        const RunResult down = e.runner->down({});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QVERIFY(!tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 0);
        QCOMPARE(db.scalar("SELECT string_agg(version || ':' || action || ':' || outcome, ',' "
                           "ORDER BY id) FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("%1:apply:ok,%1:rollback:ok").arg(ledgerVersion));
        // and it can be applied again under its new name
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 1);
    }

    // A down.sql that fails in the preview: the preview's error says where (file, line) and
    // keeps the server's error; its failure has the server's SQLSTATE and the statement's line.
    void aPreviewOfAFailingDownSaysWhereAndWhy()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, "DROP TABLE users;\nSELECT 1 / 0;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        RollbackPreview preview(e.connection, e.source.migrations());
        const Result<RollbackImpact> impact = preview.run({DownTarget::Kind::All, 0, {}}, 5000);
        QVERIFY(!impact);
        const Error &error = impact.error();
        QCOMPARE(error.code(), ErrorCode::Server);
        QCOMPARE(error.sqlState(), QStringLiteral("22012"));
        QCOMPARE(error.arg(QStringLiteral("line")).toInt(), 2);
        QVERIFY2(error.arg(QStringLiteral("path")).toString().endsWith(u"0001_users/down.sql"),
                 qPrintable(error.toString()));
        QVERIFY(preview.failure());
        QCOMPARE(preview.failure()->error.sqlState(), QStringLiteral("22012"));
        QCOMPARE(preview.failure()->position.line, 2);
        QVERIFY(tableExists(db, "users")); // a preview: rolled back
    }

    void rollbackNeedsExactlyOneLedgerRow()
    {
        TestDatabase db;
        MigrationFolder f;
        // a down.sql that removes its own ledger row: the runner's delete then finds none
        f.add(QStringLiteral("0001_users"), kUsersUp,
              "DROP TABLE users;\nDELETE FROM uaip_ledger.uaip_schema_migrations;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        const RunResult down = e.runner->down({});
        QCOMPARE(down.outcome, RunResult::Outcome::Failed);
        QVERIFY2(down.message.contains(QStringLiteral("no row for version 0001")),
                 qPrintable(down.message));
        QVERIFY(tableExists(db, "users")); // rolled back with it
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT string_agg(action || ':' || outcome, ',' ORDER BY id) "
                           "FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("apply:ok,rollback:failed"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationRollback)
#include "tst_migrationrollback.moc"
