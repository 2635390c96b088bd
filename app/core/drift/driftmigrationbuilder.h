#pragma once

#include "driftmigration.h"
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

    // nullopt and *error when it cannot be generated or the proof fails (*error says which
    // step and which differences).
    std::optional<DriftMigration> build(PgConnection &target, const QString &name,
                                        const QDateTime &nowUtc, QString *error);
    // Writes the proved pair as a new folder of 'dir'; the folder, or empty and *error.
    static QString write(const DriftMigration &migration, const QString &dir,
                         const QList<Migration> &existing, const QDateTime &nowUtc, QString *error);

    // Thread-safe: build() stops before its next step (error "cancelled"); nothing is left on
    // the sandbox (the scratch database is dropped).
    void cancel() { m_cancelled = true; }

signals:
    void progress(const QString &step);

private:
    struct Run; // what build() has read and made so far

    bool cancelled(QString *error) const;
    // The steps of build(), in order; each returns false (or nullopt) with *error.
    // (First the live database's level: GeneratedFolder::liveLevel.)
    // The live schema, and the history tables of other tools, left out of it.
    bool readLive(Run &run, QString *error);
    // The migrations up to that level on the sandbox, and the drift from them (run.result).
    bool readExpected(Run &run, ScratchDatabase &scratch, QString *error);
    // up.sql and down.sql (run.result), with no statement that is not one of their steps.
    bool generate(Run &run, const QString &name, const QDateTime &nowUtc, QString *error) const;
    // The statements of up and down that block a big table of the live database while they
    // scan it, in their online form.
    bool writeOnlineForms(Run &run, QString *error) const;
    // The roles named in the live schema, created on the sandbox (NOLOGIN) where missing.
    static bool createRoles(ScratchDatabase &scratch, const QStringList &roles, QString *error);
    // up.sql must make the sandbox's schema the live one but for what was left on purpose.
    static bool proveUp(Run &run, ScratchDatabase &scratch, const QList<Migration> &withNew,
                        QString *error);
    // down.sql must make it the migrations' schema again.
    static bool proveDown(const Run &run, ScratchDatabase &scratch, QString *error);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
    qint64 m_maxBlockingRows = MigrationRunOptions().maxBlockingRows;
};

} // namespace uaip
