// BackupJob's pg_dump in the cancellable wait (ProcessRun): a cancel while pg_dump runs ends
// the job with Cancelled at once (no poll), stops pg_dump, and removes its half-written file.
// pg_dump is held mid-dump for certain: a table it must lock is locked by the test.
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobend.h"
#include "jobs/backupjob.h"
#include "jobs/sessionworker.h"
#include "testdatabase.h"

#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

class TestBackupCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelDuringPgDumpEndsTheJobAndRemovesTheFile()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE TABLE held (id int)").ok());
        // pg_dump locks every table it dumps (ACCESS SHARE): it waits here until the end. (Not
        // on the witness: in a transaction it would see pg_stat_activity as it first read it.)
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("uaip-test-holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE held IN ACCESS EXCLUSIVE MODE").ok());
        QTemporaryDir scratch;
        const QString file = scratch.filePath(QStringLiteral("db.dump"));
        SessionWorker worker(std::nullopt, QStringLiteral("backup"));
        auto *job
            = new BackupJob(SessionSpec::from(db.profile(), QString(), QStringLiteral("t")), file);
        const auto end = watchEnd(job);
        QPointer<Job> running = job;
        worker.post(job);
        const QByteArray waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND wait_event_type = 'Lock' "
                                   "AND query LIKE 'LOCK TABLE %held%'";
        QTRY_VERIFY_WITH_TIMEOUT(end->finished || db.scalar(waiting) == QLatin1String("1"), 30000);
        QVERIFY2(!end->finished, qPrintable(end->summary));
        QCOMPARE(db.scalar(waiting), QStringLiteral("1"));
        QVERIFY(QFile::exists(file)); // pg_dump has begun writing it
        QVERIFY(running);
        running->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(end->finished, 30000);
        QCOMPARE(end->times, 1);
        QVERIFY(!end->ok);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
        QCOMPARE(end->error.arg(QStringLiteral("path")).toString(), file);
        QVERIFY(!QFile::exists(file));
        // pg_dump is gone: its backend ends with it (the lock is still held)
        QTRY_COMPARE_WITH_TIMEOUT(db.scalar(waiting), QStringLiteral("0"), 30000);
        QVERIFY(holder.exec("ROLLBACK").ok());
    }
};

QTEST_GUILESS_MAIN(TestBackupCancel)
#include "tst_backupcancel.moc"
