// Runs `uaip-admin --sandbox --screenshot DIR` on the test sandbox and checks the pictures.
#include "requireorskip.h"
#include "testcluster.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void screenshotsOfEveryView()
    {
        const QString migrate = uaip::test::TestCluster::migrateBinary();
        const QString admin = QFileInfo(migrate).dir().filePath(QStringLiteral("uaip-admin"));
        if (migrate.isEmpty() || !QFileInfo::exists(admin))
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("uaip-admin not found next to UAIP_MIGRATE_BIN"));
        const QString sandbox = uaip::test::TestCluster::sandbox().rootDir();
        QTemporaryDir out;
        QTemporaryDir config;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        p.setProcessEnvironment(env);
        p.start(admin,
                {QStringLiteral("--sandbox"), QStringLiteral("--sandbox-dir"), sandbox,
                 QStringLiteral("--screenshot"), out.path()});
        QVERIFY(p.waitForFinished(300000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(log));
        // The Entities picture lists the tables as they are after the migrations and the demo
        // data (the tree is listed again): every platform table, personas with its rows.
        const QRegularExpressionMatch listed
            = QRegularExpression(QStringLiteral("entities: (\\d+) tables listed, personas (\\S+)"))
                  .match(log);
        QVERIFY2(listed.hasMatch(), qPrintable(log));
        QVERIFY2(listed.captured(1).toInt() >= 50, qPrintable(log));
        QVERIFY2(listed.captured(2).startsWith(u'~') && listed.captured(2) != QStringLiteral("~0"),
                 qPrintable(log));
        // Issue 33, point 5: every session the views opened is a QSqlDatabase connection (the
        // project's driver, issue 58), and the server sees no uaip-admin backend that is not one.
        const QRegularExpressionMatch sessions
            = QRegularExpression(QStringLiteral("sessions: (\\d+) open through QSqlDatabase, "
                                                "(\\d+) uaip-admin backends"))
                  .match(log);
        QVERIFY2(sessions.hasMatch(), qPrintable(log));
        QVERIFY2(sessions.captured(1).toInt() >= 5, qPrintable(log));
        QVERIFY2(sessions.captured(2) == sessions.captured(1),
                 qPrintable(log.section(QStringLiteral("sessions:"), 1).left(600)));
        // The Prompts view with a draft in the editor, the diff and the label history; its
        // review dialog at its own size.
        QVERIFY(!QImage(out.filePath(QStringLiteral("prompts-review.png"))).isNull());
        // The Activity view with a real lock chain of three sessions.
        QVERIFY2(!log.contains(QStringLiteral("no lock chain")), qPrintable(log));
        for (const char *name :
             {"migrations", "entities", "prompts", "prompts-diff", "prompts-labels", "analytics",
              "sql", "objects", "activity", "fleet", "rollback-preview"}) {
            const QString path = out.filePath(QLatin1String(name) + QStringLiteral(".png"));
            QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QCOMPARE(image.size(), QSize(1280, 800));
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, qPrintable(path + QStringLiteral(" looks blank")));
        }
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
