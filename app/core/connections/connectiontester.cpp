#include "connectiontester.h"

#include "db/pgconnection.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace uaip {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("uaip::ConnectionTester", text);
}

QString quotedName(const QString &text, const QString &after)
{
    const QRegularExpression re(after + QStringLiteral(" \"([^\"]*)\""));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

ConnectionDiagnosis ConnectionTester::test(const QString &conninfo)
{
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("uaip-admin")))
        return diagnose(c.connectionError());
    ConnectionDiagnosis d;
    d.kind = ConnectionDiagnosis::Kind::Ok;
    d.serverVersion = c.parameter("server_version");
    const QString ssl = PQsslInUse(c.handle()) ? tr("encrypted (SSL)") : tr("not encrypted");
    d.summary = tr("Connected to PostgreSQL %1 as %2, database %3, %4.")
                    .arg(d.serverVersion, c.user(), c.database(), ssl);
    return d;
}

ConnectionDiagnosis ConnectionTester::test(const SessionSpec &spec)
{
    if (const QString problem = spec.problem(); !problem.isEmpty()) {
        ConnectionDiagnosis d;
        d.kind = spec.password ? ConnectionDiagnosis::Kind::Other
                               : ConnectionDiagnosis::Kind::NoPassword;
        d.summary = problem;
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
