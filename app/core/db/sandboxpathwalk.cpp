#include "sandboxpathwalk.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

QString ownerName(uid_t uid)
{
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
}

QString modeText(mode_t mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

// Where the link name below dirFd leads (its text, not followed).
QString linkTextOf(int dirFd, const QByteArray &name)
{
    char target[4096];
    const ssize_t n = ::readlinkat(dirFd, name.constData(), target, sizeof target - 1);
    return n > 0 ? QFile::decodeName(QByteArray(target, n)) : QString();
}

} // namespace

Result<SandboxPathWalk> SandboxPathWalk::walk(const QString &path, Mode mode)
{
    SandboxPathWalk w;
    w.m_path = path;
    QStringList names = path.split(u'/', Qt::SkipEmptyParts);
    if (!path.startsWith(u'/') || names.isEmpty() || names.contains(QStringLiteral(".."))
        || names.contains(QStringLiteral(".")))
        return Error(ErrorCode::BadInput,
                     tr("%1 is not an absolute path without . and .. in it").arg(path),
                     {{QStringLiteral("path"), path}});
    w.m_name = names.takeLast();
    Result<SandboxDir> top = SandboxDir::fileSystemRoot();
    if (!top)
        return top.error().with(QStringLiteral("path"), path);
    w.m_dirs.push_back(top.take());
    if (mode != Mode::Links)
        if (const Status trusted = w.trust(w.m_dirs.back()); !trusted)
            return trusted.error();
    for (const QString &name : std::as_const(names)) {
        if (const Status entered = w.enter(name, mode); !entered)
            return entered.error();
        if (!w.m_complete)
            return w;
    }
    const mode_t last = w.m_dirs.back().mode();
    w.m_parentShared = (last & (S_IWGRP | S_IWOTH)) != 0;
    return w;
}

Status SandboxPathWalk::enter(const QString &name, Mode mode)
{
    const SandboxDir &here = m_dirs.back();
    const QString where = here.filePath(name);
    const QVariantMap args{{QStringLiteral("path"), m_path}, {QStringLiteral("parent"), where}};
    const QByteArray n = QFile::encodeName(name);
    struct stat st
    {
    };
    if (::fstatat(here.fd(), n.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        const int error = errno;
        if (error != ENOENT || mode == Mode::Links)
            return Error(error == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         tr("cannot open the folder %1 on the way to %2: %3")
                             .arg(where, m_path, QString::fromLocal8Bit(std::strerror(error))),
                         args);
        if (mode == Mode::Trust) {
            m_complete = false; // nothing below it to check: what is made there is made here
            return {};
        }
        if (::mkdirat(here.fd(), n.constData(), 0755) != 0 && errno != EEXIST)
            return Error(ErrorCode::Io,
                         tr("cannot create the folder %1: %2")
                             .arg(where, QString::fromLocal8Bit(std::strerror(errno))),
                         args);
    } else if (S_ISLNK(st.st_mode)) {
        const QString target = linkTextOf(here.fd(), n);
        return Error(ErrorCode::Refused,
                     tr("%1 lies below %2, which is a link (to %3): no link on the way to it is "
                        "followed (another user's link could lead into a folder of root's); give "
                        "the folder's real path")
                         .arg(m_path, where, target),
                     {{QStringLiteral("path"), m_path},
                      {QStringLiteral("parent"), where},
                      {QStringLiteral("link"), target}});
    } else if (!S_ISDIR(st.st_mode)) {
        return Error(ErrorCode::Refused,
                     tr("%1 lies below %2, which is no folder").arg(m_path, where), args);
    }
    Result<SandboxDir> next = here.passage(name);
    if (!next)
        return next.error()
            .with(QStringLiteral("path"), m_path)
            .with(QStringLiteral("parent"), where);
    if (mode != Mode::Links)
        if (const Status trusted = trust(*next); !trusted)
            return trusted;
    m_dirs.push_back(next.take());
    return {};
}

Status SandboxPathWalk::trust(const SandboxDir &dir) const
{
    // as ssh's StrictModes, on the open folder: its owner and anyone who may write it could
    // swap what lies below it for one of theirs between two starts
    const uid_t owner = dir.owner();
    const mode_t mode = dir.mode();
    const QVariantMap args{{QStringLiteral("path"), m_path},
                           {QStringLiteral("parent"), dir.path()}};
    if (owner != 0 && owner != ::geteuid())
        return Error(ErrorCode::Refused,
                     tr("%1 lies in %2, which belongs to the OS user %3 (uid %4): choose a "
                        "folder only you and root can change")
                         .arg(m_path, dir.path(), ownerName(owner))
                         .arg(owner),
                     args);
    if ((mode & (S_IWGRP | S_IWOTH)) && !(mode & S_ISVTX))
        return Error(ErrorCode::Refused,
                     tr("%1 lies in %2, which another user may change (owner uid %3, mode %4): "
                        "choose a folder only you and root can change")
                         .arg(m_path, dir.path())
                         .arg(owner)
                         .arg(modeText(mode)),
                     args);
    return {};
}

QStringList SandboxPathWalk::makeTraversable(const QString &user) const
{
    // The server's OS user must enter every folder above path: o+x where missing, on the
    // folders root owns (another user's folder is that user's to open)
    QStringList messages;
    for (const SandboxDir &dir : m_dirs) {
        const mode_t mode = dir.mode();
        if (dir.owner() == ::geteuid() && !(mode & S_IXOTH)
            && ::fchmod(dir.fd(), mode | S_IXOTH) == 0)
            messages << tr("made %1 traversable (o+x) so the \"%2\" user can reach %3")
                            .arg(dir.path(), user, m_path);
    }
    return messages;
}

} // namespace uaip
