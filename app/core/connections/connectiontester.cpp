#include "connectiontester.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "db/sqlresource.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace uaip {

namespace {

QString quotedName(const QString &text, const QString &after)
{
    const QRegularExpression re(after + QStringLiteral(" \"([^\"]*)\""));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

ConnectionDiagnosis ConnectionTester::test(const QString &conninfo)
{
    PgConnection conn;
    // Verbose: the server's errors carry their SQLSTATE ("FATAL:  28P01: ..."), which the
    // diagnosis goes by — not by the (translated) words.
    if (!conn.open(conninfo, PgConnection::OpenOptions{QStringLiteral("uaip-admin"), true})) {
        if (conn.connectFailure().timedOut) {
            ConnectionDiagnosis d = diagnose(QStringLiteral("timeout expired"));
            d.kind = ConnectionDiagnosis::Kind::Unreachable;
            return d;
        }
        return diagnoseFailed(conn.connectFailure());
    }
    ConnectionDiagnosis d;
    d.kind = ConnectionDiagnosis::Kind::Ok;
    d.serverVersion = conn.parameter("server_version");
    const QString ssl = conn.sslInUse() ? tr("encrypted (SSL)") : tr("not encrypted");
    // which host of a list answered, and what it is
    d.answeredHost = QStringLiteral("%1:%2").arg(conn.host(), conn.port());
    if (const DbResult<ServerTopology> topology = ServerTopology::read(conn)) {
        d.serverRole = topology.value().role();
        d.standby = topology.value().inRecovery;
    }
    //: %1 version, %2 host:port, %3 primary / standby (read-only) of HOST, %4 user, %5 database
    d.summary = tr("Connected to PostgreSQL %1 on %2 (%3) as %4, database %5, %6.")
                    .arg(d.serverVersion, d.answeredHost,
                         d.serverRole.isEmpty() ? tr("role unknown") : d.serverRole, conn.user(),
                         conn.database(), ssl);
    d.summary += u' ' + roleCanWrite(conn, &d.roleCanWrite);
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

ConnectionDiagnosis ConnectionTester::diagnoseFailed(const ConnectFailure &failure)
{
    using Kind = ConnectionDiagnosis::Kind;
    const QString text = failure.message;
    // The server's errors: "<severity>:  28P01: ..." (libpq's layout; the SQLSTATE is never
    // translated, the severity may be).
    static const QRegularExpression coded(QStringLiteral("[^\\s:]+:  ([0-9A-Z]{5}): "));
    const QString sqlState = coded.match(text).captured(1);
    QStringList lines = text.split(u'\n');
    lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("LOCATION:")); });
    const QString shown = lines.join(u'\n').trimmed();
    const QString &user = failure.user;
    const QString &database = failure.database;
    ConnectionDiagnosis d;
    d.serverText = shown;
    if (sqlState == QLatin1String("28P01")) {
        d.kind = Kind::WrongPassword;
        d.summary = tr("The server rejected the password for user \"%1\". Check the password "
                       "(or the user name).")
                        .arg(user);
    } else if (sqlState == QLatin1String("3D000")) {
        d.kind = Kind::UnknownDatabase;
        d.summary = tr("The database \"%1\" does not exist on this server.").arg(database);
    } else if (sqlState == QLatin1String("28000")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("The server does not let the user \"%1\" connect to the database \"%2\" "
                       "from here: pg_hba.conf has no entry for it, or the user does not exist "
                       "or may not log in.")
                        .arg(user, database);
    } else if (sqlState == QLatin1String("42501")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("This user may not connect to this database (CONNECT or LOGIN privilege).");
    } else if (sqlState.startsWith(QLatin1String("53")) || sqlState == QLatin1String("57P03")
               || sqlState == QLatin1String("57P01")) {
        d.kind = Kind::ServerBusy;
        d.summary = tr("The server is up but does not accept this connection now (starting, "
                       "stopping, or out of connection slots). Try again shortly.");
    } else if (failure.needsPassword) {
        d.kind = Kind::NoPassword;
        d.summary = tr("The server asks for a password and none was given.");
    } else if (sqlState.isEmpty()) {
        // Failed before the server said anything (DNS, TCP, SSL, socket): libpq has no code
        // for these, only its own words.
        return diagnose(shown);
    } else {
        d.kind = Kind::Other;
        d.summary = tr("The server refused the connection (SQLSTATE %1).").arg(sqlState);
    }
    return d;
}

ConnectionDiagnosis ConnectionTester::test(const SessionSpec &spec)
{
    // A profile being edited may have no name yet: only the password decides here.
    if (!spec.password) {
        ConnectionDiagnosis d;
        d.kind = ConnectionDiagnosis::Kind::NoPassword;
        d.summary = tr("The password of this profile is not known yet.");
        return d;
    }
    return test(spec.profile.conninfo(*spec.password));
}

ConnectionDiagnosis ConnectionTester::diagnose(const QString &libpqError)
{
    using Kind = ConnectionDiagnosis::Kind;
    ConnectionDiagnosis d;
    d.serverText = libpqError.trimmed();
    const QString t = libpqError;
    auto has = [&t](const char *s) { return t.contains(QLatin1String(s), Qt::CaseInsensitive); };

    if (has("password authentication failed") || has("authentication failed for user")) {
        d.kind = Kind::WrongPassword;
        d.summary = tr("The server rejected the password for user \"%1\". Check the password "
                       "(or the user name).")
                        .arg(quotedName(t, QStringLiteral("for user")));
    } else if (has("no password supplied") || has("password is required")) {
        d.kind = Kind::NoPassword;
        d.summary = tr("The server asks for a password and none was given.");
    } else if (has("role") && has("does not exist")) {
        d.kind = Kind::UnknownUser;
        d.summary = tr("The user \"%1\" does not exist on this server.")
                        .arg(quotedName(t, QStringLiteral("role")));
    } else if (has("database") && has("does not exist")) {
        d.kind = Kind::UnknownDatabase;
        d.summary = tr("The database \"%1\" does not exist on this server.")
                        .arg(quotedName(t, QStringLiteral("database")));
    } else if (has("no pg_hba.conf entry")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("The server's pg_hba.conf does not allow this user, database and client "
                       "address (or requires SSL). Ask the server's administrator.");
    } else if (has("permission denied for database") || has("not permitted to log in")) {
        d.kind = Kind::NotAllowed;
        d.summary = tr("This user may not connect to this database (CONNECT or LOGIN privilege).");
    } else if (has("ssl") || has("certificate") || has("tls")) {
        d.kind = Kind::Ssl;
        if (has("root certificate file"))
            d.summary = tr("SSL verification needs the server's root certificate: choose the "
                           "root certificate file in the profile.");
        else if (has("does not match host name"))
            d.summary = tr("The server's certificate is not issued for this host name "
                           "(verify-full). Connect by the name on the certificate.");
        else if (has("does not support ssl"))
            d.summary = tr("The server does not accept SSL, but the profile requires it.");
        else if (has("certificate verify failed"))
            d.summary = tr("The server's certificate is not signed by the chosen root "
                           "certificate.");
        else
            d.summary = tr("The SSL connection failed.");
    } else if (has("could not translate host name")) {
        d.kind = Kind::UnknownHost;
        d.summary = tr("The host name cannot be resolved (DNS). Check the host name.");
    } else if (has("connection refused")) {
        d.kind = Kind::Refused;
        d.summary = tr("Nothing accepts connections on that host and port: the server is down, "
                       "the port is wrong, or listen_addresses excludes this address.");
    } else if (has("timeout expired") || has("timed out") || has("no route to host")
               || has("network is unreachable")) {
        d.kind = Kind::Unreachable;
        d.summary = tr("The server cannot be reached: the host is down or a firewall drops the "
                       "connection.");
    } else if (has("no such file or directory") && has("socket")) {
        d.kind = Kind::NoSocket;
        d.summary = tr("No PostgreSQL server is listening on that local socket. Is the server "
                       "(or the sandbox) running?");
    } else if (has("starting up") || has("shutting down") || has("too many")
               || has("recovery mode")) {
        d.kind = Kind::ServerBusy;
        d.summary = tr("The server is up but does not accept this connection now (starting, "
                       "stopping, or out of connection slots). Try again shortly.");
    } else {
        d.kind = Kind::Other;
        d.summary = tr("The connection failed.");
    }
    return d;
}

} // namespace uaip
