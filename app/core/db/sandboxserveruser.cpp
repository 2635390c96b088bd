#include "sandboxserveruser.h"

#include "processrun.h"
#include "sandboxsetup.h"
#include "sandboxuserlock.h"

#include <pwd.h>
#include <unistd.h>

namespace uaip {

namespace {

// Started as root, the server runs as an OS user of its own, created on first use; every
// connection needs its password (scram-sha-256), which that user cannot read.
constexpr auto kName = "uaip-sandbox";

} // namespace

QString SandboxServerUser::name()
{
    return QString::fromLatin1(kName);
}

Status SandboxServerUser::ensure(SessionCanceller *canceller, const std::atomic_bool *cancelled)
{
    if (!SandboxSetup::runningAsRoot() || ::getpwnam(kName))
        return {};
    // useradd looks for the name before it locks the user database: two starts that both saw
    // no user (the test suite's fixtures, a fresh machine) both added it, and the second entry,
    // with a new uid, replaced the first, whose uid the first start had already given its
    // folders (initdb then: "Permission denied"). So the OS user is made under a lock every
    // start takes, and looked for again under it.
    const Result<SandboxUserLock> held = SandboxUserLock::acquire(canceller, cancelled);
    if (!held)
        return held.error().with(QStringLiteral("user"), name());
    if (::getpwnam(kName))
        return {};
    ProcessRun p(QStringLiteral("/usr/sbin/useradd"),
                 {QStringLiteral("--system"), QStringLiteral("--user-group"),
                  QStringLiteral("--no-create-home"), QStringLiteral("--home-dir"),
                  QStringLiteral("/nonexistent"), QStringLiteral("--shell"),
                  QStringLiteral("/usr/sbin/nologin"), QStringLiteral("--comment"),
                  QStringLiteral("UAIP Admin private PostgreSQL sandbox"), name()});
    p.setCanceller(canceller, cancelled);
    const Result<ProcessRun::Exit> ran = p.wait(30000);
    if (!ran && ran.error().code() == ErrorCode::Cancelled)
        return ran.error().with(QStringLiteral("user"), name());
    // a process that does not take the lock (an earlier version) may have made it meanwhile
    if (::getpwnam(kName))
        return {};
    return Error(ErrorCode::Io,
                 tr("running as root, the sandbox server runs as the OS user \"%1\", which could "
                    "not be created (useradd: %2)")
                     .arg(name(),
                          ran ? QString::fromLocal8Bit(ran->errorOutput).trimmed()
                              : ran.error().arg(QStringLiteral("why")).toString()),
                 {{QStringLiteral("user"), name()}});
}

uid_t SandboxServerUser::uid()
{
    if (!SandboxSetup::runningAsRoot())
        return ::geteuid();
    const passwd *server = ::getpwnam(kName);
    return server ? server->pw_uid : uid_t(-1);
}

} // namespace uaip
