// A run reads who owns the ledger once (LedgerTrust, before anything of it is read or written),
// not once for each look at whether it is there: ensure() after the session's exists() does not
// read it again. A ledger another role took over in between is refused as before
// (tst_takeoveredges, tst_migrationattacks).
#include "ledger/migrationversion.h"
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// How often this database ran the ledger's trust read (pg_stat_statements).
int trustReads(TestDatabase &db)
{
    return db
        .scalar("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid "
                "FROM pg_database WHERE datname = current_database()) AND query LIKE '-- Whether "
                "the ledger is the console''s to write in%'")
        .toInt();
}

} // namespace

class TestLedgerTrustOnce : public QObject
{
    Q_OBJECT

private slots:
    void aRunReadsTheLedgersOwnersOnce()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        const RunResult first = e.runner->up(*MigrationVersion::parse(QStringLiteral("0001")));
        QVERIFY2(first.ok(), qPrintable(first.message)); // the ledger made
        const int before = trustReads(db);
        const RunResult rest = e.runner->up();
        QVERIFY2(rest.ok(), qPrintable(rest.message));
        QCOMPARE(rest.steps.size(), 2);
        QCOMPARE(trustReads(db) - before, 1);
    }
};

QTEST_GUILESS_MAIN(TestLedgerTrustOnce)
#include "tst_ledgertrustonce.moc"
