// Widget tests of the migrations view against a real database of the test sandbox: the real
// actions are triggered, the result is checked through a second (witness) connection.
#include "connections/connectionprofile.h"
#include "db/sandbox.h"
#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobs/jobpanel.h"
#include "jobs/jobprogressdialog.h"
#include "jobs/sessionworker.h"
#include "migrate/migrationlock.h"
#include "migrations/backupgate.h"
#include "migrations/confirmer.h"
#include "migrations/dialogconfirmer.h"
#include "migrations/eventtablemodel.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationdetailpane.h"
#include "migrations/migrationsview.h"
#include "migrations/migrationtablemodel.h"
#include "migrations/rollbackconfirmdialog.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "widgets/sqlview.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>
#include <functional>

using namespace uaip;

namespace {

// Answers the view's questions like a scripted user, and remembers what it was asked.
class ScriptedConfirmer : public Confirmer
{
public:
    bool rollbackAnswer = true;
    bool lockAnswer = false;
    std::optional<RollbackImpact> impact;
    std::optional<LockHolder> holder;

    std::function<void()> whileAsked; // what happens while the question is open
    int dismissed = 0;
    bool confirmRollback(QWidget *, const QString &, const RollbackImpact &i,
                         const ConnectionProfile &, const QString &) override
    {
        impact = i;
        if (whileAsked)
            whileAsked();
        return rollbackAnswer;
    }
    void dismiss() override { ++dismissed; }
    bool waitForLock(QWidget *, const LockHolder &h, int) override
    {
        holder = h;
        return lockAnswer;
    }
    int textsShown = 0;
    QString shownText; // the last read-only text shown (dry run, reports)
    void showText(QWidget *, const QString &, const QString &text, bool) override
    {
        ++textsShown;
        shownText = text;
    }
    QString backupFile; // what the scripted user picks for "Back up first"
    int backupAsked = 0;
    QString chooseBackupFile(QWidget *, const QString &) override
    {
        ++backupAsked;
        return backupFile;
    }
};

// One migrations folder: VERSION_name -> {up, down}
bool writeMigrations(const QString &root, const QList<std::array<QByteArray, 3>> &migrations)
{
    for (const auto &[name, up, down] : migrations) {
        const QString dir = root + u'/' + QString::fromLatin1(name);
        if (!QDir().mkpath(dir))
            return false;
        QFile u(dir + QStringLiteral("/up.sql"));
        QFile d(dir + QStringLiteral("/down.sql"));
        if (!u.open(QIODevice::WriteOnly) || !d.open(QIODevice::WriteOnly))
            return false;
        u.write(up);
        d.write(down);
    }
    return true;
}

const std::array<QByteArray, 3> kFirst
    = {"0001_accounts",
       "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n"
       "INSERT INTO accounts VALUES (1, 'a'), (2, 'b'), (3, 'c');\n",
       "DROP TABLE accounts;\n"};
const std::array<QByteArray, 3> kSecond = {
    "0002_orders",
    "CREATE TYPE order_state AS ENUM ('open', 'closed');\n"
    "CREATE TABLE orders (id int PRIMARY KEY, state order_state);\n"
    "INSERT INTO orders VALUES (1, 'open'), (2, 'closed');\n"
    "ALTER TABLE accounts ADD COLUMN note text;\n"
    "CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders';\n",
    "DROP FUNCTION order_count();\nALTER TABLE accounts DROP COLUMN note;\n"
    "DROP TABLE orders;\nDROP TYPE order_state;\n"};
const std::array<QByteArray, 3> kThird
    = {"0003_items", "CREATE TABLE items (id int);\n", "DROP TABLE items;\n"};

} // namespace

// The test database as a session spec, with the flags (read-only, production) of profile.
SessionSpec specOf(const test::TestDatabase &db, const ConnectionProfile &flags = {},
                   const QString &name = QStringLiteral("test"))
{
    ConnectionProfile p = db.profile();
    p.name = name;
    p.sandbox = false;
    p.readOnly = flags.readOnly;
    p.production = flags.production;
    return SessionSpec::from(p, QString());
}

class TestMigrationsView : public QObject
{
    Q_OBJECT

private:
    // A view on a fresh database with the given migrations, status read.
    std::unique_ptr<MigrationsView> makeView(test::TestDatabase &db,
                                             const QList<std::array<QByteArray, 3>> &migrations,
                                             ConnectionProfile profile = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!writeMigrations(m_dir->path(), migrations))
            return nullptr;
        auto view = std::make_unique<MigrationsView>(&m_jobs);
        view->setConfirmer(&m_confirmer);
        view->setLockWaitMs(500);
        if (!view->setMigrationsDir(m_dir->path()))
            return nullptr;
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        view->setTarget(specOf(db, profile));
        if (!refreshed.wait(30000) || !refreshed.first().first().toBool())
            return nullptr;
        view->show();
        return view;
    }

    static bool runAndWait(MigrationsView *view, QAction *action)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        if (!action->isEnabled())
            return false;
        action->trigger();
        return !finished.isEmpty() || finished.wait(60000); // it may finish at once
    }

    // The run's own verdict (runFinished's ok), or nothing when it did not finish.
    static std::optional<bool> runOutcome(MigrationsView *view, QAction *action)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        if (!action->isEnabled())
            return std::nullopt;
        action->trigger();
        if (finished.isEmpty() && !finished.wait(60000))
            return std::nullopt;
        return finished.first().first().toBool();
    }

    JobManager m_jobs;
    ScriptedConfirmer m_confirmer;
    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void applyAll()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond, kThird});
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT count(*) FROM accounts"), QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT to_regclass('items') IS NOT NULL"), QStringLiteral("t"));
        for (const MigrationStatus &s : view->model()->statuses())
            QCOMPARE(s.state, MigrationState::Applied);
        QVERIFY(view->history()->rowCount() >= 3);
    }

    void brokenPlanDisablesApply()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> broken
            = {"0002_broken", "CREATE TABLE fine (id int);\nCREATE TABLEX nope (id int);\n",
               "DROP TABLE fine;\n"};
        auto view = makeView(db, {kFirst, broken});
        QVERIFY(view);
        QVERIFY(!view->actions()->applyAll->isEnabled());
        QVERIFY2(view->actions()->applyAll->toolTip().contains(
                     QStringLiteral("0002_broken/up.sql:2:8: syntax error")),
                 qPrintable(view->actions()->applyAll->toolTip()));
        view->actions()->dryRun->trigger();
        QVERIFY2(m_confirmer.shownText.contains(QStringLiteral("nothing would be applied"))
                     && m_confirmer.shownText.contains(QStringLiteral("0002_broken/up.sql:2:8")),
                 qPrintable(m_confirmer.shownText));
        QVERIFY(!m_confirmer.shownText.contains(QStringLiteral("CREATE TABLE accounts")));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
    }

    void failedNoTransactionRunShowsProgress()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> half
            = {"0002_half",
               "-- uaip:no-transaction\nCREATE TABLE half_a (id int);\n"
               "CREATE TABLE half_b (id nosuchtype);\n",
               "DROP TABLE half_a;\n"};
        auto view = makeView(db, {kFirst, half});
        QVERIFY(view);
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        const QModelIndex state = view->model()->index(1, MigrationTableModel::State);
        const QString tip = view->model()->data(state, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("apply stopped after 1 of 2 statement(s); next: "))
                     && tip.contains(QStringLiteral("0002_half/up.sql:3:1")),
                 qPrintable(tip));
    }

    void rollbackToSelected()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond, kThird});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackToSelected));
        QVERIFY(m_confirmer.impact);
        QCOMPARE(
            db.scalar("SELECT string_agg(version, ',') FROM uaip_ledger.uaip_schema_migrations"),
            QStringLiteral("0001"));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NULL AND to_regclass('items') IS NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'accounts' AND column_name = 'note'"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM accounts"), QStringLiteral("3"));
    }

    void rollbackPreviewListsWhatWouldDisappear()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        m_confirmer.rollbackAnswer = false; // look, then say no
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackLast));
        QVERIFY(m_confirmer.impact);
        const RollbackImpact &impact = *m_confirmer.impact;
        QCOMPARE(impact.migrations, QStringList{QStringLiteral("0002_orders")});
        QCOMPARE(impact.tables.size(), 1);
        QCOMPARE(impact.tables[0].name, QStringLiteral("public.orders"));
        QCOMPARE(impact.tables[0].rows, 2);
        QCOMPARE(impact.columns.size(), 1);
        QCOMPARE(impact.columns[0].table + u'.' + impact.columns[0].column,
                 QStringLiteral("public.accounts.note"));
        QStringList objects;
        for (const RollbackImpact::Object &o : impact.objects)
            objects << o.kind + u' ' + o.name;
        QVERIFY2(objects.contains(QStringLiteral("enum type public.order_state")),
                 qPrintable(objects.join(u',')));
        QVERIFY2(objects.contains(QStringLiteral("function public.order_count()")),
                 qPrintable(objects.join(u',')));
        // The preview changed nothing.
        QCOMPARE(db.scalar("SELECT count(*) FROM orders"), QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QVERIFY(view->bannerText().contains(QStringLiteral("not confirmed")));
    }

    void failureMarksLineAndLeavesDatabaseUnchanged()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> bad
            = {"0002_broken",
               "-- creates a table, then fails\nCREATE TABLE half_done (id int);\n\n"
               "SELECT * FROM no_such_table;\n",
               "DROP TABLE half_done;\n"};
        auto view = makeView(db, {kFirst, bad});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(
            db.scalar("SELECT string_agg(version, ',') FROM uaip_ledger.uaip_schema_migrations"),
            QStringLiteral("0001"));
        QCOMPARE(db.scalar("SELECT to_regclass('half_done') IS NULL"), QStringLiteral("t"));
        const QString banner = view->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("up.sql:4:15")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("42P01")), qPrintable(banner));
        QCOMPARE(view->details()->upView()->markedLine(), 4);
        QCOMPARE(view->details()->currentIndex(), int(MigrationDetailPane::UpTab));
    }

    void cancelMidRun()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> slow
            = {"0002_slow", "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(30);\n",
               "DROP TABLE before_sleep;\n"};
        auto view = makeView(db, {kFirst, slow});
        QVERIFY(view);
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->applyAll->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()")
                == QLatin1String("1"),
            20000);
        auto *dialog = view->findChild<JobProgressDialog *>();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape); // Esc cancels the job
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
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

    // #8.9: with nothing applied there is nothing to roll back: both rollback actions are
    // disabled, their state follows every run, and an empty rollback is never offered.
    void rollbackNeedsSomethingApplied()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        MigrationActions *a = view->actions();
        QVERIFY(!a->rollbackLast->isEnabled());
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(!a->rollbackToSelected->isEnabled());
        QVERIFY(runAndWait(view.get(), a->applyToSelected));
        QVERIFY(a->rollbackLast->isEnabled());
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(!a->rollbackToSelected->isEnabled()); // nothing applied after 0001
        QVERIFY(runAndWait(view.get(), a->applyAll));
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(a->rollbackToSelected->isEnabled());
        QVERIFY(view->selectVersion(QStringLiteral("0002")));
        QVERIFY(!a->rollbackToSelected->isEnabled());
        QVERIFY(runAndWait(view.get(), a->rollbackLast));
        QVERIFY(a->rollbackLast->isEnabled());
        QVERIFY(runAndWait(view.get(), a->rollbackLast));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
        QVERIFY(!a->rollbackLast->isEnabled()); // refreshed after the run

        // Another session empties the ledger behind the view's back: the preview finds
        // nothing, so no confirmation is asked.
        QVERIFY(runAndWait(view.get(), a->applyToSelected));
        QVERIFY(db.witness().exec("DELETE FROM uaip_ledger.uaip_schema_migrations").ok());
        m_confirmer.impact.reset();
        QCOMPARE(runOutcome(view.get(), a->rollbackLast), std::optional<bool>(false));
        QVERIFY(!m_confirmer.impact);
        QVERIFY2(view->bannerText().contains(QStringLiteral("Nothing to roll back")),
                 qPrintable(view->bannerText()));
        QVERIFY(!view->bannerIsError());
        QVERIFY(!a->rollbackLast->isEnabled());

        // The dialog itself never offers an empty rollback.
        RollbackConfirmDialog dialog(QStringLiteral("Roll back"), RollbackImpact{}, QString());
        QVERIFY(!dialog.rollbackButton()->isEnabled());
    }

    // #8.10: cancelling the rollback preview is a cancel, not a failure: neutral words, no
    // error line marked in down.sql.
    void cancelRollbackPreviewIsNeutral()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> slowDown
            = {"0002_slow_down", "CREATE TABLE slow_down (id int);\n",
               "SELECT pg_sleep(30);\nDROP TABLE slow_down;\n"};
        auto view = makeView(db, {kFirst, slowDown});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        JobPanel panel(&m_jobs);
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->rollbackLast->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()")
                == QLatin1String("1"),
            20000);
        auto *dialog = view->findChild<JobProgressDialog *>();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
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
        const std::array<QByteArray, 3> slowDown
            = {"0002_slow_down", "CREATE TABLE slow_down (id int);\n",
               "SELECT pg_sleep(30);\nDROP TABLE slow_down;\n"};
        auto view = makeView(a, {kFirst, slowDown});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        { // B gets the same migrations through a view of its own
            MigrationsView onB(&m_jobs);
            onB.setConfirmer(&m_confirmer);
            QVERIFY(onB.setMigrationsDir(m_dir->path()));
            QSignalSpy refreshed(&onB, &MigrationsView::refreshed);
            onB.setTarget(specOf(b, {}, QStringLiteral("B")));
            QVERIFY(refreshed.wait(30000));
            QVERIFY(runAndWait(&onB, onB.actions()->applyAll));
        }
        QCOMPARE(b.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->rollbackLast->trigger(); // the preview runs A's slow down.sql
        QTRY_VERIFY_WITH_TIMEOUT(
            a.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()")
                == QLatin1String("1"),
            20000);
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        view->setTarget(specOf(b, {}, QStringLiteral("B"))); // the user switches profile
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!view->isBusy());
        // The preview ends (cancelled) well before its 30 s sleep, and nothing follows it.
        QTRY_VERIFY_WITH_TIMEOUT(
            a.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()")
                == QLatin1String("0"),
            15000);
        QTest::qWait(1000);
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
        auto view = makeView(a, {kFirst, kSecond});
        QVERIFY(view);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        {
            MigrationsView onB(&m_jobs);
            onB.setConfirmer(&m_confirmer);
            QVERIFY(onB.setMigrationsDir(m_dir->path()));
            QSignalSpy refreshed(&onB, &MigrationsView::refreshed);
            onB.setTarget(specOf(b, {}, QStringLiteral("B")));
            QVERIFY(refreshed.wait(30000));
            QVERIFY(runAndWait(&onB, onB.actions()->applyAll));
        }
        MigrationsView *v = view.get();
        m_confirmer.rollbackAnswer = true;
        m_confirmer.whileAsked = [v, &b] { v->setTarget(specOf(b, {}, QStringLiteral("B"))); };
        QSignalSpy refreshed(v, &MigrationsView::refreshed);
        v->actions()->rollbackLast->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_confirmer.impact.has_value(), 30000);
        QCOMPARE(m_confirmer.dismissed, 1); // the open question was closed
        QVERIFY(refreshed.wait(30000)); // B's status
        QTest::qWait(1500); // a rollback, if one had started, would be done by now
        QCOMPARE(b.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(b.scalar("SELECT to_regclass('orders') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(a.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QVERIFY(!v->isBusy());
    }

    // No session before the password is known: a spec without one leaves the view
    // disconnected, with no worker and no QSqlDatabase connection.
    void noSessionBeforeThePasswordIsKnown()
    {
        test::TestDatabase db;
        MigrationsView view(&m_jobs);
        const QStringList before = QSqlDatabase::connectionNames();
        SessionSpec waiting = specOf(db);
        waiting.password.reset();
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        view.setTarget(waiting);
        QVERIFY(!view.isConnected());
        QVERIFY(!view.worker());
        QVERIFY(!view.actions()->refresh->isEnabled());
        QVERIFY(!refreshed.wait(500));
        QCOMPARE(QSqlDatabase::connectionNames(), before);
        view.setTarget(specOf(db));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY(view.worker());
        QVERIFY(QSqlDatabase::connectionNames().contains(view.worker()->connectionName()));
    }

    // Guarantee 5/6 (issue 9): Cancel against a server stopped with SIGSTOP. The GUI thread
    // keeps running (a timer fires within 100 ms throughout), the run ends with a clear
    // message after the cancel grace period, and SIGCONT restores the server: nothing of the
    // interrupted migration stays.
    void cancelAgainstAStoppedServerNeverFreezes()
    {
        test::TestDatabase db;
        const std::array<QByteArray, 3> slow
            = {"0002_slow", "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(30);\n",
               "DROP TABLE before_sleep;\n"};
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(writeMigrations(m_dir->path(), {kFirst, slow}));
        MigrationsView view(&m_jobs);
        view.setConfirmer(&m_confirmer);
        QVERIFY(view.setMigrationsDir(m_dir->path()));
        SessionSpec spec = specOf(db);
        spec.cancelGraceMs = 1500;
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        view.setTarget(spec);
        QVERIFY(refreshed.wait(30000));
        view.show();
        QVERIFY(view.selectVersion(QStringLiteral("0001")));
        QVERIFY(runAndWait(&view, view.actions()->applyToSelected));
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        view.actions()->applyAll->trigger();
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
        auto *dialog = view.findChild<JobProgressDialog *>();
        QVERIFY(dialog);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(dialog, Qt::Key_Escape); // Cancel
        QVERIFY(finished.wait(30000));
        const qint64 ended = clock.elapsed();
        tick.stop();
        QVERIFY2(longest < 100, qPrintable(QString::number(longest)));
        QVERIFY2(ended >= 1000 && ended < 15000, qPrintable(QString::number(ended)));
        QCOMPARE(finished.first().first().toBool(), false);
        const QString banner = view.bannerText();
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
        refreshed.clear();
        view.refresh();
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
        auto *dialog = view->findChild<JobProgressDialog *>();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(done.wait(120000));
        QTRY_VERIFY(!view->isBusy());
        const QString banner = view->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("cancelled")), qPrintable(banner));
        QVERIFY(!view->bannerIsError());
        QCOMPARE(m_confirmer.textsShown, 0);
        QVERIFY(view->actions()->verify->isEnabled());
    }

    // #8.12: a report dialog is sized to its text (a one-line Validate result gets a small
    // dialog), a long one stays within the screen and scrolls.
    void reportDialogsFitTheirText()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst});
        QVERIFY(view);
        view->setConfirmer(nullptr); // the real dialogs
        const QRect screen = view->screen()->availableGeometry();
        QSize seen;
        bool scrolls = true;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            seen = dialog->size();
            auto *text = dialog->findChild<QPlainTextEdit *>();
            scrolls = !text || text->verticalScrollBar()->isVisible()
                || text->horizontalScrollBar()->isVisible();
            dialog->reject();
        });
        poll.start(10);
        view->actions()->validate->trigger();
        QVERIFY(seen.isValid());
        const QFontMetrics fm(view->font());
        qInfo("Validate dialog: %dx%d", seen.width(), seen.height());
        QVERIFY2(seen.height() <= fm.height() * 12, qPrintable(QString::number(seen.height())));
        QVERIFY2(seen.width() <= screen.width() * 0.6, qPrintable(QString::number(seen.width())));
        QVERIFY(!scrolls); // and the text is all there

        QString longText;
        for (int i = 0; i < 400; ++i)
            longText += QStringLiteral("line %1 ").arg(i) + QString(300, u'x') + u'\n';
        seen = {};
        DialogConfirmer().showText(view.get(), QStringLiteral("Long"), longText, false);
        QVERIFY(seen.isValid());
        qInfo("long report: %dx%d on %dx%d", seen.width(), seen.height(), screen.width(),
              screen.height());
        QVERIFY(seen.width() <= screen.width() * 0.9 && seen.height() <= screen.height() * 0.9);
        QVERIFY(seen.height() >= fm.height() * 12);
        QVERIFY(scrolls);
    }

    void productionRollbackNeedsTypedName()
    {
        test::TestDatabase db;
        ConnectionProfile production;
        production.production = true;
        auto view = makeView(db, {kFirst, kSecond}, production);
        QVERIFY(view);
        view->backupGate()->checkBox()->setChecked(false); // backups: productionApplyBacksUpFirst
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        view->setConfirmer(nullptr); // the real dialog

        // Wrong name: the Roll back button stays disabled; Esc closes; nothing happens.
        bool checked = false;
        auto answer = [&checked, &db](const QString &typed, bool go) {
            QTimer *poll = new QTimer;
            QObject::connect(poll, &QTimer::timeout, poll, [=, &checked, &db] {
                auto *dialog
                    = qobject_cast<RollbackConfirmDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                poll->deleteLater();
                poll->stop();
                QVERIFY(dialog->nameEdit());
                QVERIFY(!dialog->rollbackButton()->isEnabled());
                QTest::keyClicks(dialog->nameEdit(), typed);
                QCOMPARE(dialog->rollbackButton()->isEnabled(), typed == db.name());
                checked = true;
                if (go)
                    QTest::mouseClick(dialog->rollbackButton(), Qt::LeftButton);
                else {
                    QTest::mouseClick(dialog->rollbackButton(), Qt::LeftButton); // disabled
                    QTest::keyClick(dialog, Qt::Key_Escape);
                }
            });
            poll->start(10);
        };
        answer(db.name() + QStringLiteral("x"), false);
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackLast));
        QVERIFY(checked);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NOT NULL"), QStringLiteral("t"));

        checked = false;
        answer(db.name(), true);
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackLast));
        QVERIFY(checked);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NULL"), QStringLiteral("t"));
    }

    void lockHeldByAnotherSession()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst});
        QVERIFY(view);
        QCOMPARE(db.scalar("SELECT pg_advisory_lock($1, $2)::text",
                           {MigrationLock::kClassId, MigrationLock::kObjectId}),
                 QString());
        const int pid = db.witness().backendPid();
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QVERIFY(m_confirmer.holder);
        QCOMPARE(m_confirmer.holder->pid, pid);
        QVERIFY2(view->bannerText().contains(QString::number(pid)), qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        db.scalar("SELECT pg_advisory_unlock_all()::text");
    }

    void readOnlyDisablesWrites()
    {
        test::TestDatabase db;
        ConnectionProfile readOnly;
        readOnly.readOnly = true;
        auto view = makeView(db, {kFirst}, readOnly);
        QVERIFY(view);
        for (QAction *a : view->actions()->writeActions()) {
            QVERIFY(!a->isEnabled());
            QVERIFY(a->toolTip().contains(QStringLiteral("read-only")));
        }
        QVERIFY(view->actions()->dryRun->isEnabled());
    }

    void brokenMigrationFolderIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/0001_no_up")));
        MigrationsView view(&m_jobs);
        QVERIFY(!view.setMigrationsDir(dir.path()));
        view.show();
        QVERIFY(view.bannerText().contains(QStringLiteral("0001_no_up")));
        QVERIFY(!view.actions()->applyAll->isEnabled());
    }

    void productionApplyBacksUpFirst()
    {
        test::TestDatabase db;
        ConnectionProfile production;
        production.production = true;
        auto view = makeView(db, {kFirst, kSecond}, production);
        QVERIFY(view);
        QVERIFY(view->backupGate()->isOffered());
        QVERIFY(view->backupGate()->wanted());
        QTemporaryDir out;
        // 1. a file that cannot be written: the backup fails and nothing is applied
        m_confirmer.backupFile = out.path() + QStringLiteral("/no/such/folder/db.dump");
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(QStringLiteral("backup")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        // 2. a good file: pg_dump first, then the migrations
        m_confirmer.backupFile = out.path() + QStringLiteral("/before.dump");
        QVERIFY(db.witness().exec("CREATE TABLE kept_by_backup (id int)").ok());
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(true));
        QCOMPARE(m_confirmer.backupAsked, 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QProcess list;
        list.start(QStringLiteral("pg_restore"),
                   {QStringLiteral("--list"), m_confirmer.backupFile});
        QVERIFY(list.waitForFinished(30000));
        QCOMPARE(list.exitCode(), 0);
        const QString toc = QString::fromUtf8(list.readAllStandardOutput());
        QVERIFY2(toc.contains(QStringLiteral("TABLE public kept_by_backup")), qPrintable(toc));
        QVERIFY(!toc.contains(QStringLiteral("TABLE public accounts"))); // taken before applying
        // 3. not production: no checkbox, no question
        test::TestDatabase other;
        auto plain = makeView(other, {kFirst});
        QVERIFY(!plain->backupGate()->isOffered());
        QVERIFY(!plain->backupGate()->wanted());
    }

    // Bad input: each one a clear message in the window, nothing applied, no freeze.
    void wrongPasswordIsReported()
    {
        test::TestDatabase db;
        const Sandbox &sandbox = test::TestCluster::sandbox();
        if (!sandbox.listensOnTcp())
            QSKIP("the test sandbox was started without --tcp (password auth needs TCP)");
        db.witness().exec("DROP ROLE IF EXISTS uaip_gui_pw_user");
        QVERIFY(db.witness()
                    .exec("CREATE ROLE uaip_gui_pw_user LOGIN PASSWORD 'right-password-123'")
                    .ok());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(writeMigrations(m_dir->path(), {kFirst}));
        MigrationsView view(&m_jobs);
        view.setConfirmer(&m_confirmer);
        QVERIFY(view.setMigrationsDir(m_dir->path()));
        view.show();
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        ConnectionProfile profile;
        profile.name = QStringLiteral("wrong password");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = sandbox.port();
        profile.user = QStringLiteral("uaip_gui_pw_user");
        profile.database = db.name();
        view.setTarget(SessionSpec::from(profile, QStringLiteral("wrong")));
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(refreshed.first().first().toBool(), false);
        QVERIFY2(view.bannerText().contains(QStringLiteral("password authentication failed")),
                 qPrintable(view.bannerText()));
        QVERIFY(!view.actions()->applyAll->isEnabled());
        db.witness().exec("DROP ROLE uaip_gui_pw_user");
    }

    void ledgerFromNewerVersionIsRefused()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(runAndWait(view.get(), view->actions()->applyToSelected));
        QVERIFY(
            db.witness()
                .exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '7' WHERE key = 'format'")
                .ok());
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(QStringLiteral("newer")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NULL"), QStringLiteral("t"));
    }

    void userWithoutDdlRightsIsReported()
    {
        test::TestDatabase db;
        const QString role = QStringLiteral("r_gui_") + db.name();
        QVERIFY(
            db.witness().exec("CREATE ROLE " + db.witness().quoteIdentifier(role) + " LOGIN").ok());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(writeMigrations(m_dir->path(), {kFirst}));
        {
            MigrationsView view(&m_jobs);
            view.setConfirmer(&m_confirmer);
            view.setLockWaitMs(500);
            QVERIFY(view.setMigrationsDir(m_dir->path()));
            QSignalSpy refreshed(&view, &MigrationsView::refreshed);
            SessionSpec spec = specOf(db, {}, QStringLiteral("no ddl"));
            spec.profile.user = role;
            view.setTarget(spec);
            QVERIFY(refreshed.wait(30000));
            view.show();
            QCOMPARE(runOutcome(&view, view.actions()->applyAll), std::optional<bool>(false));
            QVERIFY2(view.bannerText().contains(QStringLiteral("permission denied")),
                     qPrintable(view.bannerText()));
        }
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(role));
    }
};

QTEST_MAIN(TestMigrationsView)
#include "tst_migrationsview.moc"
