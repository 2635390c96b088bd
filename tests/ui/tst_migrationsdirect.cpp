// The profile's direct connection for migrations (issue 33): a profile that reaches the server
// through a real PgBouncer (transaction pooling) runs a no-transaction migration (CREATE INDEX
// CONCURRENTLY) over the direct connection its "Direct connection for migrations" names; without
// it the run is refused before anything runs, naming that field.
#include "migrationsviewtestutil.h"
#include "pgbouncer.h"
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
        QString why;
        QVERIFY(!p.isValid(&why));
        QVERIFY2(why.contains(u"Direct connection") || why.contains(u"direct connection"),
                 qPrintable(why));
        p.migrationDirect.clear();
        QCOMPARE(p.forMigrations().host, p.host);
    }
};

QTEST_MAIN(TestMigrationsDirect)
#include "tst_migrationsdirect.moc"
