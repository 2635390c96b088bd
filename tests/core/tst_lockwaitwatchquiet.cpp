// LockWaitWatch looks at what the runner's session waits for only once the session answered
// nothing for a tick (100 ms): a long pipeline of quick statements, answering one by one, is no
// wait, so no side session is opened and nothing is seen; a statement that waits for a lock is
// still seen waiting, from the side session, named by what it waits for.
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "db/pipelineoptions.h"
#include "live/lockwaitwatch.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// The lock watch's side sessions on this database.
int sideSessions(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = 'uaip lock watch'")
        .toInt();
}

} // namespace

class TestLockWaitWatchQuiet : public QObject
{
    Q_OBJECT

private slots:
    void aPipelineThatKeepsAnsweringIsNoWait()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY2(c.open(db.conninfo()), qPrintable(c.connectionError()));
        LockWaitWatch watch(c, [](const QString &) {});
        // 400 statements of 1 ms: the pipeline runs for 400 ms and more, four ticks and more;
        // each answer asked for right away, as the runner asks for each migration's
        const QList<QByteArray> sql(400, QByteArrayLiteral("SELECT pg_catalog.pg_sleep(0.001)"));
        PipelineOptions options;
        options.flushAfter = QList<bool>(sql.size(), true);
        std::vector<PgResult> results;
        const quint64 before = c.answers();
        {
            const LockWaitWatch::Scope scope = watch.watch(QStringLiteral("quick"));
            results = c.pipeline(sql, QList<QVariantList>(sql.size()), options);
        }
        QCOMPARE(int(results.size()), 400);
        QVERIFY(results.back().ok());
        QVERIFY(c.answers() - before >= 400); // and the pipeline's sync
        QCOMPARE(sideSessions(db), 0);
        QVERIFY(!watch.take().has_value());
    }

    void aStatementThatWaitsForALockIsSeenWaiting()
    {
        TestDatabase db;
        PgConnection &holder = db.witness();
        QVERIFY(holder.exec("CREATE TABLE t (id int)").ok());
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE t IN ACCESS EXCLUSIVE MODE").ok());
        PgConnection c;
        QVERIFY2(c.open(db.conninfo()), qPrintable(c.connectionError()));
        QVERIFY(c.exec("SET lock_timeout = '1s'").ok());
        LockWaitWatch watch(c, [](const QString &) {});
        PgResult waited;
        {
            const LockWaitWatch::Scope scope = watch.watch(QStringLiteral("blocked"));
            waited = c.exec("SELECT count(*) FROM t");
        }
        QCOMPARE(waited.error().sqlState, QStringLiteral("55P03")); // lock_timeout
        QVERIFY(holder.exec("ROLLBACK").ok());
        const std::optional<LockWaitWatch::Seen> seen = watch.take();
        QVERIFY(seen.has_value());
        QVERIFY2(seen->error.isEmpty(), qPrintable(seen->error));
        QCOMPARE(seen->kind, LockWaitWatch::Seen::Kind::Table);
        QVERIFY2(seen->waitedFor.contains(u't'), qPrintable(seen->waitedFor));
        QCOMPARE(seen->blockers.size(), 1);
        QCOMPARE(seen->blockers.first().pid, holder.backendPid());
        QCOMPARE(sideSessions(db), 1);
    }
};

QTEST_GUILESS_MAIN(TestLockWaitWatchQuiet)
#include "tst_lockwaitwatchquiet.moc"
