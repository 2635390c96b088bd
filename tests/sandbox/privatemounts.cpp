// privatemounts COMMAND [ARG...]: runs COMMAND in a mount namespace of its own whose mounts are
// all private, so that nothing it mounts reaches the machine's other processes (as
// `unshare --mount --propagation private` does). That tool cannot work inside a chroot: there "/"
// is a folder of a mount above it, and making "/" private fails with EINVAL. Here the tree is
// made private from this namespace's real root, reached as a process with CAP_SYS_CHROOT can
// (chroot into a folder below the current one, then ".." up to the top), and the process then
// returns to its own root and folder. Only this namespace's copies of the mounts change.
// Needs root. Exit 1 with what failed and why; otherwise COMMAND's own exit.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int failed(const char *what)
{
    std::fprintf(stderr, "privatemounts: %s: %s\n", what, std::strerror(errno));
    return 1;
}

bool makeAllPrivate()
{
    return ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

bool sameDirectory(const char *a, const char *b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    return ::stat(a, &sa) == 0 && ::stat(b, &sb) == 0 && sa.st_dev == sb.st_dev
        && sa.st_ino == sb.st_ino;
}

// In a chroot: make every mount private from the namespace's top, then come back.
int makeAllPrivateAboveChroot()
{
    const int ownRoot = ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const int ownFolder = ::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (ownRoot < 0 || ownFolder < 0)
        return failed("open / and .");
    char below[] = "/tmp/privatemounts.XXXXXX";
    if (!::mkdtemp(below))
        return failed("mkdtemp /tmp/privatemounts.XXXXXX");
    if (::chdir("/") != 0 || ::chroot(below) != 0)
        return failed("chroot into a folder below the current one");
    // The current folder is now outside the root, so ".." climbs past the old root's top.
    for (int step = 0; step < 4096 && !sameDirectory(".", ".."); ++step)
        if (::chdir("..") != 0)
            return failed("chdir .. towards the namespace's top");
    if (!sameDirectory(".", ".."))
        return failed("the namespace's top was not reached in 4096 steps");
    if (::chroot(".") != 0)
        return failed("chroot to the namespace's top");
    if (!makeAllPrivate())
        return failed("make the namespace's mounts private from its top");
    if (::fchdir(ownRoot) != 0 || ::chroot(".") != 0 || ::fchdir(ownFolder) != 0)
        return failed("return to the own root and folder");
    ::close(ownRoot);
    ::close(ownFolder);
    if (::rmdir(below) != 0)
        return failed("remove the folder used to climb");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: privatemounts COMMAND [ARG...]\n");
        return 2;
    }
    if (::unshare(CLONE_NEWNS) != 0)
        return failed("unshare a mount namespace");
    if (!makeAllPrivate()) {
        if (errno != EINVAL)
            return failed("make the namespace's mounts private");
        if (const int code = makeAllPrivateAboveChroot(); code != 0)
            return code;
    }
    ::execvp(argv[1], argv + 1);
    return failed(argv[1]);
}
