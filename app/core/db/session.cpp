#include "session.h"

#include "readonlyconnections.h"
#include "sessioncanceller.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

namespace uaip {

namespace {

QAtomicInteger<quint64> g_sessionCounter;

// The one statement a session sends on open: DateStyle ISO and bytea_output hex (set_config in
// the select list is the SET, session-wide; DateStyle as QPSQL set it, keeping the date order a
// database or role configures) and the database identity. client_encoding (and read-only) are
// in the startup packet (SessionSpec::conninfo).
constexpr char kIdentity[]
    = "SELECT system_identifier::text, current_database(), set_config('DateStyle', 'ISO', false), "
      "set_config('bytea_output', 'hex', false) FROM pg_control_system()";
// Where a server revokes pg_control_system() (some managed services do): the server's address,
// port and start time still tell two sessions apart, and agree for two sessions on one server.
// (The refused statement above changed nothing: the SETs are done here.)
constexpr char kIdentityFallback[]
    = "SELECT 'server ' || coalesce(host(inet_server_addr()), 'local') || ':' "
      "|| current_setting('port') || ' started ' "
      "|| extract(epoch FROM pg_postmaster_start_time())::bigint, current_database(), "
      "set_config('DateStyle', 'ISO', false), set_config('bytea_output', 'hex', false)";
// On the QPSQL connection (database()): bytea_output back to hex (QPSQL sets escape; set_config
// in the select list is the SET, session-wide) and the identity, in one statement.
constexpr char kQpsqlSetup[] = "SELECT system_identifier::text, current_database(), "
                               "set_config('bytea_output', 'hex', false) FROM pg_control_system()";
constexpr char kQpsqlSetupFallback[]
    = "SELECT 'server ' || coalesce(host(inet_server_addr()), 'local') || ':' "
      "|| current_setting('port') || ' started ' "
      "|| extract(epoch FROM pg_postmaster_start_time())::bigint, current_database(), "
      "set_config('bytea_output', 'hex', false)";
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

PgError Session::openError(const QString &message, const QString &sqlState) const
{
    PgError e;
    e.severity = QStringLiteral("FATAL");
    e.sqlState = sqlState;
    e.message = message;
    e.context = tr("session \"%1\" to %2").arg(m_spec.applicationName(), m_spec.profile.describe());
    return e;
}

// The identity on connection c: one statement (the fallback only where the server refuses
// pg_control_system()).
static DbResult<DatabaseIdentity> readIdentity(PgConnection &c, const char *sql,
                                               const char *fallback)
{
    PgResult r = c.exec(sql);
    if (!r.ok() && r.error().sqlState == QLatin1String(kInsufficientPrivilege))
        r = c.exec(fallback);
    if (!r.ok())
        return r.error();
    if (r.rows() != 1) {
        PgError e;
        e.sqlState = QStringLiteral("08001");
        e.message = Session::tr("the session could not read which database it is on");
        return e;
    }
    DatabaseIdentity identity;
    identity.systemIdentifier = r.value(0, 0);
    identity.database = r.value(0, 1);
    return identity;
}

DbStatus Session::open()
{
    close();
    if (const QString problem = m_spec.problem(); !problem.isEmpty())
        return openError(problem, QStringLiteral("08001"));
    if (!m_pg.open(m_spec.conninfo(), m_spec.applicationName()))
        return openError(m_pg.connectionError(), QStringLiteral("08001"));
    const DbResult<DatabaseIdentity> identity = readIdentity(m_pg, kIdentity, kIdentityFallback);
    if (!identity) {
        PgError e = identity.error();
        if (!e.isSet())
            e = openError(tr("the session could not be set up"), QStringLiteral("08001"));
        close();
        return e;
    }
    m_identity = identity.value();
    // A read-only profile stays read-only per transaction even where a pooler dropped the
    // default_transaction_read_only startup option (ReadOnlyConnections): every
    // TransactionGuard transaction READ ONLY, migrations refused.
    if (m_spec.profile.readOnly)
        ReadOnlyConnections::mark(&m_pg);
    // Registered now (the connection name is the session's from the start); connected on
    // database()'s first call.
    QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_canceller = std::make_shared<SessionCanceller>(m_pg.handle(), m_spec.cancelGraceMs);
    return {};
}

QString Session::openQpsql()
{
    if (!m_pg.handle())
        return tr("the session is not open");
    if (PQtransactionStatus(m_pg.handle()) != PQTRANS_IDLE)
        return tr("a transaction is open on the session's libpq connection");
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const ConnectionProfile &p = m_spec.profile;
    db.setHostName(p.host);
    if (p.port > 0)
        db.setPort(p.port);
    db.setDatabaseName(p.database);
    db.setUserName(p.user);
    db.setPassword(m_spec.password.value_or(QString()));
    db.setConnectOptions(m_spec.connectOptions());
    if (!db.open()) {
        const QSqlError error = db.lastError();
        return error.databaseText().trimmed().isEmpty() ? error.text()
                                                        : error.databaseText().trimmed();
    }
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type by libpq's struct tag (pg_conn*); Qt 5 said PGconn*.
    const bool isPgConn
        = qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0;
    PGconn *conn = isPgConn ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
    if (!conn) {
        db.close();
        return tr("the Qt PostgreSQL driver gave no libpq connection");
    }
    PgConnection probe;
    probe.adopt(conn);
    const DbResult<DatabaseIdentity> identity
        = readIdentity(probe, kQpsqlSetup, kQpsqlSetupFallback);
    probe.release();
    if (!identity || identity.value() != m_identity) {
        db.close();
        return identity ? tr("the Qt PostgreSQL driver reached %1, not %2")
                              .arg(identity.value().describe(), m_identity.describe())
                        : identity.error().toString();
    }
    // The canceller first: it never holds the connection that adopt() is about to close.
    if (m_canceller)
        m_canceller->retarget(conn);
    m_pg.adopt(conn); // closes the session's own connection
    m_onQpsql = true;
    return QString();
}

void Session::close()
{
    ReadOnlyConnections::unmark(&m_pg);
    if (m_canceller) {
        m_canceller->detach();
        m_canceller.reset();
    }
    m_pg.close(); // the session's own connection; an adopted QPSQL one is only let go
    m_onQpsql = false;
    m_identity = {};
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Session::isOpen() const
{
    return m_pg.handle() && PQstatus(m_pg.handle()) == CONNECTION_OK;
}

QSqlDatabase Session::database()
{
    if (!m_onQpsql) {
        if (const QString problem = openQpsql(); !problem.isEmpty())
            qWarning(
                "%s",
                qPrintable(tr("QPSQL connection of session \"%1\" to %2: %3")
                               .arg(m_spec.applicationName(), m_spec.profile.describe(), problem)));
    }
    return QSqlDatabase::database(m_connectionName, false);
}

PgConnection &Session::pg()
{
    // A QSqlQuery left unfinished (single-row mode) keeps the connection busy: drain it, as
    // QPSQL itself does before its next query, so libpq starts on an idle connection.
    if (PGconn *c = m_pg.handle(); c && PQtransactionStatus(c) == PQTRANS_ACTIVE) {
        while (PGresult *r = PQgetResult(c))
            PQclear(r);
    }
    return m_pg;
}

} // namespace uaip
