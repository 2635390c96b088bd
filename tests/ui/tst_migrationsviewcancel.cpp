// Widget tests of the migrations view against a real database of the test sandbox, cancelling:
// a run, the rollback preview and Verify are cancelled neutrally, a profile switch during a
// rollback preview or its confirmation rolls nothing back, and a cancel against a stopped
// server never freezes the GUI.
#include "db/sandbox.h"
#include "jobs/job.h"
#include "jobs/jobpanel.h"
#include "jobs/jobprogressdialog.h"
#include "migrations/migrationdetailpane.h"
#include "migrationsviewtestutil.h"
#include "testcluster.h"
#include "widgets/sqlview.h"
#include "widgets/statestyle.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsViewCancel : public QObject, protected MigrationsViewFixture
{
    Q_OBJECT

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void cancelMidRun()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSlow});
        QVERIFY(view);
        QCOMPARE(cancelWhileSleeping(view.get(), view->actions()->applyAll, db),
                 std::optional<bool>(false)); // Esc on the progress dialog cancels the job
        QVERIFY2(view->bannerText().contains(QStringLiteral("Cancelled")),
                 qPrintable(view->bannerText()));
        // #8.10: a cancel is not an error: neutral banner, no line marked as the error.
        QVERIFY(!view->bannerIsError());
        QCOMPARE(view->details()->upView()->markedLine(), 0);
        QCOMPARE(db.scalar("SELECT to_regclass('before_sleep') IS NULL"), QStringLiteral("t"));
        QCOMPARE(
            db.scalar("SELECT string_agg(version, ',') FROM uaip_ledger.uaip_schema_migrations"),
            QStringLiteral("0001"));
    }

    // Issue 43, point 4: a batched backfill in the job's dialog: its line (rows walked of
    // total, batches) and its progress bar; Cancel during the pause between two batches stops
    // it there, neutrally, the committed batch kept and named in the ledger.
    void cancelDuringABackfill()
    {
        test::TestDatabase db;
        const TestMigration backfill
            = {"0002_backfill",
               "-- uaip:no-transaction\n-- uaip:batch rows=5 pause=30s\n"
               "CREATE TABLE bf (id int PRIMARY KEY, n int NOT NULL DEFAULT 0);\n"
               "INSERT INTO bf SELECT g FROM generate_series(1, 20) g;\n"
               "UPDATE bf SET n = n + 1;\n",
               "DROP TABLE bf;\n"};
        auto view = makeView(db, {kFirst, backfill});
        QVERIFY(view);
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->applyAll->trigger();
        const bool pausing = QTest::qWaitFor(
            [&] {
                // this database's: another test's pause elsewhere on the cluster is not this one
                return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                 "'%pg_catalog.pg_sleep($1%' AND pid <> pg_backend_pid() "
                                 "AND datname = current_database()")
                    == QLatin1String("1");
            },
            20000);
        QVERIFY2(pausing,
                 qPrintable(view->bannerText() + u'\n'
                            + (view->findChild<JobProgressDialog *>()
                                   ? view->findChild<JobProgressDialog *>()->log()
                                   : QString())));
        // the job's progress reaches its dialog through the event loop; the dialog of the job
        // before it (the forecast's) may not be deleted yet, so the run's is the one that says it
        JobProgressDialog *dialog = nullptr;
        QStringList said;
        const bool shown = QTest::qWaitFor(
            [&] {
                said.clear();
                for (auto *d : view->findChildren<JobProgressDialog *>()) {
                    const QString text = d->findChild<QLabel *>()->text();
                    said << text;
                    if (text.contains(
                            QStringLiteral("backfill of bf (UPDATE): 5 of 20 rows walked"))) {
                        dialog = d;
                        return true;
                    }
                }
                return false;
            },
            20000);
        QVERIFY2(shown, qPrintable(said.join(QStringLiteral(" | "))));
        QCOMPARE(dialog->findChild<QProgressBar *>()->value(), 5);
        QCOMPARE(dialog->findChild<QProgressBar *>()->maximum(), 20);
        QVERIFY(cancelThroughProgressDialog(view.get()));
        QVERIFY(!finished.isEmpty() || finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(view->bannerText().contains(QStringLiteral("Cancelled")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT sum(n) FROM bf"), QStringLiteral("5"));
        QCOMPARE(db.scalar("SELECT state || ':' || (progress_batch::jsonb ->> 'batches') FROM "
                           "uaip_ledger.uaip_schema_migrations WHERE version = '0002'"),
                 QStringLiteral("dirty:1"));
    }

    // #8.10: cancelling the rollback preview is a cancel, not a failure: neutral words, no
    // error line marked in down.sql.
    void cancelRollbackPreviewIsNeutral()
    {
        test::TestDatabase db;
        auto view = appliedView(db, {kFirst, kSlowDown});
        QVERIFY(view);
        JobPanel panel(&m_jobs);
        QCOMPARE(cancelWhileSleeping(view.get(), view->actions()->rollbackLast, db),
                 std::optional<bool>(false)); // Esc on the progress dialog cancels the job
        const QString banner = view->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("cancelled")), qPrintable(banner));
        QVERIFY2(!banner.contains(QStringLiteral("failed")), qPrintable(banner));
        QVERIFY2(!banner.contains(QStringLiteral("57014")), qPrintable(banner));
        QVERIFY(!view->bannerIsError());
        QCOMPARE(view->details()->downView()->markedLine(), 0);
        QVERIFY(!m_confirmer.impact);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QVERIFY(view->actions()->rollbackLast->isEnabled());
        // The job dock says "cancelled" too, not "failed" in red.
        const auto jobs
            = panel.list()->findItems(QStringLiteral("Preview rollback impact"), Qt::MatchExactly);
        QCOMPARE(jobs.size(), 1);
        QTreeWidgetItem *job = jobs.first();
        // (the panel hears of the end through its own queued signal: it may come a moment later)
        QTRY_VERIFY2_WITH_TIMEOUT(job->text(2).startsWith(QStringLiteral("cancelled")),
                                  qPrintable(job->text(2)), 10000);
        QVERIFY(job->foreground(2).color() != StateStyle::danger());
    }

    // Guarantee 4 (issue 9): switching profile during a rollback preview cancels it; the
    // rollback previewed on A never runs on B (nor on A). Checked through second connections.
    void profileSwitchDuringPreviewRollsNothingBack()
    {
        test::TestDatabase a;
        test::TestDatabase b;
        auto view = appliedView(a, {kFirst, kSlowDown});
        QVERIFY(view);
        QVERIFY(applyAllOn(b)); // B gets the same migrations through a view of its own
        QCOMPARE(b.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        QObject listener;
        QStringList started; // the class of every job started from here on
        QList<const Job *> ended;
        connect(&m_jobs, &JobManager::jobStarted, &listener,
                [&](Job *job) { started << QString::fromLatin1(job->metaObject()->className()); });
        connect(&m_jobs, &JobManager::jobFinished, &listener, [&](Job *job) { ended << job; });
        view->actions()->rollbackLast->trigger(); // the preview runs A's slow down.sql
        QTRY_VERIFY_WITH_TIMEOUT(sleepingSessions(a) == QLatin1String("1"), 20000);
        const Job *preview = view->currentJob();
        QVERIFY(preview);
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        view->setTarget(specOf(b, {}, QStringLiteral("B"))); // the user switches profile
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!view->isBusy());
        // The preview ends (cancelled) well before its 30 s sleep, and nothing follows it: its
        // end has reached the GUI thread (the job manager hears of it after the view, which
        // connected first, so whatever the view started in answer has started), and every job
        // started since has finished.
        QTRY_VERIFY_WITH_TIMEOUT(sleepingSessions(a) == QLatin1String("0"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(ended.contains(preview), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_jobs.running().isEmpty(), 30000);
        QVERIFY2(!started.contains(QStringLiteral("uaip::MigrationRunJob")),
                 qPrintable(started.join(u',')));
        QVERIFY(!m_confirmer.impact); // never asked
        QVERIFY(finished.isEmpty());
        QCOMPARE(b.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(b.scalar("SELECT to_regclass('slow_down') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(a.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(view->target()->profile.name, QStringLiteral("B"));
    }

    // The same while the confirmation is open: the user confirms A's impact after the target
    // changed to B (a keychain answer arrived, a profile was picked): nothing runs anywhere.
    void profileSwitchWhileConfirmingRollsNothingBack()
    {
        test::TestDatabase a;
        test::TestDatabase b;
        auto view = appliedView(a, {kFirst, kSecond});
        QVERIFY(view);
        QVERIFY(applyAllOn(b));
        MigrationsView *v = view.get();
        m_confirmer.rollbackAnswer = true;
        m_confirmer.whileAsked = [v, &b] { v->setTarget(specOf(b, {}, QStringLiteral("B"))); };
        QSignalSpy refreshed(v, &MigrationsView::refreshed);
        QObject listener;
        QStringList started; // the class of every job started from here on
        connect(&m_jobs, &JobManager::jobStarted, &listener,
                [&](Job *job) { started << QString::fromLatin1(job->metaObject()->className()); });
        v->actions()->rollbackLast->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_confirmer.impact.has_value(), 30000);
        QCOMPARE(m_confirmer.dismissed, 1); // the open question was closed
        // B's status: it may arrive while the loop above processes events, so wait for the count
        // (QSignalSpy::wait misses a signal emitted before it starts waiting).
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30000);
        // The view decided right after the answer (impact is set once it was asked): a rollback,
        // had it started, would be a job of the job manager; every job started has finished.
        QTRY_VERIFY_WITH_TIMEOUT(m_jobs.running().isEmpty(), 30000);
        QVERIFY2(!started.contains(QStringLiteral("uaip::MigrationRunJob")),
                 qPrintable(started.join(u',')));
        QCOMPARE(b.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(b.scalar("SELECT to_regclass('orders') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(a.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QVERIFY(!v->isBusy());
    }

    // Guarantee 5/6 (issue 9): Cancel against a server stopped with SIGSTOP. The cancel returns
    // while the run still goes (the GUI thread never waits for it; the longest gap between a
    // 10 ms timer's ticks is printed, not asserted), the run ends with a clear message after the
    // cancel grace period, and SIGCONT restores the server: nothing of the interrupted migration
    // stays.
    void cancelAgainstAStoppedServerNeverFreezes()
    {
        test::TestDatabase db;
        SessionSpec spec = specOf(db);
        spec.cancelGraceMs = 1500;
        auto view = openView(spec, {kFirst, kSlow});
        QVERIFY(view);
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(runAndWait(view.get(), view->actions()->applyToSelected));
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->applyAll->trigger();
        QString pid;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(pid = db.scalar("SELECT pid::text FROM pg_stat_activity WHERE datname = "
                              "current_database() AND query LIKE '%pg_sleep(30)%' "
                              "AND pid <> pg_backend_pid()"))
                 .isEmpty(),
            20000);
        // Only that backend: other tests share the cluster.
        QCOMPARE(::kill(pid_t(pid.toInt()), SIGSTOP), 0);
        struct Continue
        {
            pid_t pid;
            ~Continue() { ::kill(pid, SIGCONT); }
        } resume{pid_t(pid.toInt())};
        QElapsedTimer gap;
        qint64 longest = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, &tick, [&] { longest = qMax(longest, gap.restart()); });
        gap.start();
        tick.start();
        QElapsedTimer clock;
        clock.start();
        const QPointer<Job> run = view->currentJob();
        QVERIFY(run);
        QVERIFY(cancelThroughProgressDialog(view.get())); // Cancel
        // The cancel returned with the run still going: its backend is stopped, so the run ends
        // only after the grace period (a cancel that waited for it would have frozen the GUI
        // that long).
        QVERIFY(run && !run->isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const qint64 ended = clock.elapsed();
        tick.stop();
        QVERIFY2(ended >= 1000, qPrintable(QString::number(ended))); // not before the grace
        QCOMPARE(finished.first().first().toBool(), false);
        const QString banner = view->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("connection was cut")), qPrintable(banner));
        qInfo("after %lld ms (longest GUI gap %lld ms): %s", ended, longest, qPrintable(banner));
        ::kill(pid_t(pid.toInt()), SIGCONT);
        // The server is back: the interrupted migration left nothing, the view reads again.
        QTRY_VERIFY_WITH_TIMEOUT(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = "
                                           "$1",
                                           {pid.toInt()})
                                     == QLatin1String("0"),
                                 20000);
        QCOMPARE(db.scalar("SELECT to_regclass('before_sleep') IS NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT string_agg(version, ',') FROM "
                           "uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0001"));
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        view->refresh();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
    }

    // #8.10: cancelling Verify says so, neutral, and shows no report.
    void cancelVerifyIsNeutral()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        view->setSandboxDir(test::TestCluster::sandbox().rootDir());
        view->actions()->verify->trigger();
        Job *job = view->currentJob();
        QVERIFY(job);
        QSignalSpy done(job, &Job::finished);
        QVERIFY(cancelThroughProgressDialog(view.get())); // Esc cancels the job
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 120000); // it may end inside the line above
        QTRY_VERIFY(!view->isBusy());
        const QString banner = view->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("cancelled")), qPrintable(banner));
        QVERIFY(!view->bannerIsError());
        QCOMPARE(m_confirmer.textsShown, 0);
        QVERIFY(view->actions()->verify->isEnabled());
    }
};

QTEST_MAIN(TestMigrationsViewCancel)
#include "tst_migrationsviewcancel.moc"
