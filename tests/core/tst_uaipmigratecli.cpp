// uaip-migrate as a process: exit codes and messages for bad input (migration folders,
// connections, usage), scaffolding a new migration, and the sandbox commands.
#include "db/pgconnection.h"
#include "ledger/migrationsource.h"
#include "requireorskip.h"
#include "uaipmigratetestutil.h"

#include <QTemporaryDir>

#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

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
        // a line break in a name starts no line of the output (a forged "ok" line)
        QTest::newRow("line break in the name")
            << QStringLiteral("0003_a\n0004_forged ok") << QByteArray("SELECT 1;")
            << QStringLiteral("0003_a\\n0004_forged ok: bad migration folder name "
                              "\"0003_a\\n0004_forged ok\": the name \"a\\n0004_forged ok\" "
                              "contains U+000A");
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
        QVERIFY2(!r.err.contains(QStringLiteral("\n0004_forged")), qPrintable(r.err));
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
            // where the checkout lies decides this (a clone under /root is closed to 'nobody'),
            // not the machine's set-up: a skip with its reason even under CI
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
                UAIP_REQUIRE_OR_SKIP(QStringLiteral("the test sandbox was started without --tcp"));
            PgConnection admin;
            QVERIFY(admin.open(TestCluster::sandbox().conninfo()));
            admin.exec("DROP ROLE IF EXISTS uaip_pw_user");
            QVERIFY(
                admin.exec("CREATE ROLE uaip_pw_user LOGIN PASSWORD 'right-password-123'").ok());
        }
        const Run r = migrate({QStringLiteral("--db"), conninfo, QStringLiteral("status")});
        QVERIFY2(r.exitCode == 2 && r.err.contains(expected),
                 qPrintable(QString::number(r.exitCode) + u' ' + r.err + r.out));
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

    // Issue 58: a failure in --json names its kind ("code", as errorCodeName spells it) and
    // the facts it is about ("args"), whatever its words; the exit code stays the command's.
    // %DB and %DIR in args stand for the test database and a folder of two migrations.
    void jsonFailuresCarryACode_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("argName"); // a fact the error names ("" for none)
        QTest::addColumn<QString>("argValue");
        const QString db = QStringLiteral("%DB");
        const QString dir = QStringLiteral("%DIR");
        QTest::newRow("usage: not a version")
            << QStringList{QStringLiteral("--db"),  db,
                           QStringLiteral("--dir"), dir,
                           QStringLiteral("up"),    QStringLiteral("--to"),
                           QStringLiteral("v2")}
            << 2 << QStringLiteral("bad-input") << QStringLiteral("option") << QStringLiteral("to");
        QTest::newRow("usage: unknown command")
            << QStringList{QStringLiteral("upp")} << 2 << QStringLiteral("bad-input")
            << QStringLiteral("command") << QStringLiteral("upp");
        QTest::newRow("usage: the parser's own")
            << QStringList{QStringLiteral("up"), QStringLiteral("--bogus")} << 2
            << QStringLiteral("bad-input") << QString() << QString();
        QTest::newRow("missing migrations folder")
            << QStringList{QStringLiteral("--db"), db, QStringLiteral("--dir"),
                           QStringLiteral("/nonexistent-uaip-dir"), QStringLiteral("status")}
            << 2 << QStringLiteral("not-found") << QStringLiteral("path")
            << QStringLiteral("/nonexistent-uaip-dir");
        QTest::newRow("missing SQL file")
            << QStringList{QStringLiteral("--db"), db, QStringLiteral("sql"), QStringLiteral("-f"),
                           QStringLiteral("/nonexistent-uaip-dir/x.sql")}
            << 2 << QStringLiteral("not-found") << QStringLiteral("path")
            << QStringLiteral("/nonexistent-uaip-dir/x.sql");
        QTest::newRow("no server")
            << QStringList{QStringLiteral("--db"),
                           QStringLiteral("host=/nonexistent-socket-dir port=5 user=x"),
                           QStringLiteral("status")}
            << 2 << QStringLiteral("connection") << QString() << QString();
        QTest::newRow("repair without --yes")
            << QStringList{QStringLiteral("--db"), db, QStringLiteral("--dir"), dir,
                           QStringLiteral("repair")}
            << 2 << QStringLiteral("refused") << QStringLiteral("option") << QStringLiteral("yes");
    }

    void jsonFailuresCarryACode()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        QFETCH(QString, argName);
        QFETCH(QString, argValue);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        if (args.contains(QStringLiteral("repair"))) { // something to repair
            QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
            f.add(QStringLiteral("0002_posts"), "CREATE TABLE posts (id int);\n",
                  "DROP TABLE posts;\n");
        }
        args.replaceInStrings(QStringLiteral("%DB"), db.conninfo());
        args.replaceInStrings(QStringLiteral("%DIR"), f.path());
        const Run r = migrate(QStringList{QStringLiteral("--json")} + args);
        QCOMPARE(r.exitCode, exitCode);
        const QJsonObject doc = r.json();
        QVERIFY2(!doc.isEmpty(), qPrintable(r.out + r.err));
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(doc.value(QStringLiteral("exit_code")).toInt(), exitCode);
        QVERIFY2(!doc.value(QStringLiteral("error")).toString().isEmpty(), qPrintable(r.out));
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), code);
        QVERIFY2(doc.value(QStringLiteral("args")).isObject(), qPrintable(r.out));
        if (!argName.isEmpty())
            QCOMPARE(doc.value(QStringLiteral("args")).toObject().value(argName).toString(),
                     argValue);
        // no server spoke: no SQLSTATE of ours
        QVERIFY2(!doc.contains(QStringLiteral("sqlstate")), qPrintable(r.out));
    }

    // The server refused the login: its SQLSTATE stays (a database that does not exist: 3D000)
    void aRefusedLoginKeepsTheServersSqlState()
    {
        TestDatabase db;
        const Run r = migrate({QStringLiteral("--json"), QStringLiteral("--db"),
                               db.conninfo() + QStringLiteral(" dbname=uaip_no_such_database"),
                               QStringLiteral("status")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject doc = r.json();
        QVERIFY2(!doc.isEmpty(), qPrintable(r.out + r.err));
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("server"));
        QCOMPARE(doc.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("3D000"));
    }

    // A failed run's document has the run's code at the top, as every failure document does
    void aFailedRunHasItsCode()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_bad"), "CREATE TABLE t (id int);\nCREATE TABLE t (id int);\n",
              "DROP TABLE t;\n");
        const Run r = migrate(QStringList{QStringLiteral("--json")} + on(db, f.path())
                              << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = r.json();
        QVERIFY2(!doc.isEmpty(), qPrintable(r.out + r.err));
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("server"));
        QCOMPARE(doc.value(QStringLiteral("failure"))
                     .toObject()
                     .value(QStringLiteral("sqlstate"))
                     .toString(),
                 QStringLiteral("42P07"));
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

    void sandboxCommands()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + QStringLiteral("/sbx");
        const Run start
            = migrate({QStringLiteral("sandbox"), QStringLiteral("start"),
                       QStringLiteral("--no-fsync"), QStringLiteral("--data-dir"), root});
        QVERIFY2(start.exitCode == 0, qPrintable(start.err));
        if (geteuid() == 0)
            QVERIFY(start.out.contains(
                QStringLiteral("runs as the unprivileged \"uaip-sandbox\" user")));
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
};

QTEST_GUILESS_MAIN(TestUaipMigrateCli)
#include "tst_uaipmigratecli.moc"
