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
#include "testdatabase.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace uaip;

namespace {

// Answers every password prompt: with an empty password, or by cancelling it.
class PasswordAnswerer : public QObject
{
public:
    int asked = 0;
    explicit PasswordAnswerer(bool cancel)
    {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this, cancel] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ++asked;
            if (cancel)
                return dialog->reject();
            dialog->setTextValue(QString());
            dialog->accept();
        });
        poll->start(10);
    }
};

// Everything the connection bar said, sampled as the window runs, and whether it said
// "connected" before the first status read answered (before a session was open).
class BarWatcher : public QObject
{
public:
    QStringList said;
    bool connectedTooEarly = false;
    explicit BarWatcher(MainWindow &window)
        : m_label(window.connectionBar()->findChild<QLabel *>(QStringLiteral("connectionTarget")))
    {
        connect(window.migrationsView(), &MigrationsView::refreshed, this,
                [this] { m_answered = true; });
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            const QString text = now();
            if (said.isEmpty() || said.last() != text)
                said << text;
            if (text.startsWith(QStringLiteral("connected")) && !m_answered)
                connectedTooEarly = true;
        });
        poll->start(2);
    }
    QString now() const { return m_label ? m_label->text() : QString(); }

private:
    QLabel *m_label;
    bool m_answered = false;
};

// A remembered profile (the one the window connects to at start).
void rememberProfile(const ConnectionProfile &profile)
{
    ProfileStore store;
    store.save(profile);
    store.sync();
    QSettings().setValue(QStringLiteral("session/profile"), profile.name);
    QSettings().setValue(QStringLiteral("window/view"), int(MainWindow::Prompts));
}

ConnectionProfile sandboxProfile(const QString &name, const QString &database)
{
    const Sandbox &sandbox = test::TestCluster::sandbox();
    ConnectionProfile p;
    p.name = name;
    p.host = sandbox.socketDir();
    p.port = sandbox.port();
    p.user = sandbox.superuser();
    p.database = database;
    return p;
}

} // namespace

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
        // The start page while it connects, saying so; the views once the session is open.
        QVERIFY(window.showsStartPage());
        QVERIFY2(window.startPage()->stateText().contains(QStringLiteral("Connecting")),
                 qPrintable(window.startPage()->stateText()));
        const QString expected = ConnectionProfile::sandboxName() + QStringLiteral(" \u2013 uaip");
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), expected, 60000);
        QVERIFY(window.migrationsView()->isConnected());
        QTRY_VERIFY(!window.showsStartPage());
    }

    // Issue 34, point 4: a remembered profile where nothing accepts connections. The bar never
    // says "connected"; the start page stays up with the reason and the offer to edit the
    // profile (it showed the remembered view and "connected — postgres@127.0.0.1:1/uaip").
    void profileThatCannotConnectKeepsTheStartPage()
    {
        ConnectionProfile closed;
        closed.name = QStringLiteral("closed port");
        closed.host = QStringLiteral("127.0.0.1");
        closed.port = 1;
        closed.user = QStringLiteral("postgres");
        closed.database = QStringLiteral("uaip");
        rememberProfile(closed);
        PasswordAnswerer answerer(false);
        MainWindow window(MainWindow::Options{});
        BarWatcher bar(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsStartPage());
        QTRY_VERIFY_WITH_TIMEOUT(
            window.startPage()->stateText().contains(QStringLiteral("Cannot connect")), 20000);
        const QString state = window.startPage()->stateText();
        QVERIFY2(state.contains(QStringLiteral("closed port")) && state.contains(u'1'),
                 qPrintable(state));
        QVERIFY(window.showsStartPage());
        QVERIFY(window.startPage()->editButton()->isVisible());
        QVERIFY2(bar.now().startsWith(QStringLiteral("not connected")), qPrintable(bar.now()));
        QVERIFY2(!bar.connectedTooEarly, qPrintable(bar.said.join(u'|')));
        // The way to fix it: the profile editor.
        bool editor = false;
        QTimer::singleShot(0, this, [&editor] {
            QWidget *modal = QApplication::activeModalWidget();
            editor = qobject_cast<ProfileDialog *>(modal) != nullptr;
            if (modal)
                modal->close();
        });
        QTest::mouseClick(window.startPage()->editButton(), Qt::LeftButton);
        QVERIFY(editor);
    }

    // Cancelling the password prompt returns to the start page, which says so (it left an
    // empty, all-disabled view).
    void cancelledPasswordReturnsToTheStartPage()
    {
        test::TestDatabase db;
        // The sandbox asks every connection for a password (scram-sha-256), and the window asks
        // only when the server needs one and no password file has it: the tests' file
        // (PGPASSFILE) would, so libpq is pointed at none for this case.
        const QByteArray passFile = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", "/nonexistent");
        const auto restore = qScopeGuard([&passFile] { qputenv("PGPASSFILE", passFile); });
        ConnectionProfile asks = sandboxProfile(QStringLiteral("asks"), db.name());
        asks.host = QStringLiteral("127.0.0.1");
        rememberProfile(asks);
        PasswordAnswerer answerer(true);
        MainWindow window(MainWindow::Options{});
        BarWatcher bar(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(answerer.asked, 1, 20000);
        QTRY_VERIFY(window.startPage()->stateText().contains(QStringLiteral("No password")));
        QVERIFY(window.showsStartPage());
        QVERIFY(!window.migrationsView()->isConnected());
        QVERIFY2(bar.now().startsWith(QStringLiteral("not connected")), qPrintable(bar.now()));
        QVERIFY2(!bar.connectedTooEarly, qPrintable(bar.said.join(u'|')));
    }

    // A remembered profile that connects: "connecting" first, "connected" once the session is
    // open, and then the remembered view.
    void rememberedProfileConnectsToTheRememberedView()
    {
        test::TestDatabase db;
        rememberProfile(sandboxProfile(QStringLiteral("works"), db.name()));
        PasswordAnswerer answerer(false);
        MainWindow window(MainWindow::Options{});
        BarWatcher bar(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!window.showsStartPage(), 30000);
        QCOMPARE(window.currentView(), MainWindow::Prompts);
        QTRY_VERIFY(bar.now().startsWith(QStringLiteral("connected")));
        QVERIFY(window.migrationsView()->isConnected());
        QVERIFY2(!bar.connectedTooEarly, qPrintable(bar.said.join(u'|')));
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
