#include "sandboxsuperuser.h"

#include "pgconnection.h"
#include "sandboxsecret.h"
#include "sqlresource.h"

namespace uaip {

namespace {

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
constexpr auto kReadingRights
    = " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION BYPASSRLS";
constexpr auto kPasswordClause = " PASSWORD '";
constexpr auto kGrantReading = "GRANT pg_read_all_data, pg_read_all_stats TO ";

// The cluster could not be reached: libpq's words.
Error notConnected(const PgConnection &connection)
{
    return Error(ErrorCode::Connection, connection.connectionError());
}

} // namespace

SandboxSuperuser::SandboxSuperuser(const QString &conninfo)
    : m_conninfo(conninfo)
{ }

Status SandboxSuperuser::createDatabase(const QString &name, const QString &templateDb)
{
    PgConnection c;
    if (!c.open(m_conninfo))
        return notConnected(c);
    QByteArray sql = kCreateDatabase + c.quoteIdentifier(name);
    if (!templateDb.isEmpty())
        sql += kTemplateClause + c.quoteIdentifier(templateDb);
    if (const PgResult fsync = c.exec(kShowFsync); c.serverVersion() >= 150000 && fsync.ok()
        && fsync.rows() == 1 && fsync.value(0, 0) == QLatin1String("off"))
        sql += kFileCopyClause;
    const PgResult r = c.exec(sql);
    if (!r.ok())
        return Error(r.error());
    return {};
}

Status SandboxSuperuser::dropDatabase(const QString &name)
{
    PgConnection c;
    if (!c.open(m_conninfo))
        return notConnected(c);
    if (const Status released = releaseDatabase(c, name); !released)
        return released;
    const PgResult r = c.exec(kDropDatabase + c.quoteIdentifier(name) + kForceClause);
    if (!r.ok())
        return Error(r.error());
    return {};
}

Status SandboxSuperuser::releaseDatabase(PgConnection &c, const QString &name)
{
    // the owner first (it could set the flags again), then the flags: a template is never
    // dropped; one that is gone meanwhile (3D000) is dropped "if it exists"
    for (const char *step : {"database_release_owner", "database_release_flags"}) {
        const PgResult r = c.exec(SqlResource::fill(SqlResource::of("db", step),
                                                    {{"%DATABASE%", c.quoteIdentifier(name)}}));
        if (!r.ok() && r.error().sqlState != QLatin1String("3D000"))
            return Error(r.error()).with(QStringLiteral("database"), name);
    }
    return {};
}

Status SandboxSuperuser::ensureDatabase(const QString &name)
{
    PgConnection c;
    if (!c.open(m_conninfo))
        return notConnected(c);
    if (!c.scalar(SqlResource::get(QStringLiteral("db/sql/database_exists.sql")), {name}).isEmpty())
        return {};
    const PgResult r = c.exec(kCreateDatabase + c.quoteIdentifier(name));
    if (!r.ok() && r.error().sqlState != QLatin1String("42P04"))
        return Error(r.error());
    return {};
}

Status SandboxSuperuser::makeLoginRole(const QString &role, const QString &password,
                                       const QString &root, bool reading)
{
    PgConnection c;
    if (!c.open(m_conninfo, QStringLiteral("uaip-admin sandbox")))
        return notConnected(c);
    const Result<QByteArray> verifier = SandboxSecret::verifier(c.handle(), role, password);
    if (!verifier)
        return verifier.error();
    const bool exists
        = !c.scalar(SqlResource::get(QStringLiteral("db/sql/role_exists.sql")), {role}).isEmpty();
    PgResult r
        = c.exec((exists ? kAlterRole : kCreateRole) + c.quoteIdentifier(role)
                 + (reading ? kReadingRights : kNoRights) + kPasswordClause + *verifier + '\'');
    if (r.ok() && reading)
        r = c.exec(kGrantReading + c.quoteIdentifier(role));
    if (!r.ok())
        return Error(r.error())
            .in(tr("cannot make the login role %1 on the sandbox in %2").arg(role, root))
            .with(QStringLiteral("role"), role)
            .with(QStringLiteral("path"), root);
    return {};
}

} // namespace uaip
