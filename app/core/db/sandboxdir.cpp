#include "sandboxdir.h"

#include "sandboxpathwalk.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

QString why()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QByteArray nameOf(const QString &name)
{
    return QFile::encodeName(name);
}

Error ioError(const QString &text, const QString &path)
{
    return Error(ErrorCode::Io, text, {{QStringLiteral("path"), path}});
}

// Why path could not be opened as a folder (errno of the open).
Error openError(const QString &path)
{
    const int error = errno;
    const QVariantMap args{{QStringLiteral("path"), path}};
    if (error == ELOOP || error == ENOTDIR)
        return Error(ErrorCode::Refused,
                     SandboxDir::tr("%1 is a link or not a folder; the sandbox uses only a real "
                                    "folder")
                         .arg(path),
                     args);
    return Error(error == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                 SandboxDir::tr("cannot open the folder %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(error))),
                 args);
}

bool writeAll(int fd, const QByteArray &content)
{
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n
            = ::write(fd, content.constData() + done, std::size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Every entry below dirFd given to uid:gid; sub-folders entered through openat(O_NOFOLLOW).
bool giveEntriesTo(int dirFd, uid_t uid, gid_t gid, int depth)
{
    if (depth > 64)
        return false;
    const int listFd = ::dup(dirFd);
    DIR *list = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!list) {
        if (listFd >= 0)
            ::close(listFd);
        return false;
    }
    ::rewinddir(list);
    bool ok = true;
    while (const dirent *entry = ::readdir(list)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        struct stat st
        {
        };
        if (::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            ok = false;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            const int sub = ::openat(dirFd, entry->d_name, kDirFlags);
            if (sub < 0) {
                ok = false;
                continue;
            }
            ok = giveEntriesTo(sub, uid, gid, depth + 1) && ::fchown(sub, uid, gid) == 0 && ok;
            ::close(sub);
        } else {
            ok = ::fchownat(dirFd, entry->d_name, uid, gid, AT_SYMLINK_NOFOLLOW) == 0 && ok;
        }
    }
    ::closedir(list);
    return ok;
}

} // namespace

SandboxDir::SandboxDir(int fd, const QString &path)
    : m_fd(fd)
    , m_path(path)
{ }

SandboxDir::~SandboxDir()
{
    close();
}

SandboxDir::SandboxDir(SandboxDir &&other) noexcept
    : m_fd(other.m_fd)
    , m_path(std::move(other.m_path))
{
    other.m_fd = -1;
}

SandboxDir &SandboxDir::operator=(SandboxDir &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        other.m_fd = -1;
    }
    return *this;
}

void SandboxDir::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Result<SandboxDir> SandboxDir::open(const QString &path)
{
    Result<SandboxPathWalk> walked = SandboxPathWalk::walk(path, SandboxPathWalk::Mode::Links);
    if (!walked)
        return walked.error();
    return walked->parent().child(walked->name());
}

Result<SandboxDir> SandboxDir::fileSystemRoot()
{
    const int fd = ::open("/", kDirFlags);
    if (fd < 0)
        return openError(QStringLiteral("/"));
    return SandboxDir(fd, QStringLiteral("/"));
}

uid_t SandboxDir::owner() const
{
    struct stat st
    {
    };
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? st.st_uid : uid_t(-1);
}

mode_t SandboxDir::mode() const
{
    struct stat st
    {
    };
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? (st.st_mode & 07777) : 0;
}

bool SandboxDir::exists(const QString &name) const
{
    struct stat st
    {
    };
    return ::fstatat(m_fd, nameOf(name).constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

bool SandboxDir::isEmpty() const
{
    const int listFd = m_fd >= 0 ? ::openat(m_fd, ".", kDirFlags) : -1;
    DIR *list = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!list) {
        if (listFd >= 0)
            ::close(listFd);
        return false;
    }
    bool empty = true;
    while (const dirent *entry = ::readdir(list))
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
            empty = false;
            break;
        }
    ::closedir(list);
    return empty;
}

Result<SandboxDir> SandboxDir::child(const QString &name) const
{
    const int fd = ::openat(m_fd, nameOf(name).constData(), kDirFlags);
    if (fd < 0)
        return openError(filePath(name));
    return SandboxDir(fd, filePath(name));
}

Result<SandboxDir> SandboxDir::passage(const QString &name) const
{
    const int flags
        = ::geteuid() == 0 ? kDirFlags : (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int fd = ::openat(m_fd, nameOf(name).constData(), flags);
    if (fd < 0)
        return openError(filePath(name));
    return SandboxDir(fd, filePath(name));
}

Result<SandboxDir> SandboxDir::ownedChild(const QString &name, uid_t uid, gid_t gid,
                                          mode_t mode) const
{
    const QByteArray n = nameOf(name);
    struct stat st
    {
    };
    if (::fstatat(m_fd, n.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode)
        && ::unlinkat(m_fd, n.constData(), 0) != 0)
        return ioError(tr("cannot remove %1, which is no folder: %2").arg(filePath(name), why()),
                       filePath(name));
    if (::mkdirat(m_fd, n.constData(), 0700) != 0 && errno != EEXIST)
        return ioError(tr("cannot create the folder %1: %2").arg(filePath(name), why()),
                       filePath(name));
    Result<SandboxDir> dir = child(name);
    if (!dir)
        return dir;
    if (const Status owned = dir->setOwnerAndMode(uid, gid, mode); !owned)
        return owned.error();
    return dir;
}

bool SandboxDir::removeFile(const QString &name) const
{
    return ::unlinkat(m_fd, nameOf(name).constData(), 0) == 0 || errno == ENOENT;
}

Status SandboxDir::setOwnerAndMode(uid_t uid, gid_t gid, mode_t mode) const
{
    if (uid != uid_t(-1) && ::fchown(m_fd, uid, gid) != 0)
        return ioError(
            tr("cannot give the folder %1 to the OS user %2: %3").arg(m_path).arg(uid).arg(why()),
            m_path);
    if (::fchmod(m_fd, mode) != 0)
        return ioError(tr("cannot set the permissions of %1: %2").arg(m_path, why()), m_path);
    return {};
}

Status SandboxDir::giveTreeTo(uid_t uid, gid_t gid) const
{
    if (giveEntriesTo(m_fd, uid, gid, 0) && ::fchown(m_fd, uid, gid) == 0)
        return {};
    return ioError(tr("cannot give everything in %1 to the OS user %2").arg(m_path).arg(uid),
                   m_path);
}

Status SandboxDir::writeFile(const QString &name, const QByteArray &content, mode_t mode, uid_t uid,
                             gid_t gid) const
{
    const QByteArray temp = nameOf(QStringLiteral(".%1.%2").arg(name).arg(
        QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')));
    const int fd = ::openat(m_fd, temp.constData(),
                            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return ioError(tr("cannot write %1: %2").arg(filePath(name), why()), filePath(name));
    const auto failed = [&] {
        return ioError(tr("cannot write %1: %2").arg(filePath(name), why()), filePath(name));
    };
    Status status;
    if (::fchmod(fd, mode) != 0 || (uid != uid_t(-1) && ::fchown(fd, uid, gid) != 0)
        || !writeAll(fd, content) || ::fsync(fd) != 0)
        status = failed();
    if (::close(fd) != 0 && status.ok())
        status = failed();
    if (status.ok() && ::renameat(m_fd, temp.constData(), m_fd, nameOf(name).constData()) != 0)
        status = failed();
    if (!status.ok())
        ::unlinkat(m_fd, temp.constData(), 0);
    return status;
}

std::optional<QByteArray> SandboxDir::readFile(const QString &name, uid_t owner, qint64 maxBytes,
                                               bool tail) const
{
    // O_NONBLOCK: a FIFO of that name does not hang the reader (it is refused below)
    const int fd
        = ::openat(m_fd, nameOf(name).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct stat st
    {
    };
    std::optional<QByteArray> content;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == owner) {
        const qint64 size = qMin<qint64>(st.st_size, maxBytes);
        const off_t from = tail ? off_t(st.st_size - size) : 0;
        QByteArray bytes(size, Qt::Uninitialized);
        const ssize_t n = ::pread(fd, bytes.data(), std::size_t(size), from);
        if (n >= 0) {
            bytes.truncate(n);
            content = bytes;
        }
    }
    ::close(fd);
    return content;
}

} // namespace uaip
