#pragma once

#include <QString>

namespace uaip::test {

// A streaming standby of a running cluster, made by the test: pg_basebackup -R over the
// primary's Unix socket as its superuser, with the tests' superuser password (the test cluster
// and every PrimaryServer have it; standby.signal and primary_conninfo written by it, the
// password in that), then started with
// hot_standby on its own port and socket folder, fsync off. Stopped (immediate) and removed on
// destruction unless it was promoted and the test keeps using it.
class StandbyServer
{
public:
    StandbyServer(const QString &primarySocketDir, int primaryPort);
    ~StandbyServer();
    StandbyServer(const StandbyServer &) = delete;
    StandbyServer &operator=(const StandbyServer &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    QString socketDir() const { return m_dir; }
    QString dataDir() const { return m_dir + QStringLiteral("/data"); }
    int port() const { return m_port; }
    QString conninfo(const QString &database) const;
    // pg_ctl promote -w: a primary from now on.
    bool promote(QString *error);
    // Until the standby has replayed what primaryConninfo's server has written now.
    bool catchUp(const QString &primaryConninfo, int timeoutMs = 20000);

private:
    QString m_dir;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace uaip::test
