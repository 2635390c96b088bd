// What a guarded run's verdict walked is what runs (VerdictHold, issue 78's B5): the judge
// probes in a transaction of its own, and another role replacing a view between the verdict and
// the run (CREATE OR REPLACE VIEW app.flip AS SELECT app.evil()) got its function run as the
// reader in 113 of 250 runs. The run now locks what the verdict reached and judges again in its
// own transaction: a verdict gone stale is refused, what is read stays locked until the run's
// transaction ends, and a view flipped all the while is never run flipped.
#include "db/pgconnection.h"
#include "db/transaction.h"
#include "guardedruntestutil.h"
#include "readerlogin.h"
#include "sqlconsole/runviews.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementsafety.h"
#include "sqlconsole/verdicthold.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kAppRole = "uaip_hold_app";
constexpr const char *kEvil = "uaip-evil-ran";

// The application role's schema: a table, a benign view over it, and a function that says it
// ran (the attack's stand-in: run as the reader it could read everything).
bool makeApp(TestDatabase &db)
{
    PgConnection &w = db.witness();
    const QList<QByteArray> sql{
        QByteArray("DO $$ BEGIN CREATE ROLE ") + kAppRole + " LOGIN PASSWORD '"
            + TestCluster::loginPassword().toUtf8()
            + "'; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
        QByteArray("CREATE SCHEMA app AUTHORIZATION ") + kAppRole,
        QByteArray("SET ROLE ") + kAppRole,
        QByteArray("CREATE FUNCTION app.evil() RETURNS int LANGUAGE plpgsql AS $$ BEGIN "
                   "RAISE EXCEPTION '")
            + kEvil + "'; END $$",
        "CREATE TABLE app.src (n int)",
        "INSERT INTO app.src SELECT g FROM generate_series(1, 5) g",
        "CREATE VIEW app.flip AS SELECT n FROM app.src",
        "RESET ROLE",
    };
    for (const QByteArray &s : sql)
        if (const PgResult r = w.execScript(s); !r.ok()) {
            qWarning("%s: %s", s.constData(), qPrintable(r.error().toString()));
            return false;
        }
    return true;
}

QString appConninfo(TestDatabase &db)
{
    return db.conninfo() + QStringLiteral(" user=") + QLatin1String(kAppRole);
}

constexpr auto kBenign = "CREATE OR REPLACE VIEW app.flip AS SELECT n FROM app.src";
constexpr auto kFlipped
    = "CREATE OR REPLACE VIEW app.flip AS SELECT n + app.evil() AS n FROM app.src";

// What the application makes while the console reads, and the statement the console reads: a
// cast of its enum to text through its function (CREATE CAST needs no lock the reader could
// hold); a better match for upper() in a schema of the console's search_path (CVE-2018-1058's
// kind).
constexpr auto kCastRead = "SELECT s::text AS s FROM app.e";
constexpr auto kCastMade = "CREATE CAST (app.st AS text) WITH FUNCTION app.castf(app.st)";
constexpr auto kMatchRead = "SELECT upper(v) AS u FROM app.vc";
constexpr auto kMatchMade = "CREATE FUNCTION app.upper(varchar) RETURNS text LANGUAGE plpgsql "
                            "AS $$ BEGIN RAISE EXCEPTION 'uaip-evil-ran'; END $$";

// The enum, its table and the cast's function, and a table of varchar for upper().
bool makeCastAndMatch(TestDatabase &db)
{
    const QByteArray sql = QByteArray("SET ROLE ") + kAppRole
        + "; CREATE TYPE app.st AS ENUM ('on', 'off'); CREATE TABLE app.e (s app.st); "
          "INSERT INTO app.e VALUES ('on'), ('off'); "
          "CREATE FUNCTION app.castf(app.st) RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
          "RAISE EXCEPTION '"
        + kEvil
        + "'; END $$; CREATE TABLE app.vc (v varchar); INSERT INTO app.vc VALUES ('a'); "
          "RESET ROLE";
    if (const PgResult r = db.witness().execScript(sql); !r.ok()) {
        qWarning("%s", qPrintable(r.error().toString()));
        return false;
    }
    return true;
}

void addChanges()
{
    QTest::addColumn<QByteArray>("statement");
    QTest::addColumn<QByteArray>("made");
    QTest::newRow("a cast made") << QByteArray(kCastRead) << QByteArray(kCastMade);
    QTest::newRow("a better match made") << QByteArray(kMatchRead) << QByteArray(kMatchMade);
}

} // namespace

class TestVerdictHold : public QObject
{
    Q_OBJECT

private slots:
    // A verdict judged before the view was replaced is refused in the run's transaction: the
    // statement that read now reaches the application's function.
    void aVerdictGoneStaleIsRefused()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        ReaderLogin reader(db);
        PgConnection session;
        QVERIFY(session.open(db.conninfo() + QStringLiteral(" user=") + reader.name));
        const QList<StatementClass> statements{StatementClass::of("SELECT * FROM app.flip")};
        const Result<QList<StatementVerdict>> judged
            = StatementSafety::judge(session, statements, QString());
        QVERIFY2(judged.ok(), judged.ok() ? "" : qPrintable(judged.error().toString()));
        QVERIFY(judged.value().first().reads());
        QCOMPARE(judged.value().first().relations.size(), 2); // app.flip and app.src
        PgConnection app;
        QVERIFY(app.open(appConninfo(db)));
        QVERIFY(app.exec(kFlipped).ok());

        Transaction run(session);
        TransactionOptions readWrite;
        readWrite.access = TransactionOptions::Access::ReadWrite;
        QVERIFY(run.begin(readWrite));
        int failedAt = -2;
        const Result<QList<RunView>> held
            = VerdictHold::hold(session, statements, judged.value(), QString(), true, &failedAt);
        QVERIFY(!held);
        QCOMPARE(held.error().code(), ErrorCode::Refused);
        QCOMPARE(failedAt, 0);
        QVERIFY2(held.error().toString().contains(QLatin1String("app.evil")),
                 qPrintable(held.error().toString()));
    }

    // While a guarded run's cursor is open, what it read is locked: the application cannot
    // replace the view until the run's transaction ends.
    void whatARunReadsStaysLocked()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r
            = runner.run(console, guardedRequest("SELECT 1 AS one; SELECT n FROM app.flip", 2));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.results.size(), 2);
        QVERIFY(!r.results.last().cursor.isEmpty()); // 5 rows, a page of 2: the cursor reads on
        QVERIFY(runner.readers().reader());
        const int pid = runner.readers().reader()->backendPid();
        const PgResult locks = db.witness().exec(
            "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE l.pid = $1 AND l.granted AND l.mode = 'AccessShareLock' "
            "AND c.relname IN ('flip', 'src') ORDER BY 1",
            {pid});
        QVERIFY(locks.ok());
        QCOMPARE(locks.rows(), 2);
        PgConnection app;
        QVERIFY(app.open(appConninfo(db)));
        QVERIFY(app.exec("SET lock_timeout = '20ms'").ok());
        const PgResult replaced = app.exec(kFlipped);
        QVERIFY(!replaced.ok());
        QCOMPARE(replaced.error().sqlState, QStringLiteral("55P03")); // lock_not_available
        QVERIFY(runner.closeResults(console, 100).ok());
        QVERIFY2(app.exec(kFlipped).ok(), "the view stays locked after the run ended");
    }

    // A least-privileged console reads a view it was granted over a table it may not read:
    // the view is locked, and the table through it (the hold does not LOCK what the login may
    // not read).
    void aViewOverATableTheLoginMayNotReadIsHeldThroughTheView()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        PgConnection &w = db.witness();
        const QByteArray password = TestCluster::loginPassword().toUtf8();
        for (const QByteArray &sql :
             {QByteArray("DO $$ BEGIN CREATE ROLE uaip_hold_analyst LOGIN PASSWORD '") + password
                  + "'; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
              QByteArray("SET ROLE ") + kAppRole,
              QByteArray("CREATE VIEW app.secure_v AS SELECT n FROM app.src"),
              QByteArray("GRANT USAGE ON SCHEMA app TO uaip_hold_analyst"),
              QByteArray("GRANT SELECT ON app.secure_v TO uaip_hold_analyst"),
              QByteArray("RESET ROLE")})
            QVERIFY2(w.execScript(sql).ok(), sql.constData());
        PgConnection console;
        QVERIFY(console.open(db.conninfo() + QStringLiteral(" user=uaip_hold_analyst")));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r
            = runner.run(console, guardedRequest("SELECT count(*) FROM app.secure_v"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(r.readAs.isEmpty()); // its own session: it holds no dangerous right
        QCOMPARE(r.results.first().rows.first().first().toString(), QStringLiteral("5"));
    }

    // The reader reads the console's schemas even where its own default path would name a
    // schema another role made after the reader connected ("$user" is the reader there).
    void aSchemaNamedAfterTheReaderMadeLaterIsNotRead()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        ReaderLogin reader(db);
        PgConnection &w = db.witness();
        QVERIFY(w.exec("CREATE VIEW public.report AS SELECT 'the console''s'::text AS v").ok());
        QVERIFY(
            w.exec("GRANT CREATE ON DATABASE " + w.quoteIdentifier(db.name()) + " TO " + kAppRole)
                .ok());
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        SqlRunResult r = runner.run(console, guardedRequest("SELECT v FROM report"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.readAs, reader.name);
        PgConnection app;
        QVERIFY(app.open(appConninfo(db)));
        const QByteArray planted = app.quoteIdentifier(reader.name);
        for (const QByteArray &sql :
             {"CREATE SCHEMA " + planted,
              "CREATE VIEW " + planted + ".report AS SELECT 'planted'::text AS v",
              "GRANT USAGE ON SCHEMA " + planted + " TO PUBLIC"})
            QVERIFY2(app.exec(sql).ok(), sql.constData());
        r = runner.run(console, guardedRequest("SELECT v FROM report"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.results.first().rows.first().first().toString(),
                 QStringLiteral("the console's"));
    }

    // Another role's domain is refused, CHECK or not: its owner may add one at any moment, and
    // no lock a reader takes stops that.
    void anotherRolesDomainIsRefused()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        QVERIFY(db.witness()
                    .execScript(QByteArray("SET ROLE ") + kAppRole
                                + "; CREATE DOMAIN app.plain AS int; RESET ROLE")
                    .ok());
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(console, guardedRequest("SELECT 1::app.plain"));
        QVERIFY(!r.ok());
        QVERIFY2(errorOf(r).contains(QLatin1String("app.plain")), qPrintable(errorOf(r)));
        QVERIFY2(errorOf(r).contains(QLatin1String("domain")), qPrintable(errorOf(r)));
    }

    // A cast or a better-matching function made after the hold and before the statement runs
    // is not what runs: the statement runs from the view the hold made and walked (RunViews),
    // resolved before the change. The same text parsed again would run the application's code.
    void aChangeAfterTheHoldIsNotWhatRuns_data() { addChanges(); }
    void aChangeAfterTheHoldIsNotWhatRuns()
    {
        QFETCH(QByteArray, statement);
        QFETCH(QByteArray, made);
        TestDatabase db;
        QVERIFY(makeApp(db));
        QVERIFY(makeCastAndMatch(db));
        ReaderLogin reader(db);
        PgConnection session;
        QVERIFY(session.open(db.conninfo() + QStringLiteral(" user=") + reader.name));
        QVERIFY(session.exec("SET search_path = app, public").ok());
        const QList<StatementClass> statements{StatementClass::of(statement)};
        const Result<QList<StatementVerdict>> judged
            = StatementSafety::judge(session, statements, QString());
        QVERIFY2(judged.ok() && judged.value().first().reads(),
                 judged.ok() ? qPrintable(judged.value().first().reason) : "judge failed");
        Transaction run(session);
        TransactionOptions readWrite;
        readWrite.access = TransactionOptions::Access::ReadWrite;
        QVERIFY(run.begin(readWrite));
        const Result<QList<RunView>> held
            = VerdictHold::hold(session, statements, judged.value(), QString(), true);
        QVERIFY2(held.ok(), held.ok() ? "" : qPrintable(held.error().toString()));
        QVERIFY(held.value().first().held());
        PgConnection app;
        QVERIFY(app.open(appConninfo(db)));
        QVERIFY2(app.exec(made).ok(), made.constData());
        QVERIFY(session.exec(Transaction::readOnlyCommand()).ok());
        const QByteArray ran
            = RunViews::runText(statement, statements.first(), held.value().first());
        const PgResult rows = session.execOne(ran);
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        QCOMPARE(rows.rows(), statement.contains("app.e") ? 2 : 1);
        QCOMPARE(rows.columnName(0), QString::fromLatin1(statement.contains("app.e") ? "s" : "u"));
        QVERIFY(rows.value(0, 0) == u"on" || rows.value(0, 0) == u"A");
        // the text itself, parsed now, would run the application's function
        const PgResult again = session.execOne(statement);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().toString().contains(QLatin1String(kEvil)),
                 qPrintable(again.error().toString()));
    }

    // A catalog SQL function whose body is text (textanycat behind text || any, quote_literal
    // of any value) looks its cast to text up when it is planned: no view holds that. On a value
    // of another role's type (which its owner may give a cast at any moment, also between two
    // statements of a run) such a call is refused, cast or not, as a call that runs code it is
    // given; on a value of a catalog type it reads.
    void aCastACatalogFunctionLooksUpWhenItRunsIsRefused_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("text || enum") << QByteArray("SELECT 'x' || s AS c FROM app.e");
        QTest::newRow("enum || text") << QByteArray("SELECT s || 'x' AS c FROM app.e");
        QTest::newRow("quote_literal") << QByteArray("SELECT quote_literal(s) FROM app.e");
        QTest::newRow("quote_nullable") << QByteArray("SELECT quote_nullable(s) FROM app.e");
        QTest::newRow("text || a row") << QByteArray("SELECT 'row ' || x AS c FROM app.e x");
    }
    void aCastACatalogFunctionLooksUpWhenItRunsIsRefused()
    {
        QFETCH(QByteArray, statement);
        TestDatabase db;
        QVERIFY(makeApp(db));
        QVERIFY(makeCastAndMatch(db));
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        SqlRunResult r = runner.run(console, guardedRequest("SELECT 'x' || n AS c FROM app.src"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r))); // a value of a catalog type: it reads
        PgConnection app;
        QVERIFY(app.open(appConninfo(db)));
        for (const bool cast : {false, true}) {
            if (cast)
                QVERIFY(app.exec(kCastMade).ok());
            r = runner.run(console, guardedRequest(statement));
            QVERIFY(!r.ok());
            QVERIFY2(!errorOf(r).contains(QLatin1String(kEvil)), qPrintable(errorOf(r)));
            QVERIFY2(errorOf(r).contains(QLatin1String("runs the SQL it is given")),
                     qPrintable(errorOf(r)));
        }
    }

    // The review's race: the application flips its view between benign and calling its function
    // while the console reads it; the flipped view never runs.
    void aViewFlippedAllTheWhileNeverRunsFlipped()
    {
        TestDatabase db;
        QVERIFY(makeApp(db));
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        std::atomic_bool stop{false};
        std::atomic_int flips{0};
        QString flipperError;
        std::thread flipper([&] {
            PgConnection app;
            if (!app.open(appConninfo(db))) {
                flipperError = app.connectionError();
                return;
            }
            while (!stop.load()) {
                const char *sql = flips.load() % 2 == 0 ? kFlipped : kBenign;
                if (const PgResult r = app.exec(sql); !r.ok()) {
                    flipperError = r.error().toString();
                    return;
                }
                ++flips;
            }
        });
        int read = 0;
        int refused = 0;
        QString ran;
        for (int i = 0; i < 150 && ran.isEmpty(); ++i) {
            const SqlRunResult r = runner.run(console, guardedRequest("SELECT n FROM app.flip"));
            if (r.ok())
                ++read;
            else if (errorOf(r).contains(QLatin1String(kEvil)))
                ran = errorOf(r);
            else
                ++refused;
        }
        stop = true;
        flipper.join();
        QVERIFY2(flipperError.isEmpty(), qPrintable(flipperError));
        QVERIFY2(ran.isEmpty(), qPrintable(ran));
        QVERIFY(flips.load() > 0);
        QVERIFY(read + refused == 150);
        qInfo("150 runs while the view flipped %d times: %d read the benign view, %d refused",
              flips.load(), read, refused);
    }
};

QTEST_GUILESS_MAIN(TestVerdictHold)
#include "tst_verdicthold.moc"
