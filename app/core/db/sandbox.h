#pragma once

#include "connectionprofile.h"
#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>

namespace uaip {

class SandboxDir;
class SandboxSecret;
class SandboxSetup;
class SessionCanceller;

// A private PostgreSQL cluster run from the system's server binaries (SandboxServerPrograms):
// data under the user's app-data folder (or a given folder, first checked: SandboxRootCheck), a
// Unix socket in its own folder below it (no TCP listener unless asked), a free port number,
// and a password for every login (scram-sha-256, no trust): the superuser's is random, kept in
// the folder's password file (pgpass, 0600, the invoking user's), which conninfo() and
// profile() name; its databases and login roles are made by that superuser (SandboxSuperuser).
// Under root the server runs as the unprivileged OS user "uaip-sandbox", since PostgreSQL
// refuses to run as root; the folder itself stays root's (SandboxSetup).
class Sandbox
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Sandbox)

public:
    struct Options
    {
        bool durable = true; // false: fsync/synchronous_commit off (test clusters)
        bool tcp = false; // also listen on 127.0.0.1:port (password auth, scram-sha-256)
        // room for prepared transactions (SandboxServerPrograms::preparedTransactionOptions):
        // test clusters that play two-phase commit; never a user's sandbox
        bool preparedTransactions = false;
    };
    // major: the PostgreSQL major version of a cluster this makes (0: the cluster's own when
    // there is one, else the default programs' one: SandboxServerPrograms::defaultMajor). A
    // start refuses a cluster of another major than the one asked for.
    explicit Sandbox(const QString &rootDir = QString(), int major = 0);

    static QString defaultRootDir();
    // The sandbox of a major version for the sandbox folder base: one sandbox per major, so that
    // a proof runs on the target's own version. base itself when its cluster is of that major
    // (or it has none yet and major is the default one), else the folder beside it,
    // "<base>-pg<major>".
    static QString rootFor(const QString &base, int major);
    // The sandbox of rootFor(base, major), of that major (major <= 0: base's own).
    static Sandbox forMajor(const QString &base, int major);
    // The default server programs' folder (SandboxServerPrograms::binDir()): Debian's, with its
    // client programs.
    static QString serverBinDir();
    // The workload libraries of the default programs as pg_ctl -o options
    // (SandboxServerPrograms). A standby of the sandbox starts with them too.
    static QString workloadServerOptions();
    // Room for prepared transactions (Options::preparedTransactions), for a standby of a
    // sandbox that has it (a standby needs at least its primary's number).
    static QString preparedTransactionOptions();

    // Starts it (initialised first when new); an error says why not (the sandbox folder's
    // checks, initdb, pg_ctl). A new cluster counts only once initdb and its setup finished
    // (SandboxSetup::beginInit): one cancelled or killed half way is made again by the next
    // start. A failed or cancelled pg_ctl start is followed by a bounded pg_ctl stop no cancel
    // ends, so that no server is left running (else arg "may_be_running"). The reader login
    // (ensureReaderRole) is made once it runs.
    Status start(const Options &options);
    // The superuser's password for a start that finds no password file yet (default: a random
    // one), and the reader login's when it is made. The tests give all their clusters one
    // password.
    void setFirstSuperuserPassword(const QString &password) { m_firstPassword = password; }
    Status start() { return start(Options{}); }
    // The wait of the programs start(), stop() and isRunning() run (initdb, pg_ctl, useradd):
    // canceller's cancel() (and *cancelled set) ends the running one, and the call with
    // Cancelled (SandboxTool::run). Both must outlive this object's calls; none: uncancelled.
    void setCanceller(SessionCanceller *canceller, const std::atomic_bool *cancelled = nullptr)
    {
        m_canceller = canceller;
        m_cancelled = cancelled;
    }
    // NotFound when there is no cluster; Refused when it is another OS user's and may run (it
    // is left running: stop it as that user); Io when pg_ctl stop fails, or the server still
    // runs after it. Ok only when no server runs there now.
    Status stop();
    bool isRunning() const;
    // Whether its server runs (pg_ctl status, as the server's OS user): false when it has no
    // cluster, or one of another OS user with no postmaster.pid; Refused when that one has one
    // (arg "user"); Io when pg_ctl cannot tell (it cannot read the cluster); Cancelled when the
    // canceller stopped the look.
    Result<bool> running() const;
    bool isInitialised() const;

    QString rootDir() const { return m_root; }
    // The cluster's major version (its PG_VERSION), else the one asked for, else the one a
    // folder rootFor() named says ("<base>-pg18"), else the default.
    int major() const;
    // This sandbox's server programs (SandboxServerPrograms::binDir(major())); empty when that
    // major is not installed (start() then says how to install it).
    QString binDir() const;
    QString dataDir() const;
    QString logFile() const;
    QString socketDir() const;
    // The password file (libpq's pgpass format) with the passwords of the sandbox's logins.
    QString passFile() const;
    // role's password from that file (empty when it holds none): for the programs that take
    // a password rather than a password file (a pooler's auth_file).
    QString password(const QString &role) const;
    int port() const { return m_port; }
    bool listensOnTcp() const { return m_tcp; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString runAsUser() const; // empty when the server runs as the current user

    // libpq keyword/value string for a database of this cluster, as its superuser, for the
    // console's own connections: with the role's password itself (password=, from the password
    // file), which libpq takes before PGPASSWORD, so that a PGPASSWORD the user set for another
    // server never reaches the sandbox; passfile names the password file too. Never shown: the
    // words for psql are clientConninfo()'s.
    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    // The same as user (a role of ensureLoginRole).
    QString conninfo(const QString &database, const QString &user) const;
    // The conninfo to show (psql, sandbox start and status): the password file, no password.
    QString clientConninfo(const QString &database = QStringLiteral("uaip"),
                           const QString &user = QString()) const;
    // The same as a connection profile (socket folder, port, superuser, the password file).
    ConnectionProfile profile(const QString &database = QStringLiteral("uaip")) const;
    // A login role with no rights (LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION
    // NOBYPASSRLS), created when missing (an existing one gets these attributes), with a
    // random password kept in the password file; the server gets only its SCRAM verifier.
    // The sandbox must be running. conninfo(database, role) logs in as it.
    Status ensureLoginRole(const QString &role);
    // The sandbox's reader login (kReaderRole, which ReadingLogins reads as): LOGIN BYPASSRLS,
    // granted pg_read_all_data and pg_read_all_stats, nothing else; made by start(), its
    // random password in the password file.
    static constexpr const char *kReaderRole = "uaip_reader";
    Status ensureReaderRole();
    Status createDatabase(const QString &name, const QString &templateDb = {});
    Status dropDatabase(const QString &name);
    Status ensureDatabase(const QString &name);

    // What the sandbox did or noticed that a user should be told (one sentence each).
    QStringList messages() const { return m_messages; }

private:
    bool loadState();
    Status saveState(const SandboxDir &root) const;
    Status initialise();
    Status ensureSuperuserPassword(const SandboxSetup &setup, SandboxSecret &secret, bool needed);
    // start() but the reader login, under the folder's lock.
    Status startServerOnce(const Options &options);
    // ensureLoginRole, of reading rights with reading (ensureReaderRole).
    Status ensureRole(const QString &role, bool reading);
    // Before a start: the folders, a new cluster, pg_hba.conf and the superuser's password.
    Status prepare(SandboxSetup &setup, SandboxSecret &secret, const Options &options);
    Status startServer(const Options &options);
    QStringList passwordHosts() const;
    QString logTail(int lines) const;

    // The major's programs, or NotFound saying how to install them (args "major", "install").
    Status checkPrograms() const;
    // The running server is of major(): Conflict when it is not (a PG_VERSION changed).
    Status checkServerMajor() const;

    QString m_root;
    int m_major = 0; // asked for (0: none)
    QString m_firstPassword;
    int m_port = 0;
    bool m_tcp = false;
    QStringList m_messages;
    SessionCanceller *m_canceller = nullptr;
    const std::atomic_bool *m_cancelled = nullptr;
};

} // namespace uaip
