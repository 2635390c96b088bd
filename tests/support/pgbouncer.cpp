#include "pgbouncer.h"
#include "db/sandboxserveruser.h"

#include "db/sandbox.h"
#include "servertools.h"
#include "testcluster.h"

#include <QFile>
#include <QThread>

#include <csignal>
#include <cstring>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

namespace uaip::test {

namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Whether a client can connect to the Unix socket at path: the file exists from bind(), the
// server accepts only from listen() on (a connect between the two is refused).
bool accepts(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (name.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, name.constData(), std::size_t(name.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool ok
        = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
}

// A file of the pooler's (the server user's when the test runs as root), mode 0600: its
// auth_file holds passwords.
bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || f.write(text) != text.size() || !f.flush())
        return false;
    if (geteuid() != 0)
        return true;
    const passwd *pw = ::getpwnam(qPrintable(SandboxServerUser::name()));
    return pw && ::fchown(f.handle(), pw->pw_uid, pw->pw_gid) == 0;
}

// Whether process pid has ended: gone, or a zombie. The daemon's parent is init (or what runs as
// PID 1 in a container, which may never reap it), so an ended pooler can stay a zombie, which
// kill(pid, 0) still finds.
bool ended(pid_t pid)
{
    if (::kill(pid, 0) != 0)
        return true;
    const QString stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype name = stat.lastIndexOf(u')'); // "pid (comm) state ..."
    return name >= 0 && stat.mid(name + 2, 1) == QLatin1String("Z");
}

QByteArray quotedForPooler(const QString &value)
{
    return '"' + value.toUtf8().replace('"', "\"\"") + '"';
}

} // namespace

PgBouncer::PgBouncer(const QString &serverSocketDir, int serverPort, const Options &options)
    : m_dir(ServerTools::makeDir(QStringLiteral("uaip-pgb")))
    , m_port(ServerTools::freePort())
{
    QByteArray users;
    const QString superuserPassword = options.superuserPassword.isEmpty()
        ? TestCluster::superuserPassword()
        : options.superuserPassword;
    QList<std::pair<QString, QString>> logins;
    for (const QString &user : options.users)
        logins.append(
            {user,
             user == QLatin1String("postgres") ? superuserPassword : TestCluster::loginPassword()});
    // the reader login (ReadingLogins) with its password on the server behind: the test
    // sandbox's own, or the superuser's on a cluster a test made (Sandbox::start); clients read
    // it from the pooler's password file (conninfo())
    const QString reader = QString::fromLatin1(Sandbox::kReaderRole);
    const QString readerPassword = options.superuserPassword.isEmpty()
        ? TestCluster::sandbox().password(reader)
        : options.superuserPassword;
    logins.append({reader, readerPassword});
    QByteArray clientPass; // the clients' password file: what the pooler checks them against
    for (const auto &[user, password] : logins) {
        users += quotedForPooler(user) + ' ' + quotedForPooler(password) + '\n';
        clientPass += "*:" + QByteArray::number(m_port) + ":*:" + user.toUtf8() + ':'
            + password.toUtf8() + '\n';
    }
    clientPass += "*:" + QByteArray::number(m_port)
        + ":*:*:" + TestCluster::loginPassword().toUtf8() + '\n';
    const QByteArray ini = "[databases]\n* = host=" + serverSocketDir.toUtf8()
        + " port=" + QByteArray::number(serverPort) + "\n[pgbouncer]\nlisten_addr =\nlisten_port = "
        + QByteArray::number(m_port) + "\nunix_socket_dir = " + m_dir.toUtf8()
        + "\nauth_type = scram-sha-256\nauth_file = " + m_dir.toUtf8() + "/users.txt\npool_mode = "
        + (options.mode == PoolMode::Transaction ? "transaction" : "session")
        + "\ndefault_pool_size = " + QByteArray::number(options.poolSize)
        + "\nmax_client_conn = 500\n"
        + (options.ignoreOptions ? "ignore_startup_parameters = options\n" : "") + "logfile = "
        + m_dir.toUtf8() + "/pgbouncer.log\npidfile = " + m_dir.toUtf8() + "/pgbouncer.pid\n";
    QFile client(m_dir + QStringLiteral("/client.pgpass"));
    if (!client.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !client.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || client.write(clientPass) != clientPass.size() || !client.flush()) {
        m_error = QStringLiteral("cannot write %1").arg(client.fileName());
        return;
    }
    client.close();
    if (!writeFile(m_dir + QStringLiteral("/users.txt"), users)
        || !writeFile(m_dir + QStringLiteral("/pgbouncer.ini"), ini)) {
        m_error = QStringLiteral("cannot write the configuration in %1").arg(m_dir);
        return;
    }
    QString out;
    if (!ServerTools::run(QStringLiteral("/usr/sbin/pgbouncer"),
                          {QStringLiteral("-d"), m_dir + QStringLiteral("/pgbouncer.ini")}, &out)) {
        m_error = QStringLiteral("pgbouncer did not start: %1\n%2").arg(out, log());
        return;
    }
    // it answers once its socket accepts a connection (bounded wait)
    const QString socket = QStringLiteral("%1/.s.PGSQL.%2").arg(m_dir).arg(m_port);
    for (int i = 0; i < 250 && !accepts(socket); ++i)
        QThread::msleep(20);
    m_running = accepts(socket);
    if (!m_running)
        m_error = QStringLiteral("pgbouncer made no socket at %1\n%2").arg(socket, log());
}

PgBouncer::~PgBouncer()
{
    const pid_t pid = readAll(m_dir + QStringLiteral("/pgbouncer.pid")).trimmed().toInt();
    if (pid > 0 && ::kill(pid, SIGTERM) == 0)
        for (int i = 0; i < 100 && !ended(pid); ++i)
            QThread::msleep(20);
    ServerTools::removeDir(m_dir);
}

QString PgBouncer::conninfo(const QString &database, const QString &user) const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 passfile=%1/client.pgpass")
        .arg(m_dir)
        .arg(m_port)
        .arg(database, user);
}

QString PgBouncer::log() const
{
    return readAll(m_dir + QStringLiteral("/pgbouncer.log"));
}

} // namespace uaip::test
