// A run's failure keeps the server's error whole and takes its exit code from the error's
// code (issue 58, attack findings B1, B2, N10), as a role that owns nothing: a session made
// read-only by its role fails with the server's 25006 (exit 1, code server), not our bad input;
// a backend terminated during a no-transaction migration reports the server's 57P01 (not a
// made-up 08006) with connection_lost; a pipeline's command that never ran is an error.
#include "approle.h"
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "error/error.h"
#include "inprocesscli.h"
#include "migrationrunnertestutil.h"
#include "waitfor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

QJsonObject jsonOf(const InProcessCli::Result &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QStringList upAs(const AppRole &role, const MigrationFolder &f, bool json)
{
    QStringList args{QStringLiteral("--db"), role.conninfo(), QStringLiteral("--dir"), f.path()};
    if (json)
        args << QStringLiteral("--json");
    return args << QStringLiteral("up");
}

// A role that may create the ledger's schema, whose every session is read-only.
void makeReadOnly(TestDatabase &db, const AppRole &role)
{
    PgConnection &w = db.witness();
    const PgResult r = w.exec("ALTER ROLE " + w.quoteIdentifier(role.name)
                              + " SET default_transaction_read_only = on");
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

} // namespace

class TestRunFailureCodes : public QObject
{
    Q_OBJECT

private slots:
    // B1: the ledger's creation is the first write; the server answers 25006
    void aReadOnlyRoleFailsWithTheServersError()
    {
        TestDatabase db;
        AppRole role(db, QStringLiteral("SELECT"), true);
        makeReadOnly(db, role);
        MigrationFolder f;
        addThree(f);

        const InProcessCli::Result json = InProcessCli::run(upAs(role, f, true));
        QCOMPARE(json.exitCode, 1);
        const QJsonObject doc = jsonOf(json);
        QVERIFY2(!doc.isEmpty(), json.out.constData());
        QCOMPARE(doc.value(QStringLiteral("exit_code")).toInt(), 1);
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("server"));
        QCOMPARE(doc.value(QStringLiteral("sqlstate")).toString(),
                 QStringLiteral("25006")); // read_only_sql_transaction
        QCOMPARE(doc.value(QStringLiteral("connection_lost")).toBool(true), false);

        const InProcessCli::Result text = InProcessCli::run(upAs(role, f, false));
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.err.contains("25006"), text.err.constData());
        QCOMPARE(db.scalar("SELECT to_regnamespace('uaip_ledger') IS NULL AND to_regclass('users') "
                           "IS NULL"),
                 QStringLiteral("t"));
    }

    // B1 in the core: the RunResult carries the server's error and the outcome follows it
    void theRunResultCarriesTheServersError()
    {
        TestDatabase db;
        AppRole role(db, QStringLiteral("SELECT"), true);
        makeReadOnly(db, role);
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), role.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QCOMPARE(r.exitCode(), 1);
        const Error error = r.error();
        QCOMPARE(error.code(), ErrorCode::Server);
        QCOMPARE(error.sqlState(), QStringLiteral("25006"));
        QVERIFY2(r.message.contains(QStringLiteral("25006")), qPrintable(r.message));
    }

    // A refusal before anything is asked of the server stays exit 2, with its own code and no
    // SQLSTATE: the connection's options ask for read-only sessions
    void aReadOnlyConnectionIsRefusedBeforeAnyWrite()
    {
        TestDatabase db;
        AppRole role(db, QStringLiteral("SELECT"), true);
        MigrationFolder f;
        addThree(f);
        const InProcessCli::Result r = InProcessCli::run(
            {QStringLiteral("--json"), QStringLiteral("--db"),
             role.conninfo() + QStringLiteral(" options='-c default_transaction_read_only=on'"),
             QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject doc = jsonOf(r);
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("refused"));
        QVERIFY2(!doc.contains(QStringLiteral("sqlstate")), r.out.constData());
    }

    // B2: the server's FATAL 57P01 comes before libpq's own "server closed the connection":
    // the server's is kept, and connection_lost says the connection went
    void aTerminatedNoTransactionMigrationKeepsTheServersError()
    {
        TestDatabase db;
        AppRole role(db, QStringLiteral("SELECT"), true);
        MigrationFolder f;
        f.add(QStringLiteral("0001_sleep"),
              "-- uaip:no-transaction\nSELECT pg_sleep(120) AS \"uaip terminate me\";\n",
              "SELECT 1;\n");
        std::atomic_bool terminated = false;
        std::thread terminator([&] {
            PgConnection c;
            if (!c.open(db.conninfo(), QStringLiteral("tst_runfailurecodes terminator")))
                return;
            terminated = waitFor(
                [&] {
                    const PgResult r = c.exec(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND pid <> pg_backend_pid() AND state = 'active' AND "
                        "query LIKE 'SELECT pg_sleep(120) AS %terminate me%'");
                    return r.ok() && r.rows() == 1 && r.value(0, 0) == QLatin1String("t");
                },
                60000);
        });
        const InProcessCli::Result r = InProcessCli::run(upAs(role, f, true));
        terminator.join();
        QVERIFY(terminated.load());
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = jsonOf(r);
        QVERIFY2(!doc.isEmpty(), r.out.constData());
        QCOMPARE(doc.value(QStringLiteral("code")).toString(), QStringLiteral("connection"));
        QCOMPARE(doc.value(QStringLiteral("sqlstate")).toString(),
                 QStringLiteral("57P01")); // admin_shutdown
        QCOMPARE(doc.value(QStringLiteral("failure"))
                     .toObject()
                     .value(QStringLiteral("sqlstate"))
                     .toString(),
                 QStringLiteral("57P01"));
        QCOMPARE(doc.value(QStringLiteral("connection_lost")).toBool(), true);
    }

    // N10: the commands a pipeline did not run after a failure are errors with a code, never
    // an unset Error that reads as ok
    void aPipelinesCommandThatDidNotRunIsAnError()
    {
        TestDatabase db;
        AppRole role(db);
        PgConnection c;
        QVERIFY2(c.open(role.conninfo(), QStringLiteral("tst_runfailurecodes")),
                 qPrintable(c.connectionError()));
        const std::vector<PgResult> results = c.pipeline({"SELECT 1/0", "SELECT 1"});
        QCOMPARE(results.size(), size_t(2));
        QCOMPARE(Error(results[0].error()).sqlState(), QStringLiteral("22012"));
        QCOMPARE(results[1].status(), PgResult::Status::PipelineAborted);
        const Error notRun(results[1].error());
        QVERIFY(notRun.isSet());
        QCOMPARE(notRun.code(), ErrorCode::Server);
        QCOMPARE(notRun.arg(QStringLiteral("not_run")).toBool(), true);
        QVERIFY(!notRun.server()); // the server said nothing of this command itself
        QVERIFY(!notRun.text().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunFailureCodes)
#include "tst_runfailurecodes.moc"
