#include "scratchdatabase.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sqlresource.h"
#include "migrationrunner.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace uaip {

ScratchDatabase::ScratchDatabase(Sandbox &sandbox, QString prefix)
    : m_sandbox(sandbox)
    , m_prefix(std::move(prefix))
{ }

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
        if (ok && now - made > kLeftoverAfterSeconds)
            sandbox.dropDatabase(name);
    }
}

Status ScratchDatabase::open(const QList<Migration> &migrations)
{
    sweep(m_sandbox); // what a killed run left (it never dropped its database)
    m_name = QStringLiteral("%1_%2_%3")
                 .arg(m_prefix)
                 .arg(quint32(QDateTime::currentSecsSinceEpoch()), 8, 16, QLatin1Char('0'))
                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString login = QLatin1String(kLogin);
    if (const Status role = m_sandbox.ensureLoginRole(login); !role)
        return role.error().with(QStringLiteral("role"), login);
    if (const Status made = m_sandbox.createDatabase(m_name, QStringLiteral("template0")); !made) {
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
        const PgResult reset
            = su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_login_reset"),
                                        {{"%ROLE%", su.quoteIdentifier(login)}}));
        if (!reset.ok())
            return Error(reset.error());
    }
    m_connection = std::make_unique<PgConnection>();
    if (!m_connection->open(m_sandbox.conninfo(m_name, login), m_prefix))
        return Error(ErrorCode::Connection, m_connection->connectionError(),
                     {{QStringLiteral("database"), m_name}, {QStringLiteral("role"), login}});
    setMigrations(migrations);
    return {};
}

void ScratchDatabase::setMigrations(const QList<Migration> &migrations)
{
    MigrationRunner::Options options;
    options.lockWaitMs = 60000;
    options.lockTimeoutMs = 60000;
    options.client = m_prefix;
    m_runner = std::make_unique<MigrationRunner>(*m_connection, migrations, options);
}

Status ScratchDatabase::ensureRoles(const QStringList &roles)
{
    PgConnection su;
    if (!su.open(m_sandbox.conninfo(m_name), m_prefix))
        return Error(ErrorCode::Connection, su.connectionError(),
                     {{QStringLiteral("database"), m_name}});
    const QByteArray login = su.quoteIdentifier(QLatin1String(kLogin));
    for (const QString &role : roles) {
        const QByteArray name = su.quoteIdentifier(role);
        const PgResult made = su.exec(
            SqlResource::fill(SqlResource::of("migrate", "scratch_role"), {{"%ROLE%", name}}));
        // made meanwhile (42710), or one of PostgreSQL's own (42939: pg_database_owner)
        if (!made.ok() && made.error().sqlState != QLatin1String("42710")
            && made.error().sqlState != QLatin1String("42939"))
            return Error(made.error()).with(QStringLiteral("role"), role);
        // never a role with a right of its own: the login would gain it
        const PgResult bare = su.exec(SqlResource::of("migrate", "scratch_role_bare"), {role});
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

void ScratchDatabase::drop()
{
    m_runner.reset();
    m_connection.reset();
    if (m_name.isEmpty())
        return;
    m_sandbox.dropDatabase(m_name);
    m_name.clear();
    // what the proof's migrations may have changed of the login itself (its password, its
    // settings) is set back at once, not only at the next proof
    m_sandbox.ensureLoginRole(QLatin1String(kLogin));
    PgConnection su;
    if (su.open(m_sandbox.conninfo(), m_prefix))
        su.exec(SqlResource::fill(SqlResource::of("migrate", "scratch_login_reset"),
                                  {{"%ROLE%", su.quoteIdentifier(QLatin1String(kLogin))}}));
}

} // namespace uaip
