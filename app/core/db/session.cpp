#include "session.h"

#include "qpsqlopenguard.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace uaip {

namespace {

QAtomicInteger<quint64> g_sessionCounter;
QAtomicInt g_openQpsql;

// The one statement a session sends after QPSQL's open: the database identity, and bytea_output
// hex where the database or role configures another default (QPSQL's own `SET bytea_output TO
// escape` never reaches the server: QpsqlOpenGuard). set_config in the select list is the SET;
// with PostgreSQL's default nothing is set.
// The server's start time (epoch microseconds, whatever the session's TimeZone) tells a
// promoted standby or a clone, which share the system identifier, from the server itself.
constexpr char kSetup[]
    = "SELECT system_identifier::text, current_database(), "
      "CASE WHEN current_setting('bytea_output') <> 'hex' "
      "THEN set_config('bytea_output', 'hex', false) END, "
      "(extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint::text "
      "FROM pg_control_system()";
// Where a server revokes pg_control_system() (some managed services do): the server's address,
// port and start time still tell two sessions apart, and agree for two sessions on one server.
// (The refused statement above changed nothing: the SET is done here.)
constexpr char kSetupFallback[]
    = "SELECT 'server ' || coalesce(host(inet_server_addr()), 'local') || ':' "
      "|| current_setting('port') || ' started ' "
      "|| extract(epoch FROM pg_postmaster_start_time())::bigint, current_database(), "
      "CASE WHEN current_setting('bytea_output') <> 'hex' "
      "THEN set_config('bytea_output', 'hex', false) END, "
      "(extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint::text";
// A unit of work finds the reported DateStyle or client_encoding changed (a pooler that does
// not track them handed this client a backend another client set up): QPSQL's settings again.
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

PgError Session::openError(const QString &message, const QString &sqlState) const
{
    PgError e;
    e.severity = QStringLiteral("FATAL");
    e.sqlState = sqlState;
    e.message = message;
    e.context = tr("session \"%1\" to %2").arg(m_spec.applicationName(), m_spec.profile.describe());
    return e;
}

// The setup statement through QSqlQuery on the QPSQL connection (the fallback only where the
// server refuses pg_control_system()); the query is finished before libpq uses the handle.
static DbResult<DatabaseIdentity> setUp(QSqlDatabase &db)
{
    // Not forward-only: QPSQL would run it in single-row mode and could leave the end of the
    // result on the connection for libpq's next command to read as its own.
    QSqlQuery q(db);
    bool ran = q.exec(QString::fromLatin1(kSetup));
    if (!ran && q.lastError().nativeErrorCode() == QLatin1String(kInsufficientPrivilege))
        ran = q.exec(QString::fromLatin1(kSetupFallback));
    PgError e;
    e.sqlState = QStringLiteral("08001");
    if (!ran) {
        e.sqlState = q.lastError().nativeErrorCode();
        e.message = q.lastError().databaseText().trimmed();
        return e;
    }
    if (!q.next()) {
        e.message = Session::tr("the session could not read which database it is on");
        return e;
    }
    DatabaseIdentity identity;
    identity.systemIdentifier = q.value(0).toString();
    identity.database = q.value(1).toString();
    identity.serverStart = q.value(3).toString();
    q.finish();
    return identity;
}

DbStatus Session::open()
{
    close();
    if (const QString problem = m_spec.problem(); !problem.isEmpty())
        return openError(problem, QStringLiteral("08001"));
    // The card's path: QSqlDatabase with the QPSQL driver opens the connection, and pg() adopts
    // the driver's PGconn* for what QSqlQuery cannot do (COPY, pipelines, cancel, PG_DIAG).
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    const ConnectionProfile &p = m_spec.profile;
    db.setHostName(p.host);
    if (p.port > 0)
        db.setPort(p.port);
    db.setDatabaseName(p.database);
    db.setUserName(p.user);
    db.setPassword(m_spec.password.value_or(QString()));
    db.setConnectOptions(m_spec.connectOptions());
    bool opened = false;
    {
        const QpsqlOpenGuard guard; // QPSQL's SET bytea_output stays here
        opened = db.open();
    }
    if (!opened) {
        const QSqlError error = db.lastError();
        const QString text = error.databaseText().trimmed().isEmpty()
            ? error.text()
            : error.databaseText().trimmed();
        close();
        return openError(text, QStringLiteral("08001"));
    }
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type by libpq's struct tag (pg_conn*); Qt 5 said PGconn*.
    const bool isPgConn
        = qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0;
    PGconn *conn = isPgConn ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
    if (!conn) {
        close();
        return openError(tr("the Qt PostgreSQL driver gave no libpq connection"),
                         QStringLiteral("08001"));
    }
    const DbResult<DatabaseIdentity> identity = setUp(db);
    if (!identity) {
        PgError e = identity.error();
        if (e.message.isEmpty())
            e = openError(tr("the session could not be set up"), QStringLiteral("08001"));
        close();
        return e;
    }
    m_identity = identity.value();
    // Whatever the driver left unread is read now, so libpq's first command meets an idle
    // connection (PQgetResult returns null at once when nothing is pending).
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
    m_pg.adopt(conn);
    m_pg.setCancelGraceMs(m_spec.cancelGraceMs);
    // A read-only profile stays read-only per transaction even where a pooler dropped the
    // default_transaction_read_only startup option (PgConnection::keptReadOnly): every
    // TransactionGuard transaction READ ONLY, migrations refused.
    m_pg.setKeptReadOnly(m_spec.profile.readOnly);
    m_counted = true;
    g_openQpsql.ref();
    return {};
}

DbStatus Session::beginUnitOfWork()
{
    PGconn *c = m_pg.handle();
    if (!c)
        return openError(tr("the session is not open"), QStringLiteral("08003"));
    // Both are reported by the server (ParameterStatus): checking costs no round trip.
    const bool dateStyleIso = QByteArray(PQparameterStatus(c, "DateStyle")).startsWith("ISO");
    // libpq's encoding id of the reported name (QPSQL asks for UNICODE, UTF8's alias)
    const bool utf8 = qstrcmp(pg_encoding_to_char(PQclientEncoding(c)), "UTF8") == 0;
    if (dateStyleIso && utf8)
        return {};
    PgResult r = pg().exec(kRestoreSettings);
    if (!r.ok())
        return r.error();
    return {};
}

void Session::close()
{
    m_pg.close(); // the adopted QPSQL connection is only let go; QSqlDatabase closes it
    if (m_counted) {
        m_counted = false;
        g_openQpsql.deref();
    }
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

int Session::openQpsqlConnections()
{
    return g_openQpsql.loadRelaxed();
}

QSqlDatabase Session::database()
{
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
