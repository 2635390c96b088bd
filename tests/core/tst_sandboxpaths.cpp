// Issue 57, after its hostile review: the sandbox folder's path reaches pg_ctl, which hands its
// options and the log's path to a shell, so `--data-dir '/tmp/x$(id>/tmp/y)'` ran a command as
// the server's user; and a folder in a parent another user may write could be swapped between
// two starts. Both are refused before anything is made, naming the path.
#include "db/sandbox.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;

class TestSandboxPaths : public QObject
{
    Q_OBJECT

private slots:
    void aShellCharacterInThePathIsRefused()
    {
        QTemporaryDir tmp;
        const QString marker = tmp.filePath(QStringLiteral("ran"));
        for (const QString &name :
             {QStringLiteral("q$(touch %1)").arg(marker), QStringLiteral("q`touch %1`").arg(marker),
              QStringLiteral("q\\x"), QStringLiteral("q\"x"), QStringLiteral("q\nx")}) {
            Sandbox sandbox(tmp.filePath(name));
            const Status started = sandbox.start(Sandbox::Options{false, false});
            QVERIFY(!started);
            QCOMPARE(started.error().code(), ErrorCode::BadInput);
            QCOMPARE(started.error().arg(QStringLiteral("path")).toString(), sandbox.rootDir());
            QVERIFY2(!QFileInfo::exists(tmp.filePath(name)), qPrintable(name));
        }
        QVERIFY(!QFileInfo::exists(marker));
    }

    void aParentOthersMayWriteIsRefused()
    {
        QTemporaryDir tmp;
        const QString open = tmp.filePath(QStringLiteral("open"));
        QVERIFY(QDir().mkpath(open));
        QVERIFY(QFile::setPermissions(open,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                          | QFileDevice::WriteOther | QFileDevice::ExeOther));
        Sandbox sandbox(open + QStringLiteral("/sb"));
        const Status started = sandbox.start(Sandbox::Options{false, false});
        QVERIFY(!started);
        QCOMPARE(started.error().code(), ErrorCode::Refused);
        QCOMPARE(started.error().arg(QStringLiteral("parent")).toString(), open);
        QVERIFY(!QFileInfo::exists(open + QStringLiteral("/sb")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxPaths)
#include "tst_sandboxpaths.moc"
