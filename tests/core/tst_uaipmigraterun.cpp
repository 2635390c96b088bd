// uaip-migrate as a process, running migrations: JSON status, up, down and dry run, a broken
// plan refused before its first step, a failed migration's exit code and location, and the
// lock timeout's exit code.
#include "ledger/migrationlock.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

class TestUaipMigrateRun : public QObject
{
    Q_OBJECT

private slots:
    // Issue 19, point 14: `uaip-migrate up | head -c 1` — the reader gone after the first
    // byte — finishes every migration and its ledger row instead of dying of SIGPIPE between a
    // statement and its progress row.
    void aClosedStdoutPipeDoesNotStopTheRun()
    {
        TestDatabase db;
        MigrationFolder f;
        for (int i = 1; i <= 5; ++i)
            f.add(QStringLiteral("000%1_slow").arg(i),
                  QStringLiteral("-- uaip:no-transaction\n"
                                 "DO $$BEGIN RAISE NOTICE 'step %1'; END$$;\n"
                                 "SELECT pg_sleep(0.2);\n"
                                 "CREATE TABLE t%1 (a int);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        QProcess p;
        p.start(QStringLiteral("bash"),
                QStringList{QStringLiteral("-c"),
                            QStringLiteral("\"$@\" | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}"),
                            QStringLiteral("bash"), TestCluster::migrateBinary()}
                    + on(db, f.path()) + QStringList{QStringLiteral("up")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE state = 'applied'"),
                 QStringLiteral("5"));
    }

    // Issue 19, point 13: one JSON error shape for every command and path — command, ok,
    // exit_code, problems as objects (file, line, column, message, sqlstate), partial — and
    // --json covers usage errors too.
    void oneJsonErrorShape()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
              "DROP TABLE users;\n");
        f.add(QStringLiteral("0002_half"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY u_id ON users (id);\n"
              "CREATE INDEX CONCURRENTLY u_bad ON users (nosuch);\n");
        auto checkShape = [](const Run &r, const QString &command, int exitCode) {
            const QJsonObject doc = r.json();
            QVERIFY2(!doc.isEmpty(), qPrintable(r.out + r.err));
            QCOMPARE(doc.value(QStringLiteral("command")).toString(), command);
            QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
            QCOMPARE(doc.value(QStringLiteral("exit_code")).toInt(), exitCode);
            const QJsonArray problems = doc.value(QStringLiteral("problems")).toArray();
            QVERIFY2(!problems.isEmpty(), qPrintable(r.out));
            for (const QJsonValue &p : problems)
                for (const char *key : {"file", "line", "column", "message", "sqlstate"})
                    QVERIFY2(p.toObject().contains(QLatin1String(key)), qPrintable(r.out));
        };
        // a usage error
        const Run usage
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up")
                                       << QStringLiteral("--bogus"));
        QCOMPARE(usage.exitCode, 2);
        checkShape(usage, QStringLiteral("up"), 2);
        // a generic failure
        const Run badTo
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up")
                                       << QStringLiteral("--to") << QStringLiteral("x"));
        checkShape(badTo, QStringLiteral("up"), 2);
        // the half-done no-transaction run: partial, and its place as a problem
        const Run half
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(half.exitCode, 1);
        checkShape(half, QStringLiteral("up"), 1);
        QCOMPARE(half.json().value(QStringLiteral("partial")).toBool(), true);
        const QJsonObject place
            = half.json().value(QStringLiteral("problems")).toArray().last().toObject();
        QCOMPARE(place.value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(place.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42703"));
    }

    // Issue 19, points 12 and 13: with --json, progress is one JSON object per line on stderr
    // (a start and a finish per migration), stdout stays one document.
    void jsonProgressEventsOnStderr()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const Run up
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 0);
        QVERIFY(up.json().value(QStringLiteral("ok")).toBool());
        QStringList seen;
        for (const QString &line : up.err.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject e = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(!e.isEmpty(), qPrintable(line));
            if (e.value(QStringLiteral("event")) == QLatin1String("message"))
                continue; // "target: ...", notices
            seen << e.value(QStringLiteral("event")).toString() + u' '
                    + e.value(QStringLiteral("migration")).toString();
        }
        QCOMPARE(
            seen,
            (QStringList{QStringLiteral("start 0001_users"), QStringLiteral("finish 0001_users"),
                         QStringLiteral("start 0002_posts"), QStringLiteral("finish 0002_posts")}));
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
        // issue 32, P11: a version that is none is an error, not 'no events recorded'
        const Run bad
            = migrate(on(db, f.path()) << QStringLiteral("history") << QStringLiteral("1x"));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("1x is not a version")),
                 qPrintable(bad.out + bad.err));
        const Run none
            = migrate(on(db, f.path()) << QStringLiteral("history") << QStringLiteral("9"));
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QStringLiteral("no events recorded for migration 9")),
                 qPrintable(none.out + none.err));
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
        QVERIFY2(
            upDry.err.contains(QStringLiteral("0003_bad/up.sql:2:1: SAVEPOINT cannot be used")),
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
        QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("server"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('t3') IS NULL"), QStringLiteral("t"));
    }

    // Our own refusal in --json: its code, and no SQLSTATE (the server said nothing).
    void refusedMigrationJsonHasItsCode()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_heap"),
              "-- uaip:no-transaction\n-- uaip:batch rows=10\n"
              "CREATE TABLE heap (id int);\nUPDATE heap SET id = id + 1;\n",
              "DROP TABLE heap;\n");
        const Run r = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject failure = r.json().value(QStringLiteral("failure")).toObject();
        QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("refused"));
        QCOMPARE(failure.value(QStringLiteral("sqlstate")).toString(), QString());
        QCOMPARE(failure.value(QStringLiteral("line")).toInt(), 4);
        QVERIFY2(failure.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("no primary key")),
                 qPrintable(r.out));
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
};

QTEST_GUILESS_MAIN(TestUaipMigrateRun)
#include "tst_uaipmigraterun.moc"
