#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace uaip {

class PgConnection;
class SessionCanceller;
class SqlGuard;

// Where a guarded run executes: a read-only profile's statements, and a production profile's
// before the database name is typed (the SQL view, `sql`, Explain, `explain`, CSV export). Such
// a statement runs code the console did not write (views, functions, casts, domain CHECKs,
// policies), and StatementVerdict cannot see all of it, so it runs on a session logged in as a
// role that can do no harm whatever code runs, inside a READ ONLY transaction that is rolled
// back:
// - the console's own session, where its login role (SESSION_USER: code may SET ROLE back to
//   it) holds no dangerous right: SUPERUSER, CREATEROLE, or membership (on any path) of a role
//   that runs programs, reads or writes the server's files or signals other sessions
//   (kDangerousRoles);
// - else the reader login: the console's server, database and options as user kReaderRole (or
//   UAIP_READER), its password from libpq's password file (never the console's or PGPASSWORD),
//   opened once per console and checked as it opens: no dangerous right, no CREATEDB or
//   REPLICATION, a member of reading roles only (kReadingRoles), and BYPASSRLS, so that row
//   policies neither hide rows nor run code;
// - else nothing runs: the refusal names the login's dangerous rights and how to make the
//   reader (createLines()).
// A production run whose statements would read inside the user's open transaction runs on the
// console's session, there alone; with a dangerous login it needs the name typed.
// Everything of one console runs on the thread that owns its connection (its worker's).
class ReadingLogins
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ReadingLogins)

public:
    static constexpr const char *kReaderRole = "uaip_reader";

    ReadingLogins();
    ~ReadingLogins();
    ReadingLogins(const ReadingLogins &) = delete;
    ReadingLogins &operator=(const ReadingLogins &) = delete;

    // The reader login's role name: UAIP_READER, else kReaderRole.
    static QString readerRole();
    // The roles a reader login may be a member of, and the roles no reading session may reach.
    static QStringList readingRoles();
    static QStringList dangerousRoles();
    // The two statements that make the reader login (for the README, the refusal, the sandbox):
    // CREATE ROLE … LOGIN BYPASSRLS and GRANT of pg_read_all_data and pg_read_all_stats.
    static QStringList createLines(const QString &role = readerRole());

    // The session statements run on under guard, as SqlGuard and the typed name decide: console
    // when nothing is guarded or the name was typed; else the reading session (above). An
    // error when nothing may run: Refused on a read-only profile, NeedsConfirmation on
    // production (the name typed runs it on the console's session), or the console's error.
    Result<PgConnection *> connectionFor(PgConnection &console, const SqlGuard &guard,
                                         const QString &confirmedDatabase);
    // The login a guarded run reads as on console (its own, or the reader's); an error as
    // connectionFor's.
    Result<PgConnection *> readingSession(PgConnection &console);
    // The search_path statements on session (a reading session of console's) run with: the
    // console's, where the reader's differs (read from the console once, and again after
    // consoleChanged()); empty on the console's own session or where they agree.
    Result<QString> searchPathFor(PgConnection &session, PgConnection &console);
    // In a transaction open on session: searchPathFor's, for that transaction only.
    Status pinSearchPath(PgConnection &session, PgConnection &console);
    // Something ran on the console's session that may have changed its settings.
    void consoleChanged() { m_consoleSearchPath.reset(); }
    // The reader login's session, when one is open.
    PgConnection *reader() const { return m_reader.get(); }
    // Any thread: cancels the command running on the reader login's session (a job's Cancel
    // reaches its own session; this reaches the reader's too), or does nothing.
    void cancelReader() const;

private:
    struct Rights
    {
        QString login;
        QStringList dangers;
        QStringList otherRoles;
        bool createdb = false;
        bool bypassrls = false;
    };
    static Result<Rights> rightsOf(PgConnection &c);
    // Why the reader login's session may not be read on (empty: it may).
    static QString readerFaults(const Rights &rights);
    // The reader login's session, opened and checked once (again after a failure or a loss);
    // nullptr with m_readerRefusal.
    PgConnection *openReader(PgConnection &console);
    Error refusal(const Rights &console, const QString &why) const;

    const PgConnection *m_console = nullptr; // the console m_consoleRights is of
    int m_consolePid = 0;
    std::optional<Rights> m_consoleRights;
    std::unique_ptr<PgConnection> m_reader;
    mutable QMutex m_cancelLock; // m_readerCanceller is read by cancelReader() on other threads
    std::shared_ptr<SessionCanceller> m_readerCanceller;
    QString m_readerSearchPath; // as the reader's session has it by default
    std::optional<QString> m_consoleSearchPath;
    QString m_readerRefusal;
};

} // namespace uaip
