#pragma once

// Shared by the sandbox's own tests (tst_sandboxfolders, tst_sandboxpasswords): a program run
// as another OS user, what a path is (owner, mode, link), a fresh folder under /tmp, and the
// socket folder an earlier version chose for a long sandbox path.
#include "db/pgconnection.h"
#include "db/sandbox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip::test {

// Runs program as the OS user (runuser), in "/"; true when it exited 0.
inline bool runAs(const QString &user, const QString &program, const QStringList &args,
                  QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.start(QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), user, QStringLiteral("--"), program} + args);
    const bool done = p.waitForStarted(10000) && p.waitForFinished(120000);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A server program (initdb, pg_ctl) as the OS user.
inline bool serverProgramAs(const QString &user, const QString &program, const QStringList &args,
                            QString *output = nullptr)
{
    return runAs(user, QDir(Sandbox::serverBinDir()).filePath(program), args, output);
}

// What lstat says of a path: its owner, mode and kind (a link is itself, not its target).
struct PathState
{
    bool exists = false;
    bool link = false;
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    mode_t mode = 0;

    bool operator==(const PathState &) const = default;
    QString describe() const
    {
        return exists ? QStringLiteral("%1 %2:%3 %4")
                            .arg(link ? QStringLiteral("link") : QStringLiteral("file"))
                            .arg(uid)
                            .arg(gid)
                            .arg(mode, 4, 8, QLatin1Char('0'))
                      : QStringLiteral("missing");
    }
};

inline PathState stateOf(const QString &path)
{
    struct stat st
    {
    };
    PathState s;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return s;
    s.exists = true;
    s.link = S_ISLNK(st.st_mode);
    s.uid = st.st_uid;
    s.gid = st.st_gid;
    s.mode = st.st_mode & 07777;
    return s;
}

inline const passwd *userNamed(const QString &name)
{
    return ::getpwnam(qPrintable(name));
}

// A new folder under /tmp, the test's (root's) with mode, or given to owner.
inline QString makeTempDir(const QString &prefix, mode_t mode = 0755,
                           const QString &owner = QString())
{
    QByteArray pattern = QFile::encodeName(QStringLiteral("/tmp/%1-XXXXXX").arg(prefix));
    if (!::mkdtemp(pattern.data()) || ::chmod(pattern.constData(), mode) != 0)
        qFatal("cannot create a folder for %s", qPrintable(prefix));
    if (const passwd *pw = owner.isEmpty() ? nullptr : userNamed(owner);
        pw && ::chown(pattern.constData(), pw->pw_uid, pw->pw_gid) != 0)
        qFatal("cannot give %s to %s", pattern.constData(), qPrintable(owner));
    return QFile::decodeName(pattern);
}

// The socket folder an earlier version chose for a sandbox folder of 79 bytes or more, in the
// shared /tmp and predictable from the sandbox's path.
inline QString earlierSocketDir(const QString &root)
{
    const QByteArray hash
        = QCryptographicHash::hash(QFile::encodeName(root), QCryptographicHash::Sha256)
              .toHex()
              .left(12);
    return QStringLiteral("/tmp/uaip-sandbox-%1-%2").arg(::getuid()).arg(QString::fromLatin1(hash));
}

// Runs program (a shell command line) from a connection's server as its OS user, through
// COPY ... TO PROGRAM (which takes no bound value: the text goes through a setting and %L).
inline PgResult copyToProgram(PgConnection &c, const QString &program)
{
    PgResult set = c.exec("SELECT set_config('uaip.program', $1, false)", {program});
    if (!set.ok())
        return set;
    return c.execScript("DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', "
                        "current_setting('uaip.program')); END $$");
}

inline QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace uaip::test
