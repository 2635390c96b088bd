// Issue 60, point 2: the Migrations view reads its folder again when it changed on disk. A
// migration added under an open view shows after Refresh (F5) and after choosing the same folder
// again, and Apply all takes it; a pending up.sql edited under the view is forecast and applied
// as it now reads, without a Refresh first (the folder is compared by checksum before every
// forecast and apply).
#include "migrations/migrationtablemodel.h"
#include "migrationsviewtestutil.h"

#include <QSignalSpy>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsFolderChange : public QObject, protected MigrationsViewFixture
{
    Q_OBJECT

    // Triggers action and waits for the status read it starts: whether it answered.
    static bool refreshedBy(MigrationsView *view, QAction *action)
    {
        QSignalSpy refreshed(view, &MigrationsView::refreshed);
        action->trigger();
        return refreshed.wait(30000) && refreshed.last().first().toBool();
    }

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void addedMigrationShowsAfterRefresh()
    {
        test::TestDatabase db;
        auto view = appliedView(db, {kFirst, kSecond});
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(!view->actions()->applyAll->isEnabled()); // nothing pending
        QVERIFY(writeMigrations(m_dir->path(), {kThird}));
        QVERIFY(refreshedBy(view.get(), view->actions()->refresh));
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY2(view->actions()->applyAll->isEnabled(),
                 qPrintable(view->actions()->applyAll->toolTip()));
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(db.scalar("SELECT to_regclass('items') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
    }

    void choosingTheSameFolderReadsItAgain()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(writeMigrations(m_dir->path(), {kThird}));
        m_confirmer.chosenDir = m_dir->path();
        QSignalSpy dirChanged(view.get(), &MigrationsView::migrationsDirChanged);
        QVERIFY(refreshedBy(view.get(), view->actions()->openFolder));
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY(dirChanged.isEmpty()); // the same folder: no other folder was opened
    }

    void editedPendingScriptIsForecastAndAppliedAsItReads()
    {
        test::TestDatabase db;
        const TestMigration pending
            = {"0002_pending", "CREATE TABLE old_text (id int);\n", "DROP TABLE old_text;\n"};
        auto view = makeView(db, {kFirst, pending});
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2);
        // edited under the view, no Refresh: a directive and another statement
        const TestMigration edited = {"0002_pending",
                                      "-- uaip:allow-blocking the table is new and empty\n"
                                      "CREATE TABLE new_text (id int);\n",
                                      "DROP TABLE new_text;\n"};
        QVERIFY(writeMigrations(m_dir->path(), {edited}));
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QVERIFY2(m_confirmer.applyAsked == 1,
                 qPrintable(view->bannerText() + u' ' + view->actions()->applyAll->toolTip()));
        QVERIFY(m_confirmer.forecast);
        QCOMPARE(m_confirmer.forecast->scripts.size(), 2);
        QCOMPARE(m_confirmer.forecast->scripts.at(1).migration, QStringLiteral("0002_pending"));
        QVERIFY(m_confirmer.forecast->scripts.at(1).allowBlocking);
        QCOMPARE(db.scalar("SELECT to_regclass('new_text') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT to_regclass('old_text') IS NULL"), QStringLiteral("t"));
    }

    void unchangedFolderIsNotReadAgainBeforeAnApply()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst});
        QVERIFY(view);
        // nothing changed on disk: the apply starts at once, without another status read
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        QSignalSpy finished(view.get(), &MigrationsView::runFinished);
        view->actions()->applyAll->trigger();
        QVERIFY(view->isBusy());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(refreshed.size(), 1); // the one after the run
    }
};

QTEST_MAIN(TestMigrationsFolderChange)
#include "tst_migrationsfolderchange.moc"
