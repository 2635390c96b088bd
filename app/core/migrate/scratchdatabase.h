#pragma once

#include "error/status.h"
#include "ledger/migration.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

namespace uaip {

class MigrationRunner;
class PgConnection;
class Sandbox;

// A throw-away database on the sandbox with a connection and a migration runner over it,
// for checks that apply migrations where nothing real is touched (verify's round trips, a
// generated migration's proof, an imported repository's). Dropped on destruction.
//
// The migrations it runs are often not the console's own (an imported repository's), so the
// database belongs to a scratch login of the sandbox (kLogin, or kWriterLogin for a second
// proof of the same code at once), no superuser, and the connection logs in as it: a migration
// that needs a superuser (an untrusted extension, COPY ... TO PROGRAM, ALTER SYSTEM) fails
// there, at its file and line, instead of running as the sandbox's superuser. The two logins
// are no members of each other: code run as one cannot end the other's sessions
// (pg_terminate_backend), nor a superuser's.
class ScratchDatabase
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ScratchDatabase)

public:
    // prefix: "uaip_verify" -> a database named uaip_verify_<second made, 8 hex digits>_<8
    // random hex digits>
    // A scratch database nobody is connected to an hour after it was made was left by a run
    // that was killed: the next open() drops it.
    static constexpr qint64 kLeftoverAfterSeconds = 3600;
    static constexpr const char *kLogin = "uaip_scratch";
    // The login of a second scratch database proving the same code while kLogin's does
    // (ImportDownGenerator writes down.sql files on one while the other proves them).
    static constexpr const char *kWriterLogin = "uaip_scratch_writer";
    // Both scratch logins.
    static QStringList logins();

    // login: the scratch login it belongs to and logs in as (empty: kLogin).
    ScratchDatabase(Sandbox &sandbox, QString prefix, QString login = QString());
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    // A kept database (keepFor) not taken again for kKeptForSeconds is dropped by the sweep.
    static constexpr qint64 kKeptForSeconds = 7 * 24 * 3600;

    // Creates the database (from template0) and connects; the runner runs 'migrations'. With a
    // key (keyOf), the database kept for it (keepFor) is taken instead when there is one: renamed
    // to this one's name, so no other proof can take it too (reused()).
    Status open(const QList<Migration> &migrations, const QString &key = QString());
    // The key of a database the migrations were applied to, and nothing else: their versions,
    // names and up.sql bytes (the files as read, a CR in a literal included), and the console's
    // version (16 hex digits).
    static QString keyOf(const QList<Migration> &migrations);
    // Whether open() took a kept database.
    bool reused() const { return m_reused; }
    // drop() keeps the database for the next open() with key instead, for a caller that has
    // proved it is again as key's migrations left it (a proof whose up.sql and down.sql changed
    // the schema and restored it): renamed to uaip_kept_<second>_<key>, the one kept before
    // dropped (one kept database on the sandbox). Dropped as before when it cannot be renamed.
    void keepFor(const QString &key) { m_keepFor = key; }
    // The name drop() kept the database as (empty when it dropped it).
    QString keptAs() const { return m_keptAs; }
    // A runner over another list of migrations (one more, generated) on the same connection.
    void setMigrations(const QList<Migration> &migrations);
    // Roles the migrations name, made NOLOGIN by the sandbox's superuser where missing, with the
    // scratch login a member of each that has no right a scratch session could use
    // (scratch_role_bare.sql: so OWNER TO works); an error when one cannot be.
    Status ensureRoles(const QStringList &roles);
    // Ends the connection and drops the database, then sets the scratch login back (its own
    // settings cleared, its password the sandbox's again). PostgreSQL 15's DROP DATABASE waits
    // for a checkpoint of the whole sandbox (24 s with fsync on after 10,000 tables were made
    // there); with setDropInBackground(true) drop() waits only until the drop has ended the
    // database's sessions (kStartWaitMs at most, else it waits for the whole drop): the server
    // finishes it on its own, however the console ends. One it does not finish (the sandbox
    // stopped meanwhile) is a leftover the next sweep drops.
    void drop();
    // For a sandbox that stays running after drop() (a lease that started it stops it at once,
    // which would cut the drop short): not for one the caller stops.
    void setDropInBackground(bool background) { m_dropInBackground = background; }
    static constexpr int kStartWaitMs = 30000;
    // Drops the scratch databases killed runs left (kLeftoverAfterSeconds; none a session holds
    // a lock on, such as one being dropped); errors ignored.
    static void sweep(Sandbox &sandbox);

    // The database's name once open() made it (empty before, and after drop()).
    QString name() const { return m_name; }
    QString login() const { return m_login; }
    PgConnection &connection() { return *m_connection; }
    MigrationRunner &runner() { return *m_runner; }

private:
    // Sends the DROP DATABASE and waits until it has ended the database's sessions; false when
    // it could not be sent or did not get there (the caller drops it, waiting).
    bool dropUnwaited(const QString &name);
    // The kept database of key renamed to m_name, then what its owner (the scratch login) may
    // have set on it since cleared from the maintenance database (template and connection
    // flags, its and every role's settings in it); false when there is none, it was taken, or
    // it could not be cleared (then it is dropped). One another session holds a lock on (a
    // drop in progress, a prepared transaction) is passed over.
    bool takeKept(PgConnection &su, const QString &key);
    // m_name renamed to a kept database of m_keepFor, the others dropped; false when it could
    // not be renamed.
    bool keep(PgConnection &su);
    // No membership between this login and the other scratch login, either way (su: the
    // superuser's session).
    Status keepLoginsApart(PgConnection &su) const;

    Sandbox &m_sandbox;
    QString m_login;
    bool m_dropInBackground = false;
    bool m_reused = false;
    QString m_keepFor;
    QString m_keptAs;
    QString m_prefix;
    QString m_name;
    std::unique_ptr<PgConnection> m_connection;
    std::unique_ptr<MigrationRunner> m_runner;
};

} // namespace uaip
