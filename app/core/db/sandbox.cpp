#include "sandbox.h"

#include "pgconnection.h"
#include "sandboxdir.h"
#include "sandboxsecret.h"
#include "sandboxsetup.h"
#include "sandboxtool.h"
#include "sqlresource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
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
// A login role of no rights; its password a SCRAM verifier computed by the client (the name
// is quoted by libpq, the verifier is base64 and separators: SandboxSecret::verifier).
constexpr auto kCreateRole = "CREATE ROLE ";
constexpr auto kAlterRole = "ALTER ROLE ";
constexpr auto kNoRights = " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS";
constexpr auto kPasswordClause = " PASSWORD '";
// Started as root, the server runs as an OS user of its own, created on first use; every
// connection needs its password (scram-sha-256), which that user cannot read.
constexpr auto kServerUser = "uaip-sandbox";
// "<socket folder>/.s.PGSQL.<port>" with the longest port
constexpr qsizetype kSocketNameBytes = 15;

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

QString quoted(QString v)
{
    v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
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
    return m_root + QStringLiteral("/log/server.log");
}

QString Sandbox::socketDir() const
{
    return m_root + QStringLiteral("/run");
}

QString Sandbox::passFile() const
{
    return m_root + u'/' + SandboxSecret::fileName();
}

QString Sandbox::password(const QString &role) const
{
    QString ignored;
    SandboxSetup setup(m_root);
    return setup.openExistingRoot(&ignored) ? SandboxSecret::read(setup.root()).password(role)
                                            : QString();
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
    return SandboxTool::run(QStringLiteral("pg_ctl"),
                            {QStringLiteral("status"), QStringLiteral("-D"), dataDir()}, nullptr,
                            10000);
}

QString Sandbox::conninfo(const QString &database) const
{
    return conninfo(database, superuser());
}

QString Sandbox::conninfo(const QString &database, const QString &user) const
{
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4 passfile=%5")
        .arg(quoted(socketDir()), QString::number(m_port), quoted(user), quoted(database),
             quoted(passFile()));
}

ConnectionProfile Sandbox::profile(const QString &database) const
{
    ConnectionProfile p = ConnectionProfile::localSandbox();
    p.host = socketDir();
    p.port = m_port;
    p.user = superuser();
    p.database = database;
    p.passFile = passFile();
    return p;
}

QStringList Sandbox::passwordHosts() const
{
    // the socket folder as libpq names it, and both TCP names (clients that call every Unix
    // socket "localhost" in a password file, as lib/pq does, find it there too)
    return {socketDir(), QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
}

bool Sandbox::loadState()
{
    // only a file of the invoking user's in a folder of its own: an earlier version's folder
    // was the server's OS user's, and nothing that user could write steers the sandbox
    QString ignored;
    SandboxSetup setup(m_root);
    if (!setup.openExistingRoot(&ignored))
        return false;
    const std::optional<QByteArray> text
        = setup.root().readFile(QLatin1String(kStateFile), ::geteuid(), 65536);
    if (!text)
        return false;
    const QJsonObject o = QJsonDocument::fromJson(*text).object();
    const int port = o.value(QStringLiteral("port")).toInt();
    m_port = port > 0 && port < 65536 ? port : 0;
    m_tcp = o.value(QStringLiteral("tcp")).toBool();
    return m_port > 0;
}

bool Sandbox::saveState(const SandboxDir &root, QString *error) const
{
    const QJsonObject o{{QStringLiteral("port"), m_port}, {QStringLiteral("tcp"), m_tcp}};
    return root.writeFile(QLatin1String(kStateFile), QJsonDocument(o).toJson(), 0644, uid_t(-1),
                          gid_t(-1), error);
}

bool Sandbox::checkRootPath(QString *error) const
{
    // pg_ctl hands its options and the log's path to a shell: a character a shell reads inside
    // quotes ($, `, \, ", ') or a control character could run a command as the server's user
    for (const QChar ch : m_root) {
        if (ch == u'\'' || ch == u'"' || ch == u'$' || ch == u'`' || ch == u'\\'
            || ch.category() == QChar::Other_Control) {
            *error = tr("the sandbox folder %1 contains a character a shell would read (%2): "
                        "choose a folder without quotes, $, `, \\ or control characters")
                         .arg(m_root,
                              ch.unicode() < 0x20 ? QStringLiteral("U+%1").arg(ch.unicode(), 4, 16,
                                                                               QLatin1Char('0'))
                                                  : QString(ch));
            return false;
        }
    }
    // as ssh's StrictModes: a parent others may write (and is not sticky) could have the folder
    // swapped for one of theirs between two starts
    QString parent = QFileInfo(m_root).path();
    while (true) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(parent).constData(), &st) == 0
            && (st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)) {
            *error = tr("the sandbox folder %1 lies in %2, which another user may change (owner "
                        "uid %3, mode %4): choose a folder only you and root can change")
                         .arg(m_root, parent)
                         .arg(st.st_uid)
                         .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
            return false;
        }
        const QString up = QFileInfo(parent).path();
        if (up == parent)
            break;
        parent = up;
    }
    const qsizetype socketPath = QFile::encodeName(socketDir()).size() + kSocketNameBytes;
    if (socketPath > kMaxSocketPath) {
        *error = tr("the sandbox folder %1 is too long for its socket: %2/.s.PGSQL.NNNNN would "
                    "take %3 bytes, and a Unix socket's path has at most %4; choose a folder of "
                    "at most %5 bytes (--data-dir)")
                     .arg(m_root, socketDir())
                     .arg(socketPath)
                     .arg(kMaxSocketPath)
                     .arg(kMaxSocketPath - kSocketNameBytes - 4);
        return false;
    }
    return true;
}

bool Sandbox::initialise(QString *error)
{
    // --auth=reject: the server never runs with initdb's pg_hba.conf (SandboxSetup::writeHba
    // replaces it before the first start), and no line of it ever trusted anyone
    QString out;
    if (!SandboxTool::run(QStringLiteral("initdb"),
                          {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superuser(),
                           QStringLiteral("--auth=reject"), QStringLiteral("-E"),
                           QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                           QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
                          &out)) {
        *error = tr("initdb failed for %1:\n%2").arg(dataDir(), out);
        return false;
    }
    m_messages << tr("created a new cluster in %1").arg(dataDir());
    return true;
}

bool Sandbox::ensureSuperuserPassword(const SandboxSetup &setup, SandboxSecret &secret, bool needed,
                                      QString *error)
{
    // needed: a new cluster, or one handed over; otherwise only when the password file has
    // none (a cluster of an earlier version, whose connections were trusted)
    const bool upgrade = !needed && !secret.has(superuser());
    if (!needed && !upgrade)
        return true;
    QString password = secret.password(superuser());
    if (password.isEmpty())
        password = m_firstPassword.isEmpty() ? SandboxSecret::generatePassword() : m_firstPassword;
    const QByteArray verifier = SandboxSecret::verifier(nullptr, superuser(), password, error);
    if (verifier.isEmpty() || !setup.setPassword(superuser(), verifier, error))
        return false;
    secret.setPassword(superuser(), password);
    if (upgrade)
        m_messages << tr("every connection to the sandbox now needs a password "
                         "(scram-sha-256); the superuser's is in %1")
                          .arg(passFile());
    return true;
}

bool Sandbox::start(const Options &options, QString *error)
{
    QString scratch;
    error = error ? error : &scratch;
    m_messages.clear();
    if (!checkRootPath(error) || !ensureServerUser(error))
        return false;
    SandboxSetup setup(m_root);
    if (!setup.openRoot(error) || !setup.lock(error))
        return false;
    if (runningAsRoot())
        m_messages << tr("running as root: the PostgreSQL server runs as the "
                         "unprivileged \"%1\" user")
                          .arg(QLatin1String(kServerUser));
    loadState();
    SandboxSecret secret = SandboxSecret::read(setup.root());
    if (isRunning()) {
        m_messages << setup.messages();
        if (!secret.has(superuser())) {
            *error = tr("the sandbox in %1 runs as an earlier version started it, trusting every "
                        "connection: stop it (uaip-migrate sandbox stop), then start it again")
                         .arg(m_root);
            return false;
        }
        m_messages << tr("already running on port %1").arg(m_port);
        return true;
    }
    if (!setup.prepareFolders(error))
        return false;
    const bool created = !isInitialised();
    if ((created && !initialise(error)) || !setup.writeHba(options.tcp, error)
        || !ensureSuperuserPassword(setup, secret, created || setup.handedOver(), error))
        return false;
    m_messages << setup.messages();
    if (m_port <= 0)
        m_port = freeTcpPort();
    m_tcp = options.tcp;
    return secret.write(setup.root(), passwordHosts(), m_port, error) && startServer(options, error)
        && saveState(setup.root(), error);
}

bool Sandbox::startServer(const Options &options, QString *error)
{
    // Everything that steers the server's connections is on its command line, which neither
    // ALTER SYSTEM nor a changed postgresql.conf overrides: the socket folder, the listen
    // address, and pg_hba.conf from the sandbox folder (the invoking user's, not the server's)
    QString serverOptions
        = QStringLiteral("-p %1 -k '%2' -c listen_addresses='%3' -c unix_socket_permissions=0700 "
                         "-c hba_file='%4' -c password_encryption=scram-sha-256")
              .arg(m_port)
              .arg(socketDir(), m_tcp ? QStringLiteral("127.0.0.1") : QString(),
                   m_root + u'/' + SandboxSetup::hbaFileName());
    serverOptions += workloadServerOptions();
    if (!options.durable)
        serverOptions += QStringLiteral(" -c fsync=off -c synchronous_commit=off "
                                        "-c full_page_writes=off");
    QString out;
    if (!SandboxTool::run(QStringLiteral("pg_ctl"),
                          {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                           QStringLiteral("60"), QStringLiteral("-D"), dataDir(),
                           QStringLiteral("-l"), logFile(), QStringLiteral("-o"), serverOptions},
                          &out)) {
        *error = tr("the sandbox server did not start (pg_ctl: %1)\nlast lines of %2:\n%3")
                     .arg(out, logFile(), logTail(10));
        return false;
    }
    m_messages << tr("started PostgreSQL on socket %1, port %2").arg(socketDir()).arg(m_port);
    return true;
}

QString Sandbox::logTail(int lines) const
{
    // read without following a link (the log folder is the server's OS user's)
    QString ignored;
    const SandboxDir root = SandboxDir::open(m_root, &ignored);
    const SandboxDir log
        = root.isOpen() ? root.child(QStringLiteral("log"), &ignored) : SandboxDir();
    const passwd *server = runningAsRoot() ? ::getpwnam(kServerUser) : nullptr;
    const std::optional<QByteArray> text = log.isOpen()
        ? log.readFile(QStringLiteral("server.log"), server ? server->pw_uid : ::geteuid(), 65536,
                       true)
        : std::nullopt;
    if (!text)
        return QString();
    const QStringList all = QString::fromUtf8(*text).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

bool Sandbox::ensureLoginRole(const QString &role, QString *error)
{
    QString scratch;
    error = error ? error : &scratch;
    if (role.isEmpty() || role == superuser() || role.contains(u'\n') || role.contains(u'\r')
        || role.contains(QChar(0))) {
        *error = tr("the sandbox makes no login role named \"%1\"").arg(role);
        return false;
    }
    SandboxSetup setup(m_root);
    if (!setup.openExistingRoot(error) || !setup.lock(error))
        return false;
    loadState();
    SandboxSecret secret = SandboxSecret::read(setup.root());
    PgConnection c;
    if (!c.open(conninfo(), QStringLiteral("uaip-admin sandbox"))) {
        *error = c.connectionError();
        return false;
    }
    const bool known = secret.has(role);
    const QString password = known ? secret.password(role) : SandboxSecret::generatePassword();
    const QByteArray verifier = SandboxSecret::verifier(c.handle(), role, password, error);
    if (verifier.isEmpty())
        return false;
    const bool exists
        = !c.scalar(SqlResource::get(QStringLiteral("db/sql/role_exists.sql")), {role}).isEmpty();
    const PgResult r = c.exec((exists ? kAlterRole : kCreateRole) + c.quoteIdentifier(role)
                              + kNoRights + kPasswordClause + verifier + '\'');
    if (!r.ok()) {
        *error = tr("cannot make the login role %1 on the sandbox in %2: %3")
                     .arg(role, m_root, r.error().toString());
        return false;
    }
    if (known)
        return true;
    secret.setPassword(role, password);
    return secret.write(setup.root(), passwordHosts(), m_port, error);
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
    if (!SandboxTool::run(QStringLiteral("pg_ctl"),
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
