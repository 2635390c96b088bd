#include "pgconnector.h"

#include "connectprobe.h"
#include "connecttargets.h"
#include "conninfo.h"
#include "hostresolver.h"
#include "libpqsqlstate.h"
#include "pgsocketwait.h"

#include <QDir>
#include <QFileInfo>
#include <QList>
#include <QStringList>

#include <libpq-fe.h>
#include <openssl/crypto.h>

#include <poll.h>
#include <utility>
#include <vector>

namespace uaip {

namespace {

using Cause = ConnectFailure::Cause;
using Opened = PgConnector::Opened;
using Wait = PgSocketWait::ConnectWait;

constexpr int kDefaultTimeoutSeconds = 10;

// libpq's SCRAM and TLS keep OpenSSL state per thread. OpenSSL's exit handler frees every
// thread's state, while a worker thread (Qt's are detached: nothing joins them) that ends at the
// same moment frees its own: a double free as the process exits. Before anything uses OpenSSL,
// its exit handler is declined; the state lives until the process ends.
void keepOpenSslStateUntilExit()
{
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
}
Q_CONSTRUCTOR_FUNCTION(keepOpenSslStateUntilExit)

// Keyword/value pairs for PQconnectStartParams; a later keyword overrides an earlier one, an
// empty value is left out (libpq's default then).
class Params
{
public:
    void add(const QByteArray &keyword, const QByteArray &value)
    {
        if (!value.isEmpty())
            m_items.emplace_back(keyword, value);
    }
    // Stable while this object lives and is not changed.
    void seal()
    {
        for (const auto &[keyword, value] : m_items) {
            m_keywords.push_back(keyword.constData());
            m_values.push_back(value.constData());
        }
        m_keywords.push_back(nullptr);
        m_values.push_back(nullptr);
    }
    const char *const *keywords() const { return m_keywords.data(); }
    const char *const *values() const { return m_values.data(); }
    // Whether the first "dbname" is a conninfo libpq expands (the conninfo libpq reads itself).
    bool expand = false;

private:
    std::vector<std::pair<QByteArray, QByteArray>> m_items;
    std::vector<const char *> m_keywords;
    std::vector<const char *> m_values;
};

// Where one attempt connects: a target of the list and one of its addresses (empty for a Unix
// socket); no target when libpq tries the conninfo's own list.
struct Place
{
    const ConnectTargets::Target *target = nullptr;
    QByteArray address;
};

QByteArray applicationNameOf(const PgOpenOptions &options)
{
    return options.applicationName.isEmpty() ? QByteArrayLiteral("uaip-admin")
                                             : options.applicationName.toUtf8();
}

// Our defaults first: the conninfo's own keywords win over them. client_encoding comes last
// (UTF8 always), in the startup packet: no SET round trip.
void addDefaults(Params *p, const PgOpenOptions &options)
{
    p->add("connect_timeout", QByteArray::number(kDefaultTimeoutSeconds));
    p->add("fallback_application_name", applicationNameOf(options));
}

void addOverrides(Params *p, const PgOpenOptions &options)
{
    p->add("client_encoding", "UTF8");
    if (options.forceApplicationName)
        p->add("application_name", applicationNameOf(options));
}

// libpq's text of an attempt, its LOCATION lines (the server's source file) left out.
QString messageOf(PGconn *c)
{
    QStringList lines = QString::fromUtf8(PQerrorMessage(c)).split(u'\n');
    lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("LOCATION:")); });
    return lines.join(u'\n').trimmed();
}

QString conninfoValue(PGconn *c, const char *keyword)
{
    QString value;
    if (PQconninfoOption *options = PQconninfo(c)) {
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (qstrcmp(o->keyword, keyword) == 0 && o->val)
                value = QString::fromUtf8(o->val);
        PQconninfoFree(options);
    }
    return value;
}

// Whether the root certificate verify-ca and verify-full need is missing (libpq's default
// file unless sslrootcert names one).
bool rootCertMissing(PGconn *c, const QString &sslMode)
{
    if (sslMode != QLatin1String("verify-ca") && sslMode != QLatin1String("verify-full"))
        return false;
    QString file = conninfoValue(c, "sslrootcert");
    if (file.isEmpty())
        file = QDir::homePath() + QStringLiteral("/.postgresql/root.crt");
    return !QFileInfo::exists(file);
}

// Why the socket did not connect, seen by the connector's own connect() to the same place.
Cause probe(PGconn *c, const Place &place, SessionCanceller &canceller,
            const QDeadlineTimer &deadline)
{
    QByteArray host = PQhost(c); // libpq's default socket folder when none was given
    QByteArray port = PQport(c);
    if (place.target && host.isEmpty())
        host = place.target->host;
    if (place.target && port.isEmpty())
        port = place.target->port;
    if (place.target && !place.target->isSocket())
        return ConnectProbe::tcp(place.address, port, canceller, deadline);
    if (host.startsWith('/') || host.startsWith('@'))
        return ConnectProbe::socket(host, port);
    return Cause::Other; // libpq's own list: which address failed is not known
}

// A connection string or URI libpq cannot read (ConnInfo::parse says why); nothing when it can,
// or when libpq would take the text as a database name (no "=" and no URI prefix: libpq's
// recognized_connection_string), which is no connection string to read.
std::optional<ConnectFailure> unreadableConninfo(const QString &conninfo)
{
    if (!conninfo.contains(u'=') && !conninfo.startsWith(QLatin1String("postgresql://"))
        && !conninfo.startsWith(QLatin1String("postgres://")))
        return std::nullopt;
    const Result<ConnInfo> parsed = ConnInfo::parse(conninfo);
    if (parsed || parsed.error().code() != ErrorCode::BadInput)
        return std::nullopt; // out of memory: the attempt says so
    ConnectFailure failure;
    failure.cause = Cause::BadConninfo;
    failure.message = parsed.error().text();
    return failure;
}

// How far an attempt got, to tell which failure of a host list says most.
int rankOf(Cause cause)
{
    switch (cause) {
    case Cause::None:
        return 0;
    case Cause::UnknownHost:
        return 1;
    case Cause::TimedOut:
        return 2;
    case Cause::Refused:
    case Cause::Unreachable:
    case Cause::NoSocket:
        return 3;
    case Cause::Other:
        return 4;
    case Cause::NoAnswer:
        return 5;
    case Cause::Ssl:
        return 6;
    case Cause::WrongServerType:
        return 7;
    case Cause::NeedsPassword:
        return 8;
    case Cause::ServerError:
        return 9;
    case Cause::Cancelled:
        return 10;
    case Cause::BadConninfo:
        return 11;
    case Cause::UnsupportedServer:
        return 12;
    }
    return 0;
}

// Why the attempt on c failed: libpq's state when it did (stage) and how the wait ended.
ConnectFailure describe(PGconn *c, ConnStatusType stage, Wait ended, const Place &place,
                        SessionCanceller &canceller, const QDeadlineTimer &deadline)
{
    ConnectFailure failure;
    failure.message = messageOf(c);
    failure.user = QString::fromUtf8(PQuser(c));
    failure.database = QString::fromUtf8(PQdb(c));
    failure.sslMode = conninfoValue(c, "sslmode");
    const bool connecting = stage == CONNECTION_NEEDED || stage == CONNECTION_STARTED;
    if (ended == Wait::Cancelled) {
        failure.cause = Cause::Cancelled;
        failure.message = PgConnector::tr("the connection attempt was cancelled");
        return failure;
    }
    if (ended == Wait::TimedOut) {
        failure.cause = connecting ? Cause::TimedOut : Cause::NoAnswer;
        //: libpq's words when connect_timeout passes
        failure.message += u' ' + PgConnector::tr("timeout expired");
        return failure;
    }
    failure.sqlState = libpqSqlState(failure.message);
    if (!failure.sqlState.isEmpty())
        failure.cause = Cause::ServerError;
    else if (PQconnectionNeedsPassword(c))
        failure.cause = Cause::NeedsPassword;
    else if (ended == Wait::Ready && connecting)
        failure.cause = probe(c, place, canceller, deadline);
    else if (stage == CONNECTION_SSL_STARTUP)
        failure.cause = Cause::Ssl;
    else if (stage == CONNECTION_CHECK_WRITABLE || stage == CONNECTION_CHECK_TARGET
             || stage == CONNECTION_CHECK_STANDBY)
        failure.cause = Cause::WrongServerType;
    else
        failure.cause = Cause::Other;
    if (failure.cause == Cause::Cancelled)
        failure.message = PgConnector::tr("the connection attempt was cancelled");
    failure.rootCertMissing = failure.cause == Cause::Ssl && rootCertMissing(c, failure.sslMode);
    return failure;
}

// One attempt, driven to its end within timeoutMs (-1: none).
Opened attempt(const Params &params, const Place &place, SessionCanceller &canceller, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                : QDeadlineTimer(timeoutMs));
    PGconn *c = PQconnectStartParams(params.keywords(), params.values(), params.expand ? 1 : 0);
    if (!c) {
        Opened out;
        out.failure.cause = Cause::Other;
        out.failure.message = PgConnector::tr("out of memory");
        return out;
    }
    // Before the server answers: its errors then carry their SQLSTATE.
    PQsetErrorVerbosity(c, PQERRORS_VERBOSE);
    ConnStatusType stage = PQstatus(c) == CONNECTION_BAD ? CONNECTION_NEEDED : PQstatus(c);
    PostgresPollingStatusType state
        = PQstatus(c) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    Wait ended = Wait::Ready;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        ended = PgSocketWait::forConnect(
            PQsocket(c), state == PGRES_POLLING_READING ? POLLIN : POLLOUT, canceller, deadline);
        if (ended != Wait::Ready)
            break;
        stage = PQstatus(c);
        state = PQconnectPoll(c);
    }
    if (state == PGRES_POLLING_OK && PQstatus(c) == CONNECTION_OK) {
        PQsetErrorVerbosity(c, PQERRORS_DEFAULT); // the commands' errors as usual
        return Opened{c, {}};
    }
    Opened out{nullptr, describe(c, stage, ended, place, canceller, deadline)};
    PQfinish(c);
    return out;
}

ConnectFailure furthest(const QList<ConnectFailure> &failures)
{
    ConnectFailure out;
    QStringList messages;
    for (const ConnectFailure &f : failures) {
        if (rankOf(f.cause) > rankOf(out.cause))
            out = f;
        if (!f.message.isEmpty())
            messages << f.message;
    }
    out.message = messages.join(u'\n');
    for (const ConnectFailure &f : failures) { // the user and database meant, if it did not say
        if (out.user.isEmpty())
            out.user = f.user;
        if (out.database.isEmpty())
            out.database = f.database;
    }
    return out;
}

// The addresses of one target, or the failure of their lookup (its cause None when found).
struct Addresses
{
    QList<QByteArray> addresses;
    ConnectFailure failure;
};

// The addresses of one target: the given one, none for a Unix socket (one attempt), or the
// host name's, looked up. Empty with the failure set when the lookup failed or was ended.
Addresses addressesOf(const ConnectTargets::Target &target, SessionCanceller &canceller,
                      int timeoutMs)
{
    if (target.isSocket())
        return {{QByteArray()}, {}};
    if (!target.hostaddr.isEmpty())
        return {{target.hostaddr}, {}};
    const HostResolver::Found found = HostResolver::resolve(
        target.host, canceller,
        timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
    ConnectFailure failure;
    if (found.wait == Wait::Cancelled) {
        failure.cause = Cause::Cancelled;
        failure.message = PgConnector::tr("the connection attempt was cancelled");
    } else if (found.wait != Wait::Ready) {
        failure.cause = Cause::TimedOut;
        failure.message
            = HostResolver::tr("could not translate host name \"%1\" to address: %2")
                  .arg(QString::fromUtf8(target.host), PgConnector::tr("timeout expired"));
    } else if (found.error != 0 || found.addresses.isEmpty()) {
        failure.cause = Cause::UnknownHost;
        failure.message = found.message;
    }
    if (failure.cause != Cause::None)
        return {{}, failure};
    return {found.addresses, {}};
}

// Every target of the list, each of its addresses in turn, for one target_session_attrs value.
// Where libpq's own host list stops: a server that answered with an error (but 57P03, "cannot
// connect now": starting up, shutting down) or asked for a password it was not given. The
// password is never offered to the next host, and a second pass never runs.
bool endsTheList(const ConnectFailure &failure)
{
    return failure.needsPassword()
        || (failure.cause == Cause::ServerError && failure.sqlState != QLatin1String("57P03"));
}

// Where libpq moves on to the next host, not the next address of this one.
bool nextHost(const ConnectFailure &failure)
{
    return failure.cause == Cause::WrongServerType
        || (failure.cause == Cause::ServerError && failure.sqlState == QLatin1String("57P03"));
}

// One pass over the list: the connection, or each attempt's failure in turn.
struct Pass
{
    PGconn *conn = nullptr;
    QList<ConnectFailure> failures;
};

Pass tryTargets(const ConnectTargets &targets, const PgOpenOptions &options,
                const QByteArray &targetSessionAttrs, SessionCanceller &canceller, int timeoutMs)
{
    Pass pass;
    for (const ConnectTargets::Target &target : targets.targets()) {
        const Addresses found = addressesOf(target, canceller, timeoutMs);
        if (found.failure.cause != Cause::None) {
            pass.failures.append(found.failure);
            if (found.failure.cancelled())
                return pass;
            continue;
        }
        for (const QByteArray &address : found.addresses) {
            Params params;
            addDefaults(&params, options);
            for (const auto &[keyword, value] : targets.keywords())
                params.add(keyword, value);
            addOverrides(&params, options);
            params.add("host", target.host);
            params.add("hostaddr", address);
            params.add("port", target.port);
            params.add("target_session_attrs", targetSessionAttrs);
            params.seal();
            Opened opened = attempt(params, Place{&target, address}, canceller, timeoutMs);
            if (opened.ok()) {
                pass.conn = opened.conn;
                return pass;
            }
            const ConnectFailure &failure = opened.failure;
            pass.failures.append(failure);
            if (failure.cancelled() || endsTheList(failure))
                return pass;
            if (nextHost(failure))
                break; // libpq: the wrong type of server, or one starting up: the next host
        }
    }
    return pass;
}

} // namespace

PgConnector::Opened PgConnector::connect(const QString &conninfo, const PgOpenOptions &options,
                                         SessionCanceller &canceller)
{
    if (const std::optional<ConnectFailure> unreadable = unreadableConninfo(conninfo))
        return Opened{nullptr, *unreadable};
    const int timeoutMs = ConnectTargets::timeoutMs(conninfo, kDefaultTimeoutSeconds);
    const std::optional<ConnectTargets> targets = ConnectTargets::of(conninfo);
    if (!targets) {
        // Targets only libpq can name (or a conninfo it refuses, saying why): its own list, in
        // one attempt within one deadline.
        Params params;
        addDefaults(&params, options);
        params.add("dbname", conninfo.toUtf8());
        params.expand = true;
        addOverrides(&params, options);
        params.seal();
        return attempt(params, Place{}, canceller, timeoutMs);
    }
    // prefer-standby: a standby of the list first, then any (libpq's two passes).
    const QByteArray wanted = targets->value("target_session_attrs");
    const QList<QByteArray> passes = wanted == "prefer-standby"
        ? QList<QByteArray>{QByteArrayLiteral("standby"), QByteArrayLiteral("any")}
        : QList<QByteArray>{wanted};
    QList<ConnectFailure> failures;
    for (const QByteArray &attrs : passes) {
        Pass pass = tryTargets(*targets, options, attrs, canceller, timeoutMs);
        if (pass.conn)
            return Opened{pass.conn, {}};
        failures += pass.failures;
        if (!failures.isEmpty() && (failures.last().cancelled() || endsTheList(failures.last())))
            break;
    }
    return Opened{nullptr, furthest(failures)};
}

} // namespace uaip
