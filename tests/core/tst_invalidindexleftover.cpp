// Issue 59 leftover 3: a CREATE INDEX CONCURRENTLY cut off by kill -9 (its backend ended too,
// as a lost connection ends it) leaves an invalid index and a dirty ledger row. status and
// every later up name the index on its table with the DROP INDEX CONCURRENTLY that removes it;
// repair --mark-done is refused while it is invalid, and goes through once it was dropped and
// built by hand.
#include "migrationrunnertestutil.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

// 0002's concurrent build of posts_user, waiting for a writer's transaction after its catalog
// entry, killed with its uaip-migrate and its backend: the index is left invalid, 0002 dirty.
void killMidBuild(TestDatabase &db, MigrationFolder &f)
{
    f.add(QStringLiteral("0001_table"),
          "CREATE TABLE posts (id int PRIMARY KEY, user_id int);\n"
          "INSERT INTO posts SELECT g, g FROM generate_series(1, 100) g;\n",
          "DROP TABLE posts;\n");
    f.add(QStringLiteral("0002_index"),
          "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY posts_user ON posts (user_id);\n",
          "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY posts_user;\n");
    QCOMPARE(migrate(on(db, f.path())
                     << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                 .exitCode,
             0);
    // a transaction that wrote to posts: the build waits it out after its catalog entry
    PgConnection writer;
    QVERIFY(writer.open(db.conninfo()));
    QVERIFY(writer.execScript("BEGIN;\nINSERT INTO posts VALUES (0, 0);\n").ok());
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(TestCluster::migrateBinary(),
            on(db, f.path()) << QStringLiteral("--lock-timeout") << QStringLiteral("10min")
                             << QStringLiteral("up"));
    QVERIFY(p.waitForStarted());
    const QByteArray building
        = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
          "query LIKE 'CREATE INDEX CONCURRENTLY%'";
    QVERIFY2(waitFor(
                 [&] {
                     return db.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid "
                                      "AND indexrelid = to_regclass('posts_user')")
                         == u"1"
                         && db.scalar(building + " AND wait_event_type = 'Lock'") == u"1";
                 },
                 60000),
             qPrintable(QString::fromUtf8(p.readAllStandardError())));
    p.kill();
    QVERIFY(p.waitForFinished());
    QVERIFY(db.witness()
                .exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname "
                      "= current_database() AND query LIKE 'CREATE INDEX CONCURRENTLY%'")
                .ok());
    QVERIFY(waitFor([&] { return db.scalar(building) == u"0"; }, 30000));
    QVERIFY(writer.execScript("ROLLBACK;\n").ok());
    QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                       "WHERE version = '0002'"),
             QStringLiteral("dirty"));
}

} // namespace

class TestInvalidIndexLeftover : public QObject
{
    Q_OBJECT

private slots:
    void anInvalidIndexLeftByAKillIsNamedEachTime()
    {
        TestDatabase db;
        MigrationFolder f;
        killMidBuild(db, f);
        if (QTest::currentTestFailed())
            return;
        const QString named = QStringLiteral("the index public.posts_user on public.posts is "
                                             "invalid");
        const QString drop = QStringLiteral("DROP INDEX CONCURRENTLY public.posts_user removes it");
        for (int i = 0; i < 2; ++i) { // each time, not only once
            const Run status = migrate(on(db, f.path()) << QStringLiteral("status"));
            QVERIFY2(status.out.contains(named) && status.out.contains(drop),
                     qPrintable(status.out + status.err));
            const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
            QCOMPARE(up.exitCode, 3);
            QVERIFY2((up.out + up.err).contains(named) && (up.out + up.err).contains(drop),
                     qPrintable(up.out + up.err));
        }
        const Run json
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("status"));
        QString listed;
        for (const QJsonValue &m : json.json().value(QStringLiteral("migrations")).toArray())
            for (const QJsonValue &line :
                 m.toObject().value(QStringLiteral("invalid_indexes")).toArray())
                listed += line.toString();
        QVERIFY2(listed.contains(named), qPrintable(json.out));
        const QStringList markDone = on(db, f.path())
            << QStringLiteral("repair") << QStringLiteral("--mark-done") << QStringLiteral("0002")
            << QStringLiteral("--yes");
        const Run refused = migrate(markDone);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2((refused.out + refused.err).contains(named),
                 qPrintable(refused.out + refused.err));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("dirty"));
        // dropped and built by hand: finished, and marked done
        QVERIFY(db.witness().exec("DROP INDEX CONCURRENTLY public.posts_user").ok());
        QVERIFY(db.witness().exec("CREATE INDEX CONCURRENTLY posts_user ON posts (user_id)").ok());
        const Run done = migrate(markDone);
        QVERIFY2(done.exitCode == 0, qPrintable(done.out + done.err));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("applied"));
    }
};

QTEST_GUILESS_MAIN(TestInvalidIndexLeftover)
#include "tst_invalidindexleftover.moc"
