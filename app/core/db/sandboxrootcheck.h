#pragma once

#include "error/status.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// Whether a folder may be a sandbox's (Sandbox::start, before anything is made in it): no
// character a shell reads inside quotes (pg_ctl hands its options and the log's path to one),
// no link above it and no parent another user may change (as ssh's StrictModes), and short enough
// for the socket
// "<root>/run/.s.PGSQL.<port>".
class SandboxRootCheck
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxRootCheck)

public:
    // The longest socket path a Unix socket takes (sun_path less its final NUL), which
    // "<root>/run/.s.PGSQL.<port>" must fit: a longer sandbox folder is refused.
    static constexpr int kMaxSocketPath = 107;

    // Ok, or what is wrong (BadInput: a character a shell reads, a path too long; Refused: a
    // parent others may change; arg "path": root); socketDir: the folder's socket folder.
    static Status check(const QString &root, const QString &socketDir);
    // Refused when a folder above root is a link or may be changed by another user (owned by
    // another user than root and this one; writable by group or others, and not sticky), naming
    // it (arg "parent"): the sandbox's, and the server builds' (SandboxServerPrograms). Walked
    // from "/" on open folders (SandboxPathWalk::Mode::Trust).
    static Status parentsSafe(const QString &root);

private:
    static Status shellSafe(const QString &root);
    static Status socketFits(const QString &root, const QString &socketDir);
};

} // namespace uaip
