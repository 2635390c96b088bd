#include "db/sandbox.h"
#include "i18n/translations.h"
#include "jobs/sessionworker.h"
#include "shell/mainwindow.h"
#include "shell/screenshotdirector.h"
#include "shell/screenshotscratch.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QSize>

#include <optional>

#include <cstdio>

namespace {

// At exit every job was cancelled; a worker stuck on a stopped server ends after its cancel
// grace period at the latest. Wait that long, never longer.
constexpr int kExitWaitMs = 12000;

int run(QApplication &app, char *argv[]);
// --screenshot-size's value (empty: 1280x800); std::nullopt when it is not WxH.
std::optional<QSize> windowSize(const QString &value);
int runScreenshot(QApplication &app, uaip::MainWindow::Options options, const QString &dir,
                  QSize size);

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int code = run(app, argv);
    uaip::SessionWorker::waitForAll(kExitWaitMs);
    return code;
}

namespace {

int run(QApplication &app, char *[])
{
    QApplication::setApplicationName(QStringLiteral("uaip-admin"));
    QApplication::setOrganizationName(QStringLiteral("UAIP"));
    QApplication::setApplicationDisplayName(QStringLiteral("UAIP Admin"));
    QApplication::setApplicationVersion(QStringLiteral(UAIP_VERSION));
    // The desktop entry and the icon installed with the package share the application id.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.uaip.Admin"));
    QIcon icon = QIcon::fromTheme(QStringLiteral("org.uaip.Admin"));
    if (icon.isNull())
        for (int size : {16, 32, 48, 64, 128, 256})
            icon.addFile(QStringLiteral(":/icons/org.uaip.Admin-%1.png").arg(size));
    QApplication::setWindowIcon(icon);
    // The system's language unless UAIP_LANG or View > Language (read at start) names one.
    uaip::Translations::install(uaip::Translations::choose(
        QSettings().value(uaip::Translations::settingsKey()).toString()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "uaip::AdminCommandLine", "Console for the PostgreSQL database of the AI agent platform."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("uaip::AdminCommandLine",
                                    "Start on the local sandbox database."));
    const QCommandLineOption sandboxDir(
        QStringLiteral("sandbox-dir"),
        QCoreApplication::translate("uaip::AdminCommandLine", "Folder of the sandbox cluster."),
        QCoreApplication::translate("uaip::AdminCommandLine", "PATH"));
    const QCommandLineOption migrationsDir(
        QStringLiteral("migrations-dir"),
        QCoreApplication::translate("uaip::AdminCommandLine",
                                    "Use these migrations instead of "
                                    "the bundled ones."),
        QCoreApplication::translate("uaip::AdminCommandLine", "PATH"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("uaip::AdminCommandLine",
                                    "With --sandbox: render the start page, every view and the "
                                    "rollback preview to DIR/<view>.png from a scratch database "
                                    "of its own on the sandbox cluster (made for the run, dropped "
                                    "at its end; the sandbox's database is not touched), then "
                                    "exit. Refused without --sandbox: it never runs on a "
                                    "database it did not make."),
        QCoreApplication::translate("uaip::AdminCommandLine", "DIR"));
    const QCommandLineOption screenshotSize(
        QStringLiteral("screenshot-size"),
        QCoreApplication::translate("uaip::AdminCommandLine",
                                    "With --screenshot: the window's size (default 1280x800). "
                                    "The language: UAIP_LANG (en, de)."),
        QCoreApplication::translate("uaip::AdminCommandLine", "WxH"));
    const QCommandLineOption major(
        QStringLiteral("pg"),
        QCoreApplication::translate("uaip::AdminCommandLine",
                                    "The sandbox of this PostgreSQL major version (15 to 18), "
                                    "beside the sandbox folder (fetched first with "
                                    "uaip-migrate sandbox install N)."),
        QCoreApplication::translate("uaip::AdminCommandLine", "N"));
    parser.addOptions({sandbox, sandboxDir, major, migrationsDir, screenshot, screenshotSize});
    parser.process(app);

    uaip::MainWindow::Options options;
    options.sandboxDir = parser.isSet(major)
        ? uaip::Sandbox::rootFor(parser.value(sandboxDir), parser.value(major).toInt())
        : parser.value(sandboxDir);
    options.migrationsDir = parser.value(migrationsDir);
    options.startOnSandbox = parser.isSet(sandbox);
    if (!parser.isSet(screenshot)) {
        uaip::MainWindow window(options);
        window.show();
        return app.exec();
    }
    const std::optional<QSize> size = windowSize(parser.value(screenshotSize));
    if (!size) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                                    "uaip::AdminCommandLine",
                                    "--screenshot-size \"%1\" is not WxH (e.g. 1024x700)")
                                    .arg(parser.value(screenshotSize))));
        return 2;
    }
    return runScreenshot(app, options, parser.value(screenshot), *size);
}

std::optional<QSize> windowSize(const QString &value)
{
    if (value.isEmpty())
        return QSize(1280, 800);
    const QStringList parts = value.split(u'x');
    const int w = parts.value(0).toInt(), h = parts.value(1).toInt();
    if (parts.size() != 2 || w < 320 || h < 240)
        return std::nullopt;
    return QSize(w, h);
}

int runScreenshot(QApplication &app, uaip::MainWindow::Options options, const QString &dir,
                  QSize size)
{
    if (!options.startOnSandbox) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "uaip::AdminCommandLine",
                         "--screenshot needs --sandbox: it renders from a scratch database it "
                         "makes on the sandbox cluster, never from a database it did not make.")));
        return 2;
    }
    // A scratch database of the run's own on the sandbox cluster, made when the sandbox starts
    // and dropped at the end whatever the outcome: the sandbox's database is never opened.
    options.sandboxDatabase = uaip::ScreenshotScratch::newName();
    int code = 1;
    {
        uaip::MainWindow window(options);
        uaip::ScreenshotDirector director(&window, dir, size);
        QObject::connect(&director, &uaip::ScreenshotDirector::done, &app, &QCoreApplication::exit);
        director.start();
        code = app.exec();
    }
    // The window's sessions are closed first (their workers end), then the databases go.
    uaip::SessionWorker::waitForAll(kExitWaitMs);
    const QString root
        = options.sandboxDir.isEmpty() ? uaip::Sandbox::defaultRootDir() : options.sandboxDir;
    if (const uaip::Status dropped = uaip::ScreenshotScratch::drop(root, options.sandboxDatabase);
        !dropped) {
        std::fprintf(stderr, "screenshot: the scratch database %s was not dropped: %s\n",
                     qPrintable(options.sandboxDatabase), qPrintable(dropped.error().toString()));
        return code == 0 ? 1 : code;
    }
    std::fprintf(stderr, "screenshot: dropped the scratch database %s\n",
                 qPrintable(options.sandboxDatabase));
    return code;
}

} // namespace
