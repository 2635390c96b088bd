// Issue 62, point 3: a failed round trip replaces verify's scratch database (and replays every
// migration up to that one on a fresh database) only when the database is in no known state.
// A down.sql that fails in its transaction is rolled back, and an up.sql run again after a
// down.sql that did not restore (a column added back at the end) may make the very schema it
// made: the next round trip runs on the same database. A down.sql that leaves an object the
// up.sql then cannot make again leaves it in no known state: one fresh database. Every round
// trip's verdict is the one it had when each failure made a fresh database.
#include "drift/migrationverifier.h"
#include "ledger/migrationsource.h"
#include "migrationfolder.h"
#include "testcluster.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// The round trips of the folder's migrations on a scratch database of the tests' sandbox; an
// error when they do not load or cannot be checked.
Result<VerifyReport> roundTrips(const MigrationFolder &folder)
{
    MigrationSource source;
    if (!source.load(folder.path()))
        return Error(ErrorCode::BadInput, source.errors().join(u'\n'));
    MigrationVerifier verifier(TestCluster::sandbox(), source.migrations());
    return verifier.verify(nullptr);
}

} // namespace

class TestVerifyRebuilds : public QObject
{
    Q_OBJECT

private slots:
    void aFailedRoundTripKeepsADatabaseInAKnownState()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_table"),
                   "CREATE TABLE \"t;x\" (id int PRIMARY KEY, a int, b int);\n",
                   "DROP TABLE \"t;x\";\n");
        // added back at the end: the columns' order differs, the up.sql again drops it
        folder.add(QStringLiteral("0002_drop_column"), "ALTER TABLE \"t;x\" DROP COLUMN a;\n",
                   "ALTER TABLE \"t;x\" ADD COLUMN a int;\n");
        // fails in its transaction: rolled back
        folder.add(QStringLiteral("0003_fails"), "CREATE TABLE u (x int);\n",
                   "DROP TABLE u;\nSELECT 1 / 0;\n");
        // leaves v and adds a column: the up.sql cannot run again
        folder.add(QStringLiteral("0004_leaves"), "CREATE TABLE v (y int);\n",
                   "ALTER TABLE \"t;x\" ADD COLUMN z int;\n");
        folder.add(QStringLiteral("0005_plain"), "CREATE TABLE w (k int);\n", "DROP TABLE w;\n");
        const auto report = roundTrips(folder);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->roundTrips.size(), 5);
        const auto &trips = report->roundTrips;
        QVERIFY2(trips[0].ok, qPrintable(trips[0].error));
        QVERIFY(!trips[1].ok);
        QVERIFY2(!trips[1].differences.isEmpty() && trips[1].error.isEmpty(),
                 qPrintable(trips[1].error));
        QVERIFY(!trips[2].ok);
        QVERIFY2(trips[2].error.contains(QStringLiteral("22012")), qPrintable(trips[2].error));
        QVERIFY(!trips[3].ok);
        QVERIFY2(trips[3].error.contains(QStringLiteral("up.sql failed after down.sql")),
                 qPrintable(trips[3].error));
        QVERIFY2(trips[4].ok, qPrintable(trips[4].error));
        QCOMPARE(report->rebuilds, 1);
    }

    // A down.sql that restored the schema: its up.sql runs again in one run with the next
    // up.sql. Each one's failure is still its own round trip's: an up.sql that cannot run again
    // (a row its down.sql left) is said as before, on a fresh database the next one runs; the
    // next up.sql's own failure is its round trip's, the one before it kept as passed.
    void upAgainWithTheNextUpKeepsEachVerdict()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_keys"), "CREATE TABLE \"k\nx\" (id int PRIMARY KEY);\n",
                   "DROP TABLE \"k\nx\";\n");
        // the schema restored, the row left: the up.sql again fails (23505)
        folder.add(QStringLiteral("0002_row"), "INSERT INTO \"k\nx\" VALUES (1);\n", "SELECT 1;\n");
        folder.add(QStringLiteral("0003_table"), "CREATE TABLE w (k int);\n", "DROP TABLE w;\n");
        folder.add(QStringLiteral("0004_fails"), "CREATE TABLE z (k int);\nSELECT 1 / 0;\n",
                   "DROP TABLE z;\n");
        const auto report = roundTrips(folder);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        const auto &trips = report->roundTrips;
        QCOMPARE(trips.size(), 4);
        QVERIFY2(trips[0].ok, qPrintable(trips[0].error));
        QVERIFY(!trips[1].ok);
        QVERIFY2(trips[1].error.startsWith(QStringLiteral("up.sql failed after down.sql: "))
                     && trips[1].error.contains(QStringLiteral("23505"))
                     && trips[1].error.contains(QStringLiteral("0002_row")),
                 qPrintable(trips[1].error));
        QVERIFY2(trips[2].ok, qPrintable(trips[2].error));
        QCOMPARE(trips[3].migration, QStringLiteral("0004_fails"));
        QVERIFY(!trips[3].ok);
        QVERIFY2(trips[3].error.contains(QStringLiteral("22012"))
                     && !trips[3].error.contains(QStringLiteral("after down.sql")),
                 qPrintable(trips[3].error));
        QCOMPARE(report->rebuilds, 1);
    }

    // A run of an up.sql again with the next up.sql that a gate of the plan refuses before
    // anything ran, for the next one (a uaip:batch statement on a table it cannot walk): the
    // again runs on its own and passes, only the next round trip fails, and nothing is rebuilt.
    void aRefusedRunBlamesOnlyItsOwnMigration()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_nokey"),
                   "CREATE TABLE nokey (a int, b int);\n"
                   "INSERT INTO nokey SELECT g, 0 FROM generate_series(1, 50) g;\n",
                   "DROP TABLE nokey;\n");
        folder.add(QStringLiteral("0002_table"), "CREATE TABLE w (id int);\n", "DROP TABLE w;\n");
        folder.add(QStringLiteral("0003_batch"),
                   "-- uaip:no-transaction\n-- uaip:batch rows=10\nUPDATE nokey SET b = a;\n",
                   "SELECT 1;\n");
        const auto report = roundTrips(folder);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        const auto &trips = report->roundTrips;
        QCOMPARE(trips.size(), 3);
        QVERIFY2(trips[0].ok, qPrintable(trips[0].error));
        QVERIFY2(trips[1].ok, qPrintable(trips[1].error));
        QCOMPARE(trips[2].migration, QStringLiteral("0003_batch"));
        QVERIFY2(!trips[2].ok && trips[2].error.contains(QStringLiteral("uaip:batch")),
                 qPrintable(trips[2].error));
        QCOMPARE(report->rebuilds, 0);
    }
};

QTEST_GUILESS_MAIN(TestVerifyRebuilds)
#include "tst_verifyrebuilds.moc"
