// Issue 21, point 5: a shortcut belongs to the view that shows it. In the real MainWindow,
// connected to a fresh database of the test sandbox, every shortcut each view advertises
// (its actions' shortcuts(), named in their tooltips) is sent with QTest::keyClick to a
// focused widget of that view while it is shown: it triggers that action, exactly once,
// without "Ambiguous shortcut overload", and no action of another view.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "migrations/migrationtableview.h"
#include "shell/mainwindow.h"
#include "shell/shellmenus.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace uaip;

namespace {

// The actions with a shortcut that a view shows: its own and those of its tool bars.
QList<QAction *> shortcutActions(QWidget *view)
{
    QList<QAction *> all = view->actions();
    for (QToolBar *bar : view->findChildren<QToolBar *>())
        all << bar->actions();
    QList<QAction *> out;
    for (QAction *a : all)
        if (!a->shortcuts().isEmpty() && !out.contains(a))
            out << a;
    return out;
}

QString describe(QAction *a, const QKeySequence &key)
{
    return QStringLiteral("%1 (%2)").arg(a->text(), key.toString(QKeySequence::NativeText));
}

} // namespace

class TestViewShortcuts : public QObject
{
    Q_OBJECT

private:
    struct Shown
    {
        MainWindow::View view;
        QWidget *widget;
        QWidget *focus; // where the keys go
    };

    // The window shown on db with a table of two rows open in Entities.
    static void openTable(MainWindow &window, test::TestDatabase &db)
    {
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE t (id int PRIMARY KEY, v text); "
                                "INSERT INTO t VALUES (1, 'a'), (2, 'b')")
                    .ok());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        const SessionSpec spec = SessionSpec::from(profile, QString());
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        window.migrationsView()->setTarget(spec);
        QVERIFY(refreshed.wait(30000));
        EntitiesView *entities = window.entitiesView();
        entities->setTarget(spec);
        QSignalSpy opened(entities->model(), &EntityModel::tableOpened);
        entities->openTable(QStringLiteral("public"), QStringLiteral("t"));
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(
            entities->model()->rowCount() == 2 && !entities->model()->loader()->isLoading(), 20000);
    }

    // The views with keys of their own, each with the widget its keys are typed into.
    static QList<Shown> shownViews(MainWindow &window)
    {
        auto *migrationTable = window.migrationsView()->findChild<MigrationTableView *>();
        auto *stack = window.findChild<QStackedWidget *>();
        if (!migrationTable || !stack) {
            QTest::qFail("no migration table or view stack", __FILE__, __LINE__);
            return {};
        }
        QList<Shown> views{
            {MainWindow::Migrations, window.migrationsView(), migrationTable},
            {MainWindow::Entities, window.entitiesView(), window.entitiesView()->grid()}};
        for (const MainWindow::View v :
             {MainWindow::Prompts, MainWindow::Analytics, MainWindow::Activity}) {
            QWidget *widget = stack->widget(int(v));
            QWidget *focus = nullptr;
            for (QWidget *child : widget->findChildren<QWidget *>())
                if (!focus && (child->focusPolicy() & Qt::TabFocus))
                    focus = child;
            if (!focus) {
                QTest::qFail(qPrintable(MainWindow::viewKey(v)), __FILE__, __LINE__);
                return {};
            }
            views.append({v, widget, focus});
        }
        return views;
    }

    // key, typed in s's focus widget, triggers a and no other action of all.
    static void keyTriggersOnlyItsAction(const Shown &s, QAction *a, const QKeySequence &key,
                                         const QList<QAction *> &all)
    {
        for (QAction *other : all)
            other->setEnabled(true);
        QList<std::shared_ptr<QSignalSpy>> spies;
        QHash<QAction *, int> index;
        for (QAction *other : all) {
            index.insert(other, int(spies.size()));
            spies << std::make_shared<QSignalSpy>(other, &QAction::triggered);
        }
        QWidget *target = QApplication::focusWidget();
        QVERIFY2(target && s.widget->isAncestorOf(target), qPrintable(a->text()));
        QTest::keyClick(target, key[0].key(), key[0].keyboardModifiers());
        QVERIFY2(spies.at(index.value(a))->size() == 1,
                 qPrintable(QStringLiteral("%1 in %2 did not trigger")
                                .arg(describe(a, key), MainWindow::viewKey(s.view))));
        for (QAction *other : all)
            if (other != a)
                QVERIFY2(spies.at(index.value(other))->isEmpty(),
                         qPrintable(QStringLiteral("%1 in %2 triggered %3")
                                        .arg(describe(a, key), MainWindow::viewKey(s.view),
                                             other->text())));
        // keep the focus in the view (an action may have moved it, e.g. Ctrl+F)
        s.focus->setFocus(Qt::OtherFocusReason);
    }

    // The other views' keys do nothing in s.
    static void otherViewsKeysDoNothing(const Shown &s, const QHash<QAction *, QWidget *> &owner)
    {
        for (QAction *other : owner.keys()) {
            if (owner.value(other) == s.widget)
                continue;
            QSignalSpy spy(other, &QAction::triggered);
            const QKeySequence key = other->shortcut();
            QTest::keyClick(QApplication::focusWidget(), key[0].key(), key[0].keyboardModifiers());
            QVERIFY2(spy.isEmpty(),
                     qPrintable(QStringLiteral("%1 triggered in %2")
                                    .arg(describe(other, key), MainWindow::viewKey(s.view))));
            s.focus->setFocus(Qt::OtherFocusReason);
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyShortcutTriggersItsActionInItsView()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Ambiguous shortcut")));
        test::TestDatabase db;
        MainWindow window(MainWindow::Options{});
        openTable(window, db);
        if (QTest::currentTestFailed())
            return;
        const QList<Shown> views = shownViews(window);
        if (QTest::currentTestFailed())
            return;
        // Every action of every view, with its handlers removed (the test checks where a key
        // goes, not what the action does) and enabled, so a triggered signal is the only effect.
        QHash<QAction *, QWidget *> owner;
        for (const Shown &s : views)
            for (QAction *a : shortcutActions(s.widget)) {
                owner.insert(a, s.widget);
                QObject::disconnect(a, &QAction::triggered, nullptr, nullptr);
            }
        QVERIFY2(owner.size() >= 15, qPrintable(QString::number(owner.size())));

        int checked = 0;
        for (const Shown &s : views) {
            window.showView(s.view);
            QTRY_VERIFY(s.widget->isVisible());
            s.focus->setFocus(Qt::OtherFocusReason);
            QTRY_VERIFY(s.focus->hasFocus());
            for (QAction *a : shortcutActions(s.widget)) {
                // advertised: the tooltip names the key
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(a->toolTip()));
                for (const QKeySequence &key : a->shortcuts()) {
                    keyTriggersOnlyItsAction(s, a, key, owner.keys());
                    if (QTest::currentTestFailed())
                        return;
                    ++checked;
                }
            }
            otherViewsKeysDoNothing(s, owner);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d shortcuts checked", checked);
        QVERIFY(checked >= 15);
    }

    // A view chosen with Ctrl+1..4 or a click in the side bar takes the focus, so its own
    // shortcuts work without a click into it first.
    void aChosenViewTakesTheFocus()
    {
        test::TestDatabase db;
        MainWindow window(MainWindow::Options{});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        const SessionSpec spec = SessionSpec::from(profile, QString());
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        window.migrationsView()->setTarget(spec);
        QVERIFY(refreshed.wait(30000));
        window.entitiesView()->setTarget(spec);
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        sidebar->setFocus();
        QTRY_VERIFY(sidebar->hasFocus());

        // F5 is the window's Refresh all wherever the focus is: it reads every view again.
        QSignalSpy entitiesRefresh(window.entitiesView()->refreshAction(), &QAction::triggered);
        QSignalSpy refreshAll(window.menus()->refreshAllAction(), &QAction::triggered);
        QTest::keyClick(sidebar, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::Entities);
        QTRY_VERIFY(window.entitiesView()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QCOMPARE(refreshAll.size(), 1);
        QCOMPARE(entitiesRefresh.size(), 1);

        const QRect item = sidebar->visualItemRect(sidebar->item(MainWindow::Migrations));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(window.currentView(), MainWindow::Migrations);
        QTRY_VERIFY(window.migrationsView()->isAncestorOf(QApplication::focusWidget()));
        QSignalSpy migrationsRead(window.migrationsView(), &MigrationsView::refreshed);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QCOMPARE(refreshAll.size(), 2);
        QCOMPARE(entitiesRefresh.size(), 2);
        QVERIFY(migrationsRead.wait(30000));
    }
};

QTEST_MAIN(TestViewShortcuts)
#include "tst_viewshortcuts.moc"
