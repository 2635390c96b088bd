// The profile's direct connection for migrations (issue 33): a profile that reaches the server
// through a real PgBouncer (transaction pooling) runs a no-transaction migration (CREATE INDEX
// CONCURRENTLY) over the direct connection its "Direct connection for migrations" names; without
// it the run is refused before anything runs, naming that field.
#include "migrationsviewtestutil.h"
#include "pgbouncer.h"
#include "primaryserver.h"
#include "standbyserver.h"
#include "testcluster.h"

using namespace uaip;
using namespace uaip::test;

namespace {

const TestMigration kPosts
    = {"0001_posts", "CREATE TABLE posts (id int, user_id int);\n", "DROP TABLE posts;\n"};
const TestMigration kConcurrent
    = {"0002_posts_user",
       "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY posts_user ON posts (user_id);\n",
       "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY posts_user;\n"};

} // namespace

class TestMigrationsDirect : public QObject, public MigrationsViewFixture
{
    Q_OBJECT

    static SessionSpec throughPooler(const TestDatabase &db, const PgBouncer &bouncer,
                                     const QString &direct)
    {
        ConnectionProfile p = db.profile();
        p.name = QStringLiteral("pooled \"prod\"; eu");
        p.sandbox = false;
        p.host = bouncer.socketDir();
        p.port = bouncer.port();
        p.sslMode = QStringLiteral("disable");
        p.migrationDirect = direct;
        return SessionSpec::from(p, QString());
    }

private slots:
    void noTransactionMigrationGoesDirect()
    {
        TestDatabase db;
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.users = {db.profile().user};
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));

        // no direct connection: refused before anything runs, naming the profile's field
        bool read = false;
        auto view = openView(throughPooler(db, bouncer, QString()), {kPosts, kConcurrent}, &read);
        QVERIFY(view);
        QVERIFY(read);
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(u"Direct connection for migrations"),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NULL"), QStringLiteral("t"));

        // the field set to the server itself: the same run goes through, index built
        view = openView(
            throughPooler(db, bouncer,
                          QStringLiteral("%1:%2").arg(server.socketDir()).arg(server.port())),
            {kPosts, kConcurrent}, &read);
        QVERIFY(view);
        QVERIFY(read);
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(true));
        QCOMPARE(db.scalar("SELECT to_regclass('posts_user') IS NOT NULL"), QStringLiteral("t"));
        // the pooler carried none of it: the index's builder was the direct connection
        QVERIFY2(!bouncer.log().contains(u"CREATE INDEX"), qPrintable(bouncer.log()));
    }

    // The direct field naming a copy of the profile's server: a standby promoted after a
    // failover, or a clone made by pg_basebackup, shares the system identifier and the
    // database name, so the identity check alone let the migrations run on the copy while the
    // profile's server stayed as it was. Refused, nothing applied on either.
    void directFieldReachingAPromotedCopyIsRefused()
    {
        PrimaryServer primary;
        QVERIFY2(primary.isRunning(), qPrintable(primary.error()));
        const QString name = QStringLiteral("app");
        const QString role = QStringLiteral("mig'r;o\nle\r");
        const Status made = primary.createDatabase(name);
        QVERIFY2(made, qPrintable(made.error().toString()));
        PgConnection su;
        QVERIFY2(su.open(primary.conninfo(name), QStringLiteral("uaip-test")),
                 qPrintable(su.connectionError()));
        const QString quoted = QStringLiteral("\"%1\"").arg(role);
        for (const QString &sql :
             {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'uaip-test-login'").arg(quoted),
              QStringLiteral("GRANT CREATE ON DATABASE app TO %1").arg(quoted),
              QStringLiteral("GRANT CREATE ON SCHEMA public TO %1").arg(quoted)})
            QVERIFY2(su.execScript(sql.toUtf8()).ok(), qPrintable(sql));
        StandbyServer copy(primary.socketDir(), primary.port());
        QVERIFY2(copy.isRunning(), qPrintable(copy.error()));
        QVERIFY(copy.catchUp(primary.conninfo(name)));
        QString error;
        QVERIFY2(copy.promote(&error), qPrintable(error));

        ConnectionProfile p = primary.profile(name);
        p.name = QStringLiteral("prod \"eu\"; main");
        p.user = role;
        p.passFile = TestCluster::passFile(); // the role's password; the copy's socket too
        p.sslMode = QStringLiteral("disable");
        p.migrationDirect = QStringLiteral("%1:%2").arg(copy.socketDir()).arg(copy.port());
        bool read = false;
        auto view = openView(SessionSpec::from(p, QString()), {kPosts}, &read);
        QVERIFY(view);
        QVERIFY(read);
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(u"nothing was applied")
                     && view->bannerText().contains(u"promoted standby"),
                 qPrintable(view->bannerText()));
        PgConnection onCopy;
        QVERIFY2(onCopy.open(copy.conninfo(name), QStringLiteral("uaip-test")),
                 qPrintable(onCopy.connectionError()));
        for (PgConnection *c : {&su, &onCopy})
            QCOMPARE(c->exec("SELECT to_regclass('posts') IS NULL").value(0, 0),
                     QStringLiteral("t"));
    }

    // host:port parsing and validation of the field
    void directFieldParsed()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        p.database = QStringLiteral("d");
        p.host = QStringLiteral("pooler.example.com");
        p.port = 6432;
        p.targetSessionAttrs = QStringLiteral("read-write");
        p.migrationDirect = QStringLiteral("db1.example.com:5433");
        QVERIFY(p.isValid());
        ConnectionProfile m = p.forMigrations();
        QCOMPARE(m.host, QStringLiteral("db1.example.com"));
        QCOMPARE(m.port, 5433);
        QVERIFY(m.targetSessionAttrs.isEmpty());
        p.migrationDirect = QStringLiteral("[::1]:5434");
        QCOMPARE(p.forMigrations().host, QStringLiteral("::1"));
        QCOMPARE(p.forMigrations().port, 5434);
        p.migrationDirect = QStringLiteral("/run/postgresql");
        QCOMPARE(p.forMigrations().host, QStringLiteral("/run/postgresql"));
        QCOMPARE(p.forMigrations().port, 6432);
        p.migrationDirect = QStringLiteral("db1:54x");
        const Status valid = p.isValid();
        QVERIFY(!valid);
        QCOMPARE(valid.error().code(), ErrorCode::BadInput);
        QCOMPARE(valid.error().arg(QStringLiteral("field")).toString(),
                 QStringLiteral("migrationDirect"));
        p.migrationDirect.clear();
        QCOMPARE(p.forMigrations().host, p.host);
    }
};

QTEST_MAIN(TestMigrationsDirect)
#include "tst_migrationsdirect.moc"
