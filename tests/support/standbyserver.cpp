#include "standbyserver.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "servertools.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QThread>

namespace uaip::test {

StandbyServer::StandbyServer(const QString &primarySocketDir, int primaryPort)
    : m_dir(ServerTools::makeDir(QStringLiteral("uaip-stby")))
    , m_port(ServerTools::freePort())
{
    QString out;
    if (!ServerTools::run(QStringLiteral("pg_basebackup"),
                          {QStringLiteral("-D"), dataDir(), QStringLiteral("-R"),
                           QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"),
                           QStringLiteral("fast"), QStringLiteral("-N"), QStringLiteral("-h"),
                           primarySocketDir, QStringLiteral("-p"), QString::number(primaryPort),
                           QStringLiteral("-U"), QStringLiteral("postgres")},
                          &out, 60000,
                          // the server user cannot read the tests' password file; -R writes
                          // the password into the standby's primary_conninfo
                          {QStringLiteral("PGPASSWORD=") + TestCluster::superuserPassword()})) {
        m_error = QStringLiteral("pg_basebackup failed: %1").arg(out);
        return;
    }
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses='' "
                                           "-c unix_socket_permissions=0700 -c fsync=off "
                                           "-c full_page_writes=off -c hot_standby=on")
                                .arg(m_port)
                                .arg(m_dir)
        + Sandbox::workloadServerOptions() // as its primary (a Sandbox) runs
        + Sandbox::preparedTransactionOptions();

    if (!ServerTools::run(QStringLiteral("pg_ctl"),
                          {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                           QStringLiteral("60"), QStringLiteral("-D"), dataDir(),
                           QStringLiteral("-l"), m_dir + QStringLiteral("/server.log"),
                           QStringLiteral("-o"), options},
                          &out)) {
        m_error = QStringLiteral("the standby did not start: %1").arg(out);
        return;
    }
    m_running = true;
}

StandbyServer::~StandbyServer()
{
    if (m_running)
        ServerTools::run(QStringLiteral("pg_ctl"),
                         {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                          QStringLiteral("-D"), dataDir()});
    ServerTools::removeDir(m_dir);
}

QString StandbyServer::conninfo(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=postgres")
        .arg(m_dir)
        .arg(m_port)
        .arg(database);
}

bool StandbyServer::promote(QString *error)
{
    QString out;
    const bool ok = ServerTools::run(
        QStringLiteral("pg_ctl"),
        {QStringLiteral("promote"), QStringLiteral("-w"), QStringLiteral("-D"), dataDir()}, &out);
    if (!ok && error)
        *error = out;
    return ok;
}

bool StandbyServer::catchUp(const QString &primaryConninfo, int timeoutMs)
{
    PgConnection primary;
    PgConnection standby;
    if (!primary.open(primaryConninfo) || !standby.open(conninfo(QStringLiteral("postgres"))))
        return false;
    const QString target = primary.scalar("SELECT pg_current_wal_lsn()::text");
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (standby.scalar("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", {target})
            == QLatin1String("t"))
            return true;
        QThread::msleep(20);
    }
    return false;
}

} // namespace uaip::test
