// uaip-migrate as a process: exit codes and messages for bad input, JSON output, concurrent
// runners, kill -9 in the middle of a migration, and the sandbox commands.
#include "db/pgconnection.h"
#include "migrate/migrationlock.h"
#include "migrate/migrationsource.h"
#include "migrationfolder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run migrate(const QStringList &args, const QString &asUser = QString())
{
    QProcess p;
    QStringList all = args;
    QString program = TestCluster::migrateBinary();
    if (!asUser.isEmpty()) {
        all = QStringList{QStringLiteral("-u"), asUser, QStringLiteral("--"), program} + args;
        program = QStringLiteral("runuser");
    }
    p.setWorkingDirectory(QStringLiteral("/"));
    p.start(program, all);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("uaip-migrate did not finish: %s", qPrintable(args.join(u' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList on(const TestDatabase &db, const QString &dir)
{
    return {QStringLiteral("--db"), db.conninfo(), QStringLiteral("--dir"), dir};
}

void addTwo(MigrationFolder &f)
{
    f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
          "DROP TABLE users;\n");
    f.add(QStringLiteral("0002_posts"),
          "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n",
          "DROP TABLE posts;\n");
}

} // namespace

class TestUaipMigrateCli : public QObject
{
    Q_OBJECT

private slots:
    void badMigrationFolders_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<QString>("expected"); // substring of the message
        QTest::newRow("bad folder name") << QStringLiteral("add_users") << QByteArray("SELECT 1;")
                                         << QStringLiteral("add_users: bad migration folder name");
        QTest::newRow("letters in version")
            << QStringLiteral("00a2_users") << QByteArray("SELECT 1;")
            << QStringLiteral("bad migration folder name");
        QTest::newRow("duplicate version") << QStringLiteral("1_again") << QByteArray("SELECT 1;")
                                           << QStringLiteral("duplicate version 1");
        QTest::newRow("empty up.sql")
            << QStringLiteral("0003_empty") << QByteArray("-- nothing\n")
            << QStringLiteral("0003_empty/up.sql: contains no SQL statement");
        QTest::newRow("non-UTF-8")
            << QStringLiteral("0003_latin1") << QByteArray("SELECT 1;\nSELECT 'caf\xe9';\n")
            << QStringLiteral("0003_latin1/up.sql:2:12: not valid UTF-8");
        QTest::newRow("missing up.sql") << QStringLiteral("0003_noup") << QByteArray()
                                        << QStringLiteral("0003_noup/up.sql: missing");
        QTest::newRow("COMMIT in a transactional migration")
            << QStringLiteral("0003_commit")
            << QByteArray("CREATE TABLE a (id int);\n  commit;\nCREATE TABLE b (id int);\n")
            << QStringLiteral("0003_commit/up.sql:2:3: COMMIT inside a migration");
    }

    void badMigrationFolders()
    {
        QFETCH(QString, folder);
        QFETCH(QByteArray, up);
        QFETCH(QString, expected);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        if (up.isNull())
            f.write(folder + QStringLiteral("/down.sql"), "SELECT 1;");
        else
            f.add(folder, up);
        const Run r = migrate(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        // nothing applied, not even the good ones
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));
    }

    void unreadableFolder()
    {
        MigrationFolder f;
        addTwo(f);
        const QString secret = f.path() + QStringLiteral("/0001_users");
        QVERIFY(QFile::setPermissions(
            secret, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QFile::setPermissions(secret + QStringLiteral("/up.sql"), QFileDevice::WriteOwner);
        Run r;
        if (geteuid() == 0) {
            // root reads everything: run as an unprivileged user instead
            if (migrate({QStringLiteral("--version")}, QStringLiteral("nobody")).exitCode != 0)
                QSKIP("the unprivileged user 'nobody' cannot run the test binary from this folder");
            r = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("validate"),
                         QStringLiteral("--offline")},
                        QStringLiteral("nobody"));
        } else {
            r = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("validate"),
                         QStringLiteral("--offline")});
        }
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QStringLiteral("0001_users/up.sql")), qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("cannot be read"))
                     || r.out.contains(QStringLiteral("missing")),
                 qPrintable(r.out));
    }

    void connectionProblems_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("expected");
        const Sandbox &s = TestCluster::sandbox();
        QTest::newRow("server down") << QStringLiteral("host=/nonexistent-socket-dir port=5 user=x")
                                     << QStringLiteral("cannot connect");
        QTest::newRow("no such database")
            << s.conninfo(QStringLiteral("no_such_database_here"))
            << QStringLiteral("database \"no_such_database_here\" does not exist");
        QTest::newRow("wrong password")
            << QStringLiteral(
                   "host=127.0.0.1 port=%1 user=uaip_pw_user password=wrong dbname=postgres")
                   .arg(s.port())
            << QStringLiteral("password authentication failed");
    }

    void connectionProblems()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, expected);
        if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("wrong password")) {
            if (!TestCluster::sandbox().listensOnTcp())
                QSKIP("the test sandbox was started without --tcp");
            PgConnection admin;
            QVERIFY(admin.open(TestCluster::sandbox().conninfo()));
            admin.exec("DROP ROLE IF EXISTS uaip_pw_user");
            QVERIFY(
                admin.exec("CREATE ROLE uaip_pw_user LOGIN PASSWORD 'right-password-123'").ok());
        }
        const Run r = migrate({QStringLiteral("--db"), conninfo, QStringLiteral("status")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command given");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("upp")} << QStringLiteral("unknown command \"upp\"");
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("status"), QStringLiteral("--steps"), QStringLiteral("2")}
            << QStringLiteral("--steps does not apply to \"status\"");
        QTest::newRow("bad duration") << QStringList{QStringLiteral("--lock-timeout"),
                                                     QStringLiteral("soon"), QStringLiteral("up")}
                                      << QStringLiteral("not a duration");
        QTest::newRow("bad version")
            << QStringList{QStringLiteral("up"), QStringLiteral("--to"), QStringLiteral("v2")}
            << QStringLiteral("--to v2 is not a version");
        QTest::newRow("two down targets")
            << QStringList{QStringLiteral("down"), QStringLiteral("--all"),
                           QStringLiteral("--steps"), QStringLiteral("1")}
            << QStringLiteral("one of --steps N, --to V, --all");
        QTest::newRow("repair without --yes")
            << QStringList{QStringLiteral("repair")} << QStringLiteral("confirm with --yes");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        if (args.contains(QStringLiteral("repair"))) { // something to repair
            QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
            f.add(QStringLiteral("0002_posts"), "CREATE TABLE posts (id int);\n",
                  "DROP TABLE posts;\n");
        }
        const Run r = migrate(on(db, f.path()) + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void jsonStatusUpDownAndDryRun()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        Run dry = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up")
                                           << QStringLiteral("--dry-run"));
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(dry.json().value(QStringLiteral("plan")).toArray().size(), 2);
        QVERIFY(dry.json()[QStringLiteral("plan")][0][QStringLiteral("sql")].toString().contains(
            QStringLiteral("CREATE TABLE users")));
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));

        Run up = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 0);
        QCOMPARE(up.json().value(QStringLiteral("steps")).toArray().size(), 2);
        Run status
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("status"));
        const QJsonArray ms = status.json().value(QStringLiteral("migrations")).toArray();
        QCOMPARE(ms.size(), 2);
        QCOMPARE(ms[1][QStringLiteral("state")].toString(), QStringLiteral("applied"));
        QCOMPARE(ms[1][QStringLiteral("applied_by")].toString(), QStringLiteral("postgres"));

        Run downDry = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--all")
                                               << QStringLiteral("--dry-run"));
        QCOMPARE(downDry.exitCode, 0);
        QVERIFY(downDry.out.contains(QStringLiteral("DROP TABLE posts")));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));

        Run history
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("history"));
        QCOMPARE(history.json().value(QStringLiteral("events")).toArray().size(), 2);
    }

    void brokenPlanRefusedBeforeFirstStep()
    {
        TestDatabase db;
        MigrationFolder f;
        // the oldest down.sql is one PostgreSQL's parser rejects; 'up' does not run it
        f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
              "DROP TABLE users;\nDROP TABLE users CASCADE RESTRICT x;\n");
        f.add(QStringLiteral("0002_posts"),
              "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n",
              "DROP TABLE posts;\n");
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        const QString where = QStringLiteral("0001_users/down.sql:2:26: syntax error");
        const Run dry
            = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--all")
                                       << QStringLiteral("--dry-run"));
        QCOMPARE(dry.exitCode, 2);
        QVERIFY2(dry.err.contains(where), qPrintable(dry.err));
        QVERIFY2(!dry.out.contains(QStringLiteral("DROP TABLE posts")), qPrintable(dry.out));
        const Run all
            = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--all"));
        QCOMPARE(all.exitCode, 2);
        QVERIFY2(all.err.contains(where), qPrintable(all.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NOT NULL"), QStringLiteral("t"));
        // a plan above the broken step is not affected by it
        const Run one
            = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--steps")
                                       << QStringLiteral("1"));
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NULL"), QStringLiteral("t"));
        // up's dry run says the same as up
        f.add(QStringLiteral("0003_bad"), "CREATE TABLE t3 (id int);\nSAVEPOINT s;\n");
        const Run upDry
            = migrate(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QCOMPARE(upDry.exitCode, 2);
        QVERIFY2(upDry.err.contains(QStringLiteral("0003_bad/up.sql:2:1: SAVEPOINT inside")),
                 qPrintable(upDry.err));
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 2);
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NULL"), QStringLiteral("t"));
    }

    void failedMigrationExitCodeAndLocation()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_bad"),
              "CREATE TABLE t3 (id int);\nINSERT INTO t3 VALUES ('x');\n");
        const Run r = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject failure = r.json().value(QStringLiteral("failure")).toObject();
        QCOMPARE(failure.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(failure.value(QStringLiteral("column")).toInt(), 24);
        QCOMPARE(failure.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("22P02"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('t3') IS NULL"), QStringLiteral("t"));
    }

    void lockTimeoutExitCode()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QVERIFY(db.witness()
                    .exec("SELECT pg_advisory_lock($1, $2)",
                          {MigrationLock::kClassId, MigrationLock::kObjectId})
                    .ok());
        const Run r = migrate(on(db, f.path()) << QStringLiteral("--lock-timeout")
                                               << QStringLiteral("200ms") << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("pid %1").arg(db.witness().backendPid())),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("uaip-test-witness")));
    }

    void concurrentRunnersApplyOnce_data()
    {
        QTest::addColumn<int>("runners");
        QTest::newRow("2 runners") << 2;
        QTest::newRow("10 runners") << 10;
    }

    void concurrentRunnersApplyOnce()
    {
        QFETCH(int, runners);
        TestDatabase db;
        MigrationFolder f;
        for (int i = 1; i <= 6; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("CREATE TABLE t%1 (id int);\nSELECT pg_sleep(0.05);\n"
                                 "INSERT INTO t%1 VALUES (%1);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < runners; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(TestCluster::migrateBinary(),
                     on(db, f.path()) << QStringLiteral("--lock-timeout") << QStringLiteral("60s")
                                      << QStringLiteral("up"));
            procs.push_back(std::move(p));
        }
        for (auto &p : procs) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("6"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'apply'"),
            QStringLiteral("6"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE outcome <> 'ok'"),
            QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT sum(id) FROM (SELECT id FROM t1 UNION ALL SELECT id FROM t6) x"),
                 QStringLiteral("7"));
    }

    void killDashNineMidMigration_data()
    {
        QTest::addColumn<bool>("noTransaction");
        QTest::newRow("transactional") << false;
        QTest::newRow("no-transaction") << true;
    }

    void killDashNineMidMigration()
    {
        QFETCH(bool, noTransaction);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const QByteArray header = noTransaction ? "-- uaip:no-transaction\n" : "";
        f.add(QStringLiteral("0003_slow"),
              header
                  + "CREATE TABLE slow_a (id int);\nSELECT pg_sleep(120);\nCREATE TABLE slow_b (id "
                    "int);\n",
              "DROP TABLE IF EXISTS slow_b; DROP TABLE IF EXISTS slow_a;\n");
        QProcess p;
        p.start(TestCluster::migrateBinary(), on(db, f.path()) << QStringLiteral("up"));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE 'SELECT pg_sleep(120)%'")
                == QLatin1String("1"),
            30000);
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        // the server notices the dead client (client_connection_check_interval) and ends it
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND application_name = 'uaip-migrate'")
                == QLatin1String("0"),
            30000);
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'"),
            QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('slow_b') IS NULL"), QStringLiteral("t"));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                      "(SELECT oid FROM pg_database WHERE datname = current_database())"),
            QStringLiteral("0"));
        // the sleep is gone from the file now; the migration is still pending (or dirty)
        f.add(QStringLiteral("0003_slow"),
              header
                  + "CREATE TABLE IF NOT EXISTS slow_a (id int);\nCREATE TABLE slow_b (id int);\n",
              "DROP TABLE IF EXISTS slow_b; DROP TABLE IF EXISTS slow_a;\n");
        if (noTransaction) {
            // half-applied: the ledger says so and blocks everything until repair
            QCOMPARE(
                db.scalar(
                    "SELECT state FROM uaip_ledger.uaip_schema_migrations WHERE version = '0003'"),
                QStringLiteral("dirty"));
            QCOMPARE(db.scalar("SELECT to_regclass('slow_a') IS NOT NULL"), QStringLiteral("t"));
            QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
            // statement 1 had run: the rest (now without the sleep) runs from statement 2
            const Run resume
                = migrate(on(db, f.path()) << QStringLiteral("repair") << QStringLiteral("--resume")
                                           << QStringLiteral("3") << QStringLiteral("--yes"));
            QVERIFY2(resume.exitCode == 0, qPrintable(resume.err));
        } else {
            QCOMPARE(db.scalar("SELECT to_regclass('slow_a') IS NULL"), QStringLiteral("t"));
        }
        const Run again = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'"),
            QStringLiteral("3"));
    }

    void noTransactionKillDashNineThenRepair_data()
    {
        QTest::addColumn<bool>("down");
        QTest::addColumn<QString>("choice");
        for (const bool down : {false, true})
            for (const char *choice : {"mark-done", "resume", "forget"})
                QTest::addRow("%s %s", down ? "down" : "up", choice)
                    << down << QString::fromLatin1(choice);
    }

    void noTransactionKillDashNineThenRepair()
    {
        QFETCH(bool, down);
        QFETCH(QString, choice);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const QByteArray up = "-- uaip:no-transaction\nCREATE TABLE s1 (id int);\n"
                              "SELECT pg_sleep(%1);\nCREATE TABLE s2 (id int);\n";
        const QByteArray back = "-- uaip:no-transaction\nDROP TABLE s2;\n"
                                "SELECT pg_sleep(%1);\nDROP TABLE s1;\n";
        auto write = [&](const char *sleep) {
            f.add(QStringLiteral("0003_slow"),
                  down ? QByteArray(up).replace("%1", "0") : QByteArray(up).replace("%1", sleep),
                  QByteArray(back).replace("%1", down ? sleep : "0"));
        };
        write("120");
        if (down)
            QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QProcess p;
        p.start(TestCluster::migrateBinary(),
                on(db, f.path()) << (down ? QStringLiteral("down") : QStringLiteral("up")));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE 'SELECT pg_sleep(120)%'")
                == QLatin1String("1"),
            30000);
        p.kill(); // SIGKILL, between statement 1 and 3
        QVERIFY(p.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND application_name = 'uaip-migrate'")
                == QLatin1String("0"),
            30000);
        // status tells how far it got
        const Run status
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("status"));
        const QJsonObject row = status.json()[QStringLiteral("migrations")][2].toObject();
        QCOMPARE(row[QStringLiteral("state")].toString(), QStringLiteral("failed"));
        QVERIFY2(row[QStringLiteral("note")].toString().startsWith(
                     QStringLiteral("%1 stopped after 1 of 3 statement(s); next: ")
                         .arg(down ? QStringLiteral("rollback") : QStringLiteral("apply"))),
                 qPrintable(status.out));
        QVERIFY2(row[QStringLiteral("note")].toString().endsWith(
                     down ? QStringLiteral("down.sql:3:1") : QStringLiteral("up.sql:3:1")),
                 qPrintable(status.out));
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
        write("0"); // the sleep is gone: resume runs statements 2 and 3 quickly
        const Run repair
            = migrate(on(db, f.path()) << QStringLiteral("repair") << QStringLiteral("--") + choice
                                       << QStringLiteral("3") << QStringLiteral("--yes"));
        QVERIFY2(repair.exitCode == 0, qPrintable(repair.err + repair.out));
        const QString state
            = db.scalar("SELECT coalesce((SELECT state FROM "
                        "uaip_ledger.uaip_schema_migrations WHERE version = '0003'), "
                        "'none')");
        const QString s1 = db.scalar("SELECT to_regclass('s1') IS NOT NULL");
        const QString s2 = db.scalar("SELECT to_regclass('s2') IS NOT NULL");
        if (!down && choice == QLatin1String("mark-done")) {
            QCOMPARE(state, QStringLiteral("applied"));
            QCOMPARE(s2, QStringLiteral("f")); // not run: the user said it was finished by hand
        } else if (!down && choice == QLatin1String("resume")) {
            QCOMPARE(state, QStringLiteral("applied"));
            QCOMPARE(s1 + s2, QStringLiteral("tt"));
        } else if (!down) { // forget: pending again; undo by hand, then up runs all of it
            QCOMPARE(state, QStringLiteral("none"));
            QVERIFY(db.witness().exec("DROP TABLE s1").ok());
        } else if (choice == QLatin1String("mark-done")) {
            QCOMPARE(state, QStringLiteral("none"));
            QCOMPARE(s1 + s2, QStringLiteral("tf")); // statement 3 was not run for it
            QVERIFY(db.witness().exec("DROP TABLE s1").ok()); // ...the user does it by hand
        } else if (choice == QLatin1String("resume")) {
            QCOMPARE(state, QStringLiteral("none"));
            QCOMPARE(s1 + s2, QStringLiteral("ff"));
        } else { // forget a rollback: it stays applied
            QCOMPARE(state, QStringLiteral("applied"));
            QVERIFY(db.witness().exec("CREATE TABLE s2 (id int)").ok());
            // the ledger kept the down.sql checksum of the run it forgot; the edit is new
            QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
            QCOMPARE(
                migrate(on(db, f.path()) << QStringLiteral("repair") << QStringLiteral("--yes"))
                    .exitCode,
                0);
        }
        QCOMPARE(db.scalar("SELECT action || ':' || outcome FROM uaip_ledger.uaip_migration_events "
                           "WHERE version = '0003' ORDER BY id DESC LIMIT 1"),
                 choice == QLatin1String("resume")
                     ? (down ? QStringLiteral("rollback:ok") : QStringLiteral("apply:ok"))
                     : QStringLiteral("repair:ok"));
        const Run again = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void newScaffoldsNextVersion_data()
    {
        QTest::addColumn<QString>("existing");
        QTest::addColumn<QString>("expectedPrefix");
        QTest::newRow("counter") << QStringLiteral("0009_x") << QStringLiteral("0010_add_index");
        QTest::newRow("diesel") << QStringLiteral("2024-01-31-120000_x") << QStringLiteral("20");
    }

    void newScaffoldsNextVersion()
    {
        QFETCH(QString, existing);
        QFETCH(QString, expectedPrefix);
        MigrationFolder f;
        f.add(existing, "SELECT 1;", "SELECT 1;");
        const Run r = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("new"),
                               QStringLiteral("add_index")});
        QCOMPARE(r.exitCode, 0);
        QDir dir(f.path());
        const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 2);
        QVERIFY2(folders.last().startsWith(expectedPrefix), qPrintable(folders.join(u',')));
        QVERIFY(folders.last().endsWith(QStringLiteral("_add_index")));
        QVERIFY(QFile::exists(dir.filePath(folders.last() + QStringLiteral("/down.sql"))));
        QCOMPARE(migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("new"),
                          QStringLiteral("Bad Name")})
                     .exitCode,
                 2);
    }

    void validateAndLintFindProblems()
    {
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_drop"),
              "ALTER TABLE posts DROP COLUMN user_id;\nDROP TABLE users;\n", "SELECT 1;");
        f.add(QStringLiteral("0004_typo"), "SELECT 1;\n\nCREATE TABEL x (id int);\n", "SELECT 1;");
        const Run validate = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("validate"),
                                      QStringLiteral("--offline")});
        QCOMPARE(validate.exitCode, 3);
        QVERIFY2(validate.out.contains(QStringLiteral("0004_typo/up.sql:3:8")),
                 qPrintable(validate.out));
        const Run lint = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("--json"),
                                  QStringLiteral("lint"), QStringLiteral("--fail-on"),
                                  QStringLiteral("danger")});
        QCOMPARE(lint.exitCode, 3);
        QStringList kinds;
        for (const auto &v : lint.json().value(QStringLiteral("findings")).toArray())
            kinds << v[QStringLiteral("kind")].toString();
        QVERIFY2(kinds.contains(QStringLiteral("drop_column")), qPrintable(kinds.join(u',')));
        QVERIFY(kinds.contains(QStringLiteral("drop_table")));
    }

    void verifyFindsBadDownAndDrift()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_index"), "CREATE INDEX posts_user_idx ON posts (user_id);\n",
              "SELECT 1; -- forgot to drop the index\n");
        QCOMPARE(migrate(on(db, f.path())
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("2"))
                     .exitCode,
                 0);
        QVERIFY(db.witness().exec("ALTER TABLE users ADD COLUMN added_by_hand text").ok());
        const Run r = migrate(on(db, f.path())
                              << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                              << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 3);
        const QJsonObject doc = r.json();
        const QJsonArray trips = doc.value(QStringLiteral("round_trips")).toArray();
        QCOMPARE(trips.size(), 3);
        QVERIFY(trips[0][QStringLiteral("ok")].toBool());
        QVERIFY(!trips[2][QStringLiteral("ok")].toBool());
        QVERIFY(trips[2][QStringLiteral("differences")][0].toString().contains(
            QStringLiteral("posts_user_idx")));
        QCOMPARE(doc.value(QStringLiteral("target_level")).toString(), QStringLiteral("0002"));
        const QJsonArray drift = doc.value(QStringLiteral("drift")).toArray();
        QCOMPARE(drift.size(), 1);
        QVERIFY(drift[0].toString().contains(QStringLiteral("users.added_by_hand")));
    }

    void verifyRefusesBrokenScripts()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_index"), "CREATE INDEX posts_user_idx ON posts (user_id);\n",
              "DROP INDEXX posts_user_idx;\n");
        const Run r = migrate(on(db, f.path())
                              << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                              << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("0003_index/down.sql:1:6: syntax error")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("nothing was run")), qPrintable(r.err));
    }

    void sandboxCommands()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + QStringLiteral("/sbx");
        const Run start
            = migrate({QStringLiteral("sandbox"), QStringLiteral("start"),
                       QStringLiteral("--no-fsync"), QStringLiteral("--data-dir"), root});
        QVERIFY2(start.exitCode == 0, qPrintable(start.err));
        if (geteuid() == 0)
            QVERIFY(
                start.out.contains(QStringLiteral("runs as the unprivileged \"postgres\" user")));
        const Run env = migrate(
            {QStringLiteral("sandbox"), QStringLiteral("env"), QStringLiteral("--data-dir"), root});
        QCOMPARE(env.exitCode, 0);
        QVERIFY(env.out.contains(QStringLiteral("export PGHOST=")));
        QVERIFY(env.out.contains(QStringLiteral("export PGPORT=")));
        QVERIFY(env.out.contains(QStringLiteral("export PGUSER='postgres'")));
        const Run up = migrate({QStringLiteral("--sandbox"), QStringLiteral("--data-dir"), root,
                                QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        // every bundled migration (their number grows with the schema)
        MigrationSource bundled;
        QVERIFY(bundled.load(MigrationSource::bundledDir()));
        QVERIFY2(up.out.contains(
                     QStringLiteral("applied %1 migration(s)").arg(bundled.migrations().size())),
                 qPrintable(up.out));
        QCOMPARE(migrate({QStringLiteral("sandbox"), QStringLiteral("status"),
                          QStringLiteral("--data-dir"), root})
                     .exitCode,
                 0);
        QCOMPARE(migrate({QStringLiteral("sandbox"), QStringLiteral("stop"),
                          QStringLiteral("--data-dir"), root})
                     .exitCode,
                 0);
        QCOMPARE(migrate({QStringLiteral("sandbox"), QStringLiteral("status"),
                          QStringLiteral("--data-dir"), root})
                     .exitCode,
                 3);
    }

    void verifyPrintsDriftAsUnifiedDiff()
    {
        // A view re-created on the target with another date literal (tests/core/data/driftcli):
        // verify prints the hunk, not both whole definitions, and says only a literal differs.
        TestDatabase db;
        const QString data = TestCluster::sourceDir() + QStringLiteral("/tests/core/data/driftcli");
        const QString dir = data + QStringLiteral("/migrations");
        QCOMPARE(migrate(on(db, dir) << QStringLiteral("up")).exitCode, 0);
        QFile drift(data + QStringLiteral("/drift.sql"));
        QVERIFY(drift.open(QIODevice::ReadOnly));
        QVERIFY(db.witness().exec(drift.readAll()).ok());
        const QStringList args = on(db, dir)
            << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir();
        const Run text = migrate(args + QStringList{QStringLiteral("verify")});
        QCOMPARE(text.exitCode, 3);
        const QString expected = QStringLiteral(
            "(at version 0001) from the migrations: 1 difference(s)\n"
            "    ~ view public.recent_posts: only literal values differ: '2024-01-31' -> "
            "'2026-11-22'\n"
            "      @@ -4,4 +4,4 @@\n"
            "           posts.body,\n"
            "           posts.published_on\n"
            "          FROM posts\n"
            "      -  WHERE posts.published_on > '2024-01-31'::date;\n"
            "      +  WHERE posts.published_on > '2026-11-22'::date;\n");
        QVERIFY2(text.out.endsWith(expected), qPrintable(text.out));

        const Run json
            = migrate(args + QStringList{QStringLiteral("--json"), QStringLiteral("verify")});
        QCOMPARE(json.exitCode, 3);
        const QJsonArray details = json.json().value(QStringLiteral("drift_details")).toArray();
        QCOMPARE(details.size(), 1);
        const QJsonObject d = details[0].toObject();
        QCOMPARE(d[QStringLiteral("kind")].toString(), QStringLiteral("changed"));
        QCOMPARE(d[QStringLiteral("object")].toString(),
                 QStringLiteral("view public.recent_posts"));
        QVERIFY(d[QStringLiteral("literal_only")].toBool());
        QCOMPARE(
            d[QStringLiteral("literal_changes")].toArray(),
            QJsonArray({QJsonObject{{QStringLiteral("before"), QStringLiteral("'2024-01-31'")},
                                    {QStringLiteral("after"), QStringLiteral("'2026-11-22'")}}}));
        const QJsonArray hunks = d[QStringLiteral("hunks")].toArray();
        QCOMPARE(hunks.size(), 1);
        const QJsonObject h = hunks[0].toObject();
        QCOMPARE(h[QStringLiteral("header")].toString(), QStringLiteral("@@ -4,4 +4,4 @@"));
        QCOMPARE(h[QStringLiteral("old_start")].toInt(), 4);
        QCOMPARE(h[QStringLiteral("new_count")].toInt(), 4);
        QCOMPARE(h[QStringLiteral("lines")].toArray().last().toString(),
                 QStringLiteral("+  WHERE posts.published_on > '2026-11-22'::date;"));
        QVERIFY(d[QStringLiteral("unified")].toString().startsWith(
            QStringLiteral("@@ -4,4 +4,4 @@\n     posts.body,\n")));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateCli)
#include "tst_uaipmigratecli.moc"
