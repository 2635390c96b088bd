#include "sandboxserverfile.h"

#include "sandboxdir.h"
#include "sandboxserveruser.h"
#include "sandboxsetup.h"

#include <pwd.h>
#include <unistd.h>

namespace uaip {

std::optional<QByteArray> SandboxServerFile::read(const QString &root, const QString &folder,
                                                  const QString &name, qint64 maxBytes, bool tail)
{
    const Result<SandboxDir> opened = SandboxDir::open(root);
    const Result<SandboxDir> in
        = opened ? opened->child(folder) : Result<SandboxDir>(opened.error());
    if (!in)
        return std::nullopt;
    const passwd *server = SandboxSetup::runningAsRoot()
        ? ::getpwnam(qPrintable(SandboxServerUser::name()))
        : nullptr;
    if (SandboxSetup::runningAsRoot() && !server)
        return std::nullopt;
    return in->readFile(name, server ? server->pw_uid : ::geteuid(), maxBytes, tail);
}

} // namespace uaip
