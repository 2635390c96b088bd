#pragma once

#include "driftmigration.h"
#include "migrate/migration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;

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
    bool cancelled(QString *error) const;

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
};

} // namespace uaip
