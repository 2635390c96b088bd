// Issue 62, goal 4: a scratch database's DROP DATABASE waits for a checkpoint of the whole
// sandbox (PostgreSQL 15; 24 s with fsync on after 10,000 tables were made there). Against the
// real sandbox:
// - dropped in the background (ScratchDatabase::setDropInBackground), the database is gone soon
//   after drop() returns, and the scratch login is set back by then (what a migration run as it
//   set of its own settings cleared);
// - a database kept for a key (ScratchDatabase::keepFor) is taken by the next open() of that
//   key, renamed, as it was left, and by no other key's; one not kept again is dropped;
// - the sweep passes over a leftover a session holds a lock on (a DROP DATABASE sent in the
//   background holds one until it ends) instead of waiting behind it, and drops it once the
//   lock is gone.
// Issue 78: repository SQL run as the scratch login made its own database a template
// (`ALTER DATABASE <current> IS_TEMPLATE true`), which no DROP DATABASE drops: uaip_import_* and
// uaip_verify_* stayed for good. The drop and the sweep now clear the flags first.
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "migrate/scratchdatabase.h"
#include "testcluster.h"
#include "waitfor.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

QString databasesNamed(PgConnection &c, const QString &name)
{
    return c.scalar("SELECT count(*) FROM pg_catalog.pg_database WHERE datname = $1", {name});
}

// A kept database's key of its own (16 hex digits), as ScratchDatabase::keyOf makes them.
QString randomKey()
{
    return QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                    QLatin1Char('0'));
}

} // namespace

class TestScratchDrop : public QObject
{
    Q_OBJECT

private slots:
    void aBackgroundDropEndsTheDatabaseAndSetsTheLoginBack()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        ScratchDatabase scratch(sandbox, QStringLiteral("uaip_verify"));
        const Status opened = scratch.open({});
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        const QString name = scratch.name();
        QVERIFY(scratch.connection()
                    .execScript("CREATE TABLE t (id int PRIMARY KEY); "
                                "ALTER ROLE CURRENT_USER SET work_mem = '7MB'")
                    .ok());
        scratch.setDropInBackground(true);
        scratch.drop();
        QVERIFY(scratch.name().isEmpty());
        QCOMPARE(su.scalar("SELECT count(*) FROM pg_catalog.pg_db_role_setting s "
                           "JOIN pg_catalog.pg_roles r ON r.oid = s.setrole "
                           "WHERE r.rolname = $1",
                           {QLatin1String(ScratchDatabase::kLogin)}),
                 QStringLiteral("0"));
        QVERIFY2(waitFor([&] { return databasesNamed(su, name) == u"0"; }, 60000),
                 qPrintable(name));
    }

    void aKeptDatabaseIsTakenByTheNextProofOfItsKeyOnly()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        const QString key = randomKey();
        ScratchDatabase first(sandbox, QStringLiteral("uaip_verify"));
        QVERIFY(first.open({}, key));
        QVERIFY(!first.reused());
        const QString firstName = first.name();
        QVERIFY(first.connection().exec("CREATE TABLE made_once (id int)").ok());
        first.keepFor(key);
        first.drop();
        QCOMPARE(databasesNamed(su, firstName), QStringLiteral("0"));
        QCOMPARE(su.scalar("SELECT count(*) FROM pg_catalog.pg_database WHERE datname LIKE "
                           "'uaip\\_kept\\_%' AND right(datname, 16) = $1",
                           {key}),
                 QStringLiteral("1"));

        ScratchDatabase other(sandbox, QStringLiteral("uaip_verify"));
        QVERIFY(other.open({}, QString(key).replace(0, 1, key.startsWith(u'0') ? u'1' : u'0')));
        QVERIFY(!other.reused());
        other.drop();

        ScratchDatabase second(sandbox, QStringLiteral("uaip_verify"));
        QVERIFY(second.open({}, key));
        QVERIFY(second.reused());
        QCOMPARE(second.connection().scalar("SELECT count(*) FROM made_once"), QStringLiteral("0"));
        QCOMPARE(second.connection().scalar(
                     "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database "
                     "WHERE datname = current_database()"),
                 QLatin1String(ScratchDatabase::kLogin));
        const QString secondName = second.name();
        second.drop(); // not kept again: dropped
        QCOMPARE(databasesNamed(su, secondName), QStringLiteral("0"));
        QCOMPARE(su.scalar("SELECT count(*) FROM pg_catalog.pg_database WHERE right(datname, 16) "
                           "= $1",
                           {key}),
                 QStringLiteral("0"));
    }

    // What the scratch login (the owner of a kept database, running code the user did not write)
    // set on it while it was kept is cleared before the next proof connects: its settings and
    // its own in the database, a template or no-connections flag (set here by the superuser, as
    // any proof's code could on a database it owns).
    void whatTheOwnerSetOnAKeptDatabaseIsClearedWhenTaken()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        const QString key = randomKey();
        ScratchDatabase first(sandbox, QStringLiteral("uaip_verify"));
        QVERIFY(first.open({}, key));
        const QByteArray own = first.connection().quoteIdentifier(first.name());
        QVERIFY(first.connection()
                    .exec("ALTER DATABASE " + own + " SET search_path = \"ev;il\", pg_catalog")
                    .ok());
        QVERIFY(
            first.connection()
                .exec("ALTER ROLE CURRENT_USER IN DATABASE " + own + " SET statement_timeout = 1")
                .ok());
        first.keepFor(key);
        first.drop();
        const QString kept
            = su.scalar("SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE "
                        "'uaip\\_kept\\_%' AND right(datname, 16) = $1",
                        {key});
        QVERIFY(!kept.isEmpty());
        QVERIFY(su.exec("ALTER DATABASE " + su.quoteIdentifier(kept)
                        + " WITH IS_TEMPLATE true CONNECTION LIMIT 0")
                    .ok());

        ScratchDatabase second(sandbox, QStringLiteral("uaip_verify"));
        QVERIFY(second.open({}, key));
        QVERIFY(second.reused());
        QCOMPARE(second.connection().scalar("SHOW search_path"),
                 QStringLiteral("\"$user\", public"));
        QCOMPARE(second.connection().scalar("SHOW statement_timeout"), QStringLiteral("0"));
        QCOMPARE(su.scalar("SELECT format('%s %s', datistemplate, datconnlimit) FROM "
                           "pg_catalog.pg_database WHERE datname = $1",
                           {second.name()}),
                 QStringLiteral("f -1"));
        // what the console sets itself, and nothing else
        QCOMPARE(su.scalar("SELECT string_agg(c, ',') FROM pg_catalog.pg_db_role_setting s, "
                           "pg_catalog.unnest(s.setconfig) c WHERE s.setdatabase = (SELECT oid "
                           "FROM pg_catalog.pg_database WHERE datname = $1)",
                           {second.name()}),
                 QStringLiteral("synchronous_commit=off"));
        second.drop();
    }

    // The scratch login makes its database a template and lets no one connect: the drop, in the
    // foreground and in the background, drops it all the same.
    void aScratchDatabaseMadeATemplateIsDroppedAllTheSame()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        for (const bool background : {false, true}) {
            ScratchDatabase scratch(sandbox, QStringLiteral("uaip_import"));
            const Status opened = scratch.open({});
            QVERIFY2(opened, qPrintable(opened.error().toString()));
            const QString name = scratch.name();
            const PgResult made = scratch.connection().exec(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I WITH IS_TEMPLATE true "
                "CONNECTION LIMIT 0', current_database()); END $$");
            QVERIFY2(made.ok(), qPrintable(made.error().toString()));
            QCOMPARE(su.scalar("SELECT datistemplate FROM pg_catalog.pg_database WHERE datname "
                               "= $1",
                               {name}),
                     QStringLiteral("t"));
            scratch.setDropInBackground(background);
            scratch.drop();
            const bool gone = waitFor([&] { return databasesNamed(su, name) == u"0"; }, 60000);
            if (!gone) { // not left for the next test run
                su.exec("ALTER DATABASE " + su.quoteIdentifier(name) + " WITH IS_TEMPLATE false");
                sandbox.dropDatabase(name);
            }
            QVERIFY2(gone,
                     qPrintable(name + (background ? QStringLiteral(" (background)") : QString())));
        }
    }

    // A leftover of a killed run that its owner, the scratch login, made a template: the sweep
    // drops it.
    void theSweepDropsALeftoverTemplate()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        const QString left = QStringLiteral("uaip_import_00000002_0badf00d");
        const Status made = sandbox.createDatabase(left);
        QVERIFY2(made, qPrintable(made.error().toString()));
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        QVERIFY(sandbox.ensureLoginRole(QLatin1String(ScratchDatabase::kLogin)));
        QVERIFY(su.exec("ALTER DATABASE " + su.quoteIdentifier(left) + " OWNER TO "
                        + su.quoteIdentifier(QLatin1String(ScratchDatabase::kLogin)))
                    .ok());
        PgConnection owner;
        QVERIFY2(owner.open(sandbox.conninfo(left, QLatin1String(ScratchDatabase::kLogin)),
                            QStringLiteral("tst_scratchdrop owner")),
                 qPrintable(owner.connectionError()));
        const PgResult flagged = owner.exec("ALTER DATABASE " + owner.quoteIdentifier(left)
                                            + " WITH IS_TEMPLATE true CONNECTION LIMIT 0");
        QVERIFY2(flagged.ok(), qPrintable(flagged.error().toString()));
        owner.close();
        QVERIFY(waitFor(
            [&] {
                return su.scalar("SELECT count(*) FROM pg_catalog.pg_stat_activity "
                                 "WHERE datname = $1",
                                 {left})
                    == u"0";
            },
            10000));
        ScratchDatabase::sweep(sandbox);
        const QString after = databasesNamed(su, left);
        if (after != u"0") { // not left for the next test run
            su.exec("ALTER DATABASE " + su.quoteIdentifier(left) + " WITH IS_TEMPLATE false");
            sandbox.dropDatabase(left);
        }
        QCOMPARE(after, QStringLiteral("0"));
    }

    void theSweepPassesOverALockedLeftover()
    {
        Sandbox &sandbox = TestCluster::sandbox();
        // made at second 2: a leftover by its age
        const QString left = QStringLiteral("uaip_index_00000002_cafef00d");
        const Status made = sandbox.createDatabase(left);
        QVERIFY2(made, qPrintable(made.error().toString()));
        PgConnection su;
        QVERIFY(su.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop")));
        PgConnection holder;
        QVERIFY(holder.open(sandbox.conninfo(), QStringLiteral("tst_scratchdrop holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(
            holder.exec("COMMENT ON DATABASE " + holder.quoteIdentifier(left) + " IS 'held'").ok());
        // the lock is let go once the sweep has returned, or after a bound (a sweep that waits
        // behind it then returns only after it was let go)
        std::atomic_bool swept{false};
        std::atomic_bool released{false};
        std::thread releaser([&] {
            waitFor([&] { return swept.load(); }, 20000);
            holder.exec("ROLLBACK");
            released = true;
        });
        ScratchDatabase::sweep(sandbox);
        const bool sweptWhileHeld = !released;
        const QString leftWhileHeld = databasesNamed(su, left);
        swept = true;
        releaser.join();
        QVERIFY(sweptWhileHeld);
        QCOMPARE(leftWhileHeld, QStringLiteral("1"));
        ScratchDatabase::sweep(sandbox);
        QCOMPARE(databasesNamed(su, left), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestScratchDrop)
#include "tst_scratchdrop.moc"
