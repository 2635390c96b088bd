#include "connectiontester.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "util/sqlresource.h"

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

#include <memory>

#include <cerrno>
#include <poll.h>

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
    const QByteArray info = conninfo.toUtf8();
    // Later keywords override earlier ones, so the user's own conninfo wins over our defaults.
    const char *keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char *values[]
        = {"10", "uaip-admin", info.isEmpty() ? nullptr : info.constData(), nullptr};
    std::unique_ptr<PGconn, void (*)(PGconn *)> conn(PQconnectStartParams(keywords, values, 1),
                                                     &PQfinish);
    if (!conn)
        return diagnose(QStringLiteral("out of memory"));
    // Verbose: the server's errors carry their SQLSTATE ("FATAL:  28P01: ..."), which the
    // diagnosis goes by — not by the (translated) words.
    PQsetErrorVerbosity(conn.get(), PQERRORS_VERBOSE);
    int timeoutSeconds = 0;
    if (PQconninfoOption *options = PQconninfo(conn.get())) {
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (qstrcmp(o->keyword, "connect_timeout") == 0 && o->val)
                timeoutSeconds = QByteArray(o->val).toInt();
        PQconninfoFree(options);
    }
    const QDeadlineTimer deadline(timeoutSeconds > 0 ? timeoutSeconds * 1000 : -1);
    PostgresPollingStatusType state
        = PQstatus(conn.get()) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        if (deadline.hasExpired()) {
            ConnectionDiagnosis d = diagnose(QStringLiteral("timeout expired"));
            d.kind = ConnectionDiagnosis::Kind::Unreachable;
            return d;
        }
        pollfd p{PQsocket(conn.get()), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const qint64 left = deadline.remainingTime();
        const int n = ::poll(&p, 1, left < 0 ? -1 : int(qMin<qint64>(left, 1000)));
        if (n < 0 && errno != EINTR)
            break;
        if (n > 0)
            state = PQconnectPoll(conn.get());
    }
    if (PQstatus(conn.get()) != CONNECTION_OK)
        return diagnoseFailed(conn.get());
    ConnectionDiagnosis d;
    d.kind = ConnectionDiagnosis::Kind::Ok;
    d.serverVersion = QString::fromUtf8(PQparameterStatus(conn.get(), "server_version"));
    const QString ssl = PQsslInUse(conn.get()) ? tr("encrypted (SSL)") : tr("not encrypted");
    // which host of a list answered, and what it is
    d.answeredHost = QStringLiteral("%1:%2").arg(QString::fromUtf8(PQhost(conn.get())),
                                                 QString::fromUtf8(PQport(conn.get())));
    {
        PgConnection probe;
        probe.adopt(conn.get());
        const DbResult<ServerTopology> topology = ServerTopology::read(probe);
        probe.release();
        if (topology) {
            d.serverRole = topology.value().role();
            d.standby = topology.value().inRecovery;
        }
    }
    //: %1 version, %2 host:port, %3 primary / standby (read-only) of HOST, %4 user, %5 database
    d.summary
        = tr("Connected to PostgreSQL %1 on %2 (%3) as %4, database %5, %6.")
              .arg(d.serverVersion, d.answeredHost,
                   d.serverRole.isEmpty() ? tr("role unknown") : d.serverRole,
                   QString::fromUtf8(PQuser(conn.get())), QString::fromUtf8(PQdb(conn.get())), ssl);
    d.summary += u' ' + roleCanWrite(conn.get(), &d.roleCanWrite);
    return d;
}

QString ConnectionTester::roleCanWrite(PGconn *conn, std::optional<bool> *canWrite)
{
    const QByteArray sql = SqlResource::get(QStringLiteral("connections/sql/role_can_write.sql"));
    std::unique_ptr<PGresult, void (*)(PGresult *)> r(
        PQexecParams(conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0), &PQclear);
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1)
        return tr("Whether the role can write is unknown: %1")
            .arg(QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed());
    const bool super = QByteArray(PQgetvalue(r.get(), 0, 0)) == "t";
    const int tables = QByteArray(PQgetvalue(r.get(), 0, 1)).toInt();
    const int schemas = QByteArray(PQgetvalue(r.get(), 0, 2)).toInt();
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

ConnectionDiagnosis ConnectionTester::diagnoseFailed(PGconn *conn)
{
    using Kind = ConnectionDiagnosis::Kind;
    const QString text = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    // The server's errors: "<severity>:  28P01: ..." (libpq's layout; the SQLSTATE is never
    // translated, the severity may be).
    static const QRegularExpression coded(QStringLiteral("[^\\s:]+:  ([0-9A-Z]{5}): "));
    const QString sqlState = coded.match(text).captured(1);
    QStringList lines = text.split(u'\n');
    lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("LOCATION:")); });
    const QString shown = lines.join(u'\n').trimmed();
    const QString user = QString::fromUtf8(PQuser(conn));
    const QString database = QString::fromUtf8(PQdb(conn));
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
    } else if (PQconnectionNeedsPassword(conn)) {
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
