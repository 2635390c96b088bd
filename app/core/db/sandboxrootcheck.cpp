#include "sandboxrootcheck.h"

#include "sandboxpathwalk.h"

#include <QFile>

namespace uaip {

namespace {

// "<socket folder>/.s.PGSQL.<port>" with the longest port
constexpr qsizetype kSocketNameBytes = 15;

} // namespace

Status SandboxRootCheck::check(const QString &root, const QString &socketDir)
{
    if (Status s = shellSafe(root); !s)
        return s;
    if (Status s = parentsSafe(root); !s)
        return s;
    return socketFits(root, socketDir);
}

Status SandboxRootCheck::shellSafe(const QString &root)
{
    // pg_ctl hands its options and the log's path to a shell: a character a shell reads inside
    // quotes ($, `, \, ", ') or a control character could run a command as the server's user
    for (const QChar ch : root) {
        if (ch == u'\'' || ch == u'"' || ch == u'$' || ch == u'`' || ch == u'\\'
            || ch.category() == QChar::Other_Control) {
            const QString shown = ch.unicode() < 0x20
                ? QStringLiteral("U+%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'))
                : QString(ch);
            return Error(ErrorCode::BadInput,
                         tr("the sandbox folder %1 contains a character a shell would read (%2): "
                            "choose a folder without quotes, $, `, \\ or control characters")
                             .arg(root, shown),
                         {{QStringLiteral("path"), root}});
        }
    }
    return {};
}

Status SandboxRootCheck::parentsSafe(const QString &root)
{
    // every folder above root walked from "/" with no link followed, each root's or this
    // user's and writable by no one else (SandboxPathWalk); the ones missing are made later by
    // this user, on the same walk
    const Result<SandboxPathWalk> walked
        = SandboxPathWalk::walk(root, SandboxPathWalk::Mode::Trust);
    return walked ? Status() : Status(walked.error());
}

Status SandboxRootCheck::socketFits(const QString &root, const QString &socketDir)
{
    const qsizetype socketPath = QFile::encodeName(socketDir).size() + kSocketNameBytes;
    if (socketPath > kMaxSocketPath) {
        return Error(
            ErrorCode::BadInput,
            tr("the sandbox folder %1 is too long for its socket: %2/.s.PGSQL.NNNNN would "
               "take %3 bytes, and a Unix socket's path has at most %4; choose a folder of "
               "at most %5 bytes (--data-dir)")
                .arg(root, socketDir)
                .arg(socketPath)
                .arg(kMaxSocketPath)
                .arg(kMaxSocketPath - kSocketNameBytes - 4),
            {{QStringLiteral("path"), root}});
    }
    return {};
}

} // namespace uaip
