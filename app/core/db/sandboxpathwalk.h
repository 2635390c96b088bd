#pragma once

#include "error/result.h"
#include "error/status.h"
#include "sandboxdir.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace uaip {

// The folders above a path (a sandbox folder, a server build), opened from "/" one name at a
// time, each below the one before (openat with O_NOFOLLOW | O_DIRECTORY): no link on the way is
// followed, not even root's own (another user's link, as "a" in /home/u2/a/sb, would lead root
// into a folder of that user's choosing, which root would then change). With Mode::Trust each
// folder is also checked on its open descriptor: owned by root or the invoking user, and
// writable by no one else but for a sticky folder (as /tmp and /dev/shm: there only a name's
// owner may rename or remove it, and the folder the walk goes on to is checked as any other).
// Nothing above the path is looked up by its path again: the folder holding the path's last name
// is handed on open (parent()), and what is done to the folders above is done through the walk's
// descriptors (makeTraversable()).
class SandboxPathWalk
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxPathWalk)

public:
    enum class Mode {
        Links, // no link followed; a missing folder is NotFound
        Trust, // and each folder trusted; a missing one ends the walk (nothing below it to check)
        Make, // Trust, and a missing folder made (0755, the invoking user's)
    };

    // The folders above path (absolute; path itself is not opened). Errors name the folder (arg
    // "parent") and path (arg "path"): Refused for a link (arg "link": where it leads), a name
    // that is no folder, a folder of another user or one others may change; NotFound, Io.
    static Result<SandboxPathWalk> walk(const QString &path, Mode mode);

    // path's last name.
    QString name() const { return m_name; }
    // Whether every folder above path exists (false only after Mode::Trust).
    bool complete() const { return m_complete; }
    // The folder holding path's last name (complete() only).
    const SandboxDir &parent() const { return m_dirs.back(); }
    // Whether others may make names in parent() (a sticky folder others may write).
    bool parentShared() const { return m_parentShared; }
    // As root: each folder of the walk that root owns made traversable (o+x) where it is not,
    // through the walk's descriptors, so that user reaches path; what changed, one sentence each.
    QStringList makeTraversable(const QString &user) const;

private:
    SandboxPathWalk() = default;
    Status enter(const QString &name, Mode mode);
    Status trust(const SandboxDir &dir) const;

    QString m_path;
    QString m_name;
    std::vector<SandboxDir> m_dirs; // "/" first
    bool m_complete = true;
    bool m_parentShared = false;
};

} // namespace uaip
