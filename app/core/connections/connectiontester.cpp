#include "connectiontester.h"

#include "db/libpqsqlstate.h"
#include "db/pgconnection.h"
#include "db/serversupport.h"
#include "db/servertopology.h"
#include "db/sqlresource.h"

#include <QCoreApplication>

namespace uaip {

ConnectionDiagnosis ConnectionTester::test(const QString &conninfo)
{
    PgConnection conn;
    return test(conninfo, conn);
}

ConnectionDiagnosis ConnectionTester::test(const QString &conninfo, PgConnection &conn)
{
    if (!conn.open(conninfo, PgConnection::OpenOptions{QStringLiteral("uaip-admin")}))
        return diagnose(conn.connectFailure());
    ConnectionDiagnosis d;
    d.kind = ConnectionDiagnosis::Kind::Ok;
    d.serverVersion = conn.parameter("server_version");
    d.serverVersionNum = conn.serverVersion();
    const QString ssl = conn.sslInUse() ? tr("encrypted (SSL)") : tr("not encrypted");
    // which host of a list answered, and what it is
    d.answeredHost = QStringLiteral("%1:%2").arg(conn.host(), conn.port());
    if (const Result<ServerTopology> topology = ServerTopology::read(conn)) {
        d.serverRole = topology.value().role();
        d.standby = topology.value().inRecovery;
    }
    //: %1 version, %2 host:port, %3 primary / standby (read-only) of HOST, %4 user, %5 database
    d.summary = tr("Connected to PostgreSQL %1 on %2 (%3) as %4, database %5, %6.")
                    .arg(d.serverVersion, d.answeredHost,
                         d.serverRole.isEmpty() ? tr("role unknown") : d.serverRole, conn.user(),
                         conn.database(), ssl);
    d.summary += u' ' + roleCanWrite(conn, &d.roleCanWrite);
    d.summary += u' ' + ServerSupport::describe(d.serverVersionNum) + u'.';
    return d;
}

QString ConnectionTester::roleCanWrite(PgConnection &conn, std::optional<bool> *canWrite)
{
    const PgResult r
        = conn.execOne(SqlResource::get(QStringLiteral("connections/sql/role_can_write.sql")));
    if (r.status() != PgResult::Status::TuplesOk || r.rows() != 1)
        return tr("Whether the role can write is unknown: %1").arg(r.error().message);
    const bool super = r.rawValue(0, 0) == "t";
    const int tables = r.rawValue(0, 1).toInt();
    const int schemas = r.rawValue(0, 2).toInt();
    *canWrite = super || tables > 0 || schemas > 0;
    if (super)
        return tr("The role is a superuser: it can write anything; a read-only profile is then "
                  "guarded by the console alone.");
    if (tables > 0 || schemas > 0)
        return tr("The role can write: INSERT, UPDATE, DELETE or TRUNCATE on %n table(s); "
                  "schemas it may CREATE in: %1.",
                  nullptr, tables)
            .arg(schemas);
    return tr("The role cannot write here (no write privilege on a table, no CREATE in a "
              "schema): the strongest guard for a read-only profile.");
}

ConnectionDiagnosis ConnectionTester::byServerCode(const ConnectFailure &failure)
{
    using Kind = ConnectionDiagnosis::Kind;
    const QString &code = failure.sqlState;
    const QString &user = failure.user;
    const QString &database = failure.database;
    ConnectionDiagnosis d;
    d.serverText = failure.message;
    if (code == QLatin1String("28P01")) {
        d.kind = Kind::WrongPassword;
        d.summary = user.isEmpty()
            ? tr("The server rejected the password. Check the password (or the user name).")
            : tr("The server rejected the password for user \"%1\". Check the password "
                 "(or the user name).")
                  .arg(user);
    } else if (code == QLatin1String("3D000")) {
        d.kind = Kind::UnknownDatabase;
        d.summary = database.isEmpty()
            ? tr("The database does not exist on this server.")
            : tr("The database \"%1\" does not exist on this server.").arg(database);
    } else if (code == QLatin1String("28000")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("The server does not let the user \"%1\" connect to the database \"%2\" "
                       "from here: pg_hba.conf has no entry for it, or the user does not exist "
                       "or may not log in.")
                        .arg(user, database);
    } else if (code == QLatin1String("42501")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("This user may not connect to this database (CONNECT or LOGIN privilege).");
    } else if (code.startsWith(QLatin1String("53")) || code == QLatin1String("57P03")
               || code == QLatin1String("57P01")) {
        d.kind = Kind::ServerBusy;
        d.summary = tr("The server is up but does not accept this connection now (starting, "
                       "stopping, or out of connection slots). Try again shortly.");
    } else {
        d.kind = Kind::Other;
        d.summary = tr("The server refused the connection (SQLSTATE %1).").arg(code);
    }
    return d;
}

QString ConnectionTester::sslSummary(const ConnectFailure &failure)
{
    if (failure.rootCertMissing)
        return tr("SSL verification needs the server's root certificate: choose the root "
                  "certificate file in the profile.");
    //: %1 the profile's sslmode (require, verify-ca, verify-full, ...)
    return tr("The SSL connection failed (sslmode %1): the server does not accept SSL, or its "
              "certificate was not accepted (not signed by the chosen root certificate, or "
              "issued for another host name).")
        .arg(failure.sslMode.isEmpty() ? QStringLiteral("prefer") : failure.sslMode);
}

ConnectionDiagnosis ConnectionTester::diagnose(const ConnectFailure &failure)
{
    using Kind = ConnectionDiagnosis::Kind;
    using Cause = ConnectFailure::Cause;
    if (failure.cause == Cause::ServerError)
        return byServerCode(failure);
    ConnectionDiagnosis d;
    d.serverText = failure.message;
    switch (failure.cause) {
    case Cause::NeedsPassword:
        d.kind = Kind::NoPassword;
        d.summary = tr("The server asks for a password and none was given.");
        break;
    case Cause::UnknownHost:
        d.kind = Kind::UnknownHost;
        d.summary = tr("The host name cannot be resolved (DNS). Check the host name.");
        break;
    case Cause::Refused:
        d.kind = Kind::Refused;
        d.summary = tr("Nothing accepts connections on that host and port: the server is down, "
                       "the port is wrong, or listen_addresses excludes this address.");
        break;
    case Cause::Unreachable:
    case Cause::TimedOut:
        d.kind = Kind::Unreachable;
        d.summary = tr("The server cannot be reached: the host is down or a firewall drops the "
                       "connection.");
        break;
    case Cause::NoAnswer:
        d.kind = Kind::Unreachable;
        d.summary = tr("Something accepted the connection but did not answer as PostgreSQL "
                       "within connect_timeout: a proxy or firewall holding it, a stopped "
                       "server, or another service on that port.");
        break;
    case Cause::NoSocket:
        d.kind = Kind::NoSocket;
        d.summary = tr("No PostgreSQL server is listening on that local socket. Is the server "
                       "(or the sandbox) running?");
        break;
    case Cause::Ssl:
        d.kind = Kind::Ssl;
        d.summary = sslSummary(failure);
        break;
    case Cause::UnsupportedServer:
        d.kind = Kind::Unsupported;
        d.summary = failure.message;
        break;
    case Cause::WrongServerType:
        d.kind = Kind::Other;
        d.summary = tr("The server answered, but is not what the profile's target_session_attrs "
                       "asks for (a standby where a primary is wanted, or the other way round).");
        break;
    case Cause::Cancelled:
        d.kind = Kind::Cancelled;
        d.summary = tr("The connection test was cancelled.");
        break;
    case Cause::None:
    case Cause::ServerError:
    case Cause::Other:
    case Cause::BadConninfo: // serverText is libpq's why
        d.kind = Kind::Other;
        d.summary = tr("The connection failed.");
        break;
    }
    return d;
}

ConnectionDiagnosis ConnectionTester::test(const SessionSpec &spec)
{
    PgConnection conn;
    return test(spec, conn);
}

ConnectionDiagnosis ConnectionTester::test(const SessionSpec &spec, PgConnection &conn)
{
    // A profile being edited may have no name yet: only the password decides here.
    if (!spec.password) {
        ConnectionDiagnosis d;
        d.kind = ConnectionDiagnosis::Kind::NoPassword;
        d.summary = tr("The password of this profile is not known yet.");
        return d;
    }
    return test(spec.profile.conninfo(*spec.password), conn);
}

ConnectionDiagnosis ConnectionTester::diagnose(const QString &libpqError)
{
    ConnectFailure failure;
    failure.message = libpqError.trimmed();
    failure.sqlState = libpqSqlState(libpqError);
    failure.cause = failure.sqlState.isEmpty() ? ConnectFailure::Cause::Other
                                               : ConnectFailure::Cause::ServerError;
    return diagnose(failure);
}

} // namespace uaip
