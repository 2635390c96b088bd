#include "scratchdatabase.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxsuperuser.h"
#include "db/sqlresource.h"
#include "migrationrunner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QThread>

namespace uaip {

ScratchDatabase::ScratchDatabase(Sandbox &sandbox, QString prefix, QString login)
    : m_sandbox(sandbox)
    , m_login(login.isEmpty() ? QString::fromLatin1(kLogin) : std::move(login))
    , m_prefix(std::move(prefix))
{ }

QStringList ScratchDatabase::logins()
{
    return {QString::fromLatin1(kLogin), QString::fromLatin1(kWriterLogin)};
}

ScratchDatabase::~ScratchDatabase()
{
    drop();
}

void ScratchDatabase::sweep(Sandbox &sandbox)
{
    PgConnection c;
    if (!c.open(sandbox.conninfo(), QStringLiteral("uaip scratch sweep")))
        return;
    const PgResult r = c.exec(SqlResource::of("migrate", "scratch_leftovers"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; r.ok() && i < r.rows(); ++i) {
        const QString name = r.value(i, "datname");
        bool ok = false;
        const qint64 made = name.section(u'_', -2, -2).toLongLong(&ok, 16);
        const qint64 after = name.startsWith(QLatin1String("uaip_kept_")) ? kKeptForSeconds
                                                                          : kLeftoverAfterSeconds;
        if (ok && now - made > after)
            sandbox.dropDatabase(name);
    }
}

QString ScratchDatabase::keyOf(const QList<Migration> &migrations)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QCoreApplication::applicationVersion().toUtf8() + '\0');
    for (const Migration &m : migrations)
        hash.addData(m.version.text().toUtf8() + '\0' + m.name.toUtf8() + '\0'
                     + QCryptographicHash::hash(m.upSql, QCryptographicHash::Sha256));
    return QString::fromLatin1(hash.result().toHex().left(16));
}

bool ScratchDatabase::takeKept(PgConnection &su, const QString &key)
{
    const PgResult kept = su.exec(SqlResource::of("migrate", "scratch_kept"), {key});
    for (int i = 0; kept.ok() && i < kept.rows(); ++i) {
        const PgResult renamed
            = su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_rename"),
                                        {{"%FROM%", su.quoteIdentifier(kept.value(i, "datname"))},
                                         {"%TO%", su.quoteIdentifier(m_name)}}));
        if (!renamed.ok())
            continue;
        // what its owner may have set on it since, cleared before any session connects to it;
        // one that cannot be is dropped, and a fresh one made instead
        for (const char *reset :
             {"scratch_kept_flags", "scratch_kept_settings", "scratch_kept_role_settings"})
            if (!su.exec(SqlResource::fill(SqlResource::of("migrate", reset),
                                           {{"%DATABASE%", su.quoteIdentifier(m_name)},
                                            {"%ROLE%", su.quoteIdentifier(m_login)}}))
                     .ok()) {
                m_sandbox.dropDatabase(m_name);
                return false;
            }
        return true;
    }
    return false;
}

bool ScratchDatabase::keep(PgConnection &su)
{
    const QString kept
        = QStringLiteral("uaip_kept_%1_%2")
              .arg(quint32(QDateTime::currentSecsSinceEpoch()), 8, 16, QLatin1Char('0'))
              .arg(m_keepFor);
    const PgResult others = su.exec(SqlResource::of("migrate", "scratch_kept"), {QVariant()});
    const PgResult renamed = su.exec(SqlResource::fill(
        SqlResource::of("migrate", "scratch_rename"),
        {{"%FROM%", su.quoteIdentifier(m_name)}, {"%TO%", su.quoteIdentifier(kept)}}));
    if (!renamed.ok())
        return false;
    m_keptAs = kept;
    for (int i = 0; others.ok() && i < others.rows(); ++i)
        if (!m_dropInBackground || !dropUnwaited(others.value(i, "datname")))
            m_sandbox.dropDatabase(others.value(i, "datname"));
    return true;
}

Status ScratchDatabase::open(const QList<Migration> &migrations, const QString &key)
{
    sweep(m_sandbox); // what a killed run left (it never dropped its database)
    m_name = QStringLiteral("%1_%2_%3")
                 .arg(m_prefix)
                 .arg(quint32(QDateTime::currentSecsSinceEpoch()), 8, 16, QLatin1Char('0'))
                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString &login = m_login;
    if (const Status role = m_sandbox.ensureLoginRole(login); !role)
        return role.error().with(QStringLiteral("role"), login);
    m_reused = false;
    m_keptAs.clear();
    if (!key.isEmpty()) {
        PgConnection su;
        m_reused = su.open(m_sandbox.conninfo(), m_prefix) && takeKept(su, key);
    }
    if (const Status made
        = m_reused ? Status() : m_sandbox.createDatabase(m_name, QStringLiteral("template0"));
        !made) {
        const QString name = m_name;
        m_name.clear();
        return made.error().with(QStringLiteral("database"), name);
    }
    {
        PgConnection su;
        if (!su.open(m_sandbox.conninfo(m_name), m_prefix))
            return Error(ErrorCode::Connection, su.connectionError(),
                         {{QStringLiteral("database"), m_name}});
        const PgResult owner = su.exec(SqlResource::fill(
            SqlResource::of("migrate", "scratch_owner"),
            {{"%DATABASE%", su.quoteIdentifier(m_name)}, {"%ROLE%", su.quoteIdentifier(login)}}));
        if (!owner.ok())
            return Error(owner.error());
        const PgResult unwaited
            = su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_commit_unwaited"),
                                        {{"%DATABASE%", su.quoteIdentifier(m_name)}}));
        if (!unwaited.ok())
            return Error(unwaited.error());
        const PgResult reset
            = su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_login_reset"),
                                        {{"%ROLE%", su.quoteIdentifier(login)}}));
        if (!reset.ok())
            return Error(reset.error());
        if (const Status apart = keepLoginsApart(su); !apart)
            return apart;
    }
    m_connection = std::make_unique<PgConnection>();
    if (!m_connection->open(m_sandbox.conninfo(m_name, login), m_prefix))
        return Error(ErrorCode::Connection, m_connection->connectionError(),
                     {{QStringLiteral("database"), m_name}, {QStringLiteral("role"), login}});
    // a proof of one major never runs on another: the server itself says which it is
    if (const int running = m_connection->serverVersion() / 10000; running != m_sandbox.major())
        return Error(ErrorCode::Conflict,
                     tr("the sandbox in %1 is to be PostgreSQL %2 but its server is %3: the "
                        "proof is not run")
                         .arg(m_sandbox.rootDir())
                         .arg(m_sandbox.major())
                         .arg(running),
                     {{QStringLiteral("path"), m_sandbox.rootDir()}});
    setMigrations(migrations);
    return {};
}

void ScratchDatabase::setMigrations(const QList<Migration> &migrations)
{
    MigrationRunner::Options options;
    options.lockWaitMs = 60000;
    options.lockTimeoutMs = 60000;
    options.client = m_prefix;
    // No application uses a scratch database: the traffic BlockingWorkGate keeps from being
    // blocked is not there, and reading its forecast cost every run a sizes read (a PostgreSQL
    // error still stops a statement the gate would have refused).
    options.maxBlockingRows = -1;
    m_runner = std::make_unique<MigrationRunner>(*m_connection, migrations, options);
}

Status ScratchDatabase::ensureRoles(const QStringList &roles)
{
    PgConnection su;
    if (!su.open(m_sandbox.conninfo(m_name), m_prefix))
        return Error(ErrorCode::Connection, su.connectionError(),
                     {{QStringLiteral("database"), m_name}});
    const QByteArray login = su.quoteIdentifier(m_login);
    for (const QString &role : roles) {
        const QByteArray name = su.quoteIdentifier(role);
        const PgResult made = su.exec(
            SqlResource::fill(SqlResource::of("migrate", "scratch_role"), {{"%ROLE%", name}}));
        // made meanwhile (42710), or one of PostgreSQL's own (42939: pg_database_owner)
        if (!made.ok() && made.error().sqlState != QLatin1String("42710")
            && made.error().sqlState != QLatin1String("42939"))
            return Error(made.error()).with(QStringLiteral("role"), role);
        // never a role with a right of its own: the login would gain it
        const PgResult bare
            = su.exec(SqlResource::of("migrate", "scratch_role_bare"), {role, logins().join(u',')});
        if (!bare.ok())
            return Error(bare.error()).with(QStringLiteral("role"), role);
        if (bare.rows() == 0)
            continue;
        const PgResult member
            = su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_role_member"),
                                        {{"%ROLE%", name}, {"%LOGIN%", login}}));
        if (!member.ok())
            return Error(member.error()).with(QStringLiteral("role"), role);
    }
    return {};
}

Status ScratchDatabase::keepLoginsApart(PgConnection &su) const
{
    // Neither scratch login a member of the other, both ways (a member may end the other's
    // sessions: pg_terminate_backend). Neither login can grant one (NOCREATEROLE, and PostgreSQL
    // 15.18 refuses a login granting itself), nor does ensureRoles; one an earlier version made
    // (a role a migration named, later made a login) is taken back before this proof runs.
    for (const QString &other : logins()) {
        if (other == m_login)
            continue;
        for (const auto &[role, member] : {std::pair{other, m_login}, std::pair{m_login, other}}) {
            const PgResult r = su.exec(SqlResource::fill(
                SqlResource::of("migrate", "scratch_logins_apart"),
                {{"%ROLE%", su.quoteIdentifier(role)}, {"%LOGIN%", su.quoteIdentifier(member)}}));
            // 42704: the other login was never made
            if (!r.ok() && r.error().sqlState != QLatin1String("42704"))
                return Error(r.error()).with(QStringLiteral("role"), role);
        }
    }
    return {};
}

bool ScratchDatabase::dropUnwaited(const QString &name)
{
    PgConnection dropper;
    PgConnection watcher;
    if (!dropper.open(m_sandbox.conninfo(), m_prefix)
        || !watcher.open(m_sandbox.conninfo(), m_prefix))
        return false;
    if (dropper.serverVersion() >= 140000
        && !dropper.exec(SqlResource::of("migrate", "scratch_drop_unwaited")).ok())
        return false;
    // what its owner, the login that ran the proof's code, may have set (a template is never
    // dropped)
    if (!SandboxSuperuser::releaseDatabase(dropper, name))
        return false;
    const int pid = dropper.backendPid();
    if (!dropper.send(SqlResource::fill(SqlResource::of("migrate", "scratch_drop"),
                                        {{"%DATABASE%", dropper.quoteIdentifier(name)}})))
        return false;
    dropper.close(); // the server goes on with the drop; nothing waits for its checkpoint
    const QByteArray started = SqlResource::of("migrate", "scratch_drop_started");
    const QDeadlineTimer deadline(kStartWaitMs);
    while (!deadline.hasExpired()) {
        const PgResult r = watcher.exec(started, {name, pid});
        if (!r.ok() || r.value(0, "progress") == u"failed")
            return false;
        if (r.value(0, "progress") == u"started")
            return true;
        QThread::msleep(10);
    }
    return false;
}

void ScratchDatabase::drop()
{
    m_runner.reset();
    m_connection.reset();
    if (m_name.isEmpty())
        return;
    PgConnection su;
    const bool suOpen = su.open(m_sandbox.conninfo(), m_prefix);
    // what the login reset below must come after: no session of the database can act any more
    // (a rename waits for the database to have none)
    if (!(suOpen && !m_keepFor.isEmpty() && keep(su))
        && (!m_dropInBackground || !dropUnwaited(m_name)))
        m_sandbox.dropDatabase(m_name);
    m_name.clear();
    m_keepFor.clear();
    // what the proof's migrations may have changed of the login itself (its password, its
    // settings) is set back at once, not only at the next proof
    m_sandbox.ensureLoginRole(m_login);
    if (suOpen)
        su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_login_reset"),
                                  {{"%ROLE%", su.quoteIdentifier(m_login)}}));
}

} // namespace uaip
