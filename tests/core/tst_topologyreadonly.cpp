// A read-only target through a pooler that drops the `options` startup parameter (issue 33,
// point 2; PgBouncer with ignore_startup_parameters = options, as many deployments run it):
// default_transaction_read_only never reaches the server, yet nothing can write. uaip-migrate
// notices and keeps the connection read-only itself (every transaction READ ONLY, writing
// commands refused); a Session of a read-only profile does the same.
#include "db/readonlyconnections.h"
#include "db/session.h"
#include "db/transaction.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "pgbouncer.h"
#include "uaipmigratetestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestTopologyReadOnly : public QObject
{
    Q_OBJECT

private slots:
    // ReadOnlyConnections reads the options as the server does: every spelling the server takes
    // as read-only (its boolean parser accepts prefixes: t, y, ye, tr, ...) is read-only here.
    void optionsReadAsTheServerReadsThem_data()
    {
        QTest::addColumn<QString>("options");
        for (const char *value : {"on", "ON", "true", "t", "tr", "TRU", "y", "ye", "yes", "1",
                                  "off", "of", "f", "false", "n", "no", "0"})
            QTest::newRow(value)
                << QStringLiteral("-c default_transaction_read_only=%1").arg(QLatin1String(value));
        QTest::newRow("long form, dashes") << QStringLiteral("--default-transaction-read-only=y");
        QTest::newRow("no space") << QStringLiteral("-cdefault_transaction_read_only=t");
        QTest::newRow("among others")
            << QStringLiteral("-c statement_timeout=5s -c default_transaction_read_only=Yes");
    }

    void optionsReadAsTheServerReadsThem()
    {
        QFETCH(QString, options);
        TestDatabase db;
        PgConnection direct;
        QVERIFY2(direct.open(db.conninfo() + QStringLiteral(" options='%1'").arg(options),
                             QStringLiteral("options-test")),
                 qPrintable(direct.connectionError()));
        const PgResult shown = direct.exec("SHOW default_transaction_read_only");
        QVERIFY(shown.ok());
        QCOMPARE(ReadOnlyConnections::requestedIn(ReadOnlyConnections::optionsOf(direct)),
                 shown.value(0, 0) == QLatin1String("on"));
    }

    void cliReadOnlyTargetCannotWrite()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.ignoreOptions = true;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QString readOnly = bouncer.conninfo(db.name())
            + QStringLiteral(" options='-c default_transaction_read_only=on'");
        // the pooler really dropped it: the server's default is read-write
        const Run show = migrate(readOnly,
                                 {QStringLiteral("sql"), QStringLiteral("-c"),
                                  QStringLiteral("SHOW default_transaction_read_only")});
        QVERIFY2(show.exitCode == 0 && show.out.contains(QLatin1String("off")),
                 qPrintable(show.out + show.err));
        QVERIFY2(show.err.contains(QLatin1String("did not take it")), qPrintable(show.err));

        const Run up = migrate(readOnly, {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QCOMPARE(up.exitCode, 2);
        QVERIFY2(up.err.contains(QLatin1String("read-only")), qPrintable(up.err));
        const Run create = migrate(readOnly,
                                   {QStringLiteral("sql"), QStringLiteral("-c"),
                                    QStringLiteral("CREATE TABLE written (id int)")});
        QVERIFY(create.exitCode != 0);
        QCOMPARE(db.scalar("SELECT to_regclass('written') IS NULL AND to_regclass('users') IS NULL "
                           "AND to_regnamespace('uaip_ledger') IS NULL"),
                 QStringLiteral("t"));
    }

    void sessionOfReadOnlyProfileCannotWrite()
    {
        TestDatabase db;
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.ignoreOptions = true;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("through the pooler");
        profile.host = bouncer.socketDir();
        profile.port = bouncer.port();
        profile.sslMode = QStringLiteral("disable");
        profile.readOnly = true;
        Session session(SessionSpec::from(profile, QString(), QStringLiteral("test")));
        const Status opened = session.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        QCOMPARE(session.pg().scalar("SHOW default_transaction_read_only"), QStringLiteral("off"));
        {
            Transaction tx(session.pg());
            QVERIFY(tx.begin().ok());
            const PgResult r = session.pg().exec("CREATE TABLE written (id int)");
            QVERIFY(!r.ok());
            QCOMPARE(r.error().sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        }
        MigrationFolder f;
        addTwo(f);
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        MigrationRunner runner(session.pg(), source.migrations(), {});
        const RunResult result = runner.up();
        QCOMPARE(result.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(result.message.contains(QLatin1String("read-only")), qPrintable(result.message));
        QCOMPARE(
            db.scalar("SELECT to_regclass('written') IS NULL AND to_regclass('users') IS NULL"),
            QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestTopologyReadOnly)
#include "tst_topologyreadonly.moc"
