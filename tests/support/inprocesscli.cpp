#include "inprocesscli.h"

#include "cliapplication.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace uaip::test {

namespace {

// Points fd 0 at /dev/null (what QProcess::nullDevice() gives the process tests); returns a
// copy of what was there, -1 when there was nothing to copy (then fd 0 is left as it is: a
// closed stdin is no terminal either).
int stdinAtEof()
{
    const int saved = ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
    if (saved < 0)
        return -1;
    const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDIN_FILENO);
        ::close(null);
    }
    return saved;
}

void restoreStdin(int saved)
{
    if (saved < 0)
        return;
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    std::clearerr(stdin); // an end of input read meanwhile is /dev/null's
}

} // namespace

InProcessCli::Result InProcessCli::run(const QStringList &args)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    // the identity main.cpp gives uaip-migrate, for this call
    const QString name = QCoreApplication::applicationName();
    const QString organization = QCoreApplication::organizationName();
    const QString version = QCoreApplication::applicationVersion();
    QCoreApplication::setApplicationName(QStringLiteral("uaip-migrate"));
    QCoreApplication::setOrganizationName(QStringLiteral("uaip-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UAIP_VERSION));
    const int savedStdin = stdinAtEof();

    Result result;
    result.exitCode = CliApplication().run(QStringList{QStringLiteral("uaip-migrate")} + args,
                                           CliStreams{&out, &err});

    restoreStdin(savedStdin);
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setOrganizationName(organization);
    QCoreApplication::setApplicationVersion(version);
    result.out = out.data();
    result.err = err.data();
    return result;
}

} // namespace uaip::test
