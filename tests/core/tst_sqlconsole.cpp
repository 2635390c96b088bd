// The SQL console's core against the real sandbox: errors at the script's line:col, rows paged
// through a server-side cursor, several result sets, the production and read-only guards,
// explicit transactions, the statement timeout, and Cancel of a running statement through the
// session's canceller on the console's own SessionWorker.
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/sessionworker.h"
#include "sqlconsole/sqlcsvexportjob.h"
#include "sqlconsole/sqlhistory.h"
#include "sqlconsole/sqlrunjob.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Connected
{
    PgConnection pg;
    explicit Connected(const TestDatabase &db)
    {
        if (!pg.open(db.conninfo(), QStringLiteral("uaip-test-sql")))
            qFatal("cannot connect: %s", qPrintable(pg.connectionError()));
    }
};

} // namespace

class TestSqlConsole : public QObject
{
    Q_OBJECT

private slots:
    void writesAreReadFromTheParseTree()
    {
        const QList<std::pair<const char *, bool>> cases{
            {"SELECT * FROM t", false},
            {"select 1 -- insert into t", false},
            {"SELECT 'DELETE FROM t'", false},
            {"VALUES (1)", false},
            {"SHOW work_mem", false},
            {"EXPLAIN SELECT 1", false},
            {"EXPLAIN ANALYZE DELETE FROM t", true},
            {"EXPLAIN DELETE FROM t", true}, // planning it plans its rules (issue 57)
            {"INSERT INTO t VALUES (1)", true},
            {"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", true},
            {"SELECT * INTO t2 FROM t", true},
            {"SELECT * FROM t FOR UPDATE", true},
            {"CREATE TABLE x (a int)", true},
            {"TRUNCATE t", true},
            {"VACUUM t", true},
            {"SELEC 1", true},
        };
        for (const auto &[sql, writes] : cases)
            QVERIFY2(StatementClass::of(sql).writes == writes, sql);
        QVERIFY(StatementClass::of("SELECT * FROM t").cursorable);
        QVERIFY(!StatementClass::of("SHOW work_mem").cursorable);
        QVERIFY(StatementClass::of("SET default_transaction_read_only = off").writes);
        QVERIFY(StatementClass::of("BEGIN READ WRITE").transactionControl);
        QVERIFY(StatementClass::of("PREPARE TRANSACTION 'x'").writes);
        QVERIFY(StatementClass::of("PREPARE TRANSACTION 'x'").preparesTransaction);
        QVERIFY(!StatementClass::of("COMMIT PREPARED 'x'").preparesTransaction);
        QCOMPARE(StatementClass::of("SELECT public.f(1), count(*), 1 OPERATOR(public.+) 2, a @> b "
                                    "FROM g() WHERE x BETWEEN 1 AND 2")
                     .functions,
                 QStringList({"public.f", "count", "g"}));
        QCOMPARE(StatementClass::of("SELECT 1 OPERATOR(public.+) 2, a @> b FROM t WHERE x "
                                    "BETWEEN 1 AND 2")
                     .operators,
                 QStringList({"public.+", "@>", ">=", "<="}));
        QVERIFY(StatementClass::of("EXPLAIN SELECT nextval('s')").functions.isEmpty());
        QCOMPARE(StatementClass::of("SELECT \"we\"\"ird\"()").functions, QStringList({"we\"ird"}));
    }

    void statementUnderTheCursorAndSelections()
    {
        const QByteArray text = "SELECT 1;\n-- two\nSELECT 2;\n\nSELECT 3";
        SqlScript s(text);
        QCOMPARE(s.statements().size(), 3);
        QCOMPARE(s.statementAt(3)->text, QByteArray("SELECT 1"));
        QCOMPARE(s.statementAt(int(text.indexOf("two")))->text, QByteArray("SELECT 1"));
        QCOMPARE(s.statementAt(int(text.indexOf("2;")) + 2)->text, QByteArray("SELECT 2"));
        QCOMPARE(s.statementAt(int(text.size()))->text, QByteArray("SELECT 3"));
        const int from = int(text.indexOf("SELECT 2"));
        SqlScript sel(text, from, int(text.size()));
        QCOMPARE(sel.statements().size(), 2);
        QCOMPARE(sel.statements().first().start.line, 3);
        QCOMPARE(sel.statements().last().start.toString(), QStringLiteral("5:1"));
        SqlScript bad("SELECT 1;\nSELECT FROM WHERE;");
        QVERIFY(bad.error());
        QCOMPARE(bad.error()->position.line, 2);
    }

    // The server's error position in the statement (also one sent inside DECLARE ... CURSOR,
    // and after multi-byte characters) is the script's line:col; SQLSTATE, detail and hint kept.
    void errorsPointAtTheScriptsLineAndColumn()
    {
        TestDatabase db;
        Connected c(db);
        SqlRunner runner;
        const QByteArray script = "SELECT 'äöü';\n\n-- a comment\nSELECT *\n  FROM   nosuch;\n";
        SqlRunResult r = runner.run(c.pg, SqlRunRequest::forScript(script));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("42P01"));
        QCOMPARE(r.error->statementIndex, 1);
        QCOMPARE(r.error->position.toString(), QStringLiteral("5:10"));
        QCOMPARE(r.results.size(), 1);
        QCOMPARE(r.results.first().rows.first().first().toString(), QStringLiteral("äöü"));

        const QByteArray insert = "CREATE TABLE t (id int PRIMARY KEY);\n"
                                  "INSERT INTO t VALUES ('ä'), (1);";
        r = runner.run(c.pg, SqlRunRequest::forScript(insert));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("22P02"));
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:23"));

        r = runner.run(
            c.pg, SqlRunRequest::forScript("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("23505"));
        QVERIFY(!r.error->error.server().value().detail.isEmpty());
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:1"));

        r = runner.run(c.pg, SqlRunRequest::forScript("SELECT lenght('x');"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("42883"));
        QVERIFY(!r.error->error.server().value().hint.isEmpty());
        QCOMPARE(r.error->position.toString(), QStringLiteral("1:8"));
    }

    // A SELECT of 100 million rows gives its first page at once through a cursor (the server
    // has not produced the rest: past row 10000 the statement fails, division by zero, so a
    // runner that made the server produce more than the pages asked for gets an error);
    // fetch() pages on; the cursor closes at the end.
    void cursorPagesALargeResult()
    {
        TestDatabase db;
        Connected c(db);
        SqlRunner runner;
        SqlRunRequest req = SqlRunRequest::forScript(
            "SELECT n, CASE WHEN n <= 10000 THEN 'x' ELSE (1 / (n - n))::text END AS t\n"
            "  FROM (SELECT generate_series(1, 100000000) AS n) s");
        req.pageSize = 1000;
        SqlRunResult r = runner.run(c.pg, req);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.size(), 1);
        const SqlResultSet &set = r.results.first();
        QCOMPARE(set.rows.size(), 1000);
        QCOMPARE(set.columns, QStringList({QStringLiteral("n"), QStringLiteral("t")}));
        QVERIFY(!set.cursor.isEmpty());
        QVERIFY(!r.inTransaction); // the read transaction is the runner's, not the user's
        QVERIFY(r.readTransactionOpen);
        QCOMPARE(c.pg.scalar("SELECT count(*) FROM pg_cursors WHERE name LIKE 'uaip_sql_%'"),
                 QStringLiteral("1"));
        Result<SqlPage> page = runner.fetch(c.pg, set.cursor, 1000);
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.first().first().toString(), QStringLiteral("1001"));
        QVERIFY(!page.value().done);

        // A small result: every row at once, no cursor left open, no transaction.
        req = SqlRunRequest::forScript("SELECT generate_series(1, 2500) AS n");
        req.pageSize = 1000;
        const QByteArray firstCursor = set.cursor; // `set` lives in r, replaced next
        r = runner.run(c.pg, req); // the earlier cursor's read transaction ends first
        QVERIFY(r.ok());
        const Error closed = runner.fetch(c.pg, firstCursor, 10).error();
        QCOMPARE(closed.code(), ErrorCode::NotFound);
        QCOMPARE(closed.arg(QStringLiteral("cursor")).toString(), QString::fromUtf8(firstCursor));
        const QByteArray cursor = r.results.first().cursor;
        int rows = int(r.results.first().rows.size());
        for (bool done = false; !done;) {
            page = runner.fetch(c.pg, cursor, 1000);
            QVERIFY(page.ok());
            rows += int(page.value().rows.size());
            done = page.value().done;
        }
        QCOMPARE(rows, 2500);
        QVERIFY(!runner.run(c.pg, SqlRunRequest::forScript("SELECT 1")).readTransactionOpen);
        QCOMPARE(c.pg.transactionState(), PgConnection::TransactionState::Idle);
    }

    void severalResultSets()
    {
        TestDatabase db;
        Connected c(db);
        SqlRunner runner;
        SqlRunResult r
            = runner.run(c.pg,
                         SqlRunRequest::forScript(
                             "SELECT 1 AS a; CREATE TABLE t (v text);\n"
                             "INSERT INTO t VALUES ('x'), (NULL); SELECT v FROM t ORDER BY v;\n"
                             "SHOW max_connections"));
        QVERIFY(r.ok());
        QCOMPARE(r.results.size(), 5);
        QCOMPARE(r.results[0].rows.first().first().toString(), QStringLiteral("1"));
        QVERIFY(r.results[0].cutShort == false);
        QCOMPARE(r.results[1].commandTag, QStringLiteral("CREATE TABLE"));
        QVERIFY(!r.results[1].hasRows);
        QCOMPARE(r.results[2].affectedRows, 2);
        QCOMPARE(r.results[3].rows.size(), 2);
        QVERIFY(r.results[3].rows[1].first().isNull()); // NULL is not ''
        QCOMPARE(r.results[4].columns.first(), QStringLiteral("max_connections"));
        QCOMPARE(r.results[4].start.toString(), QStringLiteral("3:1"));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("2")); // autocommit
    }

    // Production: a writing statement needs the database name typed; nothing is sent before.
    void productionWriteAsksFirst()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE t (id int)");
        ConnectionProfile profile = db.profile();
        profile.production = true;
        SessionWorker worker(SessionSpec::from(profile, QString(), QStringLiteral("test sql")),
                             QStringLiteral("sql"));
        auto runner = std::make_shared<SqlRunner>();
        const auto runOn = [&](const QByteArray &script, const QString &typed) {
            SqlRunRequest req = SqlRunRequest::forScript("SELECT count(*) FROM t;\n" + script);
            req.confirmedDatabase = typed;
            QPointer<SqlRunJob> job = SqlRunJob::run(runner, req);
            SqlRunResult result;
            bool done = false;
            connect(job.data(), &Job::finished, this, [&result, &done, job] {
                result = job->result();
                done = true;
            });
            worker.post(job);
            QElapsedTimer t;
            t.start();
            while (!done && t.elapsed() < 20000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
            if (!done)
                qFatal("the run did not finish");
            return result;
        };
        SqlRunResult r = runOn("INSERT INTO t VALUES (1)", QString());
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::NeedsConfirmation);
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:1"));
        QVERIFY(r.error->error.toString().contains(db.name()));
        QVERIFY(r.results.isEmpty()); // not even the SELECT before it ran
        r = runOn("INSERT INTO t VALUES (1)", QStringLiteral("postgres"));
        QCOMPARE(r.error->error.code(), ErrorCode::NeedsConfirmation);
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        r = runOn("SELECT 2", QString()); // reads need nothing
        QVERIFY(r.ok());
        r = runOn("INSERT INTO t VALUES (1)", db.name());
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void readOnlyProfileKeepsItsGuard()
    {
        TestDatabase db;
        Connected c(db);
        SqlRunner::Guard guard;
        guard.readOnly = true;
        SqlRunner runner(guard);
        const SqlRunResult r
            = runner.run(c.pg,
                         SqlRunRequest::forScript(
                             "SELECT 1;\nSELECT set_config('default_transaction_read_only', "
                             "'off', false)"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        QCOMPARE(r.error->position.line, 2);
    }

    // Autocommit off: everything in one transaction that commit()/rollback() ends; cursors live
    // in it.
    void explicitTransaction()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE t (id int)");
        Connected c(db);
        SqlRunner runner;
        SqlRunRequest req = SqlRunRequest::forScript("INSERT INTO t VALUES (1); SELECT * FROM t");
        req.autocommit = false;
        SqlRunResult r = runner.run(c.pg, req);
        QVERIFY(r.ok());
        QVERIFY(r.inTransaction);
        QCOMPARE(r.results[1].rows.size(), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        QVERIFY(runner.rollback(c.pg).ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        r = runner.run(c.pg, req);
        QVERIFY(r.ok());
        QVERIFY(runner.commit(c.pg).ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
        // A failed statement leaves a failed transaction: only a rollback ends it.
        req = SqlRunRequest::forScript("INSERT INTO t VALUES (2); SELECT 1/0");
        req.autocommit = false;
        r = runner.run(c.pg, req);
        QVERIFY(r.error);
        QVERIFY(r.transactionFailed);
        QVERIFY(runner.rollback(c.pg).ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void statementTimeout()
    {
        TestDatabase db;
        Connected c(db);
        SqlRunner runner;
        SqlRunRequest req = SqlRunRequest::forScript("SELECT pg_sleep(10)");
        req.statementTimeoutMs = 200;
        const SqlRunResult r = runner.run(c.pg, req);
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("57014"));
        // ended by the timeout (not by the 10 s sleep, nor by a cancel)
        QVERIFY2(r.error->error.toString().contains(QStringLiteral("statement timeout")),
                 qPrintable(r.error->error.toString()));
        QVERIFY(!r.cancelled);
    }

    // Cancel on the console's worker stops a pg_sleep(60): the job ends cancelled (57014), not
    // at the sleep's end (how fast: bench_nonblocking).
    void cancelStopsASleepWithinASecond()
    {
        TestDatabase db;
        SessionWorker worker(SessionSpec::from(db.profile(), QString(), QStringLiteral("test sql")),
                             QStringLiteral("sql"));
        auto runner = std::make_shared<SqlRunner>();
        QPointer<SqlRunJob> job
            = SqlRunJob::run(runner, SqlRunRequest::forScript("SELECT pg_sleep(60)"));
        SqlRunResult result;
        connect(job.data(), &Job::finished, this, [&result, job] { result = job->result(); });
        QSignalSpy finished(job.data(), &Job::finished);
        worker.post(job);
        // (the cursor's FETCH runs the sleep: look for the worker's backend in it)
        QTRY_VERIFY_WITH_TIMEOUT(worker.backendPid() != 0
                                     && db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                                                  "pid = $1 AND wait_event = 'PgSleep'",
                                                  {worker.backendPid()})
                                         == QStringLiteral("1"),
                                 20000);
        QElapsedTimer t;
        t.start();
        job->cancel();
        QVERIFY(finished.wait(30000));
        const qint64 ms = t.elapsed();
        QVERIFY(result.cancelled);
        QCOMPARE(result.error->error.sqlState(), QStringLiteral("57014"));
        qInfo("cancel took %lld ms", ms);
    }

    // The history: per profile, newest first, searchable, private to the user, SQL only.
    void historyPerProfileSearchable()
    {
        QTemporaryDir dir;
        SqlHistory a(QStringLiteral("prod / eu"), dir.path());
        SqlHistory b(QStringLiteral("staging"), dir.path());
        QVERIFY(a.path() != b.path());
        for (int i = 0; i < 3; ++i) {
            SqlHistoryEntry e;
            e.at = QDateTime::currentDateTimeUtc();
            e.database = QStringLiteral("uaip");
            e.sql = QStringLiteral("SELECT %1 FROM Orders").arg(i);
            e.ok = i != 1;
            QVERIFY(a.append(e).ok());
        }
        QCOMPARE(a.search().size(), 3);
        QCOMPARE(a.search().first().sql, QStringLiteral("SELECT 2 FROM Orders"));
        QCOMPARE(a.search(QStringLiteral("1 from orders")).size(), 1);
        QVERIFY(!a.search(QStringLiteral("1 from orders")).first().ok);
        QVERIFY(b.search().isEmpty());
        QCOMPARE(QFileInfo(a.path()).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        // a folder that is a file: nothing written, said as Io with the history's path
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SqlHistory c(QStringLiteral("prod / eu"), blocker.fileName());
        const Status saved = c.append(SqlHistoryEntry());
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), ErrorCode::Io);
        QCOMPARE(saved.error().arg(QStringLiteral("path")).toString(), c.path());
    }

    // CSV export runs the SELECT again through COPY, streamed: every row, not the loaded page.
    void csvExportStreamsEveryRow()
    {
        TestDatabase db;
        QTemporaryDir dir;
        SessionWorker worker(SessionSpec::from(db.profile(), QString(), QStringLiteral("test sql")),
                             QStringLiteral("sql"));
        const auto exportOf = [&](const QByteArray &sql, const QString &path) {
            QPointer<SqlCsvExportJob> job
                = new SqlCsvExportJob(sql, path, std::make_shared<SqlRunner>());
            bool ok = false;
            bool done = false;
            qint64 rows = 0;
            Error error;
            connect(job.data(), &Job::finished, this, [&, job](bool success) {
                ok = success;
                rows = job->rows();
                error = job->error();
                done = true;
            });
            worker.post(job);
            QElapsedTimer t;
            t.start();
            while (!done && t.elapsed() < 30000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
            return std::make_tuple(ok, rows, error);
        };
        const QString path = dir.filePath(QStringLiteral("r.csv"));
        const auto [ok, rows, error]
            = exportOf("SELECT g AS n, CASE WHEN g % 2 = 0 THEN 'a,\"b' END AS t "
                       "FROM generate_series(1, 20000) g",
                       path);
        QVERIFY(ok);
        QCOMPARE(rows, 20000);
        QVERIFY(!error.isSet());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("n,t"));
        QCOMPARE(lines.at(1), QByteArray("1,"));
        QCOMPARE(lines.at(2), QByteArray("2,\"a,\"\"b\""));
        QCOMPARE(lines.size(), 20002); // header, rows, the empty tail after the last '\n'
        const QString refused = dir.filePath(QStringLiteral("x.csv"));
        const auto notExported = exportOf("DELETE FROM pg_class RETURNING *", refused);
        QVERIFY(!std::get<0>(notExported));
        QCOMPARE(std::get<2>(notExported).code(), ErrorCode::BadInput); // not a plain SELECT
        QVERIFY(!QFile::exists(refused));
    }
};

QTEST_GUILESS_MAIN(TestSqlConsole)
#include "tst_sqlconsole.moc"
