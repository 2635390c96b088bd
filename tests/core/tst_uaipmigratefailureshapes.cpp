// uaip-migrate --json as a process: the failures that had a shape or a code of their own (issue
// 58). A connection string libpq cannot read is bad input, not a connection failure; a fleet
// targets file that is not there is not found; a fleet run that is not ok has a top-level code
// and exit_code; validate has exit_code (and a code when it finds problems).
#include "uaipmigratetestutil.h"

#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

class TestUaipMigrateFailureShapes : public QObject
{
    Q_OBJECT

private slots:
    void unreadableConninfoIsBadInput_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::newRow("URI without ]") << QStringLiteral("postgresql://[::1");
        QTest::newRow("keyword without =") << QStringLiteral("host=/tmp port");
        QTest::newRow("unknown keyword") << QStringLiteral("hots=/tmp");
    }

    void unreadableConninfoIsBadInput()
    {
        QFETCH(QString, conninfo);
        const Run r = migrate(conninfo, {QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("bad-input"));
        QCOMPARE(r.json().value(QStringLiteral("command")).toString(), QStringLiteral("status"));
    }

    // What libpq takes as a database name (no "=", no URI) is still tried as one: a server
    // that answers says whether it is there (not bad input)
    void aPlainDatabaseNameIsStillConnected()
    {
        TestDatabase db;
        const Sandbox &sandbox = TestCluster::sandbox();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOST"), sandbox.socketDir());
        env.insert(QStringLiteral("PGPORT"), QString::number(sandbox.port()));
        env.insert(QStringLiteral("PGUSER"), sandbox.superuser());
        env.insert(QStringLiteral("PGPASSFILE"), TestCluster::passFile());
        const Run r = migrate(db.name(), {QStringLiteral("--json"), QStringLiteral("status")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void fleetTargetsFileNotThereIsNotFound()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("targets.txt"));
        const Run r = migrate({QStringLiteral("--json"), QStringLiteral("--targets"), missing,
                               QStringLiteral("fleet"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not-found"));
        QCOMPARE(r.json().value(QStringLiteral("args")).toObject().value(QStringLiteral("path")),
                 missing);
        // one that is there but malformed stays bad input
        QFile bad(missing);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("only-a-name\n");
        bad.close();
        const Run malformed = migrate({QStringLiteral("--json"), QStringLiteral("--targets"),
                                       missing, QStringLiteral("fleet"), QStringLiteral("status")});
        QCOMPARE(malformed.exitCode, 2);
        QCOMPARE(malformed.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("bad-input"));
    }

    // One target up to date, one unreachable: the run's document says ok false, exit_code 1
    // and the code the failed targets share (connection), as every failure document has one.
    void fleetFailureHasTopLevelCode()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QVERIFY(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode == 0);
        QTemporaryDir dir;
        const QString targets = dir.filePath(QStringLiteral("targets.txt"));
        QFile file(targets);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("good " + db.conninfo().toUtf8() + "\n");
        file.write("gone host=" + dir.path().toUtf8() + " port=1 dbname=x connect_timeout=2\n");
        file.close();
        const Run r = migrate({QStringLiteral("--json"), QStringLiteral("--dir"), f.path(),
                               QStringLiteral("--targets"), targets, QStringLiteral("fleet"),
                               QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(doc.value(QStringLiteral("exit_code")).toInt(), 1);
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("connection"));
        QCOMPARE(doc.value(QStringLiteral("args")).toObject().value(QStringLiteral("unreachable")),
                 1);

        // all up to date: ok, exit_code 0, no code
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("good " + db.conninfo().toUtf8() + "\n");
        file.close();
        const Run ok = migrate({QStringLiteral("--json"), QStringLiteral("--dir"), f.path(),
                                QStringLiteral("--targets"), targets, QStringLiteral("fleet"),
                                QStringLiteral("status")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.json().value(QStringLiteral("exit_code")).toInt(-1), 0);
        QVERIFY(!ok.json().contains(QStringLiteral("code")));
    }

    void validateHasExitCode()
    {
        MigrationFolder f;
        addTwo(f);
        const Run ok = migrate({QStringLiteral("--json"), QStringLiteral("--dir"), f.path(),
                                QStringLiteral("validate"), QStringLiteral("--offline")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.json().value(QStringLiteral("exit_code")).toInt(-1), 0);
        QVERIFY(!ok.json().contains(QStringLiteral("code")));
        f.add(QStringLiteral("0003_broken"), "CREATE TABLE (;\n");
        const Run bad = migrate({QStringLiteral("--json"), QStringLiteral("--dir"), f.path(),
                                 QStringLiteral("validate"), QStringLiteral("--offline")});
        QCOMPARE(bad.exitCode, 3);
        QCOMPARE(bad.json().value(QStringLiteral("exit_code")).toInt(), 3);
        QCOMPARE(bad.json().value(QStringLiteral("code")).toString(), QStringLiteral("refused"));
        QVERIFY(bad.json().value(QStringLiteral("args")).isObject());
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateFailureShapes)
#include "tst_uaipmigratefailureshapes.moc"
