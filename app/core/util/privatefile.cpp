#include "privatefile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

QString PrivateFile::write(const QString &path, const QByteArray &bytes)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST)
            return tr("%1 exists (or is a symbolic link); it is never overwritten").arg(path);
        return tr("%1: cannot create: %2").arg(path, systemError(error));
    }
    auto failed = [&](int error) {
        ::close(fd);
        ::unlink(name.constData());
        return tr("%1: cannot write: %2").arg(path, systemError(error));
    };
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return failed(errno);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failed(errno);
        }
        done += n;
    }
    if (::fsync(fd) != 0)
        return failed(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(name.constData());
        return tr("%1: cannot write: %2").arg(path, systemError(error));
    }
    return QString();
}

} // namespace uaip
