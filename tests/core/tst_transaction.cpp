// Transaction, the one transaction type, against the real server: each option (read only,
// isolation, always rolled back, savepoint when nested, settings for the transaction only, the
// transaction id), the checked COMMIT, the rollback when it goes out of scope, a connection kept
// read-only, and the command texts a pipeline sends.
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/transaction.h"
#include "testdatabase.h"

#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// A connection of its own to db, with a table t (n int PRIMARY KEY) to write into.
void openWithTable(TestDatabase &db, PgConnection &pg)
{
    db.scalar("CREATE TABLE t (n int PRIMARY KEY)");
    QVERIFY2(pg.open(db.conninfo(), QStringLiteral("tst_transaction")),
             qPrintable(pg.connectionError()));
}

bool idle(const PgConnection &pg)
{
    return pg.transactionState() == PgConnection::TransactionState::Idle;
}

} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void readOnlyRefusesAWrite()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction tx(pg);
        QVERIFY(tx.begin(TransactionOptions::readOnly()).ok());
        QCOMPARE(pg.scalar("SELECT current_setting('transaction_read_only')"),
                 QStringLiteral("on"));
        const PgResult write = pg.exec("INSERT INTO t VALUES (1)");
        QVERIFY(!write.ok());
        QCOMPARE(write.error().sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        tx.rollback();
        QVERIFY(idle(pg));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
    }

    void isolationLevelIsTheOptions_data()
    {
        QTest::addColumn<int>("isolation");
        QTest::addColumn<QString>("shown");
        using Isolation = TransactionOptions::Isolation;
        QTest::newRow("read committed") << int(Isolation::ReadCommitted) << "read committed";
        QTest::newRow("repeatable read") << int(Isolation::RepeatableRead) << "repeatable read";
        QTest::newRow("serializable") << int(Isolation::Serializable) << "serializable";
    }

    void isolationLevelIsTheOptions()
    {
        QFETCH(int, isolation);
        QFETCH(QString, shown);
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        // a default other than the one asked for: the option, not the default, is what holds
        const QString other = shown == u"serializable" ? QStringLiteral("read committed")
                                                       : QStringLiteral("serializable");
        QVERIFY(
            pg.exec("SELECT set_config('default_transaction_isolation', $1, false)", {other}).ok());
        Transaction tx(pg);
        TransactionOptions options;
        options.isolation = TransactionOptions::Isolation(isolation);
        QVERIFY(tx.begin(options).ok());
        QCOMPARE(pg.scalar("SELECT current_setting('transaction_isolation')"), shown);
        QVERIFY(tx.commit().ok());
        QCOMPARE(pg.scalar("SELECT current_setting('transaction_isolation')"), other);
    }

    void alwaysRolledBackLeavesNothing()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        TransactionOptions options;
        options.alwaysRollBack = true;
        {
            Transaction tx(pg);
            QVERIFY(tx.begin(options).ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
            QVERIFY(tx.end().ok()); // ends it: rolled back
            QVERIFY(!tx.isOpen());
            QVERIFY(idle(pg));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        {
            Transaction tx(pg);
            QVERIFY(tx.begin(options).ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (2)").ok());
            const Status commit = tx.commit(); // refused, and rolled back
            QVERIFY(!commit.ok());
            QVERIFY(idle(pg));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
    }

    void nestedRefusedUnlessASavepointIsAllowed()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction outer(pg);
        QVERIFY(outer.begin().ok());
        QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        {
            Transaction inner(pg);
            const Status refused = inner.begin();
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code(), ErrorCode::Refused);
            QVERIFY(!inner.isOpen());
            TransactionOptions isolated = TransactionOptions::nested();
            isolated.isolation = TransactionOptions::Isolation::Serializable;
            QVERIFY(!inner.begin(isolated).ok()); // an open transaction keeps its level
        }
        // nothing was sent: the outer transaction is as it was, and commits
        QCOMPARE(pg.transactionState(), PgConnection::TransactionState::InTransaction);
        QVERIFY(outer.commit().ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void savepointWhenNestedRollsBackOnlyItsPart()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction outer(pg);
        QVERIFY(outer.begin().ok());
        QVERIFY(!outer.isSavepoint());
        QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        {
            Transaction inner(pg);
            QVERIFY(inner.begin(TransactionOptions::nested()).ok());
            QVERIFY(inner.isSavepoint());
            QVERIFY(pg.exec("INSERT INTO t VALUES (2)").ok());
            {
                Transaction innermost(pg); // a second level: a savepoint of its own
                QVERIFY(innermost.begin(TransactionOptions::nested()).ok());
                QVERIFY(pg.exec("INSERT INTO t VALUES (3)").ok());
                QVERIFY(innermost.commit().ok()); // released: kept with inner
            }
            QVERIFY(!pg.exec("INSERT INTO t VALUES (1)").ok()); // a failure inside inner
            QCOMPARE(pg.transactionState(), PgConnection::TransactionState::InError);
        } // out of scope: back to before inner, the outer transaction usable again
        QCOMPARE(pg.transactionState(), PgConnection::TransactionState::InTransaction);
        {
            Transaction kept(pg);
            QVERIFY(kept.begin(TransactionOptions::nested()).ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (4)").ok());
            QVERIFY(kept.commit().ok());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0")); // nothing committed yet
        QVERIFY(outer.commit().ok());
        QCOMPARE(db.scalar("SELECT string_agg(n::text, ',' ORDER BY n) FROM t"),
                 QStringLiteral("1,4"));
    }

    void nestedReadOnlyGoesWithItsRollback()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction outer(pg);
        QVERIFY(outer.begin().ok());
        {
            Transaction probe(pg);
            // nested without savepointWhenNested: refused
            QVERIFY(!probe.begin(TransactionOptions::readOnlyRolledBack()).ok());
            TransactionOptions read = TransactionOptions::readOnlyRolledBack();
            read.savepointWhenNested = true;
            QVERIFY(probe.begin(read).ok());
            QCOMPARE(pg.scalar("SELECT current_setting('transaction_read_only')"),
                     QStringLiteral("on"));
            QVERIFY(!pg.exec("INSERT INTO t VALUES (1)").ok());
        }
        QCOMPARE(pg.scalar("SELECT current_setting('transaction_read_only')"),
                 QStringLiteral("off"));
        QVERIFY(pg.exec("INSERT INTO t VALUES (2)").ok());
        QVERIFY(outer.commit().ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void settingsHoldInsideAndGoAfter()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        const QString lockBefore = pg.scalar("SELECT current_setting('lock_timeout')");
        const QString statementBefore = pg.scalar("SELECT current_setting('statement_timeout')");
        const QString jitBefore = pg.scalar("SELECT current_setting('jit')");
        TransactionOptions options;
        options.settings = {{QStringLiteral("lock_timeout"), QStringLiteral("1234ms")},
                            {QStringLiteral("statement_timeout"), QStringLiteral("5min")},
                            {QStringLiteral("jit"), QStringLiteral("off")}};
        {
            Transaction tx(pg);
            QVERIFY(tx.begin(options).ok());
            QCOMPARE(pg.scalar("SELECT current_setting('lock_timeout')"), QStringLiteral("1234ms"));
            QCOMPARE(pg.scalar("SELECT current_setting('statement_timeout')"),
                     QStringLiteral("5min"));
            QCOMPARE(pg.scalar("SELECT current_setting('jit')"), QStringLiteral("off"));
            QVERIFY(tx.commit().ok()); // committed: SET LOCAL still ends with the transaction
        }
        QCOMPARE(pg.scalar("SELECT current_setting('lock_timeout')"), lockBefore);
        QCOMPARE(pg.scalar("SELECT current_setting('statement_timeout')"), statementBefore);
        QCOMPARE(pg.scalar("SELECT current_setting('jit')"), jitBefore);
        QVERIFY(lockBefore != u"1234ms");

        // in a savepoint: gone with its rollback, the enclosing transaction's own value back
        Transaction outer(pg);
        QVERIFY(outer.begin().ok());
        TransactionOptions nested = options;
        nested.savepointWhenNested = true;
        {
            Transaction inner(pg);
            QVERIFY(inner.begin(nested).ok());
            QCOMPARE(pg.scalar("SELECT current_setting('lock_timeout')"), QStringLiteral("1234ms"));
        }
        QCOMPARE(pg.scalar("SELECT current_setting('lock_timeout')"), lockBefore);
        outer.rollback();

        // a setting the server refuses: begin fails and nothing stays open
        TransactionOptions bad;
        bad.settings = {{QStringLiteral("lock_timeout"), QStringLiteral("not a time")}};
        Transaction refused(pg);
        const Status s = refused.begin(bad);
        QVERIFY(!s.ok());
        QVERIFY(!refused.isOpen());
        QVERIFY(idle(pg));
    }

    void transactionIdTakenAtBegin()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction tx(pg);
        TransactionOptions options;
        options.takeId = true;
        QVERIFY(tx.begin(options).ok());
        QVERIFY(tx.transactionId() > 0);
        QCOMPARE(pg.scalar("SELECT txid_current()").toLongLong(), tx.transactionId());
        QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        QVERIFY(tx.commit().ok());
        QCOMPARE(db.scalar("SELECT txid_status($1)", {tx.transactionId()}),
                 QStringLiteral("committed"));

        Transaction plain(pg);
        QVERIFY(plain.begin().ok());
        QCOMPARE(plain.transactionId(), qint64(0));
    }

    void commitOfAFailedTransactionIsAnError()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction tx(pg);
        QVERIFY(tx.begin().ok());
        QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        QVERIFY(!pg.exec("INSERT INTO t VALUES (1)").ok()); // the transaction fails
        const Status commit = tx.commit(); // the server answers COMMIT with ROLLBACK
        QVERIFY(!commit.ok());
        QCOMPARE(commit.error().code(), ErrorCode::Conflict);
        QCOMPARE(commit.error().arg(QStringLiteral("answer")).toString(),
                 QStringLiteral("ROLLBACK"));
        QVERIFY(idle(pg));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        QVERIFY(!tx.commit().ok()); // nothing open any more
    }

    void destructorRollsBack()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        {
            Transaction tx(pg);
            QVERIFY(tx.begin().ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        }
        QVERIFY(idle(pg));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        {
            Transaction tx(pg);
            QVERIFY(tx.begin().ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (2)").ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void keptReadOnlyConnectionOnlyReads()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        pg.setKeptReadOnly(true);
        TransactionOptions readWrite;
        readWrite.access = TransactionOptions::Access::ReadWrite;
        for (const TransactionOptions &options : {TransactionOptions(), readWrite}) {
            Transaction tx(pg);
            QVERIFY(tx.begin(options).ok());
            const PgResult write = pg.exec("INSERT INTO t VALUES (1)");
            QVERIFY(!write.ok());
            QCOMPARE(write.error().sqlState, QStringLiteral("25006"));
        }
        // READ WRITE and always rolled back (the console's probe): it may write, and keeps
        // nothing
        readWrite.alwaysRollBack = true;
        {
            Transaction probe(pg);
            QVERIFY(probe.begin(readWrite).ok());
            QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
    }

    // beginWith / endWith: the work's first statements go with the BEGIN and its settings, the
    // last ones with the ROLLBACK, one round trip each (begin(), the statements and end() took
    // four); the guarantees stay: READ ONLY, the setting for the transaction only, nothing open.
    void beginWithAndEndWithShareTheirRoundTrips()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        TransactionOptions options = TransactionOptions::readOnlyRolledBack();
        options.settings = {{QStringLiteral("lock_timeout"), QStringLiteral("1234ms")}};
        const QString sessionTimeout = pg.scalar("SHOW lock_timeout");
        const quint64 before = pg.roundTrips();
        Transaction tx(pg);
        const Result<std::vector<PgResult>> first = tx.beginWith(
            options,
            {"SELECT current_setting('transaction_read_only'), current_setting('lock_timeout')"},
            {{}});
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toString()));
        QCOMPARE(pg.roundTrips() - before, quint64(1));
        QCOMPARE(first.value().size(), size_t(1));
        QCOMPARE(first.value()[0].value(0, 0), QStringLiteral("on"));
        QCOMPARE(first.value()[0].value(0, 1), QStringLiteral("1234ms"));
        QVERIFY(tx.isOpen());
        const std::vector<PgResult> last = tx.endWith(
            {"SELECT $1::int + 1", "SELECT current_setting('transaction_read_only')"}, {{41}, {}});
        QCOMPARE(pg.roundTrips() - before, quint64(2));
        QCOMPARE(last.size(), size_t(2));
        QCOMPARE(last[0].value(0, 0), QStringLiteral("42"));
        QCOMPARE(last[1].value(0, 0), QStringLiteral("on"));
        QVERIFY(!tx.isOpen());
        QVERIFY(idle(pg));
        QCOMPARE(pg.scalar("SHOW lock_timeout"), sessionTimeout);
    }

    void endWithAFailedStatementStillEndsTheTransaction()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        Transaction tx(pg);
        QVERIFY(tx.beginWith(TransactionOptions::readOnlyRolledBack(), {"SELECT 1"}, {{}}).ok());
        const std::vector<PgResult> r = tx.endWith({"SELECT 1/0", "SELECT 2"}, {{}, {}});
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[0].error().sqlState, QStringLiteral("22012")); // division_by_zero
        QVERIFY(!r[1].ok()); // skipped by the server, as the rollback was
        QVERIFY(!tx.isOpen());
        QVERIFY(idle(pg));

        // in a transaction already open: a savepoint, rolled back to and released with the last
        // statements; the enclosing transaction goes on, READ WRITE again
        QVERIFY(pg.exec(Transaction::beginCommand()).ok());
        QVERIFY(pg.exec("INSERT INTO t VALUES (1)").ok());
        {
            TransactionOptions nested = TransactionOptions::readOnlyRolledBack();
            nested.savepointWhenNested = true;
            Transaction inner(pg);
            const Result<std::vector<PgResult>> w = inner.beginWith(
                nested, {"SELECT current_setting('transaction_read_only')"}, {{}});
            QVERIFY(w.ok());
            QVERIFY(inner.isSavepoint());
            QCOMPARE(w.value()[0].value(0, 0), QStringLiteral("on"));
            QVERIFY(inner.endWith({"SELECT 1"}, {{}}).front().ok());
            QVERIFY(!inner.isOpen());
        }
        QCOMPARE(pg.transactionState(), PgConnection::TransactionState::InTransaction);
        QCOMPARE(pg.scalar("SELECT current_setting('transaction_read_only')"),
                 QStringLiteral("off"));
        // refused (a transaction is open, no savepoint allowed): nothing ran
        Transaction refused(pg);
        const quint64 before = pg.roundTrips();
        QVERIFY(!refused.beginWith(TransactionOptions::readOnly(), {"SELECT 1"}, {{}}).ok());
        QCOMPARE(pg.roundTrips(), before);
        QVERIFY(Transaction::committed(pg.exec(Transaction::commitCommand())));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    void commandTextsForAPipeline()
    {
        TestDatabase db;
        PgConnection pg;
        openWithTable(db, pg);
        TransactionOptions options = TransactionOptions::readOnly();
        options.isolation = TransactionOptions::Isolation::RepeatableRead;
        std::vector<PgResult> r = pg.pipeline({Transaction::beginCommand(options),
                                               "SELECT current_setting('transaction_isolation'), "
                                               "current_setting('transaction_read_only')",
                                               Transaction::commitCommand()});
        QCOMPARE(r.size(), size_t(3));
        QVERIFY(r[1].ok());
        QCOMPARE(r[1].value(0, 0), QStringLiteral("repeatable read"));
        QCOMPARE(r[1].value(0, 1), QStringLiteral("on"));
        QVERIFY(Transaction::committed(r[2]));

        // savepoints named by depth, rolled back to and released in one pipeline
        r = pg.pipeline({Transaction::beginCommand(), "INSERT INTO t VALUES (1)",
                         Transaction::savepointCommand(1), "INSERT INTO t VALUES (2)",
                         Transaction::rollbackToCommand(1), Transaction::releaseCommand(1),
                         Transaction::commitCommand()});
        QCOMPARE(r.size(), size_t(7));
        QVERIFY(Transaction::committed(r.back()));
        QCOMPARE(db.scalar("SELECT string_agg(n::text, ',') FROM t"), QStringLiteral("1"));

        // a COMMIT of a failed transaction is answered ROLLBACK: not committed
        QVERIFY(pg.exec(Transaction::beginCommand()).ok());
        QVERIFY(!pg.exec("INSERT INTO t VALUES (1)").ok());
        const PgResult commit = pg.exec(Transaction::commitCommand());
        QVERIFY(commit.ok());
        QVERIFY(Transaction::isRollbackTag(commit.commandTag()));
        QVERIFY(!Transaction::isCommitTag(commit.commandTag()));
        QVERIFY(!Transaction::committed(commit));
        QVERIFY(idle(pg));
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
