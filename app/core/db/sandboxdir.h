#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <sys/types.h>

namespace uaip {

// A folder of the sandbox held open (O_DIRECTORY | O_NOFOLLOW): every name below it is reached
// through the descriptor (openat, mkdirat, fchownat, renameat), so no link planted on the way
// (by the server's OS user, or by anyone in a shared folder) leads root to another file. Owners
// and modes are set on open descriptors (fchown, fchmod), never through a path. Move-only.
class SandboxDir
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxDir)

public:
    SandboxDir() = default;
    ~SandboxDir();
    SandboxDir(SandboxDir &&other) noexcept;
    SandboxDir &operator=(SandboxDir &&other) noexcept;
    SandboxDir(const SandboxDir &) = delete;
    SandboxDir &operator=(const SandboxDir &) = delete;

    // path itself, reached from "/" one name at a time with no link followed
    // (SandboxPathWalk::Mode::Links): a link on the way or at its end is refused (Refused;
    // NotFound, Io: it cannot be opened; arg "path").
    static Result<SandboxDir> open(const QString &path);
    // "/", where every walk starts.
    static Result<SandboxDir> fileSystemRoot();
    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    QString path() const { return m_path; }
    QString filePath(const QString &name) const
    {
        return (m_path == QLatin1String("/") ? m_path : m_path + u'/') + name;
    }
    // The folder's owner and permission bits (uid_t(-1), 0 when it is not open).
    uid_t owner() const;
    mode_t mode() const;

    // Whether name exists below the folder (a link counts as itself, never its target).
    bool exists(const QString &name) const;
    // Whether the folder holds nothing (false when it cannot be listed).
    bool isEmpty() const;
    // name below this folder, when it is a folder and not a link (errors as open()).
    Result<SandboxDir> child(const QString &name) const;
    // The same, opened only to pass through to what lies below it (O_PATH: search rights are
    // enough), unless the process is root: root opens it readable, so that its mode can be set.
    Result<SandboxDir> passage(const QString &name) const;
    // name below this folder as a folder owned by uid:gid with mode: made when missing; a link
    // or a file of that name is removed first (it is no folder of the sandbox).
    Result<SandboxDir> ownedChild(const QString &name, uid_t uid, gid_t gid, mode_t mode) const;
    // Removes the file or link name (not a folder); true when it is gone.
    bool removeFile(const QString &name) const;
    // Owner (uid_t(-1): unchanged) and mode of the folder itself.
    Status setOwnerAndMode(uid_t uid, gid_t gid, mode_t mode) const;
    // Gives the folder and everything below it to uid:gid, links not followed, through
    // descriptors all the way down (a folder swapped for a link meanwhile is not entered).
    Status giveTreeTo(uid_t uid, gid_t gid) const;

    // Writes name anew: a fresh file (O_CREAT | O_EXCL | O_NOFOLLOW) with mode and owner
    // (uid_t(-1): the writer's), renamed over whatever had the name.
    Status writeFile(const QString &name, const QByteArray &content, mode_t mode, uid_t uid,
                     gid_t gid) const;
    // name's content when it is a regular file (not a link) owned by owner; at most maxBytes
    // (the last ones when tail is set).
    std::optional<QByteArray> readFile(const QString &name, uid_t owner, qint64 maxBytes = 1 << 20,
                                       bool tail = false) const;

private:
    SandboxDir(int fd, const QString &path);
    void close();

    int m_fd = -1;
    QString m_path;
};

} // namespace uaip
