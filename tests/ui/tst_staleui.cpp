// Issue 21, point 10: what the widgets show follows the signals that change it, without a
// Refresh: the filter bar after a chart's click-through, the row status of a filtered table,
// the Prompts view's Refresh re-reading the open prompt's tabs, the prompt editor's banner
// once connected, and the status bar's message across views and databases. Real widgets
// against databases of the test sandbox.
#include "../browser/viewtestutil.h"
#include "analytics/analyticsview.h"
#include "browse/columnfilter.h"
#include "browser/filterbar.h"
#include "connections/connectioncontroller.h"
#include "migrations/migrationsview.h"
#include "prompts/promptauditpanel.h"
#include "prompts/prompteditor.h"
#include "prompts/prompthistorypanel.h"
#include "prompts/promptlabels.h"
#include "prompts/promptlabelspanel.h"
#include "prompts/promptstore.h"
#include "promptviewtestutil.h"
#include "shell/mainwindow.h"
#include "testdatabase.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// A table of 1,000 analysed rows: the planner's estimate is the whole table's 1,000.
void createNumbers(TestDatabase &db)
{
    const PgResult r = db.witness().execScript(
        "CREATE TABLE numbers (id int PRIMARY KEY, parity text NOT NULL);"
        "INSERT INTO numbers SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END "
        "FROM generate_series(1, 1000) g;"
        "ANALYZE numbers");
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
}

bool openFiltered(EntitiesView &view, const BrowseQuery &query)
{
    QSignalSpy opened(view.model(), &EntityModel::tableOpened);
    view.openTable(QStringLiteral("public"), QStringLiteral("numbers"), query);
    return opened.wait(20000) && waitIdle(*view.model());
}

BrowseQuery idBelow(const QString &bound)
{
    ColumnFilter f;
    f.column = QStringLiteral("id");
    f.op = ColumnFilter::Op::Less;
    f.value = bound;
    BrowseQuery q;
    q.filters << f;
    return q;
}

} // namespace

class TestStaleUi : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    // The main window's path of a chart click (AnalyticsView::showRowsRequested): the rows
    // open filtered, and the filter bar says so at once.
    void clickThroughShowsItsFilter()
    {
        TestDatabase db;
        createNumbers(db);
        MainWindow window(MainWindow::Options{});
        window.show();
        EntitiesView *view = window.entitiesView();
        view->setTarget(specOf(db));
        ColumnFilter f;
        f.column = QStringLiteral("parity");
        f.op = ColumnFilter::Op::Equal;
        f.value = QStringLiteral("even");
        QSignalSpy opened(view->model(), &EntityModel::tableOpened);
        emit window.analyticsView()->showRowsRequested(QStringLiteral("public"),
                                                       QStringLiteral("numbers"), {f});
        QVERIFY(opened.wait(20000));
        QVERIFY(waitIdle(*view->model()));
        QCOMPARE(window.currentView(), MainWindow::Entities);
        QCOMPARE(view->model()->query().filters.size(), 1);
        QCOMPARE(view->filterBar()->summaryLabel()->text(),
                 QStringLiteral("Filter: parity = 'even'"));
    }

    // With a filter, the row status never shows the whole table's estimate as the count.
    void filteredRowStatusIsNotTheTablesEstimate()
    {
        TestDatabase db;
        createNumbers(db);
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specOf(db));
        view.model()->loader()->setPageSize(50);
        QVERIFY(openFiltered(view, BrowseQuery{}));
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("(~1,000 estimated)")),
                 qPrintable(view.statusLabel()->text()));
        // 499 rows match; the first page holds 50 of them.
        QVERIFY(openFiltered(view, idBelow(QStringLiteral("500"))));
        QVERIFY(view.model()->loader()->countState() != PageLoader::CountState::Complete);
        const QString status = view.statusLabel()->text();
        QVERIFY2(!status.contains(QStringLiteral("(~1,000 estimated)")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("50+ matching rows loaded (Count rows for the "
                                                "exact number; ~1,000 is the estimate for the "
                                                "whole table)")),
                 qPrintable(status));
        // Counted: the filter's exact number.
        view.model()->loader()->requestCount();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->loader()->countState(),
                                  PageLoader::CountState::Complete, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusLabel()->text().contains(QStringLiteral("499 rows")),
                                 20000);
    }

    // Refresh re-reads the open prompt: history, labels and audit, not only the list.
    void promptsRefreshReloadsTheOpenPrompt()
    {
        PromptViewFixture f(QStringLiteral("tst_staleui"));
        QVERIFY(f.open());
        QCOMPARE(f.view.historyPanel()->table()->rowCount(), 1);
        const int audits = f.view.auditPanel()->table()->rowCount();
        // Another console writes version 2 and moves a label.
        PromptStore store(f.connection);
        PromptSaveRequest r;
        r.promptId = kCoach;
        r.expectedLatestVersion = 1;
        r.content = store.get(kCoach).value().version.content;
        r.content.systemPrompt = QStringLiteral("Written elsewhere.");
        r.changeNote = QStringLiteral("elsewhere");
        QVERIFY(store.save(r, PromptDatabase::actor(QStringLiteral("bob"))).ok());
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = QStringLiteral("staging");
        m.versionNo = 2;
        QVERIFY(PromptLabels(f.connection).move(m, PromptDatabase::actor()).ok());

        QSignalSpy loaded(&f.view, &PromptsView::promptLoaded);
        QTest::mouseClick(f.view.refreshButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(f.view.historyPanel()->table()->rowCount(), 2);
        QCOMPARE(f.view.detail().summary.latestVersion, 2);
        QTableWidget *labels = f.view.labelsPanel()->labelsTable();
        bool staging = false;
        for (int row = 0; row < labels->rowCount(); ++row)
            staging = staging || labels->item(row, 0)->text() == QLatin1String("staging");
        QVERIFY(staging);
        QCOMPARE(f.view.auditPanel()->table()->rowCount(), audits + 2);
    }

    // Connected, no prompt picked: the editor no longer says "Not connected.".
    void promptEditorForgetsNotConnected()
    {
        PromptDatabase data(QStringLiteral("tst_staleui"));
        PromptsView view;
        view.show();
        PromptEditor *editor = view.editor();
        QCOMPARE(editor->banner()->text(), QStringLiteral("Not connected."));
        QSignalSpy listed(&view, &PromptsView::listLoaded);
        view.setTarget(SessionSpec::from(data.db.profile(), QString(), QStringLiteral("test")));
        QVERIFY(listed.wait(20000));
        QVERIFY2(editor->banner()->text().isEmpty(), qPrintable(editor->banner()->text()));
        QVERIFY(editor->banner()->isHidden());
    }

    // A view's message in the status bar goes with the view and with the database.
    void statusBarMessageDoesNotOutliveItsView()
    {
        MainWindow window(MainWindow::Options{});
        window.show();
        window.showView(MainWindow::Migrations);
        emit window.migrationsView()->statusText(QStringLiteral("Applied 0018_prompt_rules."));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Applied 0018_prompt_rules."));
        window.showView(MainWindow::Entities);
        QCOMPARE(window.statusBar()->currentMessage(), QString());
        window.showView(MainWindow::Migrations);
        emit window.migrationsView()->statusText(QStringLiteral("Applied 0018_prompt_rules."));
        // Another database: the controller's signal that the window follows.
        auto *connections = window.findChild<ConnectionController *>();
        QVERIFY(connections);
        TestDatabase db;
        emit connections->targetChanged(specOf(db));
        QCOMPARE(window.statusBar()->currentMessage(), QString());
    }
};

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UAIP-test"));
    QApplication::setApplicationName(QStringLiteral("uaip-admin-staleui-test"));
    TestStaleUi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_staleui.moc"
