#pragma once

#include "driftmigration.h"
#include "error/result.h"
#include "error/status.h"
#include "ledger/migration.h"
#include "migrate/migrationrunoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;
class ScratchDatabase;

// Generates a migration from a live database's drift and proves it before anyone writes
// it: on a scratch database of the sandbox, the migrations are applied up to the level of
// the live database, the generated up.sql runs and the schema is compared with the live
// one (only what the generator left as it is may differ), then down.sql runs and the
// schema must be the one before up.sql. Roles the live schema grants to are created on the
// sandbox (NOLOGIN) when missing. Nothing is written to the live database.
class DriftMigrationBuilder : public QObject
{
    Q_OBJECT
public:
    DriftMigrationBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                          QObject *parent = nullptr);

    // Statements that would block a table of more live rows while they scan it are written in
    // their online form (OnlineFormWriter); < 0: never. The default is the runner's.
    void setMaxBlockingRows(qint64 rows) { m_maxBlockingRows = rows; }
    // Another tool's history table of this name (--table) is left out too, besides the tools'
    // default names (ForeignHistoryTables).
    void setForeignTable(const QString &table) { m_foreignTable = table; }

    // An error when it cannot be generated or the proof fails (it says which step and which
    // differences).
    Result<DriftMigration> build(PgConnection &target, const QString &name,
                                 const QDateTime &nowUtc);
    // Writes the proved pair as a new folder of 'dir'; the folder, or why not.
    static Result<QString> write(const DriftMigration &migration, const QString &dir,
                                 const QList<Migration> &existing, const QDateTime &nowUtc);

    // Thread-safe: build() stops before its next step (error "cancelled"); nothing is left on
    // the sandbox (the scratch database is dropped).
    void cancel() { m_cancelled = true; }

signals:
    void progress(const QString &step);

private:
    struct Run; // what build() has read and made so far

    // An error "cancelled" once cancel() was called.
    Status notCancelled() const;
    // The steps of build(), in order; each returns the error that ends it.
    // (First the live database's level: GeneratedFolder::liveLevel.)
    // The live schema, and the history tables of other tools, left out of it.
    Status readLive(Run &run);
    // The migrations up to that level on the sandbox, and the drift from them (run.result).
    Status readExpected(Run &run, ScratchDatabase &scratch);
    // up.sql and down.sql (run.result), with no statement that is not one of their steps.
    Status generate(Run &run, const QString &name, const QDateTime &nowUtc) const;
    // The statements of up and down that block a big table of the live database while they
    // scan it, in their online form.
    Status writeOnlineForms(Run &run) const;
    // The roles named in the live schema, created on the sandbox (NOLOGIN) where missing.
    static Status createRoles(ScratchDatabase &scratch, const QStringList &roles);
    // up.sql must make the sandbox's schema the live one but for what was left on purpose.
    static Status proveUp(Run &run, ScratchDatabase &scratch, const QList<Migration> &withNew);
    // down.sql must make it the migrations' schema again.
    static Status proveDown(const Run &run, ScratchDatabase &scratch);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
    qint64 m_maxBlockingRows = MigrationRunOptions().maxBlockingRows;
    QString m_foreignTable;
};

} // namespace uaip
