// The SQL console's guards against a real non-owner role (issue 30): a matrix of write attempts
// on a read-only profile (each refused or stopped by the server, 0 rows changed, nothing left in
// the session) and on a production profile (each asks for the database name, nothing runs
// without it); statements hidden from the parse tree under standard_conforming_strings off (set
// by the session, the role and the database); Explain ANALYZE never commits; CSV export runs
// one statement.
#include "db/pgconnection.h"
#include "explain/explainrunner.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlguardtestutil.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Attempt
{
    const char *name;
    QByteArray sql;
};

// Every write attempt; %VICTIM% is the pid of another session of the role.
QList<Attempt> attempts()
{
    return {
        {"set_config then DELETE",
         "SELECT set_config('default_transaction_' || 'read_only','off',false);\n"
         "DELETE FROM t WHERE id = 1"},
        {"DO set_config then UPDATE",
         "DO $$BEGIN PERFORM set_config('default_transaction_' || 'read_only','off',false); "
         "END$$;\nUPDATE t SET id = 0"},
        {"writing function", "SELECT qa_writer()"},
        {"nextval", "SELECT nextval('s')"},
        {"setval", "SELECT setval('s', 100)"},
        {"data-modifying CTE", "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"},
        {"COPY FROM", "COPY t FROM STDIN"},
        {"CALL", "CALL p_ins()"},
        {"DO", "DO $$BEGIN INSERT INTO t VALUES (5); END$$"},
        {"PREPARE/EXECUTE", "PREPARE w AS DELETE FROM t;\nEXECUTE w"},
        {"SET ROLE", "SET ROLE NONE;\nDELETE FROM t"},
        {"SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION DEFAULT;\nDELETE FROM t"},
        {"lo_import", "SELECT lo_import('/etc/hostname')"},
        {"NOTIFY", "NOTIFY uaip_channel"},
        {"LISTEN", "LISTEN uaip_channel"},
        {"pg_terminate_backend", "SELECT pg_terminate_backend(%VICTIM%)"},
        {"pg_cancel_backend", "SELECT pg_cancel_backend(%VICTIM%)"},
        {"session advisory lock", "SELECT pg_advisory_lock(42)"},
        {"COMMIT; INSERT", "COMMIT; INSERT INTO t VALUES (9)"},
        {"BEGIN READ WRITE", "BEGIN READ WRITE; INSERT INTO t VALUES (9); COMMIT"},
        {"SELECT INTO", "SELECT * INTO t2 FROM t"},
        {"FOR UPDATE", "SELECT * FROM t FOR UPDATE"},
        {"TRUNCATE", "TRUNCATE t"},
        {"WITH HOLD cursor", "DECLARE c CURSOR WITH HOLD FOR SELECT 1"},
        {"EXPLAIN ANALYZE DELETE", "EXPLAIN ANALYZE DELETE FROM t"},
        {"scs off in the session",
         "SET standard_conforming_strings = off;\n"
         "SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"},
        {"set_config scs off",
         "SELECT set_config('standard_conforming_strings', 'off', false);\n"
         "SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"},
        {"view that writes", "SELECT * FROM v_writer"},
        {"BEGIN, then a view that writes", "BEGIN;\nSELECT * FROM v_writer;\nCOMMIT"},
        {"EXPLAIN of an IMMUTABLE function that writes", "EXPLAIN SELECT imm_w()"},
        {"EXPLAIN ANALYZE of a view that writes", "EXPLAIN ANALYZE SELECT * FROM v_writer"},
        {"operator over a writing function", "SELECT 1 OPERATOR(public.#!#) 2"},
        // the server resolves the view: pg_advisory_lock is VOLATILE (issue 41)
        {"advisory lock through a view", "SELECT * FROM v_lock"},
    };
}

// Harmless under the console's reading (standard_conforming_strings on): they run, and change
// nothing, on both profiles.
QList<Attempt> hidden()
{
    return {
        {"backslash quote (role or database setting)",
         "SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"},
        {"dollar quote", "SELECT $a$ ; DELETE FROM t; $a$"},
        {"block comment", "SELECT 1 /* ; DELETE FROM t; */"},
    };
}

} // namespace

class TestSqlConsoleGuards : public QObject
{
    Q_OBJECT

    struct Setup
    {
        TestDatabase db;
        PgConnection app;
        PgConnection victim;
        int victimPid = 0;
        QString before;
    };

    static bool prepare(Setup &s)
    {
        if (!makeConsoleFixture(s.db))
            return false;
        for (const char *sql :
             {"CREATE FUNCTION plus_writer(int, int) RETURNS int LANGUAGE sql AS "
              "'UPDATE t SET id = id + 1000; SELECT $1 + $2'",
              "CREATE OPERATOR public.#!# (LEFTARG = int, RIGHTARG = int, FUNCTION = plus_writer)"})
            if (PgResult r = s.db.witness().execScript(sql); !r.ok()) {
                qWarning("%s: %s", sql, qPrintable(r.error().toString()));
                return false;
            }
        if (!s.app.open(appConninfo(s.db), QStringLiteral("uaip-test-console"))
            || !s.victim.open(appConninfo(s.db), QStringLiteral("uaip-test-victim")))
            return false;
        s.victimPid = s.victim.backendPid();
        s.before = consoleState(s.db);
        return !s.before.isEmpty();
    }

    static QByteArray withVictim(QByteArray sql, int pid)
    {
        return sql.replace("%VICTIM%", QByteArray::number(pid));
    }

    // After an attempt: nothing changed, the victim lives, the session is as it was.
    static void unchanged(Setup &s, const char *name)
    {
        QVERIFY2(consoleState(s.db) == s.before,
                 qPrintable(QStringLiteral("%1: %2 -> %3")
                                .arg(QLatin1String(name), s.before, consoleState(s.db))));
        QVERIFY2(s.victim.scalar("SELECT 1") == u"1", name);
        QVERIFY2(s.app.transactionState() == PgConnection::TransactionState::Idle, name);
        QVERIFY2(s.app.scalar("SELECT current_user") == QLatin1String(kConsoleAppRole), name);
        // the console's own session only: other tests of the cluster take advisory locks
        QVERIFY2(
            s.db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1",
                        {s.app.backendPid()})
                == u"0",
            name);
        QVERIFY2(s.app.scalar("SELECT count(*) FROM pg_prepared_statements") == u"0", name);
        QVERIFY2(s.app.scalar("SELECT count(*) FROM pg_cursors WHERE name <> ''") == u"0", name);
        QVERIFY2(s.app.scalar("SELECT count(*) FROM pg_listening_channels()") == u"0", name);
    }

private slots:
    void readOnlyProfileRefusesEveryWrite()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlGuard guard;
        guard.readOnly = true;
        guard.database = s.db.name();
        SqlRunner runner(guard);
        int attempted = 0;
        int stopped = 0;
        for (const Attempt &a : attempts()) {
            ++attempted;
            const SqlRunResult r
                = runner.run(s.app, SqlRunRequest::forScript(withVictim(a.sql, s.victimPid)));
            QVERIFY2(r.error, a.name);
            QVERIFY2(!r.error->error.toString().isEmpty(), a.name);
            ++stopped;
            unchanged(s, a.name);
        }
        for (const Attempt &a : hidden()) {
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(a.sql));
            QVERIFY2(r.ok(), a.name);
            QCOMPARE(r.results.size(), 1);
            unchanged(s, a.name);
        }
        qInfo("read-only: %d attempted, %d refused, rows changed: %s -> %s", attempted, stopped,
              qPrintable(s.before), qPrintable(consoleState(s.db)));
        // reads still work, and a setting a read changed does not outlive it
        SqlRunResult r
            = runner.run(s.app,
                         SqlRunRequest::forScript("SELECT quiet_count();\nSHOW search_path;\n"
                                                  "SELECT count(*) FROM t"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(0).rows.at(0).at(0).toString(), QStringLiteral("3"));
        QCOMPARE(r.results.size(), 3);
    }

    void readOnlyRefusalsNameWhatAndWhere()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlGuard guard;
        guard.readOnly = true;
        SqlRunner runner(guard);
        SqlRunResult r
            = runner.run(s.app, SqlRunRequest::forScript("SELECT 1;\n  SELECT qa_writer()"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:3"));
        QVERIFY2(r.error->error.toString().contains(u"public.qa_writer"),
                 qPrintable(r.error->error.toString()));
        QVERIFY(r.results.isEmpty()); // nothing ran, not even the SELECT before it
        // The view's function is seen where the server resolved it (issue 41).
        r = runner.run(s.app, SqlRunRequest::forScript("SELECT * FROM v_writer"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        QVERIFY2(r.error->error.toString().contains(u"public.qa_writer"),
                 qPrintable(r.error->error.toString()));
    }

    void productionAsksBeforeEveryWrite()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlGuard guard;
        guard.production = true;
        guard.database = s.db.name();
        SqlRunner runner(guard);
        int attempted = 0;
        int asked = 0;
        for (const Attempt &a : attempts()) {
            ++attempted;
            SqlRunRequest req = SqlRunRequest::forScript(withVictim(a.sql, s.victimPid));
            req.autocommit = true;
            const SqlRunResult r = runner.run(s.app, req);
            QVERIFY2(r.error, a.name);
            QVERIFY2(r.error->error.code() == ErrorCode::NeedsConfirmation,
                     qPrintable(QString::fromLatin1(a.name) + QStringLiteral(": ")
                                + r.error->toString()));
            QVERIFY2(r.error->error.toString().contains(s.db.name()), a.name);
            ++asked;
            unchanged(s, a.name);
            // the same with the user's explicit transaction (production's default)
            req.autocommit = false;
            const SqlRunResult inTx = runner.run(s.app, req);
            QVERIFY2(inTx.error && inTx.error->error.code() == ErrorCode::NeedsConfirmation,
                     qPrintable(QString::fromLatin1(a.name) + QStringLiteral(": ")
                                + (inTx.error ? inTx.error->toString() : QString())));
            QVERIFY(runner.rollback(s.app).ok());
            unchanged(s, a.name);
        }
        for (const Attempt &a : hidden()) {
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(a.sql));
            QVERIFY2(r.ok(), a.name);
            unchanged(s, a.name);
        }
        qInfo("production: %d attempted, %d asked for the name, rows changed: %s -> %s", attempted,
              asked, qPrintable(s.before), qPrintable(consoleState(s.db)));
        // typed, it runs
        SqlRunRequest req = SqlRunRequest::forScript("SELECT qa_writer()");
        req.confirmedDatabase = s.db.name();
        const SqlRunResult r = runner.run(s.app, req);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(s.db.scalar("SELECT min(id) FROM t"), QStringLiteral("101"));
    }

    // Statements hidden from the parse tree: the server reads them with
    // standard_conforming_strings off (the role's or the database's setting) unless pinned.
    void hiddenStatementsUnderRoleAndDatabaseSettings()
    {
        Setup s;
        QVERIFY(prepare(s));
        QVERIFY(s.db.witness()
                    .exec(QByteArray("ALTER ROLE uaip_console_app IN DATABASE ")
                          + s.db.witness().quoteIdentifier(s.db.name())
                          + " SET standard_conforming_strings = off")
                    .ok());
        PgConnection app;
        QVERIFY(app.open(appConninfo(s.db)));
        QCOMPARE(app.parameter("standard_conforming_strings"), QStringLiteral("off"));
        for (const bool production : {false, true}) {
            SqlGuard guard;
            guard.production = production;
            guard.database = s.db.name();
            SqlRunner runner(guard);
            const SqlRunResult r
                = runner.run(app,
                             SqlRunRequest::forScript(
                                 "SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"));
            QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
            QCOMPARE(consoleState(s.db), s.before);
        }
        // no guard (the plain profile): the statement reads as split too, the setting on for its
        // read transaction only (the console sets nothing for the session)
        SqlRunner plain;
        SqlRunResult r = plain.run(
            app,
            SqlRunRequest::forScript("SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(consoleState(s.db), s.before);
        QCOMPARE(app.parameter("standard_conforming_strings"), QStringLiteral("off"));
        QVERIFY(s.db.witness()
                    .exec(QByteArray("ALTER ROLE uaip_console_app IN DATABASE ")
                          + s.db.witness().quoteIdentifier(s.db.name())
                          + " RESET standard_conforming_strings")
                    .ok());
        // a statement that turns it off leaves the rest unread
        PgConnection on;
        QVERIFY(on.open(appConninfo(s.db)));
        r = plain.run(
            on,
            SqlRunRequest::forScript("SET standard_conforming_strings = off;\n"
                                     "SELECT 'a\\' , '; INSERT INTO t VALUES (99); COMMIT; --'"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        QCOMPARE(r.error->position.line, 2);
        QCOMPARE(consoleState(s.db), s.before);
    }

    // One statement per request: text that holds a second is refused by the server.
    void aSecondStatementNeverRuns()
    {
        Setup s;
        QVERIFY(prepare(s));
        QVERIFY(s.app.exec("SET standard_conforming_strings = off").ok());
        const PgResult r = s.app.execOne("SELECT 'a\\' , '; INSERT INTO t VALUES (42); --'");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().sqlState, QStringLiteral("42601"));
        QCOMPARE(consoleState(s.db), s.before);
    }

    void explainAnalyzeNeverCommits()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const QByteArray &sql : {QByteArray("SELECT qa_writer()"), QByteArray("DELETE FROM t"),
                                      QByteArray("SELECT * FROM v_writer")}) {
            ExplainOptions options;
            options.analyze = true;
            Result<ExplainResult> r = ExplainRunner::explain(s.app, sql, options);
            QVERIFY2(r.ok(), qPrintable(sql + ": " + (r ? QString() : r.error().toString())));
            QVERIFY(r.value().rolledBack);
            QCOMPARE(consoleState(s.db), s.before);
            QCOMPARE(s.app.transactionState(), PgConnection::TransactionState::Idle);
        }
        // without ANALYZE too: planning runs the IMMUTABLE function, which writes
        QVERIFY(!ExplainRunner::explain(s.app, "SELECT imm_w()", ExplainOptions()).ok());
        QCOMPARE(consoleState(s.db), s.before);
        // production: ANALYZE of a statement that can write asks first, nothing runs
        ExplainOptions options;
        options.analyze = true;
        options.guard.production = true;
        options.guard.database = s.db.name();
        std::optional<SqlRunError> stop
            = ExplainRunner::check(s.app, "SELECT qa_writer()", options);
        QVERIFY(stop);
        QCOMPARE(stop->error.code(), ErrorCode::NeedsConfirmation);
        QVERIFY(!ExplainRunner::explain(s.app, "SELECT qa_writer()", options).ok());
        QVERIFY(!ExplainRunner::check(s.app, "SELECT count(*) FROM t", options));
        // a view's write: the READ ONLY transaction refuses it
        QVERIFY(!ExplainRunner::explain(s.app, "SELECT * FROM v_writer", options).ok());
        options.confirmedDatabase = s.db.name();
        QVERIFY(ExplainRunner::explain(s.app, "SELECT qa_writer()", options).ok());
        QCOMPARE(consoleState(s.db), s.before);
        // read-only: refused
        options = {};
        options.analyze = true;
        options.guard.readOnly = true;
        stop = ExplainRunner::check(s.app, "DELETE FROM t", options);
        QVERIFY(stop);
        QCOMPARE(stop->error.code(), ErrorCode::Refused);
    }

    // After an error in autocommit the runner's read transaction ends; in the user's
    // transaction the result says it failed.
    void failedReadsEndTheirTransaction()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlRunner runner;
        SqlRunRequest req
            = SqlRunRequest::forScript("SELECT 1 / (id - 3) FROM generate_series(1, 3) id");
        req.pageSize = 1; // the error comes in a later page
        SqlRunResult r = runner.run(s.app, req);
        QVERIFY(r.ok());
        QVERIFY(r.readTransactionOpen);
        Result<SqlPage> page = runner.fetch(s.app, r.results.first().cursor, 5);
        QVERIFY(!page.ok());
        QCOMPARE(s.app.transactionState(), PgConnection::TransactionState::Idle);
        req = SqlRunRequest::forScript("SELECT 1/0");
        req.autocommit = false;
        r = runner.run(s.app, req);
        QVERIFY(r.error);
        QVERIFY(r.inTransaction);
        QVERIFY(r.transactionFailed);
        QVERIFY(runner.rollback(s.app).ok());
        QCOMPARE(s.app.transactionState(), PgConnection::TransactionState::Idle);
    }
};

QTEST_GUILESS_MAIN(TestSqlConsoleGuards)
#include "tst_sqlconsoleguards.moc"
