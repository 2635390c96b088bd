#pragma once

#include <QString>
#include <QStringList>

namespace uaip::test {

// A real PgBouncer (Debian's pgbouncer) in front of a PostgreSQL cluster's Unix socket, started
// by the test: transaction or session pooling, optionally dropping the `options` startup
// parameter (ignore_startup_parameters = options, as many deployments do). Listens on a Unix
// socket of its own; scram-sha-256 for the users given, on both sides, with the tests'
// passwords (TestCluster: the superuser's, loginPassword() for the other roles), which its
// auth_file (the server user's, 0600) holds. Stopped (SIGTERM) on destruction.
class PgBouncer
{
public:
    enum class PoolMode { Session, Transaction };
    struct Options
    {
        PoolMode mode = PoolMode::Transaction;
        bool ignoreOptions = false; // accept and drop the `options` startup parameter
        int poolSize = 4; // default_pool_size
        QStringList users{QStringLiteral("postgres")};
        // the superuser's password; empty: the test cluster's (TestCluster::superuserPassword)
        QString superuserPassword;
    };

    // serverSocketDir/serverPort: the cluster behind it.
    PgBouncer(const QString &serverSocketDir, int serverPort, const Options &options);
    ~PgBouncer();
    PgBouncer(const PgBouncer &) = delete;
    PgBouncer &operator=(const PgBouncer &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    QString socketDir() const { return m_dir; }
    int port() const { return m_port; }
    // libpq conninfo of a database through the pooler.
    QString conninfo(const QString &database,
                     const QString &user = QStringLiteral("postgres")) const;
    QString log() const;

private:
    QString m_dir;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace uaip::test
