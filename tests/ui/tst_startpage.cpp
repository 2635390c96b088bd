// Issue 21 point 14: a window started without a connection (no --sandbox, no profile used
// before) shows a start page instead of empty views, and its three actions work: connect a
// profile (the profile editor when only the sandbox is known, else the switcher), start the
// local sandbox (the test cluster), and the README's quick tour. Real widgets; the sandbox is
// the test sandbox.
#include "connections/connectionbar.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "db/sandbox.h"
#include "migrations/migrationsview.h"
#include "shell/mainwindow.h"
#include "shell/quicktourdialog.h"
#include "shell/startpage.h"
#include "testcluster.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace uaip;

class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    void shownWithoutAConnection()
    {
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsStartPage());
        StartPage *page = window.startPage();
        QVERIFY(page->isVisible());
        for (QCommandLinkButton *b :
             {page->connectButton(), page->sandboxButton(), page->tourButton()}) {
            QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(b->text()));
            QVERIFY(!b->description().isEmpty());
        }
        QVERIFY(!window.migrationsView()->isVisible());
        // Picking a view in the side bar (or the View menu) leaves the start page for it.
        window.showView(MainWindow::Entities);
        QVERIFY(!window.showsStartPage());
        QVERIFY(!page->isVisible());
    }

    void connectOpensTheProfileEditorOrTheSwitcher()
    {
        {
            MainWindow window(MainWindow::Options{});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            bool editor = false;
            QTimer::singleShot(0, this, [&editor] {
                QWidget *modal = QApplication::activeModalWidget();
                editor = qobject_cast<ProfileDialog *>(modal) != nullptr;
                if (modal)
                    modal->close();
            });
            QTest::mouseClick(window.startPage()->connectButton(), Qt::LeftButton);
            QVERIFY(editor); // only the sandbox known: a profile to add
        }
        {
            ProfileStore store;
            ConnectionProfile p;
            p.name = QStringLiteral("staging");
            p.host = QStringLiteral("localhost");
            p.database = QStringLiteral("uaip");
            p.user = QStringLiteral("uaip");
            store.save(p);
            store.sync();
        }
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsStartPage());
        QTest::mouseClick(window.startPage()->connectButton(), Qt::LeftButton);
        QComboBox *switcher = window.connectionBar()->switcher();
        QTRY_VERIFY(switcher->view()->isVisible()); // the profiles to pick from
        QVERIFY(switcher->findData(QStringLiteral("staging")) >= 0);
        switcher->hidePopup();
    }

    void sandboxConnects()
    {
        MainWindow::Options options;
        options.sandboxDir = test::TestCluster::sandbox().rootDir();
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsStartPage());
        QTest::mouseClick(window.startPage()->sandboxButton(), Qt::LeftButton);
        QVERIFY(!window.showsStartPage()); // the views, while it connects
        const QString expected = ConnectionProfile::sandboxName() + QStringLiteral(" \u2013 uaip");
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), expected, 60000);
        QVERIFY(window.migrationsView()->isConnected());
    }

    void tourShowsTheReadmeSection()
    {
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mouseClick(window.startPage()->tourButton(), Qt::LeftButton);
        QuickTourDialog *tour = nullptr;
        QTRY_VERIFY((tour = window.findChild<QuickTourDialog *>()) && tour->isVisible());
        const QString text = tour->browser()->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("Quick tour")), qPrintable(text.left(200)));
        QVERIFY2(text.contains(QStringLiteral("seed demo")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("uaip-migrate\n"))); // not the next section
        tour->close();
        // every view of the side bar is in the tour and in the start page's words about it
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QCOMPARE(sidebar->count(), int(MainWindow::ViewCount));
        const QString description = window.startPage()->tourButton()->description();
        for (int i = 0; i < sidebar->count(); ++i) {
            const QString view = sidebar->item(i)->text();
            QVERIFY2(description.contains(view), qPrintable(view + u'\n' + description));
            QVERIFY2(text.contains(view + u':'), qPrintable(view + u'\n' + text));
        }

        // the section ends at the next heading
        QCOMPARE(QuickTourDialog::section(QStringLiteral("# A\n## One\ntext 1\n## Two\ntext 2\n"),
                                          QStringLiteral("One")),
                 QStringLiteral("# One\ntext 1\n"));
        QVERIFY(
            QuickTourDialog::section(QStringLiteral("## One\nx"), QStringLiteral("Two")).isEmpty());
    }
};

int main(int argc, char *argv[])
{
    // Settings and profiles in a folder of our own: a first start.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UAIP-test"));
    QApplication::setApplicationName(QStringLiteral("uaip-admin-startpage-test"));
    TestStartPage test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_startpage.moc"
