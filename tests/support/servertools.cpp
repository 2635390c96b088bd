#include "servertools.h"
#include "db/sandboxserveruser.h"

#include "db/sandbox.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace uaip::test {

bool ServerTools::run(const QString &program, const QStringList &args, QString *output,
                      int timeoutMs, const QStringList &environment)
{
    const QString path
        = program.startsWith(u'/') ? program : QDir(Sandbox::serverBinDir()).filePath(program);
    QProcess p;
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        p.setEnvironment(QProcess::systemEnvironment() + environment);
    if (geteuid() == 0)
        p.start(
            QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), SandboxServerUser::name(), QStringLiteral("--"), path}
                + args);
    else
        p.start(path, args);
    const bool finished = p.waitForStarted(10000) && p.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    if (!finished) {
        p.kill();
        p.waitForFinished(2000);
        return false;
    }
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

int ServerTools::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

QString ServerTools::makeDir(const QString &prefix, bool forServer)
{
    QByteArray pattern = QFile::encodeName(QStringLiteral("/tmp/%1-XXXXXX").arg(prefix));
    if (!::mkdtemp(pattern.data()))
        qFatal("cannot create a folder for %s", qPrintable(prefix));
    const QString dir = QFile::decodeName(pattern);
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    if (forServer && geteuid() == 0) {
        const Status user = SandboxServerUser::ensure();
        const passwd *pw = user ? ::getpwnam(qPrintable(SandboxServerUser::name())) : nullptr;
        if (!pw || ::chown(pattern.constData(), pw->pw_uid, pw->pw_gid) != 0)
            qFatal("cannot give %s to the sandbox's server user: %s", pattern.constData(),
                   qPrintable(user.error().toString()));
    }
    return dir;
}

void ServerTools::removeDir(const QString &dir)
{
    if (dir.startsWith(QLatin1String("/tmp/")))
        QDir(dir).removeRecursively();
}

QStringList ServerTools::connectionArgs(const Sandbox &sandbox, const QString &database)
{
    auto quoted = [](QString v) {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + v + u'\'';
    };
    return {
        QStringLiteral("-h"),
        sandbox.socketDir(),
        QStringLiteral("-p"),
        QString::number(sandbox.port()),
        QStringLiteral("-U"),
        sandbox.superuser(),
        QStringLiteral("dbname=%1 passfile=%2").arg(quoted(database), quoted(sandbox.passFile()))};
}

} // namespace uaip::test
