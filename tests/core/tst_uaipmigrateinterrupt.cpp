// uaip-migrate up and down as a process, interrupted (SIGINT, SIGTERM) while a migration's
// statement runs: the statement is cancelled at the server, the migration's transaction rolls
// back, the ledger does not record it, and the command ends as a cancelled run (exit 1, code
// "cancelled") in both faces instead of being killed by the signal.
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <csignal>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr auto kSleep = "pg_sleep(300)";

// Sessions of db (but the asking one) running the migration's pg_sleep(300).
int sleepers(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE $1",
                {QString(QStringLiteral("%") + QLatin1String(kSleep) + QStringLiteral("%"))})
        .toInt();
}

QString stateOf(TestDatabase &db, const char *version)
{
    return db.scalar("SELECT coalesce(max(state), 'none') FROM "
                     "uaip_ledger.uaip_schema_migrations WHERE version = $1",
                     {QString::fromLatin1(version)});
}

} // namespace

class TestUaipMigrateInterrupt : public QObject
{
    Q_OBJECT

private slots:
    void interruptedRunIsCancelled_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("json");
        QTest::addColumn<int>("signal");
        QTest::newRow("up --json, SIGINT") << "up" << true << SIGINT;
        QTest::newRow("up, SIGINT") << "up" << false << SIGINT;
        QTest::newRow("up, SIGTERM") << "up" << false << SIGTERM;
        QTest::newRow("down --json, SIGINT") << "down" << true << SIGINT;
    }

    void interruptedRunIsCancelled()
    {
        QFETCH(QString, command);
        QFETCH(bool, json);
        QFETCH(int, signal);
        const bool up = command == QLatin1String("up");
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
              "DROP TABLE users;\n");
        // up: creates a table, then sleeps; down: drops one, then sleeps
        f.add(
            QStringLiteral("0002_slow"),
            QStringLiteral("CREATE TABLE slow_t (id int);\n%1\n")
                .arg(up ? QStringLiteral("SELECT %1;").arg(QLatin1String(kSleep)) : QString())
                .toUtf8(),
            QStringLiteral("DROP TABLE slow_t;\nSELECT %1;\n").arg(QLatin1String(kSleep)).toUtf8());
        if (!up) {
            const Run applied = migrate(on(db, f.path()) << QStringLiteral("up"));
            QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        }

        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        QStringList args = on(db, f.path());
        if (json)
            args << QStringLiteral("--json");
        args << command;
        if (!up)
            args << QStringLiteral("--steps") << QStringLiteral("1");
        p.start(TestCluster::migrateBinary(), args);
        QVERIFY(p.waitForStarted());
        QVERIFY2(waitFor([&] { return sleepers(db) == 1; }, 60000),
                 qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
        QVERIFY(p.waitForFinished(60000));

        // ended by itself, as a cancelled run: not killed by the signal
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (json) {
            const QJsonObject doc = QJsonDocument::fromJson(out).object();
            QCOMPARE(doc.value(QStringLiteral("command")).toString(), command);
            QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("cancelled"));
            QCOMPARE(doc.value(QStringLiteral("cancelled")).toBool(), true);
            QCOMPARE(doc.value(QStringLiteral("exit_code")).toInt(), 1);
        } else {
            QVERIFY2(!err.isEmpty(), out.constData()); // the cancelled run, said on stderr
        }
        // the statement is no longer running; the migration's transaction rolled back
        QVERIFY(waitFor([&] { return sleepers(db) == 0; }, 30000));
        QCOMPARE(stateOf(db, "0001"), QStringLiteral("applied"));
        if (up) {
            QCOMPARE(stateOf(db, "0002"), QStringLiteral("none"));
            QCOMPARE(db.scalar("SELECT to_regclass('slow_t') IS NULL"), QStringLiteral("t"));
        } else {
            QCOMPARE(stateOf(db, "0002"), QStringLiteral("applied"));
            QCOMPARE(db.scalar("SELECT to_regclass('slow_t') IS NULL"), QStringLiteral("f"));
        }
        // the ledger is consistent: the next run applies (or rolls back) as usual
        const Run again = migrate(on(db, f.path()) << QStringLiteral("status"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateInterrupt)
#include "tst_uaipmigrateinterrupt.moc"
