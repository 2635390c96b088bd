// `uaip-migrate sql` prints each page of a result as it reads it (issue 62), keeping none of a
// printed page: the first 10,000 rows of a SELECT are on stdout while its next page still waits
// on a lock the test holds; let go, the rest follows and the count is whole.
#include "db/pgconnection.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestSqlCliStreaming : public QObject
{
    Q_OBJECT

private slots:
    void pagesArePrintedAsTheyAreRead()
    {
        TestDatabase db;
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo()));
        QVERIFY(holder.exec("SELECT pg_advisory_lock(6262)").ok());
        // row 15,000 (on the second page) waits for the lock
        const QString sql
            = QStringLiteral("SELECT g, CASE WHEN g = 15000 THEN (SELECT 'x' FROM "
                             "pg_catalog.pg_advisory_xact_lock_shared(6262)) END AS w "
                             "FROM generate_series(1, 25000) g");
        const QStringList args{QStringLiteral("--db"), db.conninfo(), QStringLiteral("sql"),
                               QStringLiteral("-c"), sql};
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(TestCluster::migrateBinary(), args);
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QDeadlineTimer deadline(120000);
        while (!out.contains("\n10000 |") && !deadline.hasExpired()
               && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(500);
            out += p.readAllStandardOutput();
        }
        const bool early = out.contains("\n10000 |") && p.state() != QProcess::NotRunning;
        const bool waiting = db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = "
                                       "'advisory' AND NOT granted")
            == u"1";
        QVERIFY(holder.exec("SELECT pg_advisory_unlock(6262)").ok());
        QVERIFY(p.waitForFinished(120000));
        out += p.readAllStandardOutput();
        QVERIFY2(early && waiting,
                 qPrintable(QStringLiteral("the first page came only with the rest (%1 bytes)")
                                .arg(out.size())));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("\n25000 |") && out.contains("(25000 row(s))"),
                 qPrintable(QString::fromUtf8(out.right(300))));
    }

    // A page that fails ends the result with what was read before it, said as such (not as the
    // whole result), the server's error and exit 1.
    void aReadThatStopsIsNotTheWholeResult()
    {
        TestDatabase db;
        const QStringList args{QStringLiteral("--db"), db.conninfo(), QStringLiteral("sql"),
                               QStringLiteral("-c"),
                               QStringLiteral("SELECT 1 / (g - 25000) AS q FROM "
                                              "generate_series(1, 30000) g")};
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(TestCluster::migrateBinary(), args);
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(out.contains("(20000 row(s) before the read stopped)"),
                 qPrintable(QString::fromUtf8(out.right(300))));
        QVERIFY(!out.contains("(20000 row(s))"));
        QVERIFY2(err.contains("division by zero"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSqlCliStreaming)
#include "tst_sqlclistreaming.moc"
