#include "session.h"

#include "sessioncanceller.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

namespace uaip {

namespace {

QAtomicInteger<quint64> g_sessionCounter;

// What the session needs after QPSQL's connect statements, in ONE round trip: bytea_output
// back to hex (QPSQL sets escape; set_config in the select list is the SET, session-wide)
// and the database identity. client_encoding and DateStyle are QPSQL's already.
constexpr char kSessionSetup[]
    = "SELECT set_config('bytea_output', 'hex', false), system_identifier::text, "
      "current_database() FROM pg_control_system()";
// Where a server revokes pg_control_system() (some managed services do): the server's address,
// port and start time still tell two sessions apart, and agree for two sessions on one server.
// (The refused statement above changed nothing: the SET is done here.)
constexpr char kSessionSetupFallback[]
    = "SELECT set_config('bytea_output', 'hex', false), 'server ' || "
      "coalesce(host(inet_server_addr()), 'local') || ':' "
      "|| current_setting('port') || ' started ' "
      "|| extract(epoch FROM pg_postmaster_start_time())::bigint, current_database()";
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

DbStatus Session::open()
{
    close();
    if (const QString problem = m_spec.problem(); !problem.isEmpty())
        return openError(problem, QStringLiteral("08001"));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        const ConnectionProfile &p = m_spec.profile;
        db.setHostName(p.host);
        if (p.port > 0)
            db.setPort(p.port);
        db.setDatabaseName(p.database);
        db.setUserName(p.user);
        db.setPassword(*m_spec.password);
        db.setConnectOptions(m_spec.connectOptions());
        if (!db.open()) {
            const QSqlError error = db.lastError();
            const QString text = error.databaseText().trimmed().isEmpty()
                ? error.text()
                : error.databaseText().trimmed();
            const QString state = error.nativeErrorCode().isEmpty() ? QStringLiteral("08001")
                                                                    : error.nativeErrorCode();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return openError(text, state);
        }
        const QVariant handle = db.driver()->handle();
        // Qt 6 names the type by libpq's struct tag (pg_conn*); Qt 5 said PGconn*.
        const bool isPgConn = qstrcmp(handle.typeName(), "pg_conn*") == 0
            || qstrcmp(handle.typeName(), "PGconn*") == 0;
        if (!isPgConn || !*static_cast<PGconn *const *>(handle.data())) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return openError(tr("the Qt PostgreSQL driver gave no libpq connection"),
                             QStringLiteral("08001"));
        }
        m_pg.adopt(*static_cast<PGconn *const *>(handle.data()));
    }

    PgResult setup = m_pg.exec(kSessionSetup);
    if (!setup.ok() && setup.error().sqlState == QLatin1String(kInsufficientPrivilege))
        setup = m_pg.exec(kSessionSetupFallback);
    if (!setup.ok() || setup.rows() != 1) {
        PgError e = setup.error();
        if (!e.isSet())
            e = openError(tr("the session could not be set up"), QStringLiteral("08001"));
        close();
        return e;
    }
    m_identity = {setup.value(0, 1), setup.value(0, 2)};
    m_canceller = std::make_shared<SessionCanceller>(m_pg.handle(), m_spec.cancelGraceMs);
    return {};
}

void Session::close()
{
    if (m_canceller) {
        m_canceller->detach();
        m_canceller.reset();
    }
    m_pg.release();
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

QSqlDatabase Session::database() const
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
