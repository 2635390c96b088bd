#pragma once

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace uaip::test {

// The main() of a widget test that needs a screen of a given size: the offscreen platform
// with one screen of width x height (its configfile), settings in a folder of our own, then
// the test class run as QTEST_MAIN would.
template<class Test>
int runOnOffscreenScreen(int argc, char *argv[], int width, int height,
                         const QString &applicationName)
{
    QTemporaryDir home;
    QFile config(home.filePath(QStringLiteral("screen.json")));
    if (!config.open(QIODevice::WriteOnly))
        return 2;
    config.write(QStringLiteral(R"({"screens": [{"name": "test", "x": 0, "y": 0, "width": %1,
        "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                     .arg(width)
                     .arg(height)
                     .toUtf8());
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UAIP-test"));
    QApplication::setApplicationName(applicationName);
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace uaip::test
