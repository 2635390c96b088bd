#pragma once

#include "error/status.h"
#include "ledger/migration.h"

#include <QString>

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
// database belongs to the sandbox's scratch login kLogin, no superuser, and the connection logs
// in as it: a migration that needs a superuser (an untrusted extension, COPY ... TO PROGRAM,
// ALTER SYSTEM) fails there, at its file and line, instead of running as the sandbox's
// superuser.
class ScratchDatabase
{
public:
    // prefix: "uaip_verify" -> a database named uaip_verify_<second made, 8 hex digits>_<8
    // random hex digits>
    // A scratch database nobody is connected to an hour after it was made was left by a run
    // that was killed: the next open() drops it.
    static constexpr qint64 kLeftoverAfterSeconds = 3600;
    static constexpr const char *kLogin = "uaip_scratch";

    ScratchDatabase(Sandbox &sandbox, QString prefix);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    // Creates the database (from template0) and connects; the runner runs 'migrations'.
    Status open(const QList<Migration> &migrations);
    // A runner over another list of migrations (one more, generated) on the same connection.
    void setMigrations(const QList<Migration> &migrations);
    // Roles the migrations name, made NOLOGIN by the sandbox's superuser where missing, with the
    // scratch login a member of each that has no right a scratch session could use
    // (scratch_role_bare.sql: so OWNER TO works); an error when one cannot be.
    Status ensureRoles(const QStringList &roles);
    void drop();
    // Drops the scratch databases killed runs left (kLeftoverAfterSeconds); errors ignored.
    static void sweep(Sandbox &sandbox);

    // The database's name once open() made it (empty before, and after drop()).
    QString name() const { return m_name; }
    PgConnection &connection() { return *m_connection; }
    MigrationRunner &runner() { return *m_runner; }

private:
    Sandbox &m_sandbox;
    QString m_prefix;
    QString m_name;
    std::unique_ptr<PgConnection> m_connection;
    std::unique_ptr<MigrationRunner> m_runner;
};

} // namespace uaip
