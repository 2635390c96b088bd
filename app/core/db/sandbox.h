#pragma once

#include "db/connectionprofile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// A private PostgreSQL cluster run from the system's server binaries (pg_config --bindir):
// data under the user's app-data folder (or a given folder), a Unix socket in its own
// directory (no TCP listener), a free port number. Under root the server runs as the
// unprivileged "postgres" user, since PostgreSQL refuses to run as root.
class Sandbox
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Sandbox)

public:
    struct Options
    {
        bool durable = true; // false: fsync/synchronous_commit off (test clusters)
        bool tcp = false; // also listen on 127.0.0.1:port (password auth, scram-sha-256)
    };

    explicit Sandbox(const QString &rootDir = QString());

    static QString defaultRootDir();
    static QString serverBinDir();
    // The workload libraries the sandbox preloads (shared_preload_libraries) when the server
    // has them: pg_stat_statements (contrib), pg_qualstats (postgresql-15-pg-qualstats).
    static QStringList preloadLibraries();
    // Those libraries as pg_ctl -o options (" -c shared_preload_libraries='…'", every qual
    // sampled); empty when the server has none. A standby of the sandbox starts with them too.
    static QString workloadServerOptions();

    bool start(const Options &options, QString *error);
    bool start(QString *error) { return start(Options{}, error); }
    bool stop(QString *error);
    bool isRunning() const;
    bool isInitialised() const;

    QString rootDir() const { return m_root; }
    QString dataDir() const;
    QString logFile() const;
    QString socketDir() const { return m_socketDir; }
    int port() const { return m_port; }
    bool listensOnTcp() const { return m_tcp; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString runAsUser() const; // empty when the server runs as the current user
    // The OS user the server runs as when started by root ("uaip-sandbox"), created on first
    // use by ensureServerUser (useradd --system).
    static QString serverUser();
    static bool ensureServerUser(QString *error);

    // libpq keyword/value string for a database of this cluster.
    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    // The same as a connection profile (socket folder, port, superuser; no password needed).
    ConnectionProfile profile(const QString &database = QStringLiteral("uaip")) const;
    bool createDatabase(const QString &name, QString *error, const QString &templateDb = {});
    bool dropDatabase(const QString &name, QString *error);
    bool ensureDatabase(const QString &name, QString *error);

    // What the sandbox did or noticed that a user should be told (one sentence each).
    QStringList messages() const { return m_messages; }

private:
    bool loadState();
    bool saveState(QString *error) const;
    bool prepareDirectories(QString *error);
    bool runTool(const QString &tool, const QStringList &args, QString *output,
                 int timeoutMs = 120000) const;
    QString chooseSocketDir() const;

    QString m_root;
    QString m_socketDir;
    int m_port = 0;
    bool m_tcp = false;
    QStringList m_messages;
};

} // namespace uaip
