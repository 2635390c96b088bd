#pragma once

#include "error/status.h"
#include "sandboxdir.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace uaip {

// The sandbox's folders, made or taken back before a start (Sandbox::start). The sandbox folder
// is the invoking user's (0711 as root, so the server's OS user enters it; 0700 otherwise) and
// holds what steers the sandbox — sandbox.json, the password file, pg_hba.conf — none of which
// the server's OS user can write. Below it, data/, run/ (the socket, 0700) and log/ are the
// server's OS user's, each made with mkdirat and given with fchown on an open descriptor.
// Nothing is read from a file that user could write.
class SandboxSetup
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxSetup)

public:
    explicit SandboxSetup(const QString &rootPath);

    // Whether this process runs as root: the server then runs as SandboxServerUser::name().
    static bool runningAsRoot();

    // The sandbox folder, made when missing, reached from "/" on open folders with no link
    // followed, each root's or this user's and no one else's to change (SandboxPathWalk). As
    // root, a folder an earlier version gave to the server's OS user or to "postgres" is taken
    // back (its files there are not read: removed), refused while its cluster may run, and
    // refused in a folder every user may make folders in (/tmp); a folder of any other user is
    // refused.
    Status openRoot();
    // An existing sandbox folder of the invoking user, changed in nothing.
    Status openExistingRoot();
    // Serialises starts and updates of the password file (flock on the folder, up to 2 min).
    Status lock();
    const SandboxDir &root() const { return m_root; }

    // data/, run/ and log/ for the server's OS user. A cluster of another OS user (an earlier
    // version's, "postgres"'s) is handed over: not while it may run, links not followed, and
    // its postgresql.conf and postgresql.auto.conf replaced by the sandbox's own.
    Status prepareFolders();
    // Whether the server's OS user still has the uid and gid its folders were given (root only):
    // an error naming both when another process made the user again meanwhile.
    Status checkServerUser() const;
    // The server's OS user is a system user of its own (root only; openRoot checks it).
    Status serverUserIsItsOwn() const;
    bool handedOver() const { return m_handedOver; }
    // The sandbox's pg_hba.conf, in its folder (the server reads it: hba_file) and in data/:
    // the local socket and, with tcp, 127.0.0.1 — scram-sha-256 only, no trust line.
    Status writeHba(bool tcp) const;
    // Sets role's password to a SCRAM verifier in single-user mode (the cluster stopped).
    Status setPassword(const QString &role, const QByteArray &verifier, const QString &bin) const;

    // A new cluster is made whole or not at all: the marker initMarkerName() in the sandbox
    // folder (the invoking user's) stands from before initdb until the cluster has its
    // password, and Sandbox::isInitialised() trusts no cluster while it is there.
    // beginInit: the marker, when data/ is empty (so all that is in it later is initdb's; a
    // data/ with anything in it, initdb refuses). endInit: the marker removed.
    Status beginInit() const;
    Status endInit() const;
    // With the marker there (an initdb or setup cancelled, killed, failed): everything in
    // data/ removed, as the server's OS user and without following a link, for a new initdb.
    Status clearUnfinishedInit();
    static QString initMarkerName() { return QStringLiteral("initdb-unfinished"); }

    QStringList messages() const { return m_messages; }
    static QString hbaFileName() { return QStringLiteral("pg_hba.conf"); }
    // As root: every parent folder of path that root owns made traversable (o+x) where it is
    // not, so that the server's OS user reaches path (a fetched server build), walked from "/"
    // with no link followed; what it changed (or why nothing), one sentence each.
    static QStringList makeParentsTraversable(const QString &path);

private:
    Status takeBack();
    Status handOver(const SandboxDir &data);
    // Refused: the cluster in dataPath is another OS user's and may be running.
    Error mayBeRunning(const QString &dataPath) const;
    // Refused: the sandbox folder is another user's and lies in parent, which others may write.
    Error notTakenBackThere(const QString &parent) const;

    QString m_rootPath;
    SandboxDir m_root;
    uid_t m_serverUid = uid_t(-1);
    gid_t m_serverGid = gid_t(-1);
    bool m_handedOver = false;
    QStringList m_messages;
};

} // namespace uaip
