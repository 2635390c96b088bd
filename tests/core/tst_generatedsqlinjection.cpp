// Issue 36, point 9: nothing a name holds can leave a comment of a generated migration. A
// quoted identifier may hold CR and LF; PostgreSQL ends a "--" comment at either. Each case
// gives the live database an object whose name carries a statement after a line break, has
// DriftMigrationBuilder generate and prove the migration (the proof runs it on the sandbox,
// as `diff` and `diff --dry-run` do), and checks that the statement ran nowhere and is not a
// statement of the written files.
#include "db/pgconnection.h"
#include "drift/driftmigrationbuilder.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrationfolder.h"
#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitter.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kBase = "CREATE SCHEMA app;\n"
                              "CREATE TABLE app.t (id int PRIMARY KEY, code varchar(10));\n";

QList<Migration> load(const QString &dir)
{
    MigrationSource source;
    if (!source.load(dir))
        qWarning("%s", qPrintable(source.errors().join(u'\n')));
    return source.migrations();
}

// A role name no other run uses: the payload creates it if it ever runs (roles are
// cluster-wide, so a run on the scratch database shows on the witness connection).
// The live database at the folder's 0001 (schema app, table app.t).
bool atBase(TestDatabase &live, MigrationFolder &folder)
{
    folder.add(QStringLiteral("0001_app"), kBase, "DROP SCHEMA app CASCADE;\n");
    MigrationRunner runner(live.witness(), load(folder.path()), {});
    return runner.up().ok();
}

// `uaip-migrate diff --dry-run` of the live database against the folder, on the test sandbox.
Run diffDryRun(TestDatabase &live, MigrationFolder &folder)
{
    return migrate(on(live, folder.path())
                   << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                   << QStringLiteral("diff") << QStringLiteral("--name") << QStringLiteral("drift")
                   << QStringLiteral("--dry-run"));
}

QString markerRole()
{
    return QStringLiteral("uaip_injected_%1")
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

// Every statement of a file, as the runner would send them.
QStringList statements(const QByteArray &sql)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (!split.ok())
        return {QStringLiteral("<syntax error: %1>").arg(split.error->message)};
    QStringList out;
    for (const SqlStatement &s : split.statements)
        out << QString::fromUtf8(s.text);
    return out;
}

} // namespace

class TestGeneratedSqlInjection : public QObject
{
    Q_OBJECT

private slots:
    void nameCannotLeaveAComment_data()
    {
        QTest::addColumn<QByteArray>("change"); // %1: the marker role
        QTest::addColumn<QString>("payload"); // what must never be a statement

        // A REVIEW note ("aggregate ... is not generated") names the aggregate.
        QTest::newRow("aggregate, LF, REVIEW note")
            << QByteArray("CREATE AGGREGATE app.\"x\nCREATE ROLE %1;--\" (int) "
                          "(sfunc = int4pl, stype = int);")
            << QStringLiteral("CREATE ROLE %1");
        QTest::newRow("aggregate, CR, REVIEW note")
            << QByteArray("CREATE AGGREGATE app.\"x\rCREATE ROLE %1;--\" (int) "
                          "(sfunc = int4pl, stype = int);")
            << QStringLiteral("CREATE ROLE %1");
        // A narrowing type change is held back: "-- ALTER TABLE ... TYPE <domain>".
        QTest::newRow("domain, CR, held-back ALTER TABLE")
            << QByteArray("CREATE DOMAIN app.\"d\rCREATE ROLE %1;--\" AS int;\n"
                          "ALTER TABLE app.t ALTER COLUMN code TYPE app.\"d\rCREATE ROLE "
                          "%1;--\" USING 1;")
            << QStringLiteral("CREATE ROLE %1");
        // A dropped table is held back: "-- DROP TABLE <name>", and its note names it.
        QTest::newRow("table, CRLF, held-back DROP TABLE")
            << QByteArray("DROP TABLE app.\"t\r\nCREATE ROLE %1;--\";")
            << QStringLiteral("CREATE ROLE %1");
    }

    void nameCannotLeaveAComment()
    {
        QFETCH(QByteArray, change);
        QFETCH(QString, payload);
        const QString role = markerRole();
        change.replace("%1", role.toUtf8());
        payload = payload.arg(role);

        TestDatabase live;
        MigrationFolder folder;
        QByteArray base = kBase;
        if (change.startsWith("DROP TABLE")) // the hostile name is the migrations' own table's
            base.replace("app.t ", change.mid(11).chopped(1) + ' ');
        folder.add(QStringLiteral("0001_app"), base, "DROP SCHEMA app CASCADE;\n");
        const QList<Migration> migrations = load(folder.path());
        {
            MigrationRunner runner(live.witness(), migrations, {});
            QVERIFY2(runner.up().ok(), "0001 applies");
        }
        const PgResult made = live.witness().execScript(change);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));

        DriftMigrationBuilder builder(TestCluster::sandbox(), migrations);
        const auto generated = builder.build(live.witness(), QStringLiteral("drift"),
                                             QDateTime::currentDateTimeUtc());
        // The proof never ran the payload: the role does not exist anywhere on the cluster.
        QCOMPARE(live.scalar("SELECT count(*) FROM pg_roles WHERE rolname = $1", {role}),
                 QStringLiteral("0"));
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().toString()));
        QVERIFY(generated->hasDrift());
        for (const QByteArray *file : {&generated->upSql, &generated->downSql})
            for (const QString &s : statements(*file))
                QVERIFY2(!s.startsWith(payload),
                         qPrintable(QStringLiteral("a statement of the file is the name's:\n%1\n"
                                                   "--- file\n%2")
                                        .arg(s, QString::fromUtf8(*file))));
    }

    // A commented-out line is a comment line, where "-- uaip:no-transaction" is a directive:
    // a name that puts one at the start of a line must not make the migration one.
    void nameCannotBecomeADirective()
    {
        TestDatabase live;
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_app"),
                   "CREATE SCHEMA app;\n"
                   "CREATE TABLE app.\"t\nuaip:no-transaction\n\" (id int);\n"
                   "CREATE TABLE app.\"u\n -- UAIP:lock-timeout=1ms\n\" (id int);\n",
                   "DROP SCHEMA app CASCADE;\n");
        const QList<Migration> migrations = load(folder.path());
        {
            MigrationRunner runner(live.witness(), migrations, {});
            QVERIFY2(runner.up().ok(), "0001 applies");
        }
        QVERIFY(live.witness()
                    .execScript("DROP TABLE app.\"t\nuaip:no-transaction\n\";\n"
                                "DROP TABLE app.\"u\n -- UAIP:lock-timeout=1ms\n\";")
                    .ok());
        DriftMigrationBuilder builder(TestCluster::sandbox(), migrations);
        const auto generated = builder.build(live.witness(), QStringLiteral("drift"),
                                             QDateTime::currentDateTimeUtc());
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().toString()));
        for (const QByteArray *file : {&generated->upSql, &generated->downSql}) {
            const auto directives = MigrationDirectives::parse(*file);
            QVERIFY2(directives,
                     qPrintable((directives ? QString() : directives.error().toString()) + u'\n'
                                + QString::fromUtf8(*file)));
            QVERIFY2(!directives->noTransaction, file->constData());
            QVERIFY2(!directives->lockTimeoutMs, file->constData());
        }
    }

    // `diff --dry-run` proves the migration too: the CLI path, with the payload in a note.
    void dryRunRunsNothingANameHolds()
    {
        const QString role = markerRole();
        TestDatabase live;
        MigrationFolder folder;
        QVERIFY(atBase(live, folder));
        const PgResult made = live.witness().execScript(
            QStringLiteral("CREATE AGGREGATE app.\"x\nCREATE ROLE %1;--\" (int) (sfunc = int4pl, "
                           "stype = int);")
                .arg(role)
                .toUtf8());
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const Run r = diffDryRun(live, folder);
        QCOMPARE(live.scalar("SELECT count(*) FROM pg_roles WHERE rolname = $1", {role}),
                 QStringLiteral("0"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        // The note names the aggregate on one line, its line feed shown as \n.
        QVERIFY2(r.out.contains(QStringLiteral("-- REVIEW (not_generated): aggregate "
                                               "app.\"x\\nCREATE ROLE %1;--\"(integer) is not "
                                               "generated")
                                    .arg(role)),
                 qPrintable(r.out));
    }

    // Issue 41, point 10: a target whose aggregate belongs to another role, and a domain whose
    // CHECK calls a function of the target: diff generates and proves the rest (the domain's
    // CHECK added after the function), and lists the aggregate (and its owner) to write by hand.
    // Before, the proof failed on "owner aggregate app.agg" and on the CHECK's function.
    void aggregateOwnerAndDomainCheckFunction()
    {
        const QString role = markerRole();
        TestDatabase live;
        MigrationFolder folder;
        QVERIFY(atBase(live, folder));
        const PgResult made = live.witness().execScript(
            QStringLiteral("CREATE ROLE %1;\n"
                           "CREATE FUNCTION app.positive(int) RETURNS boolean LANGUAGE sql "
                           "IMMUTABLE AS 'SELECT $1 > 0';\n"
                           "CREATE DOMAIN app.pos AS int CHECK (app.positive(VALUE));\n"
                           "CREATE TABLE app.counts (id int PRIMARY KEY, n app.pos);\n"
                           "CREATE AGGREGATE app.agg (int) (sfunc = int4pl, stype = int);\n"
                           "ALTER AGGREGATE app.agg (int) OWNER TO %1;\n")
                .arg(role)
                .toUtf8());
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const Run r = diffDryRun(live, folder);
        live.witness().execScript(
            QStringLiteral("DROP AGGREGATE app.agg (int); DROP ROLE %1").arg(role).toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const qsizetype function
            = r.out.indexOf(QStringLiteral("CREATE OR REPLACE FUNCTION app.positive"));
        const qsizetype check
            = r.out.indexOf(QStringLiteral("ALTER DOMAIN app.pos ADD CONSTRAINT"));
        QVERIFY2(function >= 0 && check > function, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("aggregate app.agg")), qPrintable(r.out));
    }

    // Issue 41, point 10: names reach the terminal escaped — an ESC sequence, an OSC title
    // with its BEL, a line break — in the drift listing and in the dry run's SQL (whose own
    // line breaks stay), never raw.
    void controlCharactersInNamesNeverReachTheTerminal()
    {
        TestDatabase live;
        MigrationFolder folder;
        QVERIFY(atBase(live, folder));
        const PgResult made
            = live.witness().execScript("CREATE TABLE app.\"red\x1b[31m\" (id int);\n"
                                        "CREATE TABLE app.\"title\x1b]0;pwned\x07\" (id int);\n"
                                        "CREATE TABLE app.\"two\nlines\" (id int);\n");
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const Run r = diffDryRun(live, folder);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(!r.out.contains(QChar(0x1b)) && !r.out.contains(QChar(0x07))
                     && !r.err.contains(QChar(0x1b)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("red\\u001b[31m")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("title\\u001b]0;pwned\\u0007")), qPrintable(r.out));
        // the listing keeps one line per difference: the name's line break is shown as \n
        QVERIFY2(r.out.contains(QStringLiteral("two\\nlines")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestGeneratedSqlInjection)
#include "tst_generatedsqlinjection.moc"
