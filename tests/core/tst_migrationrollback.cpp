// Rollback against a real PostgreSQL: what runs is what was previewed and confirmed (plan and
// database), the ledger's own version is rolled back, and exactly one ledger row goes.
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
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
            QSignalSpy finished(job, &Job::finished);
            worker.post(job);
            if (!finished.wait(30000))
                return std::make_pair(false, QStringLiteral("did not finish"));
            return std::make_pair(finished.first().at(0).toBool(),
                                  finished.first().at(1).toString());
        };
        const auto refused = runOnB(confirmedOnA);
        QCOMPARE(refused.first, false);
        QVERIFY2(refused.second.contains(a.name()) && refused.second.contains(b.name()),
                 qPrintable(refused.second));
        QCOMPARE(ledgerCount(b), 3);
        const DatabaseIdentity confirmedOnB{
            b.scalar("SELECT system_identifier::text FROM pg_control_system()"), b.name(), {}};
        const auto ran = runOnB(confirmedOnB);
        QVERIFY2(ran.first, qPrintable(ran.second));
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
