// Issue 59, point 1: an online change under the platform's traffic. `new --online` (the
// OnlineChangeBuilder, proved on the sandbox) writes the expand and the contract of a column
// rename, a rewriting type change and SET NOT NULL of a table whose names hold a quote, a
// semicolon and a space. pgbench, connected as an application role that owns nothing, reads,
// updates and inserts through the OLD name while the expand runs and through the NEW name while
// the contract runs: no transaction fails, and every row (those written during the expand too)
// is equal in both shapes. The contract is refused while the workload still named the old column
// after the expand, listing the statement; kill -9 during the expand's backfill, then
// `repair --resume`, leaves every row filled exactly once. A column split runs the same way: the
// old shape written through the expand, the new one through the contract.
#include "approle.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrationfolder.h"
#include "online/onlinechange.h"
#include "online/onlinechangebuilder.h"
#include "servertools.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr int kRows = 20000;
constexpr const char *kTable = "app.\"acc;\"\"x\"";

QList<Migration> load(const QString &dir)
{
    MigrationSource source;
    if (!source.load(dir))
        qWarning("%s", qPrintable(source.errors().join(u'\n')));
    return source.migrations();
}

// The rows the app never touches: the cases write and read them while it runs (ids 1 to 10).
constexpr int kUntouchedRows = 10;

// The app's script: a lookup, an update and an insert through column (quoted), on a random row
// past the untouched ones.
QByteArray appScript(const QByteArray &column, const QByteArray &value)
{
    return QByteArray("\\set id random(") + QByteArray::number(kUntouchedRows + 1) + ", "
        + QByteArray::number(kRows) + ")\nSELECT " + column + " FROM " + kTable
        + " WHERE id = :id;\nUPDATE " + kTable + " SET " + column + " = " + value
        + " WHERE id = :id;\nINSERT INTO " + kTable + " (" + column + ") VALUES (" + value + ");\n";
}

// pgbench as the application role: n transactions on each of 4 clients. Started, not waited.
void startApp(QProcess &app, const AppRole &role, const QString &script)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), TestCluster::loginPassword());
    env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("platform"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(Sandbox::serverBinDir() + QStringLiteral("/pgbench"),
              {QStringLiteral("-n"), QStringLiteral("-f"), script, QStringLiteral("-c"),
               QStringLiteral("4"), QStringLiteral("-t"), QStringLiteral("150"), role.conninfo()});
}

// Waits for pgbench: it ran every transaction, none failed.
void expectNoFailure(QProcess &app)
{
    QVERIFY(app.waitForFinished(120000));
    const QString out = QString::fromUtf8(app.readAll());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("number of transactions actually processed: 600/600")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("number of failed transactions: 0 ")), qPrintable(out));
}

class OnlineChangeTraffic : public QObject
{
    Q_OBJECT

    struct Case
    {
        TestDatabase db;
        MigrationFolder folder;
        std::unique_ptr<AppRole> role;
        QTemporaryDir scripts;
        QString expand; // version
    };

    // 0001 makes the table; applied and filled with kRows rows; the application role may read
    // and write it; pg_stat_statements counts for the contract gate.
    static void setUp(Case &c, const QByteArray &columns, const QByteArray &more = {})
    {
        QVERIFY(c.db.witness().execScript("CREATE EXTENSION pg_stat_statements;").ok());
        c.folder.add(QStringLiteral("0001_acc"),
                     QByteArray("CREATE SCHEMA app;\nCREATE TABLE ") + kTable
                         + " (id bigserial PRIMARY KEY, " + columns + ");\n" + more,
                     "DROP SCHEMA app CASCADE;\n");
        QVERIFY(MigrationRunner(c.db.witness(), load(c.folder.path()), {}).up().ok());
        const PgResult filled = c.db.witness().exec(QByteArray("INSERT INTO ") + kTable
                                                    + " (id) SELECT g FROM generate_series(1, "
                                                    + QByteArray::number(kRows) + ") g");
        QVERIFY2(filled.ok(), qPrintable(filled.error().toString()));
        QVERIFY(c.db.witness()
                    .exec(QByteArray("SELECT setval(pg_get_serial_sequence('") + kTable
                          + "', 'id'), " + QByteArray::number(kRows) + ")")
                    .ok());
        c.role = std::make_unique<AppRole>(c.db, QStringLiteral("SELECT, INSERT, UPDATE"));
        const QByteArray role = c.db.witness().quoteIdentifier(c.role->name);
        QVERIFY(c.db.witness()
                    .execScript("GRANT USAGE ON SCHEMA app TO " + role
                                + "; GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA app TO "
                                + role + "; GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO " + role
                                + ";")
                    .ok());
    }

    // new --online: the pair proved on the sandbox and written into the folder.
    static void writePair(Case &c, const QByteArray &sql, const QString &name)
    {
        OnlineChangeBuilder builder(TestCluster::sandbox(), load(c.folder.path()));
        const auto pair = builder.build(sql, name, QDateTime::currentDateTimeUtc());
        QVERIFY2(pair, qPrintable(pair ? QString() : pair.error().toString()));
        QVERIFY(!pair->scripts.single);
        const auto written
            = OnlineChangeBuilder::write(*pair, c.folder.path(), load(c.folder.path()));
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        c.expand = pair->expandFolder.section(u'_', 0, 0);
    }

    static QString script(Case &c, const QByteArray &column, const QByteArray &value)
    {
        const QString path = c.scripts.filePath(QString::fromUtf8(column.toHex()));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || !f.write(appScript(column, value)))
            return QString();
        f.setPermissions(f.permissions() | QFileDevice::ReadOther);
        return path;
    }

    static RunResult up(Case &c, const std::optional<QString> &to, const QString &force = {})
    {
        MigrationRunOptions o;
        o.forceContract = force;
        o.maxBlockingRows = 1000; // the table counts as big: the expand must pass the gate
        MigrationRunner runner(c.db.witness(), load(c.folder.path()), o);
        return runner.up(to ? std::optional(*MigrationVersion::parse(*to)) : std::nullopt);
    }

    // The expand under the old name's traffic, the contract under the new name's (refused
    // first: the old name was used after the expand).
    static void underTraffic(Case &c, const QByteArray &oldColumn, const QByteArray &newColumn,
                             const QByteArray &value)
    {
        QProcess app;
        startApp(app, *c.role, script(c, oldColumn, value));
        QVERIFY(waitFor(
            [&] {
                return c.db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                                   "application_name = 'platform'")
                           .toInt()
                    > 0;
            },
            30000));
        const RunResult expanded = up(c, c.expand);
        QVERIFY2(expanded.ok(), qPrintable(expanded.message + expanded.problems.join(u'\n')));
        expectNoFailure(app);
        if (QTest::currentTestFailed())
            return;
        // a rename's contract removes the old name: while the application still names it after
        // the expand, the contract waits (a type change and SET NOT NULL keep the name)
        const bool renamed = oldColumn != newColumn;
        PgConnection late;
        QVERIFY(late.open(c.role->conninfo(), QStringLiteral("platform")));
        QVERIFY(late.exec("SELECT " + oldColumn + " FROM " + kTable + " WHERE id = 7").ok());
        if (renamed) {
            const RunResult refused = up(c, std::nullopt);
            QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
            QVERIFY2(refused.problems.join(u'\n').contains(QStringLiteral("call(s) naming")),
                     qPrintable(refused.message + refused.problems.join(u'\n')));
        }
        QProcess next;
        startApp(next, *c.role, script(c, newColumn, value));
        const RunResult contracted = up(
            c, std::nullopt,
            renamed ? QStringLiteral("the test's last old-name read was on purpose") : QString());
        QVERIFY2(contracted.ok(), qPrintable(contracted.message + contracted.problems.join(u'\n')));
        expectNoFailure(next);
    }

private slots:
    void renameUnderTraffic()
    {
        Case c;
        setUp(c, "\"na me\" text NOT NULL DEFAULT 'x', note text",
              QByteArray("CREATE INDEX \"na me idx\" ON ") + kTable + " (\"na me\");\n");
        writePair(c,
                  QByteArray("ALTER TABLE ") + kTable + " RENAME COLUMN \"na me\" TO \"full name\"",
                  QStringLiteral("rename_na_me"));
        if (QTest::currentTestFailed())
            return;
        underTraffic(c, "\"na me\"", "\"full name\"", "md5(random()::text)");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable
                             + " WHERE \"full name\" IS NULL"),
                 QStringLiteral("0"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable),
                 QString::number(kRows + 1200));
        QCOMPARE(
            c.db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'app.\"acc;\"\"x\"'"
                        "::regclass AND attname = 'na me' AND NOT attisdropped"),
            QStringLiteral("0"));
        QCOMPARE(c.db.scalar("SELECT pg_get_indexdef('app.\"na me idx\"'::regclass)"),
                 QStringLiteral("CREATE INDEX \"na me idx\" ON app.\"acc;\"\"x\" USING btree "
                                "(\"full name\")"));
    }

    void rowsEqualThroughTheExpand()
    {
        Case c;
        setUp(c, "\"na me\" text, note text");
        if (QTest::currentTestFailed())
            return;
        writePair(c,
                  QByteArray("ALTER TABLE ") + kTable + " RENAME COLUMN \"na me\" TO \"full name\"",
                  QStringLiteral("rename_na_me"));
        if (QTest::currentTestFailed())
            return;
        QProcess app;
        startApp(app, *c.role, script(c, "\"na me\"", "md5(random()::text)"));
        const RunResult expanded = up(c, c.expand);
        QVERIFY2(expanded.ok(), qPrintable(expanded.message + expanded.problems.join(u'\n')));
        expectNoFailure(app);
        // every row, those the traffic wrote during the expand too, equal in both shapes
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable
                             + " WHERE \"na me\" IS DISTINCT FROM \"full name\""),
                 QStringLiteral("0"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable),
                 QString::number(kRows + 600));
        // and a writer of the new name is seen through the old one
        PgConnection w;
        QVERIFY(w.open(c.role->conninfo(), QStringLiteral("platform")));
        QVERIFY(w.exec(QByteArray("UPDATE ") + kTable + " SET \"full name\" = 'new' WHERE id = 3")
                    .ok());
        QCOMPARE(c.db.scalar(QByteArray("SELECT \"na me\" FROM ") + kTable + " WHERE id = 3"),
                 QStringLiteral("new"));
    }

    void typeChangeUnderTraffic()
    {
        Case c;
        setUp(c, "amount int NOT NULL DEFAULT 0");
        if (QTest::currentTestFailed())
            return;
        writePair(c, QByteArray("ALTER TABLE ") + kTable + " ALTER COLUMN amount TYPE bigint",
                  QStringLiteral("amount_bigint"));
        if (QTest::currentTestFailed())
            return;
        underTraffic(c, "amount", "amount", "(random() * 1000)::int");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(c.db.scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE "
                             "attrelid = 'app.\"acc;\"\"x\"'::regclass AND attname = 'amount'"),
                 QStringLiteral("bigint"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable),
                 QString::number(kRows + 1200));
        // values beyond int now fit
        QVERIFY(c.db.witness()
                    .exec(QByteArray("UPDATE ") + kTable + " SET amount = 5000000000 WHERE id = 1")
                    .ok());
    }

    void notNullUnderTraffic()
    {
        Case c;
        setUp(c, "note text DEFAULT 'n'");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(c.db.witness().exec(QByteArray("UPDATE ") + kTable + " SET note = 'n'").ok());
        writePair(c, QByteArray("ALTER TABLE ") + kTable + " ALTER COLUMN note SET NOT NULL",
                  QStringLiteral("note_not_null"));
        if (QTest::currentTestFailed())
            return;
        underTraffic(c, "note", "note", "md5(random()::text)");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(c.db.scalar("SELECT attnotnull FROM pg_attribute WHERE attrelid = "
                             "'app.\"acc;\"\"x\"'::regclass AND attname = 'note'"),
                 QStringLiteral("t"));
    }

    // A column split under traffic: the old shape written (one "na me" of two words) through the
    // expand, the new shape ("first", "last") through the contract; every row's shapes agree
    // after the expand (those written during it too), and a writer of the new columns is seen
    // through the old one, joined.
    void splitUnderTraffic()
    {
        Case c;
        setUp(c, "\"na me\" text NOT NULL DEFAULT 'a b'");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(
            c.db.witness()
                .exec(QByteArray("UPDATE ") + kTable + " SET \"na me\" = 'v' || id || ' w' || id")
                .ok());
        writePair(
            c,
            QByteArray("ALTER TABLE ") + kTable
                + " ADD COLUMN \"first\" text GENERATED ALWAYS AS (split_part(\"na me\", ' ', "
                  "1)) STORED, ADD COLUMN \"last\" text GENERATED ALWAYS AS "
                  "(split_part(\"na me\", ' ', 2)) STORED, ALTER COLUMN \"na me\" SET DEFAULT "
                  "(concat_ws(' ', \"first\", \"last\")), DROP COLUMN \"na me\"",
            QStringLiteral("split_na_me"));
        if (QTest::currentTestFailed())
            return;
        QProcess app;
        startApp(app, *c.role,
                 script(c, "\"na me\"", "md5(random()::text) || ' ' || md5(random()::text)"));
        const RunResult expanded = up(c, c.expand);
        QVERIFY2(expanded.ok(), qPrintable(expanded.message + expanded.problems.join(u'\n')));
        expectNoFailure(app);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable
                             + " WHERE ROW(\"first\", \"last\") IS DISTINCT FROM "
                               "ROW(split_part(\"na me\", ' ', 1), split_part(\"na me\", ' ', 2))"),
                 QStringLiteral("0"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable),
                 QString::number(kRows + 600));
        // a writer of the new shape during the expand: the old column joined
        PgConnection w;
        QVERIFY(w.open(c.role->conninfo(), QStringLiteral("platform")));
        QVERIFY(w.exec(QByteArray("UPDATE ") + kTable + " SET \"last\" = 'z' WHERE id = 5").ok());
        QCOMPARE(c.db.scalar(QByteArray("SELECT \"na me\" FROM ") + kTable + " WHERE id = 5"),
                 QStringLiteral("v5 z"));
        // the contract waits while the old column is named since the expand, then runs under
        // the new shape's traffic
        QVERIFY(w.exec(QByteArray("SELECT \"na me\" FROM ") + kTable + " WHERE id = 7").ok());
        const RunResult refused = up(c, std::nullopt);
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QProcess next;
        startApp(next, *c.role, script(c, "\"last\"", "md5(random()::text)"));
        const RunResult contracted
            = up(c, std::nullopt, QStringLiteral("the old shape's traffic of the test ended"));
        QVERIFY2(contracted.ok(), qPrintable(contracted.message + contracted.problems.join(u'\n')));
        expectNoFailure(next);
        QCOMPARE(c.db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = "
                             "'app.\"acc;\"\"x\"'::regclass AND attname = 'na me' AND NOT "
                             "attisdropped"),
                 QStringLiteral("0"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable),
                 QString::number(kRows + 1200));
    }

    // A split written wrong is refused with line:col and what is missing, nothing written.
    void splitWrittenWrongIsRefused()
    {
        const auto refused = [](const QByteArray &sql) {
            const Result<OnlineChange> r = OnlineChange::parse(sql);
            return r ? QString() : r.error().text();
        };
        // no SET DEFAULT: how the old value is made from the new ones is missing
        QVERIFY(refused("ALTER TABLE t ADD COLUMN a text GENERATED ALWAYS AS (split_part(c, ' ', "
                        "1)) STORED, ADD COLUMN b text GENERATED ALWAYS AS (split_part(c, ' ', 2)) "
                        "STORED, DROP COLUMN c")
                    .contains(QStringLiteral("ALTER COLUMN c SET DEFAULT")));
        // one new column is no split
        QVERIFY(refused("ALTER TABLE t ADD COLUMN a text GENERATED ALWAYS AS (c) STORED, ALTER "
                        "COLUMN c SET DEFAULT (a), DROP COLUMN c")
                    .contains(QStringLiteral("two or more")));
        // another subcommand
        QVERIFY(refused("ALTER TABLE t ADD COLUMN a text GENERATED ALWAYS AS (c) STORED, ADD "
                        "COLUMN b text GENERATED ALWAYS AS (c) STORED, ALTER COLUMN c SET "
                        "DEFAULT (a), ADD COLUMN x int, DROP COLUMN c")
                    .startsWith(QStringLiteral("1:1: a column split has only")));
        const Result<OnlineChange> ok = OnlineChange::parse(
            "ALTER TABLE s.t ADD COLUMN \"a;\" numeric(10, 2) GENERATED ALWAYS AS ((c).x /* 1 */) "
            "STORED, ADD COLUMN b text GENERATED ALWAYS AS (f((c).y, ')')) STORED, ALTER COLUMN "
            "c SET DEFAULT (row(\"a;\", b)::pair), DROP COLUMN c");
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().text()));
        QCOMPARE(ok->kind, OnlineChange::Kind::SplitColumn);
        QCOMPARE(ok->schema, QStringLiteral("s"));
        QCOMPARE(ok->column, QStringLiteral("c"));
        QCOMPARE(ok->parts.size(), 2);
        QCOMPARE(ok->parts.at(0).name, QStringLiteral("a;"));
        QCOMPARE(ok->parts.at(0).type, QByteArray("numeric(10, 2)"));
        QCOMPARE(ok->parts.at(0).expr, QByteArray("(c).x")); // its comment left out
        QCOMPARE(ok->parts.at(1).expr, QByteArray("f((c).y, ')')"));
        QCOMPARE(ok->joinExpr, QByteArray("row(\"a;\", b)::pair"));
    }

    // kill -9 while the expand's backfill waits on a row lock in its last batch, then
    // repair --resume: every row filled, none twice (the trigger would not tell; the counts do).
    void killDuringTheBackfillThenResume()
    {
        Case c;
        setUp(c, "\"na me\" text, note text");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(c.db.witness()
                    .exec(QByteArray("UPDATE ") + kTable + " SET \"na me\" = 'v' || id")
                    .ok());
        writePair(c,
                  QByteArray("ALTER TABLE ") + kTable + " RENAME COLUMN \"na me\" TO \"full name\"",
                  QStringLiteral("rename_na_me"));
        if (QTest::currentTestFailed())
            return;
        QProcess killed;
        killed.start(TestCluster::migrateBinary(),
                     on(c.db, c.folder.path())
                         + QStringList{QStringLiteral("--max-blocking-rows"),
                                       QStringLiteral("1000"), QStringLiteral("--lock-timeout"),
                                       QStringLiteral("60s"), QStringLiteral("up"),
                                       QStringLiteral("--to"), c.expand});
        // once the trigger is there (the statements before the backfill took their table locks),
        // the last row is locked: the backfill stops at its last batch, the ones before committed
        QVERIFY(waitFor(
            [&] {
                return c.db.scalar("SELECT count(*) FROM pg_trigger WHERE tgrelid = "
                                   "'app.\"acc;\"\"x\"'::regclass AND NOT tgisinternal")
                    == u"1";
            },
            60000));
        PgConnection holder;
        QVERIFY(holder.open(c.db.conninfo(), QStringLiteral("holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder
                    .exec(QByteArray("SELECT 1 FROM ") + kTable
                          + " WHERE id = " + QByteArray::number(kRows) + " FOR UPDATE")
                    .ok());
        QVERIFY(waitFor(
            [&] {
                return !c.db.scalar("SELECT progress_batch FROM "
                                    "uaip_ledger.uaip_schema_migrations WHERE "
                                    "version = '"
                                    + c.expand.toUtf8() + "'")
                            .isEmpty();
            },
            60000));
        killed.kill(); // SIGKILL
        QVERIFY(killed.waitForFinished(10000));
        QVERIFY(holder.exec("ROLLBACK").ok());
        // the killed run's backend ends with its connection
        QVERIFY(waitFor(
            [&] {
                return c.db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                                   "application_name LIKE 'uaip-migrate%'")
                    == u"0";
            },
            30000));
        const Run resumed = migrate(c.db.conninfo(),
                                    {QStringLiteral("--dir"), c.folder.path(),

                                     QStringLiteral("repair"), QStringLiteral("--resume"), c.expand,
                                     QStringLiteral("--yes")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable
                             + " WHERE \"full name\" IS DISTINCT FROM \"na me\""),
                 QStringLiteral("0"));
        QCOMPARE(c.db.scalar(QByteArray("SELECT count(*) FROM ") + kTable), QString::number(kRows));
    }
};

} // namespace

QTEST_GUILESS_MAIN(OnlineChangeTraffic)
#include "tst_onlinechangetraffic.moc"
