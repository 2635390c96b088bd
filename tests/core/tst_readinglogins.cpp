// Read-only by construction (issue 78): a guarded run executes as a login that can do no harm
// whatever code it reads runs (ReadingLogins). The console's own session where its login holds
// no dangerous right, else the reader login, else nothing. Each attack leaves a superuser's
// victim session alive: code the verdict cannot see (a superuser's own STABLE function that
// signals, a domain CHECK reached through a composite type) runs as the reader, which may not
// signal it.
#include "db/pgconnection.h"
#include "explain/explainrunner.h"
#include "guardedruntestutil.h"
#include "readerlogin.h"
#include "sqlconsole/readinglogins.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QtTest>

#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

QString firstValue(const SqlRunResult &r)
{
    return r.results.isEmpty() || r.results.first().rows.isEmpty()
        ? QString()
        : r.results.first().rows.first().first().toString();
}

// A superuser session the attacks aim at, its pid in public.victim for the attacker's code.
struct Victim
{
    PgConnection session;
    explicit Victim(TestDatabase &db)
    {
        if (!session.open(db.conninfo()))
            qFatal("victim: %s", qPrintable(session.connectionError()));
        PgConnection &w = db.witness();
        if (!w.exec("CREATE TABLE public.victim (pid int)").ok()
            || !w.exec("INSERT INTO public.victim VALUES ($1)", {session.backendPid()}).ok()
            || !w.exec("GRANT SELECT ON public.victim TO PUBLIC").ok())
            qFatal("victim: its table");
    }
    bool alive() { return session.exec("SELECT 1").ok(); }
};

// A superuser's own function, declared STABLE, that signals the victim (the verdict takes a
// STABLE function of the console's own role at its word), read through a view.
constexpr const char *kSignallingView[] = {
    "CREATE FUNCTION public.peek() RETURNS int STABLE LANGUAGE plpgsql AS $$ BEGIN "
    "PERFORM pg_catalog.pg_terminate_backend(pid) FROM public.victim; RETURN 1; END $$",
    "CREATE VIEW public.report AS SELECT public.peek() AS n",
};

// The application role's domain, whose CHECK signals, reached through a composite type.
constexpr const char *kAppRole = "uaip_reading_app";
constexpr const char *kCompositeDomain[] = {
    "CREATE SCHEMA app AUTHORIZATION uaip_reading_app",
    "SET ROLE uaip_reading_app",
    "CREATE FUNCTION app.evil(text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN "
    "PERFORM pg_catalog.pg_terminate_backend(pid) FROM public.victim; RETURN true; END $$",
    "CREATE DOMAIN app.d AS text CHECK (app.evil(VALUE))",
    "CREATE TYPE app.ct AS (a app.d)",
    "CREATE TABLE app.src (t text)",
    "INSERT INTO app.src VALUES ('x')",
    "CREATE VIEW app.nice_report AS SELECT ROW(t)::app.ct AS item FROM app.src",
    "RESET ROLE",
};

bool run(TestDatabase &db, const QList<const char *> &sql)
{
    for (const char *s : sql)
        if (const PgResult r = db.witness().execScript(s); !r.ok()) {
            qWarning("%s: %s", s, qPrintable(r.error().toString()));
            return false;
        }
    return true;
}

bool makeAppRole(TestDatabase &db)
{
    return db.witness()
        .execScript(QByteArray("DO $$ BEGIN CREATE ROLE ") + kAppRole
                    + " LOGIN PASSWORD 'uaip-test-login'; EXCEPTION WHEN duplicate_object OR "
                      "unique_violation THEN NULL; END $$")
        .ok();
}

} // namespace

class TestReadingLogins : public QObject
{
    Q_OBJECT

private slots:
    void init() { qunsetenv("UAIP_READER"); }

    // A superuser's console reads as the reader login, opened once for every run.
    void aDangerousLoginReadsAsTheReader()
    {
        TestDatabase db;
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        SqlRunResult r = runner.run(console, guardedRequest("SELECT current_user"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(firstValue(r), reader.name);
        QCOMPARE(r.readAs, reader.name);
        QVERIFY(runner.readers().reader());
        const int pid = runner.readers().reader()->backendPid();
        for (int i = 0; i < 3; ++i) {
            r = runner.run(console, guardedRequest("SELECT session_user"));
            QVERIFY2(r.ok(), qPrintable(errorOf(r)));
            QCOMPARE(firstValue(r), reader.name);
        }
        QCOMPARE(runner.readers().reader()->backendPid(), pid); // no connect per run
    }

    // A login with REPLICATION reads as the reader: a replication slot made in a READ ONLY
    // transaction outlives its rollback.
    void aReplicationLoginReadsAsTheReader()
    {
        TestDatabase db;
        ReaderLogin reader(db);
        QVERIFY(makeAppRole(db));
        QVERIFY(run(db, {"ALTER ROLE uaip_reading_app REPLICATION"}));
        PgConnection console;
        QVERIFY(console.open(db.conninfo() + QStringLiteral(" user=") + QLatin1String(kAppRole)));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(console, guardedRequest("SELECT current_user"));
        QVERIFY(run(db, {"ALTER ROLE uaip_reading_app NOREPLICATION"}));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(firstValue(r), reader.name);
    }

    // The reader resolves names in the schemas the console's search_path resolves to: "$user"
    // is the console's login there, not a schema named after the reader that another role made.
    void theReaderReadsTheConsolesSchemas()
    {
        TestDatabase db;
        ReaderLogin reader(db);
        QVERIFY(makeAppRole(db));
        const QByteArray planted = db.witness().quoteIdentifier(reader.name);
        QVERIFY(run(db,
                    {"CREATE TABLE public.secrets (v text)",
                     "INSERT INTO public.secrets VALUES ('the real one')"}));
        for (const QByteArray &sql :
             {"CREATE SCHEMA " + planted + " AUTHORIZATION uaip_reading_app",
              "CREATE TABLE " + planted + ".secrets (v text)",
              "INSERT INTO " + planted + ".secrets VALUES ('planted')"})
            QVERIFY(db.witness().exec(sql).ok());
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(console, guardedRequest("SELECT v FROM secrets"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.readAs, reader.name);
        QCOMPARE(firstValue(r), QStringLiteral("the real one"));
    }

    // Code the verdict takes at its word runs as the reader, which may not signal the victim.
    void codeTheVerdictCannotSeeRunsAsTheReader_data()
    {
        QTest::addColumn<bool>("composite");
        QTest::newRow("a superuser's STABLE function that signals") << false;
        QTest::newRow("a domain CHECK reached through a composite type") << true;
    }
    void codeTheVerdictCannotSeeRunsAsTheReader()
    {
        QFETCH(bool, composite);
        TestDatabase db;
        Victim victim(db);
        QVERIFY(composite ? makeAppRole(db)
                        && run(db,
                               QList<const char *>(std::begin(kCompositeDomain),
                                                   std::end(kCompositeDomain)))
                          : run(db,
                                QList<const char *>(std::begin(kSignallingView),
                                                    std::end(kSignallingView))));
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(
            console,
            guardedRequest(composite ? "SELECT * FROM app.nice_report" : "SELECT * FROM report"));
        QVERIFY2(!r.ok(), "the attack ran without an error");
        QVERIFY(victim.alive());
        // and the explain of it, analyzed
        ExplainOptions options;
        options.analyze = true;
        options.guard = readOnlyGuard(db.name());
        options.readers = &runner.readers();
        const Result<ExplainResult> explained = ExplainRunner::explain(
            console, composite ? "SELECT * FROM app.nice_report" : "SELECT * FROM report", options);
        QVERIFY(!explained.ok());
        QVERIFY(victim.alive());
    }

    // Without a reader login that may read, nothing runs, and the refusal says why and how.
    void withoutAReaderNothingRuns_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<QStringList>("memberOf");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("grant"); // run after the role is made; %1: its quoted name
        QTest::newRow("no such login")
            << QString() << QStringList() << QStringLiteral("connect") << QString();
        QTest::newRow("may signal")
            << QStringLiteral("LOGIN BYPASSRLS") << QStringList{QStringLiteral("pg_signal_backend")}
            << QStringLiteral("pg_signal_backend") << QString();
        QTest::newRow("runs programs") << QStringLiteral("LOGIN BYPASSRLS")
                                       << QStringList{QStringLiteral("pg_execute_server_program")}
                                       << QStringLiteral("pg_execute_server_program") << QString();
        QTest::newRow("no BYPASSRLS")
            << QStringLiteral("LOGIN") << QStringList{QStringLiteral("pg_read_all_data")}
            << QStringLiteral("BYPASSRLS") << QString();
        QTest::newRow("CREATEROLE") << QStringLiteral("LOGIN BYPASSRLS CREATEROLE") << QStringList()
                                    << QStringLiteral("CREATEROLE") << QString();
        QTest::newRow("a superuser") << QStringLiteral("LOGIN SUPERUSER") << QStringList()
                                     << QStringLiteral("SUPERUSER") << QString();
        QTest::newRow("an application role's member")
            << QStringLiteral("LOGIN BYPASSRLS") << QStringList{QString::fromLatin1(kAppRole)}
            << QString::fromLatin1(kAppRole) << QString();
        QTest::newRow("REPLICATION") << QStringLiteral("LOGIN BYPASSRLS REPLICATION")
                                     << QStringList{QStringLiteral("pg_read_all_data")}
                                     << QStringLiteral("REPLICATION") << QString();
        QTest::newRow("EXECUTE on lo_export")
            << QStringLiteral("LOGIN BYPASSRLS") << QStringList{QStringLiteral("pg_read_all_data")}
            << QStringLiteral("EXECUTE on lo_export(oid,text)")
            << QStringLiteral("GRANT EXECUTE ON FUNCTION pg_catalog.lo_export(oid, text) TO %1");
    }
    void withoutAReaderNothingRuns()
    {
        QFETCH(QString, attributes);
        QFETCH(QStringList, memberOf);
        QFETCH(QString, named);
        QFETCH(QString, grant);
        TestDatabase db;
        Victim victim(db);
        QVERIFY(makeAppRole(db));
        QVERIFY(
            run(db, QList<const char *>(std::begin(kSignallingView), std::end(kSignallingView))));
        std::optional<ReaderLogin> reader;
        if (!attributes.isEmpty()) {
            reader.emplace(db, attributes, memberOf);
            if (!grant.isEmpty())
                QVERIFY(
                    db.witness()
                        .exec(
                            grant.arg(QString::fromUtf8(db.witness().quoteIdentifier(reader->name)))
                                .toUtf8())
                        .ok());
        } else
            qputenv("UAIP_READER", "uaip_reader_no_such_role");
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(console, guardedRequest("SELECT * FROM report"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        const QString why = errorOf(r);
        QVERIFY2(why.contains(u"SUPERUSER") && why.contains(named) && why.contains(u"CREATE ROLE")
                     && why.contains(u"pg_read_all_data"),
                 qPrintable(why));
        QVERIFY(victim.alive());
    }

    // A login that holds no dangerous right reads as itself: no reader is asked for.
    void aHarmlessLoginReadsAsItself()
    {
        TestDatabase db;
        QVERIFY(makeAppRole(db));
        qputenv("UAIP_READER", "uaip_reader_no_such_role");
        PgConnection console;
        QVERIFY(console.open(db.conninfo() + QStringLiteral(" user=") + QLatin1String(kAppRole)));
        SqlRunner runner(readOnlyGuard(db.name()));
        const SqlRunResult r = runner.run(console, guardedRequest("SELECT current_user"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(firstValue(r), QString::fromLatin1(kAppRole));
        QVERIFY(r.readAs.isEmpty());
        QVERIFY(!runner.readers().reader());
    }

    // Production: the reader until the name is typed; the name typed, the console's login; the
    // console's search_path (set by a run with the name typed) kept for the reader's reads.
    void productionReadsAsTheReaderUntilTheNameIsTyped()
    {
        TestDatabase db;
        ReaderLogin reader(db);
        QVERIFY(run(db,
                    {"CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.only_here (x int)",
                     "INSERT INTO elsewhere.only_here VALUES (42)"}));
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlGuard guard;
        guard.production = true;
        guard.database = db.name();
        SqlRunner runner(guard);
        SqlRunResult r = runner.run(console, guardedRequest("SELECT current_user"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(firstValue(r), reader.name);
        SqlRunRequest confirmed = guardedRequest("SET search_path = elsewhere, public");
        confirmed.confirmedDatabase = db.name();
        r = runner.run(console, confirmed);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(r.readAs.isEmpty());
        r = runner.run(console, guardedRequest("SELECT x FROM only_here"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(firstValue(r), QStringLiteral("42"));
        QCOMPARE(r.readAs, reader.name);
        // the user's transaction open (autocommit off): its reads need the name
        SqlRunRequest begin = guardedRequest("SELECT 1");
        begin.autocommit = false;
        begin.confirmedDatabase = db.name();
        r = runner.run(console, begin);
        QVERIFY2(r.ok() && r.inTransaction, qPrintable(errorOf(r)));
        SqlRunRequest inside = guardedRequest("SELECT current_user");
        inside.autocommit = false;
        r = runner.run(console, inside);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error.code(), ErrorCode::NeedsConfirmation);
        QVERIFY2(errorOf(r).contains(u"open transaction"), qPrintable(errorOf(r)));
        QVERIFY(runner.rollback(console).ok());
    }

    // Cancel reaches the statement on the reader's session (sleeping in its cursor's FETCH).
    void cancelReachesTheReader()
    {
        TestDatabase db;
        ReaderLogin reader(db);
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner(readOnlyGuard(db.name()));
        SqlRunResult r = runner.run(console, guardedRequest("SELECT 1")); // the reader opens
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(runner.readers().reader());
        const QString pid = QString::number(runner.readers().reader()->backendPid());
        std::thread sleeper(
            [&] { r = runner.run(console, guardedRequest("SELECT pg_catalog.pg_sleep(60)")); });
        bool active = false; // waited for, bounded; the thread is joined whatever happens
        for (QDeadlineTimer t(30000); !active && !t.hasExpired(); QTest::qWait(20))
            active = db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND "
                               "state = 'active' AND wait_event = 'PgSleep'",
                               {pid})
                == u"1";
        runner.readers().cancelReader();
        sleeper.join();
        QVERIFY(active);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("57014"));
    }
};

QTEST_GUILESS_MAIN(TestReadingLogins)
#include "tst_readinglogins.moc"
