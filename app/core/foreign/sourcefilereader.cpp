#include "sourcefilereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cerrno>
#include <climits>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

QString where(const QString &file)
{
    return file + QStringLiteral(":1");
}

// A name of a path still to resolve, with the link whose target it came from (empty: the path
// asked about).
struct PathPart
{
    QString name;
    QString origin;
};

QList<PathPart> partsOf(const QString &path, const QString &origin)
{
    QList<PathPart> out;
    for (const QString &name : path.split(u'/', Qt::SkipEmptyParts))
        out.append({name, origin});
    return out;
}

// The target of path as its symbolic link holds it (readlink: not resolved, nothing looked up);
// nullopt when path is no symbolic link; "/" (outside any source directory) when the link cannot
// be read.
std::optional<QString> linkTarget(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat st
    {
    };
    if (::lstat(name.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
        return std::nullopt;
    QByteArray target(PATH_MAX, '\0');
    const ssize_t n = ::readlink(name.constData(), target.data(), size_t(target.size()));
    if (n <= 0 || n >= target.size())
        return QStringLiteral("/");
    return QFile::decodeName(target.left(n));
}

struct FdCloser
{
    explicit FdCloser(int descriptor)
        : fd(descriptor)
    { }
    int fd;
    ~FdCloser() { ::close(fd); }
    FdCloser(const FdCloser &) = delete;
    FdCloser &operator=(const FdCloser &) = delete;
};

} // namespace

SourceFileReader::SourceFileReader(const QString &root)
    : m_dir(root)
    , m_root(QFileInfo(root).canonicalFilePath())
{ }

QString SourceFileReader::linkOut(const QString &relative) const
{
    if (m_root.isEmpty())
        return relative;
    const auto inside = [this](const QString &path) { return path.mid(m_root.size() + 1); };
    QList<PathPart> pending = partsOf(relative, QString());
    QString current = m_root; // resolved, below the root or the root itself
    int links = 0;
    QString lastLink;
    while (!pending.isEmpty()) {
        const PathPart part = pending.takeFirst();
        if (part.name == u".")
            continue;
        if (part.name == u"..") {
            if (current == m_root) // the link it came from, else the last one on the way
                return !part.origin.isEmpty() ? part.origin
                    : !lastLink.isEmpty()     ? lastLink
                                              : relative;
            current = QFileInfo(current).path();
            continue;
        }
        const QString next = current + u'/' + part.name;
        const std::optional<QString> target = linkTarget(next);
        if (!target) {
            current = next; // a directory, a file or nothing: the read says which
            continue;
        }
        lastLink = inside(next);
        if (++links > 40)
            return lastLink;
        if (target->startsWith(u'/')) {
            if (*target != m_root && !target->startsWith(m_root + u'/'))
                return inside(next);
            current = m_root;
            pending = partsOf(target->mid(m_root.size()), inside(next)) + pending;
        } else {
            pending = partsOf(*target, inside(next)) + pending;
        }
    }
    return {};
}

Result<QByteArray> SourceFileReader::bytes(const QString &relative) const
{
    const Result<QString> real = checkedPath(relative);
    if (!real)
        return real.error();
    if (m_beforeOpen)
        m_beforeOpen(real.value());
    // Decided on the opened descriptor, not on the name checked above: the name may have become
    // a symbolic link (O_NOFOLLOW refuses it), a FIFO or a device (O_NONBLOCK: the open does not
    // wait for a writer; fstat refuses it) in between.
    const QByteArray name = QFile::encodeName(real.value());
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP)
            return failure(
                relative, ErrorCode::Refused,
                tr("%1: became a symbolic link while being read: not read").arg(where(relative)));
        return failure(relative, ErrorCode::Io,
                       tr("%1: cannot read it: %2")
                           .arg(where(relative), QString::fromLocal8Bit(std::strerror(err))));
    }
    const FdCloser closer{fd};
    if (const Status fit = checkOpened(fd, relative); !fit)
        return fit.error();
    return readAll(fd, relative);
}

Error SourceFileReader::failure(const QString &relative, ErrorCode code, const QString &text)
{
    return Error(code, text, {{QStringLiteral("path"), relative}});
}

// The file's path with every symbolic link resolved, when no link on the way leads outside the
// root and the file exists.
Result<QString> SourceFileReader::checkedPath(const QString &relative) const
{
    if (const QString link = linkOut(relative); !link.isEmpty()) {
        return failure(
            relative, ErrorCode::Refused,
            link == relative
                ? tr("%1: a symbolic link that leads outside the source directory: not read")
                      .arg(where(relative))
                //: %2 a folder on the file's path, inside the source directory
                : tr("%1: not read: %2 is a symbolic link that leads outside the source directory")
                      .arg(where(relative), link));
    }
    const QFileInfo info(QDir(m_dir).filePath(relative));
    // every symbolic link on the way resolved: the file must still be below the root
    const QString real = info.canonicalFilePath();
    if (real.isEmpty()) {
        return failure(relative, ErrorCode::NotFound,
                       tr("%1: cannot read it: it does not exist (a broken symbolic link?)")
                           .arg(where(relative)));
    }
    if (m_root.isEmpty() || !real.startsWith(m_root + u'/')) {
        return failure(relative, ErrorCode::Refused,
                       tr("%1: a symbolic link that leads outside the source directory: not read")
                           .arg(where(relative)));
    }
    return real;
}

// The opened file fd is a regular file of at most kMaxBytes, still inside the root.
Status SourceFileReader::checkOpened(int fd, const QString &relative) const
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return failure(relative, ErrorCode::Refused,
                       tr("%1: not a regular file: not read").arg(where(relative)));
    }
    if (st.st_size > kMaxBytes) {
        return failure(relative, ErrorCode::BadInput,
                       tr("%1: %2 bytes: larger than the %3 MiB a migration file may have")
                           .arg(where(relative))
                           .arg(qint64(st.st_size))
                           .arg(kMaxBytes / (1024 * 1024)));
    }
    // the file opened must still be the one inside the root (a directory on the way swapped
    // for a symbolic link after the check above)
    const QString opened = QFileInfo(QStringLiteral("/proc/self/fd/%1").arg(fd)).symLinkTarget();
    if (!opened.isEmpty() && !opened.startsWith(m_root + u'/')) {
        return failure(relative, ErrorCode::Refused,
                       tr("%1: a symbolic link that leads outside the source directory: not read")
                           .arg(where(relative)));
    }
    return {};
}

// At most one byte more than allowed, whatever the size said (a file still growing).
Result<QByteArray> SourceFileReader::readAll(int fd, const QString &relative)
{
    const auto fail = [&relative](ErrorCode code, const QString &text) {
        return Error(code, text, {{QStringLiteral("path"), relative}});
    };
    QByteArray out;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            return fail(ErrorCode::Io,
                        tr("%1: cannot read it: %2")
                            .arg(where(relative), QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (n == 0)
            break;
        out.append(buffer, n);
        if (out.size() > kMaxBytes) {
            return fail(ErrorCode::BadInput,
                        tr("%1: larger than the %2 MiB a migration file may have")
                            .arg(where(relative))
                            .arg(kMaxBytes / (1024 * 1024)));
        }
    }
    return out;
}

Result<QString> SourceFileReader::text(const QString &relative) const
{
    Result<QByteArray> raw = bytes(relative);
    if (!raw)
        return raw.error();
    if (raw->startsWith("\xEF\xBB\xBF"))
        raw->remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(*raw);
    if (decoder.hasError()) {
        return Error(ErrorCode::BadInput, tr("%1: not UTF-8 text").arg(where(relative)),
                     {{QStringLiteral("path"), relative}});
    }
    return text;
}

} // namespace uaip
