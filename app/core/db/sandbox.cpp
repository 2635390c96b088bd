#include "sandbox.h"

#include "db/sqlresource.h"
#include "pgconnection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

constexpr auto kStateFile = "sandbox.json";
// DDL cannot take bound parameters: the database name is quoted by libpq instead.
constexpr auto kCreateDatabase = "CREATE DATABASE ";
constexpr auto kTemplateClause = " TEMPLATE ";
// PostgreSQL 15 copies a template by writing each of its pages to the WAL (WAL_LOG). On a
// cluster without fsync (the tests', a --no-fsync sandbox) copying its files (FILE_COPY) is
// about three times faster, as the two checkpoints it takes cost nothing there.
constexpr auto kFileCopyClause = " STRATEGY FILE_COPY";
constexpr auto kShowFsync = "SHOW fsync";
constexpr auto kDropDatabase = "DROP DATABASE IF EXISTS ";
constexpr auto kForceClause = " WITH (FORCE)";
// Started as root, the server runs as an OS user of its own, created on first use: its socket
// folder (0700) and data are that user's alone, so no other cluster on the machine (one running
// as "postgres" included: COPY ... TO PROGRAM 'psql -h <socket>') can reach its trust socket.
constexpr auto kServerUser = "uaip-sandbox";

bool runningAsRoot()
{
    return geteuid() == 0;
}

int freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// The server user must be able to enter every parent of its folders: add o+x where missing.
QStringList makeTraversable(const QString &dir)
{
    QStringList changed;
    QDir d(QFileInfo(dir).absoluteFilePath());
    while (true) {
        const QByteArray path = QFile::encodeName(d.absolutePath());
        struct stat st
        {
        };
        if (::stat(path.constData(), &st) == 0 && !(st.st_mode & S_IXOTH)) {
            if (::chmod(path.constData(), (st.st_mode & 07777) | S_IXOTH) == 0)
                changed << d.absolutePath();
        }
        if (d.isRoot() || !d.cdUp())
            break;
    }
    return changed;
}

bool chownToServerUser(const QString &path)
{
    const passwd *pw = ::getpwnam(kServerUser);
    if (!pw)
        return false;
    return ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

// A sandbox an earlier version made (its cluster and log the "postgres" user's): given to the
// server user, file by file, links not followed. Only while it is not running.
bool chownTreeToServerUser(const QString &dir)
{
    const passwd *pw = ::getpwnam(kServerUser);
    if (!pw)
        return false;
    bool ok = ::lchown(QFile::encodeName(dir).constData(), pw->pw_uid, pw->pw_gid) == 0;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        ok = ::lchown(QFile::encodeName(it.next()).constData(), pw->pw_uid, pw->pw_gid) == 0 && ok;
    return ok;
}

uid_t ownerOf(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_uid : uid_t(-1);
}

QString tail(const QString &file, int lines)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    const QStringList all = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

} // namespace

Sandbox::Sandbox(const QString &rootDir)
    : m_root(QDir::cleanPath(
        QFileInfo(rootDir.isEmpty() ? defaultRootDir() : rootDir).absoluteFilePath()))
{
    loadState();
}

QString Sandbox::defaultRootDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/uaip-admin/sandbox");
}

QString Sandbox::serverBinDir()
{
    QProcess p;
    p.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (p.waitForFinished(10000) && p.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
        if (QFileInfo::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    // Debian keeps server binaries per major version; take the newest one installed.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &m : majors) {
        const QString dir = versions.filePath(m + QStringLiteral("/bin"));
        if (QFileInfo::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    return QString();
}

QString Sandbox::workloadServerOptions()
{
    // The workload insights: every statement counted, every qual sampled, and room for ten times
    // pg_qualstats' default 1000 entries: each constant is an entry of its own, and a busy
    // server evicted a statement's quals before the advisor read them. (Not tracking constants
    // would be the smaller fix, but pg_qualstats 2.0 then fails to start above 1000 entries.)
    QString options;
    const QStringList preload = preloadLibraries();
    if (!preload.isEmpty())
        options += QStringLiteral(" -c shared_preload_libraries='%1'").arg(preload.join(u','));
    if (preload.contains(QLatin1String("pg_qualstats")))
        options += QStringLiteral(" -c pg_qualstats.sample_rate=1 -c pg_qualstats.max=10000");
    return options;
}

QStringList Sandbox::preloadLibraries()
{
    const QString bin = serverBinDir();
    if (bin.isEmpty())
        return {};
    QStringList libraries;
    for (const char *name : {"pg_stat_statements", "pg_qualstats"})
        if (QFileInfo::exists(bin + QStringLiteral("/../lib/") + QLatin1String(name)
                              + QStringLiteral(".so")))
            libraries << QLatin1String(name);
    return libraries;
}

QString Sandbox::dataDir() const
{
    return m_root + QStringLiteral("/data");
}

QString Sandbox::logFile() const
{
    return m_root + QStringLiteral("/server.log");
}

QString Sandbox::runAsUser() const
{
    return runningAsRoot() ? serverUser() : QString();
}

QString Sandbox::serverUser()
{
    return QString::fromLatin1(kServerUser);
}

bool Sandbox::ensureServerUser(QString *error)
{
    if (!runningAsRoot() || ::getpwnam(kServerUser))
        return true;
    QProcess p;
    p.start(QStringLiteral("/usr/sbin/useradd"),
            {QStringLiteral("--system"), QStringLiteral("--user-group"),
             QStringLiteral("--no-create-home"), QStringLiteral("--home-dir"),
             QStringLiteral("/nonexistent"), QStringLiteral("--shell"),
             QStringLiteral("/usr/sbin/nologin"), QStringLiteral("--comment"),
             QStringLiteral("UAIP Admin private PostgreSQL sandbox"), QLatin1String(kServerUser)});
    const bool ran = p.waitForStarted(10000) && p.waitForFinished(30000);
    // another process may have created it meanwhile: what counts is that it exists now
    if (::getpwnam(kServerUser))
        return true;
    *error = tr("running as root, the sandbox server runs as the OS user \"%1\", which could not "
                "be created (useradd: %2)")
                 .arg(QLatin1String(kServerUser),
                      ran ? QString::fromLocal8Bit(p.readAllStandardError()).trimmed()
                          : p.errorString());
    return false;
}

bool Sandbox::isInitialised() const
{
    return QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION"));
}

bool Sandbox::isRunning() const
{
    if (!isInitialised())
        return false;
    return runTool(QStringLiteral("pg_ctl"),
                   {QStringLiteral("status"), QStringLiteral("-D"), dataDir()}, nullptr, 10000);
}

QString Sandbox::conninfo(const QString &database) const
{
    auto quote = [](QString v) {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + v + u'\'';
    };
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4")
        .arg(quote(m_socketDir), QString::number(m_port), quote(superuser()), quote(database));
}

ConnectionProfile Sandbox::profile(const QString &database) const
{
    ConnectionProfile p = ConnectionProfile::localSandbox();
    p.host = m_socketDir;
    p.port = m_port;
    p.user = superuser();
    p.database = database;
    return p;
}

QString Sandbox::chooseSocketDir() const
{
    // A Unix socket path must fit in 107 bytes: "<dir>/.s.PGSQL.65535" adds 17.
    const QString preferred = m_root + QStringLiteral("/run");
    if (QFile::encodeName(preferred).size() + 17 < 100)
        return preferred;
    const QByteArray hash
        = QCryptographicHash::hash(QFile::encodeName(m_root), QCryptographicHash::Sha256)
              .toHex()
              .left(12);
    return QStringLiteral("/tmp/uaip-sandbox-%1-%2").arg(getuid()).arg(QString::fromLatin1(hash));
}

bool Sandbox::loadState()
{
    QFile f(m_root + u'/' + QLatin1String(kStateFile));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    m_port = o.value(QStringLiteral("port")).toInt();
    m_socketDir = o.value(QStringLiteral("socketDir")).toString();
    m_tcp = o.value(QStringLiteral("tcp")).toBool();
    return m_port > 0 && !m_socketDir.isEmpty();
}

bool Sandbox::saveState(QString *error) const
{
    QFile f(m_root + u'/' + QLatin1String(kStateFile));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    QJsonObject o{{QStringLiteral("port"), m_port},
                  {QStringLiteral("socketDir"), m_socketDir},
                  {QStringLiteral("tcp"), m_tcp}};
    f.write(QJsonDocument(o).toJson());
    return true;
}

bool Sandbox::prepareDirectories(QString *error)
{
    if (!QDir().mkpath(m_root)) {
        *error = tr("cannot create the sandbox folder %1").arg(m_root);
        return false;
    }
    if (!QDir().mkpath(m_socketDir)) {
        *error = tr("cannot create the socket folder %1").arg(m_socketDir);
        return false;
    }
    QFile::setPermissions(m_socketDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!runningAsRoot())
        return true;
    if (!ensureServerUser(error))
        return false;
    // a cluster made by an earlier version for the "postgres" user
    const passwd *server = ::getpwnam(kServerUser);
    const auto othersOwn = [server](const QString &path) {
        return QFileInfo::exists(path) && ownerOf(path) != server->pw_uid;
    };
    if (isInitialised() && server && (othersOwn(dataDir()) || othersOwn(logFile()))) {
        if (QFileInfo::exists(dataDir() + QStringLiteral("/postmaster.pid"))) {
            *error = tr("the sandbox in %1 belongs to another OS user and may be running: stop it "
                        "as that user (pg_ctl stop -D %2), then start it again here; from now on "
                        "it runs as \"%3\"")
                         .arg(m_root, dataDir(), QLatin1String(kServerUser));
            return false;
        }
        if (!chownTreeToServerUser(m_root)) {
            *error = tr("cannot give the sandbox cluster %1 to the \"%2\" user")
                         .arg(dataDir(), QLatin1String(kServerUser));
            return false;
        }
        m_messages << tr("the sandbox cluster now belongs to the OS user \"%1\" (no other cluster "
                         "on this machine can reach its socket)")
                          .arg(QLatin1String(kServerUser));
    }
    for (const QString &dir : {m_root, m_socketDir}) {
        if (!chownToServerUser(dir)) {
            *error = tr("running as root, the server must run as the \"%1\" user, but "
                        "%2 could not be given to it (is PostgreSQL installed?)")
                         .arg(QLatin1String(kServerUser), dir);
            return false;
        }
        const QStringList opened = makeTraversable(QFileInfo(dir).path());
        for (const QString &o : opened)
            m_messages << tr("made %1 traversable (o+x) so the \"%2\" user can reach "
                             "the sandbox")
                              .arg(o, QLatin1String(kServerUser));
    }
    return true;
}

bool Sandbox::runTool(const QString &tool, const QStringList &args, QString *output,
                      int timeoutMs) const
{
    const QString bin = serverBinDir();
    if (bin.isEmpty()) {
        if (output)
            *output = tr("PostgreSQL server binaries not found (pg_config --bindir, "
                         "/usr/lib/postgresql/*/bin); install the postgresql package");
        return false;
    }
    QProcess p;
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (runningAsRoot())
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QLatin1String(kServerUser), QStringLiteral("--"),
                            bin + u'/' + tool}
                    + args);
    else
        p.start(bin + u'/' + tool, args);
    if (!p.waitForStarted(10000)) {
        if (output)
            *output = tr("cannot run %1: %2").arg(tool, p.errorString());
        return false;
    }
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    if (!finished) {
        p.kill();
        p.waitForFinished(2000);
        if (output)
            *output = tr("%1 did not finish within %2 s").arg(tool).arg(timeoutMs / 1000);
        return false;
    }
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool Sandbox::start(const Options &options, QString *error)
{
    QString scratch;
    error = error ? error : &scratch;
    m_messages.clear();
    if (m_socketDir.isEmpty())
        m_socketDir = chooseSocketDir();
    if (!prepareDirectories(error))
        return false;
    QLockFile lock(m_root + QStringLiteral("/.sandbox.lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(120000)) {
        *error = tr("another process is starting the sandbox in %1").arg(m_root);
        return false;
    }
    if (runningAsRoot())
        m_messages << tr("running as root: the PostgreSQL server runs as the "
                         "unprivileged \"%1\" user")
                          .arg(QLatin1String(kServerUser));

    QString out;
    if (!isInitialised()) {
        if (!runTool(QStringLiteral("initdb"),
                     {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superuser(),
                      QStringLiteral("--auth-local=trust"),
                      QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
                      QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                      QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
                     &out)) {
            *error = tr("initdb failed for %1:\n%2").arg(dataDir(), out);
            return false;
        }
        m_messages << tr("created a new cluster in %1").arg(dataDir());
    }
    loadState();
    if (m_socketDir.isEmpty())
        m_socketDir = chooseSocketDir();
    if (isRunning() && QFileInfo::exists(m_socketDir)) {
        m_messages << tr("already running on port %1").arg(m_port);
        return true;
    }
    if (!prepareDirectories(error))
        return false;
    if (m_port <= 0)
        m_port = freeTcpPort();
    if (m_socketDir.contains(u'\'')) {
        *error = tr("the socket folder %1 contains a quote").arg(m_socketDir);
        return false;
    }
    m_tcp = options.tcp;
    QString serverOptions = QStringLiteral("-p %1 -k '%2' -c listen_addresses='%3' "
                                           "-c unix_socket_permissions=0700")
                                .arg(m_port)
                                .arg(m_socketDir, m_tcp ? QStringLiteral("127.0.0.1") : QString());
    serverOptions += workloadServerOptions();
    if (!options.durable)
        serverOptions += QStringLiteral(" -c fsync=off -c synchronous_commit=off "
                                        "-c full_page_writes=off");
    if (!runTool(QStringLiteral("pg_ctl"),
                 {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                  QStringLiteral("60"), QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                  logFile(), QStringLiteral("-o"), serverOptions},
                 &out)) {
        *error = tr("the sandbox server did not start (pg_ctl: %1)\nlast lines of %2:\n%3")
                     .arg(out, logFile(), tail(logFile(), 10));
        return false;
    }
    m_messages << tr("started PostgreSQL on socket %1, port %2").arg(m_socketDir).arg(m_port);
    return saveState(error);
}

bool Sandbox::stop(QString *error)
{
    QString scratch;
    error = error ? error : &scratch;
    if (!isInitialised()) {
        *error = tr("no sandbox cluster in %1").arg(m_root);
        return false;
    }
    if (!isRunning())
        return true;
    QString out;
    if (!runTool(QStringLiteral("pg_ctl"),
                 {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"),
                  QStringLiteral("fast"), QStringLiteral("-D"), dataDir()},
                 &out)) {
        *error = tr("pg_ctl stop failed: %1").arg(out);
        return false;
    }
    return true;
}

bool Sandbox::createDatabase(const QString &name, QString *error, const QString &templateDb)
{
    PgConnection c;
    if (!c.open(conninfo())) {
        *error = c.connectionError();
        return false;
    }
    QByteArray sql = kCreateDatabase + c.quoteIdentifier(name);
    if (!templateDb.isEmpty())
        sql += kTemplateClause + c.quoteIdentifier(templateDb);
    if (const PgResult fsync = c.exec(kShowFsync); c.serverVersion() >= 150000 && fsync.ok()
        && fsync.rows() == 1 && fsync.value(0, 0) == QLatin1String("off"))
        sql += kFileCopyClause;
    PgResult r = c.exec(sql);
    if (!r.ok()) {
        *error = r.error().toString();
        return false;
    }
    return true;
}

bool Sandbox::dropDatabase(const QString &name, QString *error)
{
    PgConnection c;
    if (!c.open(conninfo())) {
        *error = c.connectionError();
        return false;
    }
    PgResult r = c.exec(kDropDatabase + c.quoteIdentifier(name) + kForceClause);
    if (!r.ok()) {
        *error = r.error().toString();
        return false;
    }
    return true;
}

bool Sandbox::ensureDatabase(const QString &name, QString *error)
{
    PgConnection c;
    if (!c.open(conninfo())) {
        *error = c.connectionError();
        return false;
    }
    if (!c.scalar(SqlResource::get(QStringLiteral("db/sql/database_exists.sql")), {name}).isEmpty())
        return true;
    PgResult r = c.exec(kCreateDatabase + c.quoteIdentifier(name));
    if (!r.ok() && r.error().sqlState != QLatin1String("42P04")) {
        *error = r.error().toString();
        return false;
    }
    return true;
}

} // namespace uaip
