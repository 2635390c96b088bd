// Issue 21, point 4: an edited prompt is asked about before a profile switch and before quit,
// in the real MainWindow against a migrated, seeded database of the test sandbox (switching
// prompts in the list asked already; the window did not).
#include "../browser/viewtestutil.h"
#include "connections/profilestore.h"
#include "db/sandbox.h"
#include "prompts/prompteditor.h"
#include "prompts/prompttextedit.h"
#include "promptviewtestutil.h"
#include "shell/mainwindow.h"
#include "testcluster.h"

#include <QApplication>
#include <QInputDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace uaip;
using namespace uaip::test;

namespace {

// Answers every password prompt with an empty password (the sandbox trusts its socket).
class PasswordAnswerer : public QObject
{
public:
    PasswordAnswerer()
    {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setTextValue(QString());
            dialog->accept();
        });
        poll->start(10);
    }
};

} // namespace

class TestPromptsUnsaved : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void editedPromptIsAskedAboutBeforeSwitchAndQuit()
    {
        PromptDatabase data(QStringLiteral("tst_promptsunsaved"));
        const Sandbox &sandbox = TestCluster::sandbox();
        ProfileStore store;
        for (const char *name : {"first", "second"}) {
            ConnectionProfile p;
            p.name = QLatin1String(name);
            p.host = sandbox.socketDir();
            p.port = sandbox.port();
            p.user = sandbox.superuser();
            p.database = data.db.name();
            store.save(p);
        }
        store.sync();
        PasswordAnswerer answerer;
        MainWindow window(MainWindow::Options{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PromptsView *prompts = window.promptsView();
        QSignalSpy connected(&window, &MainWindow::connected);
        QSignalSpy listed(prompts, &PromptsView::listLoaded);
        window.connectProfile(QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 20000);
        window.showView(MainWindow::Prompts);
        QSignalSpy loaded(prompts, &PromptsView::promptLoaded);
        prompts->openPrompt(kCoach);
        QVERIFY(loaded.wait(20000));
        prompts->editor()->systemEdit()->setText(QStringLiteral("An edit not saved yet."));
        QVERIFY(prompts->editor()->isModified());

        // Another profile: asked; Cancel stays, with the edit.
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        window.connectProfile(QStringLiteral("second"));
        QVERIFY2(asked.contains(kCoach), qPrintable(asked));
        // A switch begins inside connectProfile (the window remembers the new profile and takes
        // its name as title, then opens it): none of that happened.
        QCOMPARE(QSettings().value(QStringLiteral("session/profile")).toString(),
                 QStringLiteral("first"));
        QVERIFY2(!window.windowTitle().contains(QStringLiteral("second")),
                 qPrintable(window.windowTitle()));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(prompts->currentPromptId(), kCoach);
        QVERIFY(prompts->editor()->isModified());

        // Quit: asked; Cancel keeps the window open.
        asked.clear();
        answerNextBox(QMessageBox::Cancel, &asked);
        QVERIFY(!window.close());
        QVERIFY2(asked.contains(kCoach), qPrintable(asked));
        QVERIFY(window.isVisible());
        QVERIFY(prompts->editor()->isModified());

        // Discard: the switch goes ahead and the edit is gone.
        asked.clear();
        answerNextBox(QMessageBox::Discard, &asked);
        window.connectProfile(QStringLiteral("second"));
        QVERIFY(!asked.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20000);
        QVERIFY(prompts->currentPromptId().isEmpty());
        QVERIFY(!prompts->editor()->isModified());
        // Nothing left to ask about: quitting closes at once.
        QVERIFY(window.close());
    }
};

QTEST_MAIN(TestPromptsUnsaved)
#include "tst_promptsunsaved.moc"
