#pragma once

#include "error/status.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

#include <sys/types.h>

namespace uaip {

class SessionCanceller;

// The OS user a sandbox's server runs as when started by root ("uaip-sandbox"): PostgreSQL
// refuses to run as root. Made on first use, under the lock useradd itself takes
// (SandboxUserLock), and looked up by name again after, whoever made it.
class SandboxServerUser
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxServerUser)

public:
    static QString name();
    // Makes the user where this process runs as root and it does not exist yet (useradd
    // --system; canceller, cancelled: its wait's, as Sandbox::setCanceller's).
    static Status ensure(SessionCanceller *canceller = nullptr,
                         const std::atomic_bool *cancelled = nullptr);
    // Its uid where this process runs as root (-1 while it does not exist), else this
    // process's own.
    static uid_t uid();
};

} // namespace uaip
