// Qt's QPSQL open behind a transaction pooler (run by hand; issues 33 and 58): a real PgBouncer
// (pool_mode = transaction, default_pool_size 4) in front of a fresh sandbox, 8 threads of plain
// clients running short transactions through it, and 50 connections opened and closed one after
// another: first the baseline, QSqlDatabase::open() with Qt's QPSQL plugin (which sends `SET
// bytea_output TO escape`, DateStyle and client_encoding on every open), then the GUI's Sessions
// (Session::open(): the one connect path, PgConnector, and QSqlDatabase on the project's driver,
// PgSqlDriver, with no SET of its own where the server keeps its defaults). After each, 4 clients
// each hold a transaction open (so each is on its own pooled backend) and read bytea_output and
// DateStyle: the number of pooled backends left with escape is the leak (the Sessions': 0).
// Repeated for a few rounds. Usage: bench_qpsql_pooler [rounds] [sessions]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "pgbouncer.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>

#include <atomic>
#include <barrier>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Backend
{
    QString pid;
    QString byteaOutput;
    QString dateStyle;
};

// 4 clients, each in a transaction at once: 4 distinct pooled backends (pool size 4).
std::vector<Backend> pooledBackends(const QString &conninfo)
{
    constexpr int kPool = 4;
    std::vector<Backend> out(kPool);
    std::barrier sync(kPool);
    std::vector<std::thread> clients;
    for (int i = 0; i < kPool; ++i)
        clients.emplace_back([&, i] {
            PgConnection c;
            const bool open = c.open(conninfo, QStringLiteral("bench-probe"));
            if (open)
                c.exec("BEGIN");
            sync.arrive_and_wait(); // every client holds its backend from here
            if (open) {
                out[i].pid = c.scalar("SELECT pg_backend_pid()");
                out[i].byteaOutput = c.scalar("SHOW bytea_output");
                out[i].dateStyle = c.scalar("SHOW DateStyle");
            }
            sync.arrive_and_wait();
            if (open)
                c.exec("COMMIT");
        });
    for (std::thread &t : clients)
        t.join();
    return out;
}

// One round: a pooler of its own, the plain clients, `sessions` opens with open(); how many of
// the 4 pooled backends are left with bytea_output=escape.
int leakedBy(const QString &what, Sandbox &sandbox, int round, int sessions,
             const std::function<bool(const ConnectionProfile &)> &open)
{
    PgBouncer::Options options;
    options.mode = PgBouncer::PoolMode::Transaction;
    options.poolSize = 4;
    options.users = {sandbox.superuser()};
    options.superuserPassword = sandbox.password(sandbox.superuser());
    PgBouncer bouncer(sandbox.socketDir(), sandbox.port(), options);
    if (!bouncer.isRunning()) {
        std::fprintf(stderr, "pgbouncer: %s\n", qPrintable(bouncer.error()));
        return 0;
    }
    const QString conninfo = bouncer.conninfo(QStringLiteral("bench"), sandbox.superuser());
    std::atomic<bool> stop{false};
    std::atomic<qint64> transactions{0};
    std::vector<std::thread> plain;
    for (int i = 0; i < 8; ++i)
        plain.emplace_back([&] {
            PgConnection c;
            if (!c.open(conninfo, QStringLiteral("bench-plain")))
                return;
            while (!stop) {
                c.exec("BEGIN");
                c.exec("SELECT 1");
                c.exec("COMMIT");
                ++transactions;
            }
        });
    ConnectionProfile profile = sandbox.profile(QStringLiteral("bench"));
    profile.name = QStringLiteral("through the pooler");
    profile.host = bouncer.socketDir();
    profile.port = bouncer.port();
    profile.user = sandbox.superuser();
    profile.sslMode = QStringLiteral("disable");
    int opened = 0;
    for (int i = 0; i < sessions; ++i)
        opened += open(profile) ? 1 : 0;
    stop = true;
    for (std::thread &t : plain)
        t.join();
    const std::vector<Backend> backends = pooledBackends(conninfo);
    int escape = 0;
    QStringList seen;
    for (const Backend &b : backends) {
        escape += b.byteaOutput == u"escape";
        seen << QStringLiteral("%1:%2/%3").arg(b.pid, b.byteaOutput, b.dateStyle);
    }
    std::printf("round %d, %s: %d/%d opened, %lld plain transactions, pooled backends with "
                "bytea_output=escape: %d of 4 (%s)\n",
                round, qPrintable(what), opened, sessions, qlonglong(transactions.load()), escape,
                qPrintable(seen.join(u' ')));
    std::fflush(stdout);
    return escape;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QByteArray(argv[1]).toInt() : 5;
    const int sessions = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path());
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    // the pooler asks for the sandbox's password (scram): libpq takes it from PGPASSWORD
    qputenv("PGPASSWORD", sandbox.password(sandbox.superuser()).toUtf8());
    int qpsqlTotal = 0;
    int sessionTotal = 0;
    for (int round = 1; round <= rounds; ++round) {
        qpsqlTotal += leakedBy(QStringLiteral("QPSQL plugin"), sandbox, round, sessions,
                               [](const ConnectionProfile &p) {
                                   bool ok = false;
                                   {
                                       QSqlDatabase db = QSqlDatabase::addDatabase(
                                           QStringLiteral("QPSQL"), QStringLiteral("bench"));
                                       db.setHostName(p.host);
                                       db.setPort(p.port);
                                       db.setDatabaseName(p.database);
                                       db.setUserName(p.user);
                                       ok = db.open();
                                       db.close();
                                   }
                                   QSqlDatabase::removeDatabase(QStringLiteral("bench"));
                                   return ok;
                               });
        sessionTotal += leakedBy(
            QStringLiteral("Session"), sandbox, round, sessions, [](const ConnectionProfile &p) {
                Session session(SessionSpec::from(p, QString(), QStringLiteral("bench session")));
                return session.open().ok();
            });
    }
    std::printf("total, of %d pooled backends after %d opens each round (server default hex): "
                "QPSQL plugin left %d with bytea_output=escape, Sessions %d\n",
                4 * rounds, sessions, qpsqlTotal, sessionTotal);
    sandbox.stop();
    return 0;
}
