// The read verdict decides from what the server resolved (issue 41.4), as a non-owner role with
// its own schema first on the search_path: every path by which a SELECT runs a VOLATILE function
// the text does not name (attribute notation, a quoted name holding a dot, an aggregate's
// transition function, a cast WITH FUNCTION, a domain CHECK, a view, a row level security
// policy, pg_logical_emit_message, LOCK TABLE inside a function) is refused on read-only and on
// production without the name, in the core (SqlRunner, ExplainRunner ANALYZE) and in
// `uaip-migrate sql` / `explain --analyze`; a victim session that the functions would terminate
// lives on. The other way round, a VOLATILE count(anyelement) and a user "=" in the role's schema
// do not make count(*) or a = b refused: the server resolves those to pg_catalog's.
// uaip-migrate runs in the test's process (InProcessCli): its answer is what is checked.
#include "db/pgconnection.h"
#include "explain/explainrunner.h"
#include "primaryserver.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlguardtestutil.h"
#include "standbyserver.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"
#include "util/visibletext.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Made by the app role in its own schema (first on its default search_path "$user", public).
constexpr const char *kRoleObjects[] = {
    "CREATE FUNCTION killer() RETURNS int LANGUAGE sql AS "
    "'SELECT pg_catalog.count(pg_catalog.pg_terminate_backend(pid))::int FROM "
    "pg_catalog.pg_stat_activity "
    "WHERE datname = pg_catalog.current_database() AND application_name = ''uaip-test-victim'''",
    "CREATE FUNCTION kvp(t) RETURNS int LANGUAGE sql AS 'SELECT killer()'",
    "CREATE FUNCTION \"pg_catalog.now\"() RETURNS int LANGUAGE sql AS 'SELECT killer()'",
    "CREATE FUNCTION kill_step(int, int) RETURNS int LANGUAGE sql AS 'SELECT killer() + $1'",
    "CREATE AGGREGATE agg(int) (SFUNC = kill_step, STYPE = int, INITCOND = '0')",
    "CREATE TYPE tok AS (v int)",
    "CREATE FUNCTION to_tok(int) RETURNS tok LANGUAGE sql AS 'SELECT ROW(killer())::tok'",
    "CREATE CAST (int AS tok) WITH FUNCTION to_tok(int)",
    "CREATE DOMAIN dk AS int CHECK (killer() >= 0)",
    "CREATE VIEW vk AS SELECT killer() AS k",
    "CREATE TABLE secret (id int)",
    "INSERT INTO secret VALUES (1)",
    "ALTER TABLE secret ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE secret FORCE ROW LEVEL SECURITY",
    "CREATE POLICY p ON secret USING (killer() >= 0)",
    "CREATE VIEW vmsg AS SELECT pg_catalog.pg_logical_emit_message(false, 'uaip', 'x') AS m",
    "CREATE FUNCTION locker(t) RETURNS int LANGUAGE plpgsql AS "
    "'BEGIN LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE; RETURN 1; END'",
    "CREATE FUNCTION defk(a int DEFAULT killer()) RETURNS int STABLE LANGUAGE sql AS 'SELECT $1'",
    // name collisions: the server resolves count(*) and int = int to pg_catalog's
    "CREATE FUNCTION count(anyelement) RETURNS bigint LANGUAGE sql AS 'SELECT killer()::bigint'",
    "CREATE FUNCTION myeq(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT killer() >= 0'",
    "CREATE OPERATOR = (FUNCTION = myeq, LEFTARG = int, RIGHTARG = int)",
};

struct Path
{
    const char *name;
    QByteArray sql;
};

QList<Path> refused()
{
    return {
        {"attribute notation", "SELECT x.kvp FROM t x"},
        {"quoted name holding a dot", "SELECT \"pg_catalog.now\"()"},
        {"aggregate with a VOLATILE transition function", "SELECT agg(id) FROM t"},
        {"cast WITH FUNCTION", "SELECT 1::tok"},
        {"domain CHECK", "SELECT 1::dk"},
        {"view", "SELECT * FROM vk"},
        {"a STABLE function's default argument", "SELECT defk()"},
        {"row level security policy", "SELECT * FROM secret"},
        {"pg_logical_emit_message through a view", "SELECT * FROM vmsg"},
        {"LOCK TABLE through attribute notation", "SELECT x.locker FROM t x"},
        {"a view in a subquery of a CTE",
         "WITH a AS (SELECT (SELECT k FROM vk) AS k) SELECT * FROM a"},
    };
}

QList<Path> allowed()
{
    return {
        {"count(*)", "SELECT count(*) FROM t"},
        {"a = b", "SELECT id = 1 FROM t"},
        {"a = b in WHERE", "SELECT id FROM t WHERE id = 2"},
    };
}

struct Setup
{
    TestDatabase db;
    PgConnection app;
    PgConnection victim;
    QString before;
};

bool prepare(Setup &s)
{
    if (!makeRoleObjects(s.db,
                         QList<const char *>(std::begin(kRoleObjects), std::end(kRoleObjects))))
        return false;
    if (!s.app.open(appConninfo(s.db), QStringLiteral("uaip-test-console"))
        || !s.victim.open(appConninfo(s.db), QStringLiteral("uaip-test-victim")))
        return false;
    s.before = consoleState(s.db);
    return !s.before.isEmpty();
}

// The victim lives, nothing changed, the console's session is idle and its temporary schema
// holds nothing.
QString damage(Setup &s)
{
    if (s.victim.scalar("SELECT 1") != u"1")
        return QStringLiteral("the victim session was terminated");
    if (consoleState(s.db) != s.before)
        return QStringLiteral("state changed: %1").arg(consoleState(s.db));
    if (s.app.transactionState() != PgConnection::TransactionState::Idle)
        return QStringLiteral("the console's session is left in a transaction");
    if (s.app.scalar("SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()")
        != u"0")
        return QStringLiteral("a temporary object is left");
    return {};
}

SqlGuard guardOf(bool readOnly, const QString &database)
{
    SqlGuard guard;
    guard.readOnly = readOnly;
    guard.production = !readOnly;
    guard.database = database;
    return guard;
}

} // namespace

class TestSqlGuardResolution : public QObject
{
    Q_OBJECT

private slots:
    void coreRefusesEveryResolvedPath_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("readOnly");
        for (const bool readOnly : {true, false})
            for (const Path &p : refused())
                QTest::newRow(qPrintable(QStringLiteral("%1 (%2)").arg(
                    QLatin1String(p.name), readOnly ? u"read-only" : u"production")))
                    << p.sql << readOnly;
    }

    void coreRefusesEveryResolvedPath()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, readOnly);
        Setup s;
        QVERIFY(prepare(s));
        SqlRunner runner(guardOf(readOnly, s.db.name()));
        const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(sql));
        QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
        QVERIFY(r.error.has_value() && r.results.isEmpty());
        QVERIFY2(r.error->error.code()
                     == (readOnly ? ErrorCode::Refused : ErrorCode::NeedsConfirmation),
                 qPrintable(r.error->error.toString()));
        QVERIFY2(r.error->error.toString().contains(u"VOLATILE"),
                 qPrintable(r.error->error.toString()));

        ExplainOptions options;
        options.analyze = true;
        options.guard = guardOf(readOnly, s.db.name());
        const Result<ExplainResult> e = ExplainRunner::explain(s.app, sql, options);
        QVERIFY2(damage(s).isEmpty(), qPrintable(QStringLiteral("explain: ") + damage(s)));
        QVERIFY2(!e.ok() && e.error().toString().contains(u"VOLATILE"), "explain");

        const SqlRunResult typed
            = runner.run(s.app, SqlRunRequest::forScript("EXPLAIN ANALYZE " + sql));
        QVERIFY2(damage(s).isEmpty(), qPrintable(QStringLiteral("typed: ") + damage(s)));
        QVERIFY2(typed.error.has_value() && typed.results.isEmpty(), "EXPLAIN ANALYZE typed");
    }

    // A function declared STABLE by a role without the console role's rights is that role's
    // word: it would run with rights its owner lacks, so the read-only guard refuses it; the
    // console role's own STABLE function, a superuser's and an extension's are read.
    void anotherRolesCodeIsNotTrusted()
    {
        Setup s;
        QVERIFY(prepare(s));
        PgConnection &su = s.db.witness();
        QVERIFY(su.exec("DO $$BEGIN CREATE ROLE uaip_test_liar NOLOGIN; "
                        "EXCEPTION WHEN duplicate_object THEN NULL; END$$")
                    .ok());
        QVERIFY(su.exec("CREATE FUNCTION public.liar() RETURNS int STABLE LANGUAGE plpgsql AS "
                        "'BEGIN RETURN (SELECT pg_catalog.count(pg_catalog.pg_terminate_backend("
                        "pid))::int FROM pg_catalog.pg_stat_activity WHERE datname = "
                        "pg_catalog.current_database() AND application_name = "
                        "''uaip-test-victim''); END'")
                    .ok());
        QVERIFY(su.exec("ALTER FUNCTION public.liar() OWNER TO uaip_test_liar").ok());
        // the same code reached by the planner only: a negator operator, a range type's
        // subtype_diff (selectivity estimation)
        for (const char *sql :
             {"CREATE FUNCTION public.liar2(int, int) RETURNS boolean IMMUTABLE LANGUAGE sql AS "
              "'SELECT public.liar() >= 0'",
              "CREATE FUNCTION public.liar3(int, int) RETURNS float8 IMMUTABLE LANGUAGE sql AS "
              "'SELECT public.liar()::float8'",
              "ALTER FUNCTION public.liar2(int, int) OWNER TO uaip_test_liar",
              "ALTER FUNCTION public.liar3(int, int) OWNER TO uaip_test_liar",
              "CREATE OPERATOR public.=~= (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq, "
              "NEGATOR = OPERATOR(public.!~=))",
              "CREATE OPERATOR public.!~= (LEFTARG = int, RIGHTARG = int, FUNCTION = "
              "public.liar2, NEGATOR = OPERATOR(public.=~=))",
              "CREATE TYPE public.liarrange AS RANGE (SUBTYPE = int4, SUBTYPE_DIFF = public.liar3)",
              "CREATE TABLE public.pairs (a int, b int, r public.liarrange)",
              "INSERT INTO public.pairs SELECT g, g, public.liarrange(g, g + 5) "
              "FROM generate_series(1, 50) g",
              "ANALYZE public.pairs", "GRANT SELECT ON public.pairs TO PUBLIC"})
            QVERIFY2(su.exec(sql).ok(), sql);
        QVERIFY(su.exec("CREATE FUNCTION public.helper() RETURNS int STABLE LANGUAGE sql AS "
                        "'SELECT 5'")
                    .ok());
        QVERIFY(su.exec("CREATE EXTENSION pg_trgm SCHEMA public").ok());
        PgConnection own;
        QVERIFY(own.open(appConninfo(s.db)));
        QVERIFY(own.exec("CREATE FUNCTION uaip_console_app.mine() RETURNS int STABLE LANGUAGE "
                         "sql AS 'SELECT 7'")
                    .ok());
        // ANALYZE ran the range's subtype_diff as the superuser: a victim of its own from here
        s.victim.close();
        QVERIFY(s.victim.open(appConninfo(s.db), QStringLiteral("uaip-test-victim")));
        s.before = consoleState(s.db);
        SqlRunner runner(guardOf(true, s.db.name()));
        const SqlRunResult liar
            = runner.run(s.app, SqlRunRequest::forScript("SELECT public.liar()"));
        QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
        QVERIFY(liar.error.has_value() && liar.results.isEmpty());
        QCOMPARE(liar.error->error.code(), ErrorCode::Refused);
        QVERIFY2(liar.error->error.toString().contains(u"public.liar"),
                 qPrintable(liar.error->error.toString()));
        for (const QByteArray &planned :
             {QByteArray("SELECT a FROM public.pairs WHERE NOT (a OPERATOR(public.=~=) b)"),
              QByteArray("SELECT count(*) FROM public.pairs WHERE r @> 15")}) {
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(planned));
            QVERIFY2(damage(s).isEmpty(), qPrintable(planned + ": " + damage(s)));
            QVERIFY2(r.error.has_value() && r.error->error.code() == ErrorCode::Refused,
                     planned.constData());
            QVERIFY2(r.error->error.toString().contains(u"public.liar"),
                     qPrintable(r.error->error.toString()));
        }
        for (const QByteArray &read :
             {QByteArray("SELECT uaip_console_app.mine()"), QByteArray("SELECT public.helper()"),
              QByteArray("SELECT public.similarity(current_user::text, current_user::text)")}) {
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(read));
            QVERIFY2(!r.error,
                     qPrintable(read + ": " + (r.error ? r.error->error.toString() : QString())));
            QCOMPARE(r.results.size(), 1);
        }
    }

    void lockIsNotReading()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const bool readOnly : {true, false}) {
            SqlRunner runner(guardOf(readOnly, s.db.name()));
            const SqlRunResult r = runner.run(
                s.app, SqlRunRequest::forScript("LOCK TABLE t IN ACCESS EXCLUSIVE MODE"));
            QVERIFY(r.error.has_value() && r.error->error.toString().contains(u"LOCK"));
        }
        QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
    }

    void nameCollisionsAreNotRefused()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const bool readOnly : {true, false})
            for (const Path &p : allowed()) {
                SqlRunner runner(guardOf(readOnly, s.db.name()));
                const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(p.sql));
                QVERIFY2(!r.error.has_value(),
                         qPrintable(QLatin1String(p.name) + QStringLiteral(": ")
                                    + (r.error ? r.error->error.toString() : QString())));
                QCOMPARE(r.results.size(), 1);
                ExplainOptions options;
                options.analyze = true;
                options.guard = guardOf(readOnly, s.db.name());
                QVERIFY2(ExplainRunner::explain(s.app, p.sql, options).ok(), p.name);
                QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
            }
        // A read-only profile's connection has every transaction READ ONLY by default: the probe
        // still resolves (and still refuses what it must).
        PgConnection readOnlyProfile;
        QVERIFY(readOnlyProfile.open(
            appConninfo(s.db) + QStringLiteral(" options='-c default_transaction_read_only=on'"),
            QStringLiteral("uaip-test-read-only-profile")));
        SqlRunner runner(guardOf(true, s.db.name()));
        SqlRunResult r
            = runner.run(readOnlyProfile, SqlRunRequest::forScript("SELECT count(*) FROM t"));
        QVERIFY2(!r.error.has_value(), qPrintable(r.error ? r.error->error.toString() : QString()));
        r = runner.run(readOnlyProfile, SqlRunRequest::forScript("SELECT x.kvp FROM t x"));
        QVERIFY(r.error.has_value() && r.error->error.toString().contains(u"VOLATILE"));
        QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
    }

    // A name the server resolved is printed escaped in the refusal (it reaches terminals).
    void refusalNamesAreEscaped()
    {
        Setup s;
        QVERIFY(prepare(s));
        QVERIFY(s.db.witness().exec("SET ROLE uaip_console_app").ok());
        QVERIFY(s.db.witness()
                    .exec("CREATE FUNCTION uaip_console_app.\"e\x1b[31m\"(t) RETURNS int "
                          "LANGUAGE sql AS 'SELECT 1'")
                    .ok());
        QVERIFY(s.db.witness().exec("RESET ROLE").ok());
        SqlRunner runner(guardOf(true, s.db.name()));
        const SqlRunResult r
            = runner.run(s.app, SqlRunRequest::forScript("SELECT x.\"e\x1b[31m\" FROM t x"));
        QVERIFY(r.error.has_value());
        QVERIFY2(r.error->error.toString().contains(u"\\u001b")
                     && !r.error->error.toString().contains(QChar(0x1b)),
                 qPrintable(VisibleText::escaped(r.error->error.toString())));
    }

    // A hot standby cannot hold the probe's view: a reading statement is refused there, saying
    // why, and nothing runs (a standby still lets a function signal another backend).
    // A hot standby cannot resolve a statement for the console (no temporary view there): reads
    // are judged by the names they call (StandbyStatementVerdict). A plain read runs; a direct
    // call of a VOLATILE function (pg_terminate_backend) is refused, read-only and production.
    void hotStandbyJudgesByName()
    {
        PrimaryServer primary;
        QVERIFY2(primary.isRunning(), qPrintable(primary.error()));
        const Status made = primary.createDatabase(QStringLiteral("app"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        StandbyServer standby(primary.socketDir(), primary.port());
        QVERIFY2(standby.isRunning(), qPrintable(standby.error()));
        QVERIFY(standby.catchUp(primary.conninfo(QStringLiteral("app"))));
        PgConnection pg;
        QVERIFY(pg.open(standby.conninfo(QStringLiteral("app")), QStringLiteral("uaip-test")));
        for (const bool readOnly : {true, false}) {
            SqlRunner runner(guardOf(readOnly, QStringLiteral("app")));
            SqlRunResult r
                = runner.run(pg, SqlRunRequest::forScript("SELECT count(*) FROM pg_class"));
            QVERIFY2(!r.error.has_value(),
                     qPrintable(r.error ? r.error->error.toString() : QString()));
            r = runner.run(pg, SqlRunRequest::forScript("SELECT pg_terminate_backend(1)"));
            QVERIFY(r.error.has_value() && r.results.isEmpty());
            QVERIFY2(r.error->error.toString().contains(u"pg_terminate_backend"),
                     qPrintable(r.error->error.toString()));
        }
    }

    void cliRefusesEveryResolvedPath()
    {
        Setup s;
        QVERIFY(prepare(s));
        const QString app = appConninfo(s.db);
        for (const char *mode : {"--read-only", "--production"})
            for (const Path &p : refused())
                for (const char *command : {"sql", "explain"}) {
                    QStringList args{QLatin1String(command)};
                    if (qstrcmp(command, "explain") == 0)
                        args << QStringLiteral("--analyze");
                    args << QLatin1String(mode) << QStringLiteral("-c") << QString::fromUtf8(p.sql);
                    const Run r = migrateInProcess(app, args);
                    const QString what = args.join(u' ');
                    QVERIFY2(r.exitCode == 2 && r.err.contains(u"VOLATILE"),
                             qPrintable(what + QStringLiteral(": ") + QString::number(r.exitCode)
                                        + QStringLiteral(" ") + r.err));
                    QVERIFY2(damage(s).isEmpty(),
                             qPrintable(what + QStringLiteral(": ") + damage(s)));
                }
        for (const Path &p : allowed()) {
            const Run r
                = migrateInProcess(app, {"sql", "--read-only", "-c", QString::fromUtf8(p.sql)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        QVERIFY2(damage(s).isEmpty(), qPrintable(damage(s)));
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardResolution)
#include "tst_sqlguardresolution.moc"
