// Issue 43, point 5: --statement-timeout (MigrationRunOptions::statementTimeoutMs) and a
// migration's own -- uaip:statement-timeout bound every statement of a migration, so none holds
// its lock without end: in a pipeline, in one transaction and in a no-transaction migration. The
// session is left as it was.
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestMigrationStatementTimeout : public QObject
{
    Q_OBJECT

private slots:
    void aLongStatementIsCancelled_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<int>("optionMs"); // 0: none
        QTest::addColumn<bool>("oneTransaction");
        const QByteArray sleep = "CREATE TABLE t (id int);\nSELECT pg_sleep(30);\n";
        QTest::newRow("option") << sleep << 300 << false;
        QTest::newRow("option, one transaction") << sleep << 300 << true;
        QTest::newRow("directive") << "-- uaip:statement-timeout=300ms\n" + sleep << 0 << false;
        QTest::newRow("directive, no-transaction")
            << "-- uaip:no-transaction\n-- uaip:statement-timeout=300ms\n" + sleep << 0 << false;
    }
    void aLongStatementIsCancelled()
    {
        QFETCH(QByteArray, up);
        QFETCH(int, optionMs);
        QFETCH(bool, oneTransaction);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_sleep"), up, "DROP TABLE IF EXISTS t;\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_migrationstatementtimeout")));
        MigrationRunner::Options o;
        o.statementTimeoutMs = optionMs;
        o.singleTransaction = oneTransaction;
        MigrationRunner runner(c, source.migrations(), o);
        const RunResult r = runner.up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(r.failure);
        QCOMPARE(r.failure->error.code(), ErrorCode::Server);
        QCOMPARE(r.failure->error.sqlState(), QStringLiteral("57014"));
        QCOMPARE(r.failure->position.line, int(up.count('\n'))); // the last line: the sleep
        QVERIFY2(!r.cancelled, qPrintable(r.failure->error.toString())); // the server's timeout
        QCOMPARE(c.exec("SHOW statement_timeout").value(0, 0), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationStatementTimeout)
#include "tst_migrationstatementtimeout.moc"
