// The window as a whole, on a 1600x1000 offscreen screen with no saved settings (a first start):
// its size and proportions, the tool bar, and switching connections. Real widgets against a
// fresh database of the test sandbox.
#include "analytics/analyticsview.h"
#include "browser/entitiesview.h"
#include "connections/connectionbar.h"
#include "connections/profilestore.h"
#include "db/sandbox.h"
#include "jobs/jobpanel.h"
#include "layoutsettle.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationdetailpane.h"
#include "migrations/migrationsview.h"
#include "migrations/migrationtablemodel.h"
#include "migrations/migrationtableview.h"
#include "offscreenscreen.h"
#include "prompts/promptsview.h"
#include "shell/mainwindow.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "widgets/sqlview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <Qsci/qsciscintilla.h>

using namespace uaip;

namespace {

constexpr int kScreenWidth = 1600;
constexpr int kScreenHeight = 1000;

// Rows of a view whose whole height is inside its viewport.
int fullyVisibleRows(const QTableView *view)
{
    int n = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const int y = view->rowViewportPosition(row);
        if (y >= 0 && y + view->rowHeight(row) <= view->viewport()->height())
            ++n;
    }
    return n;
}

// Answers every password prompt with an empty password and counts them.
// The text of the first visible tool bar action whose button is hidden or outside the bar, or
// empty.
QString actionOutsideBar(QToolBar *bar)
{
    for (QAction *a : bar->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        QWidget *w = bar->widgetForAction(a);
        if (!w || !w->isVisible() || !bar->rect().contains(w->geometry()))
            return a->text();
    }
    return {};
}

class PasswordAnswerer : public QObject
{
public:
    int asked = 0;
    PasswordAnswerer()
    {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ++asked;
            dialog->setTextValue(QString());
            dialog->accept();
        });
        poll->start(10);
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static void forgetSettings()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    // Empty once the Migrations view's layout has settled as it should; else what is wrong.
    static QString layoutProblem(MainWindow &window)
    {
        MigrationsView *view = window.migrationsView();
        auto *side = window.findChild<QWidget *>(QStringLiteral("sidebar"));
        auto *bar = view->findChild<QToolBar *>();
        if (!side || !bar)
            return QStringLiteral("no side bar or tool bar");
        // The view starts where the side bar ends (no empty band between them).
        const int sideRight = side->mapTo(&window, QPoint(side->width(), 0)).x();
        const int viewLeft = view->mapTo(&window, QPoint()).x();
        if (viewLeft - sideRight > 12)
            return QStringLiteral("side bar ends at %1, view starts at %2")
                .arg(sideRight)
                .arg(viewLeft);
        QLineEdit *filter = view->filterEdit();
        if (!filter->isVisible()
            || !view->rect().contains(QRect(filter->mapTo(view, QPoint()), filter->size())))
            return QStringLiteral("the filter is hidden or outside the view");
        if (filter->width() < filter->fontMetrics().horizontalAdvance(filter->placeholderText()))
            return QStringLiteral("the filter is narrower than its placeholder");
        if (const QString cut = actionOutsideBar(bar); !cut.isEmpty())
            return QStringLiteral("the tool bar cuts %1").arg(cut);
        auto *extension = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        if (extension && extension->isVisible())
            return QStringLiteral("the tool bar shows its extension button");
        return {};
    }

    // Apply all, then every column of the History tab shows its contents whole.
    static void historyColumnsAreWhole(MigrationsView *view)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        view->actions()->applyAll->trigger();
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.first().first().toBool());
        view->tabs()->setCurrentIndex(1);
        auto *history = view->findChild<QTableView *>(QStringLiteral("historyTable"));
        QVERIFY(history && history->isVisible());
        QVERIFY(history->model()->rowCount() > 0);
        for (int c = 0; c < history->model()->columnCount() - 1; ++c) {
            const QAbstractItemView *items = history; // sizeHintForColumn is public there
            const int needed = qMax(items->sizeHintForColumn(c),
                                    history->horizontalHeader()->sectionSizeHint(c));
            QVERIFY2(history->columnWidth(c) >= needed,
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(history->model()->headerData(c, Qt::Horizontal).toString())
                                    .arg(history->columnWidth(c))
                                    .arg(needed)));
        }
    }

    // A window on a fresh database (bundled migrations), status read.
    static bool connectTo(MainWindow &window, test::TestDatabase &db)
    {
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        window.migrationsView()->setTarget(SessionSpec::from(profile, QString()));
        return refreshed.wait(30000) && refreshed.first().first().toBool();
    }

private slots:
    void init() { forgetSettings(); }

    void screenIsTheConfiguredOne()
    {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QCOMPARE(screen.size(), QSize(kScreenWidth, kScreenHeight));
    }

    // #8.13: the first start opens at about 80 % of the screen, with the room going to the
    // current view: every tool bar action visible, a small job dock, the migration table
    // and the SQL both readable, the history columns wide enough for their contents.
    void firstStartUsesTheScreen()
    {
        test::TestDatabase db;
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect screen = window.screen()->availableGeometry();
        const QSize size = window.size();
        qInfo("window %dx%d on %dx%d", size.width(), size.height(), screen.width(),
              screen.height());
        QVERIFY2(qAbs(size.width() - screen.width() * 0.8) <= screen.width() * 0.03,
                 qPrintable(QString::number(size.width())));
        QVERIFY2(qAbs(size.height() - screen.height() * 0.8) <= screen.height() * 0.03,
                 qPrintable(QString::number(size.height())));
        QVERIFY(screen.contains(window.frameGeometry().center()));

        QVERIFY(connectTo(window, db));

        MigrationsView *view = window.migrationsView();
        test::settleLayouts();
        QTRY_VERIFY2(layoutProblem(window).isEmpty(), qPrintable(layoutProblem(window)));

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("jobDock"));
        QVERIFY(dock && dock->isVisible());
        qInfo("job dock %d px of %d", dock->height(), window.height());
        QVERIFY2(dock->height() <= window.height() / 5,
                 qPrintable(QString::number(dock->height())));
        QVERIFY(dock->height() >= window.fontMetrics().height() * 4); // still a few lines

        const int rows = fullyVisibleRows(view->table());
        qInfo("migration rows visible: %d of %d", rows, view->model()->rowCount());
        QVERIFY(view->model()->rowCount() >= 10);
        QVERIFY2(rows >= 10, qPrintable(QString::number(rows)));

        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        SqlView *sql = view->details()->upView();
        const int lines = int(sql->SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN));
        qInfo("SQL lines visible: %d", lines);
        QVERIFY2(lines >= 12, qPrintable(QString::number(lines)));

        // History: apply, then every column shows its contents whole.
        historyColumnsAreWhole(view);
    }

    // #8.12: every label with a mnemonic names its field, and no two visible mnemonics of the
    // window (menus, labels, buttons, tabs) share a key.
    void mnemonicsAreUnique()
    {
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRegularExpression mnemonic(QStringLiteral("(?:^|[^&])&([^&])"));
        QStringList texts;
        for (QAction *a : window.menuBar()->actions())
            texts << a->text();
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (!label->isVisible() || !mnemonic.match(label->text()).hasMatch())
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            texts << label->text();
        }
        for (QAbstractButton *button : window.findChildren<QAbstractButton *>())
            if (button->isVisible())
                texts << button->text();
        for (QTabWidget *tabs : window.findChildren<QTabWidget *>())
            if (tabs->isVisible())
                for (int i = 0; i < tabs->count(); ++i)
                    texts << tabs->tabText(i);
        QHash<QChar, QString> taken;
        for (const QString &text : texts) {
            const auto m = mnemonic.match(text);
            if (!m.hasMatch())
                continue;
            const QChar key = m.captured(1).at(0).toLower();
            QVERIFY2(
                !taken.contains(key),
                qPrintable(
                    QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key, taken.value(key), text)));
            taken.insert(key, text);
        }
        QVERIFY(taken.size() >= 5);
    }

    // Issue 46: no two actions of the Migrations view look alike (Apply all and Apply up to
    // selected had the same arrow without a desktop icon theme).
    void migrationActionsLookDifferent()
    {
        MigrationActions actions;
        QHash<QString, QString> seen; // the icon's pixels -> the action
        const QList<QAction *> all = actions.all() << actions.workloadSince;
        for (QAction *a : all) {
            if (a->icon().isNull())
                continue;
            const QImage image = a->icon().pixmap(QSize(22, 22)).toImage();
            const QString key = QString::fromLatin1(
                QByteArray(reinterpret_cast<const char *>(image.constBits()), image.sizeInBytes())
                    .toBase64());
            QVERIFY2(!seen.contains(key),
                     qPrintable(a->text() + QStringLiteral(" looks like ") + seen.value(key)));
            seen.insert(key, a->text());
        }
    }

    // #21.13: without a connection no action or button looks enabled that would do nothing
    // (Validate and Verify work without one: the files, the sandbox).
    void nothingLooksEnabledWithoutAConnection()
    {
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        MigrationActions *m = window.migrationsView()->actions();
        for (QAction *a : {m->refresh, m->applyAll, m->applyToSelected, m->rollbackLast,
                           m->rollbackToSelected, m->dryRun})
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        QVERIFY(m->validate->isEnabled());
        auto *entitiesBar = window.entitiesView()->findChild<QToolBar *>();
        QVERIFY(entitiesBar);
        for (QAction *a : entitiesBar->actions())
            QVERIFY2(a->isSeparator() || !a->isEnabled(), qPrintable(a->text()));
        for (QAbstractButton *b : window.promptsView()->findChildren<QAbstractButton *>())
            if (b->text() == QLatin1String("Refresh") || b->text() == QLatin1String("Export…"))
                QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
        QVERIFY(!window.analyticsView()->applyButton()->isEnabled());
    }

    // A narrower window: the tool bar drops the words, never an action into its overflow.
    void narrowWindowKeepsEveryAction()
    {
        MainWindow window(MainWindow::Options{});
        window.showView(MainWindow::Migrations); // not the start page (no connection)
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *bar = window.migrationsView()->findChild<QToolBar *>();
        QVERIFY(bar);
        QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        window.resize(window.minimumSizeHint().width(), 700);
        qInfo("narrow window: %d px", window.minimumSizeHint().width());
        QTRY_VERIFY(bar->toolButtonStyle() == Qt::ToolButtonIconOnly);
        test::settleLayouts();
        QTRY_VERIFY2(actionOutsideBar(bar).isEmpty(), qPrintable(actionOutsideBar(bar)));
        window.resize(1280, 800);
        QTRY_VERIFY(bar->toolButtonStyle() == Qt::ToolButtonTextBesideIcon);
    }

    // A saved geometry wins over the first-start size.
    void savedGeometryIsKept()
    {
        {
            MainWindow window(MainWindow::Options{});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1200, 750);
            QTRY_COMPARE(window.size(), QSize(1200, 750));
            window.close();
        }
        MainWindow again(MainWindow::Options{});
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1200, 750));
    }

    // #8.12: choosing the profile that is already connected does nothing (no password, no
    // reconnect); a password given in this session is reused when coming back to a profile.
    void reselectingAProfileKeepsTheSession()
    {
        test::TestDatabase db;
        const Sandbox &sandbox = test::TestCluster::sandbox();
        ProfileStore store;
        for (const char *name : {"first", "second"}) {
            ConnectionProfile p;
            p.name = QLatin1String(name);
            p.host = sandbox.socketDir();
            p.port = sandbox.port();
            p.user = sandbox.superuser();
            p.database = db.name();
            store.save(p);
        }
        store.sync();
        PasswordAnswerer answerer;
        MainWindow window(MainWindow::Options{});
        window.show();
        MigrationsView *view = window.migrationsView();
        QSignalSpy refreshed(view, &MigrationsView::refreshed);
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectProfile(QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 20000);
        // The socket lets the superuser in without a password: none is asked for (issue 46).
        QCOMPARE(answerer.asked, 0);
        auto conninfoOf = [view] {
            const auto &t = view->target();
            return t ? t->profile.conninfo(t->password.value_or(QString())) : QString();
        };
        const QString conninfo = conninfoOf();
        QVERIFY(!conninfo.isEmpty());

        // The same profile again, as the user picks it in the switcher.
        QComboBox *switcher = window.connectionBar()->switcher();
        const int first = switcher->findData(QStringLiteral("first"));
        QVERIFY(first >= 0);
        emit switcher->activated(first);
        // A reconnect begins inside that call (the views lose their target before the password
        // is read again): the target is still there, so nothing was reopened.
        QCOMPARE(conninfoOf(), conninfo);
        QCOMPARE(answerer.asked, 0);
        QCOMPARE(connected.size(), 1);
        QCOMPARE(refreshed.size(), 1);

        // Another profile, then back: the password given for "first" is reused.
        window.connectProfile(QStringLiteral("second"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20000);
        window.connectProfile(QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, 20000);
        QCOMPARE(answerer.asked, 0);
        QCOMPARE(conninfoOf(), conninfo);
    }
};

int main(int argc, char *argv[])
{
    // A first start on a 1600x1000 screen, settings in a folder of our own.
    return uaip::test::runOnOffscreenScreen<TestMainWindow>(
        argc, argv, kScreenWidth, kScreenHeight, QStringLiteral("uaip-admin-mainwindow-test"));
}

#include "tst_mainwindow.moc"
