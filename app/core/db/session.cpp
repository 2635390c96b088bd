#include "session.h"

#include "error/result.h"

#include "pgsqldriver.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace uaip {

namespace {

QAtomicInteger<quint64> g_sessionCounter;
QAtomicInt g_openSessions;

// The one statement a session sends after the connect: the database identity, and DateStyle ISO
// (keeping the database's date order) and bytea_output hex where the database or role
// configures another default. set_config in the select list is the SET; with PostgreSQL's
// defaults nothing is set.
// The server's start time (epoch microseconds, whatever the session's TimeZone) tells a
// promoted standby or a clone, which share the system identifier, from the server itself.
constexpr char kSetup[]
    = "SELECT system_identifier::text, current_database(), "
      "CASE WHEN current_setting('bytea_output') <> 'hex' "
      "THEN set_config('bytea_output', 'hex', false) END, "
      "(extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint::text, "
      "CASE WHEN current_setting('DateStyle') NOT LIKE 'ISO%' "
      "THEN set_config('DateStyle', 'ISO', false) END "
      "FROM pg_control_system()";
// Where a server revokes pg_control_system() (some managed services do): the server's address,
// port and start time still tell two sessions apart, and agree for two sessions on one server.
// (The refused statement above changed nothing: the SETs are done here.)
constexpr char kSetupFallback[]
    = "SELECT 'server ' || coalesce(host(inet_server_addr()), 'local') || ':' "
      "|| current_setting('port') || ' started ' "
      "|| extract(epoch FROM pg_postmaster_start_time())::bigint, current_database(), "
      "CASE WHEN current_setting('bytea_output') <> 'hex' "
      "THEN set_config('bytea_output', 'hex', false) END, "
      "(extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint::text, "
      "CASE WHEN current_setting('DateStyle') NOT LIKE 'ISO%' "
      "THEN set_config('DateStyle', 'ISO', false) END";
// A unit of work finds the reported DateStyle or client_encoding changed (a pooler that does
// not track them handed this client a backend another client set up): the session's again.
constexpr char kRestoreSettings[]
    = "SELECT set_config('DateStyle', 'ISO', false), set_config('client_encoding', 'UTF8', false)";
constexpr char kInsufficientPrivilege[] = "42501";

} // namespace

Session::Session(SessionSpec spec)
    : m_spec(std::move(spec))
    , m_connectionName(connectionNamePrefix() + QString::number(++g_sessionCounter))
{ }

Session::~Session()
{
    close();
}

Error Session::openError(const Error &why) const
{
    return why
        .in(tr("session \"%1\" to %2").arg(m_spec.applicationName(), m_spec.profile.describe()))
        .with(QStringLiteral("session"), m_spec.applicationName());
}

// The setup statement through QSqlQuery on the session's QSqlDatabase (the fallback only where
// the server refuses pg_control_system()).
static Result<DatabaseIdentity> setUp(QSqlDatabase &db)
{
    QSqlQuery q(db);
    bool ran = q.exec(QString::fromLatin1(kSetup));
    if (!ran && q.lastError().nativeErrorCode() == QLatin1String(kInsufficientPrivilege))
        ran = q.exec(QString::fromLatin1(kSetupFallback));
    if (!ran) { // the server's error, as the driver read it
        PgError e;
        e.severity = QStringLiteral("ERROR");
        e.sqlState = q.lastError().nativeErrorCode();
        e.message = q.lastError().databaseText().trimmed();
        return Error(e);
    }
    if (!q.next())
        return Error(ErrorCode::Internal,
                     Session::tr("the session could not read which database it is on"));
    DatabaseIdentity identity;
    identity.systemIdentifier = q.value(0).toString();
    identity.database = q.value(1).toString();
    identity.serverStart = q.value(3).toString();
    return identity;
}

Status Session::open()
{
    close();
    if (const QString problem = m_spec.problem(); !problem.isEmpty())
        return openError(Error(ErrorCode::BadInput, problem));
    // The one connect path (PgConnector): cancellable through canceller() meanwhile.
    PgConnection::OpenOptions options;
    options.applicationName = m_spec.applicationName();
    options.forceApplicationName = true;
    if (!m_pg.open(m_spec.conninfo(), options)) {
        return openError(m_pg.connectFailure().error());
    }
    m_pg.setCancelGraceMs(m_spec.cancelGraceMs);
    // A read-only profile stays read-only per transaction even where a pooler dropped the
    // default_transaction_read_only startup option (PgConnection::keptReadOnly): every
    // transaction READ ONLY, migrations refused.
    m_pg.setKeptReadOnly(m_spec.profile.readOnly);
    // The card's QSqlDatabase, over this connection (the database owns the driver).
    QSqlDatabase::addDatabase(new PgSqlDriver(&m_pg), m_connectionName);
    QSqlDatabase db = database();
    const Result<DatabaseIdentity> identity = setUp(db);
    if (!identity) {
        close();
        return openError(identity.error().isSet()
                             ? identity.error()
                             : Error(ErrorCode::Connection, tr("the session could not be set up")));
    }
    m_identity = identity.value();
    m_counted = true;
    g_openSessions.ref();
    return {};
}

Status Session::beginUnitOfWork()
{
    PGconn *c = m_pg.handle();
    if (!c)
        return Error(ErrorCode::Connection, tr("the session is not open"));
    // Both are reported by the server (ParameterStatus): checking costs no round trip.
    const bool dateStyleIso = QByteArray(PQparameterStatus(c, "DateStyle")).startsWith("ISO");
    // libpq's encoding id of the reported name (UNICODE is UTF8's alias)
    const bool utf8 = qstrcmp(pg_encoding_to_char(PQclientEncoding(c)), "UTF8") == 0;
    if (dateStyleIso && utf8)
        return {};
    PgResult r = pg().exec(kRestoreSettings);
    if (!r.ok())
        return Error(r.error());
    return {};
}

void Session::close()
{
    m_identity = {};
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close(); // the driver lets go of the connection
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_pg.close();
    if (m_counted) {
        m_counted = false;
        g_openSessions.deref();
    }
}

bool Session::isOpen() const
{
    return m_pg.isOpen();
}

int Session::openConnections()
{
    return g_openSessions.loadRelaxed();
}

QSqlDatabase Session::database()
{
    return QSqlDatabase::database(m_connectionName, false);
}

} // namespace uaip
