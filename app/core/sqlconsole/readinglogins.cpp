#include "readinglogins.h"

#include "db/conninfo.h"
#include "db/pgconnection.h"
#include "db/sessioncanceller.h"
#include "db/sqlresource.h"
#include "sqlguard.h"
#include "sqlparse/parsetreenames.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

QStringList jsonStrings(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

QString escapedList(const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out << VisibleText::escaped(n);
    return out.join(QStringLiteral(", "));
}

} // namespace

ReadingLogins::ReadingLogins() = default;
ReadingLogins::~ReadingLogins() = default;

QString ReadingLogins::readerRole()
{
    const QString configured = qEnvironmentVariable("UAIP_READER");
    return configured.isEmpty() ? QString::fromLatin1(kReaderRole) : configured;
}

QStringList ReadingLogins::readingRoles()
{
    return {QStringLiteral("pg_monitor"), QStringLiteral("pg_read_all_data"),
            QStringLiteral("pg_read_all_settings"), QStringLiteral("pg_read_all_stats"),
            QStringLiteral("pg_stat_scan_tables")};
}

QStringList ReadingLogins::dangerousRoles()
{
    return {QStringLiteral("pg_execute_server_program"), QStringLiteral("pg_read_server_files"),
            QStringLiteral("pg_signal_autovacuum_worker"), QStringLiteral("pg_signal_backend"),
            QStringLiteral("pg_write_server_files")};
}

QStringList ReadingLogins::createLines(const QString &role)
{
    const QString r = ParseTreeNames::quoteIdentifier(role);
    return {QStringLiteral("CREATE ROLE %1 LOGIN BYPASSRLS PASSWORD '…';").arg(r),
            QStringLiteral("GRANT pg_read_all_data, pg_read_all_stats TO %1;").arg(r)};
}

Result<ReadingLogins::Rights> ReadingLogins::rightsOf(PgConnection &c)
{
    const PgResult r = c.exec(
        SqlResource::of("sqlconsole", "login_rights"),
        {u'{' + readingRoles().join(u',') + u'}', u'{' + dangerousRoles().join(u',') + u'}'});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1)
        return Error(ErrorCode::NotFound, tr("the session's login role is not in pg_roles"));
    Rights rights;
    rights.login = r.value(0, "login");
    rights.dangers = jsonStrings(r.value(0, "dangers"));
    rights.otherRoles = jsonStrings(r.value(0, "other_roles"));
    rights.createdb = r.value(0, "createdb") == u"t";
    rights.bypassrls = r.value(0, "bypassrls") == u"t";
    return rights;
}

QString ReadingLogins::readerFaults(const Rights &rights)
{
    QStringList faults;
    if (!rights.dangers.isEmpty())
        faults << tr("it holds %1").arg(escapedList(rights.dangers));
    if (!rights.otherRoles.isEmpty())
        faults
            << tr("it is a member of %1, not a reading role").arg(escapedList(rights.otherRoles));
    if (rights.createdb)
        faults << tr("it has CREATEDB");
    if (!rights.bypassrls)
        faults << tr("it lacks BYPASSRLS (row policies would hide rows and run their code)");
    return faults.join(QStringLiteral("; "));
}

PgConnection *ReadingLogins::openReader(PgConnection &console)
{
    // opened once; tried again after a failure (the DBA may make the login meanwhile) or a loss
    if (m_reader && m_reader->isOpen())
        return m_reader.get();
    m_reader.reset();
    const QString role = readerRole();
    auto c = std::make_unique<PgConnection>();
    PgConnection::OpenOptions options;
    options.applicationName = QStringLiteral("uaip-admin reader");
    options.forceApplicationName = true;
    if (!c->open(ConnInfo::asLogin(console, role), options)) {
        m_readerRefusal = tr("the reader login %1 cannot connect (%2)")
                              .arg(VisibleText::escaped(role), c->connectionError());
        return nullptr;
    }
    const Result<Rights> rights = rightsOf(*c);
    if (!rights) {
        m_readerRefusal = tr("the reader login %1 could not be checked (%2)")
                              .arg(VisibleText::escaped(role), rights.error().toString());
        return nullptr;
    }
    if (const QString faults = readerFaults(rights.value()); !faults.isEmpty()) {
        m_readerRefusal = tr("the reader login %1 may not read for it: %2")
                              .arg(VisibleText::escaped(rights.value().login), faults);
        return nullptr;
    }
    const PgResult path = c->exec(SqlResource::of("sqlconsole", "search_path"));
    if (!path.ok() || path.rows() != 1) {
        m_readerRefusal = tr("the reader login %1 could not be read (%2)")
                              .arg(VisibleText::escaped(role), Error(path.error()).toString());
        return nullptr;
    }
    m_readerSearchPath = path.value(0, 0);
    m_readerRefusal.clear();
    m_reader = std::move(c);
    const QMutexLocker lock(&m_cancelLock);
    m_readerCanceller = m_reader->canceller();
    return m_reader.get();
}

Error ReadingLogins::refusal(const Rights &console, const QString &why) const
{
    return Error(
        ErrorCode::Refused,
        tr("A read-only run executes code it reads (views, functions, casts, domain "
           "checks) with the rights of the login it runs as, and login %1 holds %2; "
           "%3. Make a reader login (as a superuser):\n  %4\nand give its password to "
           "libpq's password file (~/.pgpass), or set UAIP_READER to another such role.")
            .arg(VisibleText::escaped(console.login), escapedList(console.dangers), why,
                 createLines().join(QStringLiteral("\n  "))),
        {{QStringLiteral("login"), console.login}, {QStringLiteral("reader"), readerRole()}});
}

Result<PgConnection *> ReadingLogins::readingSession(PgConnection &console)
{
    if (m_console != &console || m_consolePid != console.backendPid() || !m_consoleRights) {
        Result<Rights> rights = rightsOf(console);
        if (!rights)
            return rights.error();
        m_console = &console;
        m_consolePid = console.backendPid();
        m_consoleRights = rights.take();
    }
    if (m_consoleRights->dangers.isEmpty())
        return &console;
    if (PgConnection *r = openReader(console))
        return r;
    return refusal(*m_consoleRights, m_readerRefusal);
}

Result<PgConnection *> ReadingLogins::connectionFor(PgConnection &console, const SqlGuard &guard,
                                                    const QString &confirmedDatabase)
{
    if (!guard.active() || (!guard.readOnly && guard.confirmed(confirmedDatabase)))
        return &console;
    // production, the user's transaction open: its reads see its writes, on its session alone
    const bool inUsersTransaction = !guard.readOnly && console.inTransaction();
    Result<PgConnection *> seat = readingSession(console);
    if (!seat && seat.error().code() != ErrorCode::Refused)
        return seat;
    if (seat && (!inUsersTransaction || seat.value() == &console))
        return seat;
    if (guard.readOnly)
        return seat;
    const QString why = inUsersTransaction
        ? tr("the statements would read inside your open transaction, as login %1, which holds "
             "%2")
              .arg(VisibleText::escaped(m_consoleRights->login),
                   escapedList(m_consoleRights->dangers))
        : seat.error().toString();
    return Error(ErrorCode::NeedsConfirmation,
                 tr("This is a production database: %1. Type the database name \"%2\" to run "
                    "them as %3.")
                     .arg(why, guard.database, VisibleText::escaped(m_consoleRights->login)));
}

Result<QString> ReadingLogins::searchPathFor(PgConnection &session, PgConnection &console)
{
    if (&session == &console)
        return QString();
    if (!m_consoleSearchPath) {
        const PgResult path = console.exec(SqlResource::of("sqlconsole", "search_path"));
        if (!path.ok() || path.rows() != 1)
            return Error(path.error());
        m_consoleSearchPath = path.value(0, 0);
    }
    // always pinned: the reader's own default ("$user" its login) may come to name a schema
    // another role makes after the reader connected
    return *m_consoleSearchPath;
}

Status ReadingLogins::pinSearchPath(PgConnection &session, PgConnection &console)
{
    const Result<QString> path = searchPathFor(session, console);
    if (!path)
        return path.error();
    if (path.value().isEmpty())
        return {};
    const PgResult set
        = session.exec(SqlResource::of("sqlconsole", "search_path_local"), {path.value()});
    if (!set.ok())
        return Error(set.error());
    return {};
}

void ReadingLogins::cancelReader() const
{
    std::shared_ptr<SessionCanceller> canceller;
    {
        const QMutexLocker lock(&m_cancelLock);
        canceller = m_readerCanceller;
    }
    if (canceller)
        canceller->cancel();
}

} // namespace uaip
