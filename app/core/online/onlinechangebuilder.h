#pragma once

#include "onlinechangepair.h"

#include "error/result.h"
#include "error/status.h"
#include "ledger/migration.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class Sandbox;
class ScratchDatabase;

// `uaip-migrate new NAME --online SQL` and the Migrations view's "New Online Change...": one
// statement no lock makes safe on a big table, written as an expand migration and a contract
// migration (OnlineChangeWriter) and proved on a scratch database of the sandbox before anything
// is written. The proof, on the migrations' schema:
//   the expand applies, rolls back to exactly the schema before it, and applies again;
//   the contract applies, rolls back to exactly the expanded schema, and applies again;
//   the schema after both is the one the statement itself makes (but for the column order: a
//   column made again is the table's last);
//   both roll back to the schema before the expand.
// A change PostgreSQL makes in the catalog alone is one plain migration, proved up and down.
// Nothing is written to a live database.
class OnlineChangeBuilder : public QObject
{
    Q_OBJECT
public:
    OnlineChangeBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                        QObject *parent = nullptr);

    // The pair, or why there is none (the statement, the table, or the proof's step and its
    // differences).
    Result<OnlineChangePair> build(const QByteArray &sql, const QString &name,
                                   const QDateTime &nowUtc);
    // Writes the expand folder, then the contract folder, into dir; the folders written. When
    // the contract cannot be written the expand is removed again: both or none.
    static Result<QStringList> write(const OnlineChangePair &pair, const QString &dir,
                                     const QList<Migration> &existing);

    // Thread-safe: build() stops before its next step (error "cancelled").
    void cancel() { m_cancelled = true; }

signals:
    void progress(const QString &step);

private:
    struct Run; // what build() has made so far

    Status notCancelled() const;
    // The folders' names and the proof copies of both (run.withBoth).
    Status name(Run &run, const QString &name, const QDateTime &nowUtc) const;
    // Each step of the proof; the error names the step and the differences.
    // The expand (or the contract) applies, rolls back to the schema before it, applies again.
    Status prove(Run &run, ScratchDatabase &scratch, bool contract) const;
    Status proveSameAsStatement(Run &run, ScratchDatabase &scratch, const QByteArray &sql) const;
    // Up to version (or one step down when down), then the schema must be expected.
    Status step(Run &run, ScratchDatabase &scratch, bool up,
                const std::optional<MigrationVersion> &version, const SchemaSnapshot &expected,
                const QString &what) const;

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic<bool> m_cancelled{false};
};

} // namespace uaip
