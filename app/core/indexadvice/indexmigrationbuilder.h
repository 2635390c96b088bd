#pragma once

#include "db/dbresult.h"
#include "indexmigration.h"
#include "ledger/migration.h"

#include <QDateTime>
#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;
class ScratchDatabase;

// Makes an index action (a proposed index, a finding's DROP or REINDEX) a no-transaction
// migration and proves it before anyone writes it, as DriftMigrationBuilder does a drift's:
// - an unused index must have been counted unused for IndexAction::kMinObservationDays;
// - the live database must be at the last migration, and the action must still hold there
//   (the proposed name free; the index to drop or rebuild there, with the same definition);
// - on a scratch database of the sandbox the migrations are applied up to that level, and the
//   action must apply to what they make: the table is theirs, the index to drop is theirs with
//   the live definition (an index only the live database has is drift: it is refused, saying
//   so, since a fresh database made from the migrations would not have it), and so must the
//   index a duplicate or covered one is dropped for;
// - up.sql runs through the runner as any migration does, and the schema must differ from
//   before by that one index (added or removed; nothing for a REINDEX); down.sql must restore
//   the schema exactly.
// Nothing is written to the live database.
class IndexMigrationBuilder : public QObject
{
    Q_OBJECT
public:
    IndexMigrationBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                          QObject *parent = nullptr);

    // nullopt and *error when it cannot be made or the proof fails (*error says which step).
    std::optional<IndexMigration> build(PgConnection &target, const IndexAction &action,
                                        const QString &name, const QDateTime &nowUtc,
                                        QString *error);
    // Thread-safe: build() stops before its next step (error "cancelled").
    void cancel() { m_cancelled = true; }

signals:
    void progress(const QString &step);

private:
    struct IndexState
    {
        QString table;
        bool valid = false;
        QString definition;
        QString snapshotObject;
    };

    bool cancelled(QString *error) const;
    // The index named in schema on connection (read under a pinned search_path, as the
    // insights read definitions); nullopt when there is none.
    static DbResult<std::optional<IndexState>>
    indexState(PgConnection &connection, const QString &schema, const QString &name);
    static bool holdsOnLive(PgConnection &target, const IndexAction &action, QString *error);
    static bool render(IndexMigration &m, const QString &database, const QDateTime &nowUtc,
                       QString *error);
    // The action applies to the schema the migrations make; *object: the snapshot's name of
    // the index (Drop, Rebuild).
    static bool appliesToMigrations(ScratchDatabase &scratch, const IndexMigration &m,
                                    QString *object, QString *error);
    // An unused index is dropped only after IndexAction::kMinObservationDays of counting.
    static bool longEnoughUnused(const IndexAction &action, const QDateTime &nowUtc,
                                 QString *error);
    // A duplicate or covered index is dropped only where the migrations make the index kept in
    // its place, with the live definition.
    static bool keptByMigrations(ScratchDatabase &scratch, const IndexMigration &m, QString *error);
    static bool prove(ScratchDatabase &scratch, IndexMigration &m, const QList<Migration> &withNew,
                      QString object, QString *error);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
};

} // namespace uaip
