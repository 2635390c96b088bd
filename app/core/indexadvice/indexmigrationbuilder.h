#pragma once

#include "error/result.h"
#include "error/status.h"
#include "indexmigration.h"
#include "ledger/migration.h"

#include <QDateTime>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;
class SandboxLease;
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
// Nothing is written to the live database. A proof that passed keeps its scratch database for
// the next one over the same migrations (ScratchDatabase::keepFor: down.sql restored what they
// make), which then applies none of them again (10,000 tables: 20 s with fsync on); one that
// failed drops it. The scratch database stays (with the sandbox's
// lease) until dropScratch() or the builder's end: its DROP DATABASE waits for a checkpoint of
// the whole sandbox (24 s seen after 10,000 tables were made there), which nothing waits for
// where the sandbox keeps running (ScratchDatabase::setDropInBackground); where the lease
// started the sandbox (and stops it) the drop is waited for, which a caller that shows the
// result first (IndexMigrationJob::afterFinished) pays after the user has it.
class IndexMigrationBuilder : public QObject
{
    Q_OBJECT
public:
    IndexMigrationBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                          QObject *parent = nullptr);
    ~IndexMigrationBuilder() override;

    // The error when it cannot be made or the proof fails (it says which step): Refused for an
    // action no migration may make (drift of the live database, an index not yet counted
    // long enough), Conflict when the live database or the migrations hold otherwise already.
    Result<IndexMigration> build(PgConnection &target, const IndexAction &action,
                                 const QString &name, const QDateTime &nowUtc);
    // Thread-safe: build() stops before its next step (Cancelled, "cancelled").
    void cancel() { m_cancelled = true; }
    // Drops the scratch database the last build() made (in the background where the sandbox
    // keeps running), then lets the sandbox go; the name of the database dropped (empty when
    // there was none).
    QString dropScratch();
    // The name the last dropScratch() kept the proof's database as, for the next proof over the
    // same migrations (empty when it dropped it).
    QString keptAs() const { return m_keptAs; }

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

    Status notCancelled() const;
    // The index named in schema on connection (read under a pinned search_path, as the
    // insights read definitions); nullopt when there is none.
    static Result<std::optional<IndexState>> indexState(PgConnection &connection,
                                                        const QString &schema, const QString &name);
    static Status holdsOnLive(PgConnection &target, const IndexAction &action);
    static Status render(IndexMigration &m, const QString &database, const QDateTime &nowUtc);
    // The action applies to the schema the migrations make; the snapshot's name of the index
    // (Drop, Rebuild; empty for Create).
    static Result<QString> appliesToMigrations(ScratchDatabase &scratch, const IndexMigration &m);
    // An unused index is dropped only after IndexAction::kMinObservationDays of counting.
    static Status longEnoughUnused(const IndexAction &action, const QDateTime &nowUtc);
    // A duplicate or covered index is dropped only where the migrations make the index kept in
    // its place, with the live definition.
    static Status keptByMigrations(ScratchDatabase &scratch, const IndexMigration &m);
    static Status prove(ScratchDatabase &scratch, IndexMigration &m,
                        const QList<Migration> &withNew, QString object);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
    std::unique_ptr<SandboxLease> m_lease; // ends after the scratch database
    std::unique_ptr<ScratchDatabase> m_scratch;
    QString m_keptAs;
};

} // namespace uaip
