#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <cstdio>

namespace uaip::test {

namespace {

QString quoted(QString v)
{
    v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
}

// The tests' password file, written anew by each test process (the same text; renamed into
// place, so a process reading it meanwhile sees the old file or the new one).
QString passFileOf(const Sandbox &sandbox)
{
    return sandbox.rootDir() + QStringLiteral("/tests.pgpass");
}

void writePassFile(const Sandbox &sandbox)
{
    const QString password = sandbox.password(sandbox.superuser());
    if (password.isEmpty())
        qFatal("the test sandbox in %s has no password file", qPrintable(sandbox.rootDir()));
    QTemporaryFile file(sandbox.rootDir() + QStringLiteral("/tests.pgpass.XXXXXX"));
    file.setAutoRemove(false);
    // the reader login (ReadingLogins): the sandbox's, and that of the clusters a test makes
    // (Sandbox::setFirstSuperuserPassword: the superuser's password)
    const QByteArray reader = QByteArray(Sandbox::kReaderRole);
    const QByteArray text = "*:*:*:" + sandbox.superuser().toUtf8() + ':' + password.toUtf8()
        + "\n*:" + QByteArray::number(sandbox.port()) + ":*:" + reader + ':'
        + sandbox.password(QString::fromLatin1(reader)).toUtf8() + "\n*:*:*:" + reader + ':'
        + password.toUtf8() + "\n*:*:*:*:" + TestCluster::loginPassword().toUtf8() + '\n';
    if (!file.open() || file.write(text) != text.size() || !file.flush()) // 0600
        qFatal("cannot write the tests' password file in %s", qPrintable(sandbox.rootDir()));
    file.close();
    if (std::rename(QFile::encodeName(file.fileName()).constData(),
                    QFile::encodeName(passFileOf(sandbox)).constData())
        != 0)
        qFatal("cannot write %s", qPrintable(passFileOf(sandbox)));
}

} // namespace

Sandbox &TestCluster::sandbox()
{
    static Sandbox *instance = [] {
        QString dir = qEnvironmentVariable("UAIP_TEST_SANDBOX_DIR");
        if (dir.isEmpty())
            dir = QDir::tempPath() + QStringLiteral("/uaip-test-sandbox");
        auto *s = new Sandbox(dir);
        const Status started
            = s->isRunning() ? Status() : s->start(Sandbox::Options{false, true, true});
        if (!started)
            qFatal("cannot start the test sandbox in %s: %s", qPrintable(dir),
                   qPrintable(started.error().toString()));
        writePassFile(*s);
        qputenv("PGPASSFILE", QFile::encodeName(passFileOf(*s)));
        return s;
    }();
    return *instance;
}

QString TestCluster::passFile()
{
    return passFileOf(sandbox());
}

QString TestCluster::superuserPassword()
{
    return sandbox().password(sandbox().superuser());
}

QString TestCluster::conninfo(const QString &database)
{
    const Sandbox &s = sandbox();
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4 passfile=%5")
        .arg(quoted(s.socketDir()), QString::number(s.port()), quoted(s.superuser()),
             quoted(database), quoted(passFile()));
}

QString TestCluster::migrateBinary()
{
    return qEnvironmentVariable("UAIP_MIGRATE_BIN");
}

QString TestCluster::sourceDir()
{
    return qEnvironmentVariable("UAIP_SOURCE_DIR");
}

} // namespace uaip::test
