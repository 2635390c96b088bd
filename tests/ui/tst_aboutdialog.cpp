// Help -> About shows the versions of the application, Qt, libpq, libpg_query and the
// connected server; the main window's title names the profile and the database.
#include "db/connectionprofile.h"
#include "db/pgconnection.h"
#include "shell/aboutdialog.h"
#include "shell/libraryversions.h"
#include "shell/mainwindow.h"
#include "testcluster.h"

#include <libpq-fe.h>
#include <pg_query.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

using namespace uaip;
using uaip::test::TestCluster;

namespace {

QString labelText(const QWidget &w, const char *name)
{
    const auto *label = w.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QApplication::setApplicationDisplayName(QStringLiteral("UAIP Admin"));
    }

    void versionNumbers()
    {
        QCOMPARE(LibraryVersions::fromVersionNumber(150005), QStringLiteral("15.5"));
        QCOMPARE(LibraryVersions::fromVersionNumber(170000), QStringLiteral("17.0"));
        QCOMPARE(LibraryVersions::fromVersionNumber(90624), QStringLiteral("9.6.24"));
        QCOMPARE(LibraryVersions::fromVersionNumber(0), QString());
    }

    void showsEveryVersion()
    {
        AboutDialog dialog(QStringLiteral("15.5 (Debian 15.5-0+deb12u1)"));
        QCOMPARE(labelText(dialog, "appVersion"), QStringLiteral("9.8.7"));
        QCOMPARE(labelText(dialog, "qtVersion"), QString::fromLatin1(qVersion()));
        const int libpq = PQlibVersion();
        QCOMPARE(labelText(dialog, "libpqVersion"),
                 QStringLiteral("%1.%2").arg(libpq / 10000).arg(libpq % 10000));
        QVERIFY2(labelText(dialog, "pgQueryVersion").startsWith(QStringLiteral(PG_VERSION " ")),
                 qPrintable(labelText(dialog, "pgQueryVersion")));
        QCOMPARE(labelText(dialog, "serverVersion"),
                 QStringLiteral("PostgreSQL 15.5 (Debian 15.5-0+deb12u1)"));
        // "Copy versions" puts the same lines on the clipboard, for a bug report.
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyVersions"));
        QVERIFY(copy);
        copy->click();
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, dialog.versionsText());
        for (const QString &part :
             {QStringLiteral("UAIP Admin 9.8.7"),
              QStringLiteral("Qt ") + QString::fromLatin1(qVersion()), QStringLiteral("libpq "),
              QStringLiteral("libpg_query "), QStringLiteral("Server PostgreSQL 15.5")})
            QVERIFY2(copied.contains(part), qPrintable(copied));
    }

    void withoutAServer()
    {
        AboutDialog dialog{QString()};
        QCOMPARE(labelText(dialog, "serverVersion"), QStringLiteral("not connected"));
    }

    void titleAndAboutOnTheSandbox()
    {
        MainWindow::Options options;
        options.sandboxDir = TestCluster::sandbox().rootDir();
        options.startOnSandbox = true;
        MainWindow window(options);
        window.show();
        const QString expected = ConnectionProfile::sandboxName() + QStringLiteral(" \u2013 uaip");
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), expected, 60000);

        PgConnection second;
        QVERIFY(second.open(TestCluster::sandbox().conninfo(QStringLiteral("uaip"))));
        const QString server = second.scalar("SHOW server_version");
        QVERIFY(!server.isEmpty());

        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *about = qobject_cast<AboutDialog *>(modal)) {
                shown = labelText(*about, "serverVersion");
                about->reject();
            } else if (modal) {
                modal->close();
            }
        });
        auto *action = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(action);
        action->trigger(); // returns when the dialog closed
        QCOMPARE(shown, QStringLiteral("PostgreSQL ") + server);
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
