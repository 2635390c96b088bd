#pragma once

#include "error/result.h"
#include "error/status.h"
#include "pinnedserverbuild.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace uaip {

// Installs the server programs of a PostgreSQL major version that this machine lacks, for the
// sandbox of that major (Sandbox::rootFor): the pinned upstream build (PinnedServerBuild) is
// downloaded over HTTPS, refused unless its SHA-512 is the pinned one, unpacked with tar into a
// folder of its own beside the target, its library links made (pg-symlinks.json, each kept
// inside the build), and only then renamed into SandboxServerPrograms::buildDir(major). Nothing
// is installed when any step fails; a build already there is left as it is. As root the folders
// above the builds are made traversable (o+x) for the sandbox's OS user, who runs them.
class ServerBuildInstaller
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ServerBuildInstaller)

public:
    // Where it was installed (or already was). NotFound: no build is pinned for major (args
    // "major"); Io: the download, the hash, tar or the files (with the reason); Cancelled.
    // say: a line for the user at each step.
    static Result<QString> install(int major, const std::function<void(const QString &)> &say,
                                   const std::atomic_bool *cancelled = nullptr);
    // The same for a build given (a test's own pin: the console offers no build of 14).
    static Result<QString> install(const PinnedServerBuild &build,
                                   const std::function<void(const QString &)> &say,
                                   const std::atomic_bool *cancelled = nullptr);

    static constexpr int kDownloadTimeoutMs = 10 * 60 * 1000;

private:
    static Result<QByteArray> download(const PinnedServerBuild &build,
                                       const std::atomic_bool *cancelled);
    static Status unpack(const QByteArray &archive, const QString &into);
    static Status makeLinks(const QString &package);
    static Status openToAll(const QString &dir);
};

} // namespace uaip
