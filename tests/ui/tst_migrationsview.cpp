// Widget tests of the migrations view against a real database of the test sandbox, applying
// and rolling back: the real actions are triggered, the result is checked through a second
// (witness) connection; broken plans and folders, failures marked in the script, the rollback
// preview, and report dialogs sized to their text.
#include "migrations/dialogconfirmer.h"
#include "migrations/eventtablemodel.h"
#include "migrations/migrationdetailpane.h"
#include "migrations/migrationtablemodel.h"
#include "migrations/rollbackconfirmdialog.h"
#include "migrationsviewtestutil.h"
#include "widgets/sqlview.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTimer>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsView : public QObject, protected MigrationsViewFixture
{
    Q_OBJECT

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void applyAll()
    {
        test::TestDatabase db;
        // statement statistics: the GUI's up keeps a workload snapshot (insights' RunObserver)
        QVERIFY(db.witness().execScript("CREATE EXTENSION pg_stat_statements;").ok());
        auto view = makeView(db, {kFirst, kSecond, kThird});
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_snapshots"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT count(*) FROM accounts"), QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT to_regclass('items') IS NOT NULL"), QStringLiteral("t"));
        for (const MigrationStatus &s : view->model()->statuses())
            QCOMPARE(s.state, MigrationState::Applied);
        QVERIFY(view->history()->rowCount() >= 3);
    }

    void brokenPlanDisablesApply()
    {
        test::TestDatabase db;
        const TestMigration broken
            = {"0002_broken", "CREATE TABLE fine (id int);\nCREATE TABLEX nope (id int);\n",
               "DROP TABLE fine;\n"};
        auto view = makeView(db, {kFirst, broken});
        QVERIFY(view);
        QVERIFY(!view->actions()->applyAll->isEnabled());
        QVERIFY2(
            view->actions()->applyAll->toolTip().contains(QStringLiteral("0002_broken/up.sql:2:8")),
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
        const TestMigration half = {"0002_half",
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
        auto view = appliedView(db, {kFirst, kSecond, kThird});
        QVERIFY(view);
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
        auto view = appliedView(db, {kFirst, kSecond});
        QVERIFY(view);
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
            objects << o.kind + u' ' + o.label();
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
        const TestMigration bad
            = {"0002_broken",
               "-- creates a table, then fails\nCREATE TABLE half_done (id int);\n\n"
               "SELECT * FROM no_such_table;\n",
               "DROP TABLE half_done;\n"};
        auto view = appliedView(db, {kFirst, bad});
        QVERIFY(view);
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

    // Migrations > Run in One Transaction: a failing third migration takes the first two back
    // with it (unchecked, they stay committed); a no-transaction migration in the plan then
    // disables Apply, naming its file, and the dry run says the plan runs as one transaction.
    void oneTransactionAppliesAllOrNothing()
    {
        test::TestDatabase db;
        const TestMigration failing = {
            "0003_failing", "CREATE TABLE items (id int);\nSELECT 1/0;\n", "DROP TABLE items;\n"};
        auto view = makeView(db, {kFirst, kSecond, failing});
        QVERIFY(view);
        QAction *one = view->actions()->singleTransaction;
        QVERIFY(one->isCheckable() && !one->isChecked());
        one->setChecked(true);
        view->actions()->dryRun->trigger();
        QVERIFY2(m_confirmer.shownText.contains(QStringLiteral("all in one transaction")),
                 qPrintable(m_confirmer.shownText));
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
        one->setChecked(false);
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));

        test::TestDatabase db2;
        const TestMigration concurrent = {
            "0002_index",
            "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY accounts_name ON accounts (name);\n",
            "DROP INDEX accounts_name;\n"};
        auto second = makeView(db2, {kFirst, concurrent});
        QVERIFY(second);
        QVERIFY(second->actions()->applyAll->isEnabled());
        second->actions()->singleTransaction->setChecked(true);
        QVERIFY(!second->actions()->applyAll->isEnabled());
        QVERIFY2(
            second->actions()->applyAll->toolTip().contains(QStringLiteral("0002_index/up.sql")),
            qPrintable(second->actions()->applyAll->toolTip()));
        second->actions()->singleTransaction->setChecked(false);
        QVERIFY(second->actions()->applyAll->isEnabled());
    }
};

QTEST_MAIN(TestMigrationsView)
#include "tst_migrationsview.moc"
