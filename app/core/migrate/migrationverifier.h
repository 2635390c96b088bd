#pragma once

#include "migration.h"
#include "verifyreport.h"

#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;

// Applies every migration to a scratch database on the sandbox, checks that each down.sql
// restores the schema taken before its up.sql, and compares the target database with the
// schema the migrations produce at the target's level (drift).
class MigrationVerifier : public QObject
{
    Q_OBJECT
public:
    MigrationVerifier(Sandbox &sandbox, const QList<Migration> &migrations,
                      QObject *parent = nullptr);

    // target may be null: only the round trips are checked.
    std::optional<VerifyReport> verify(PgConnection *target, QString *error);
    // Thread-safe: verify() stops before the next migration (error "cancelled").
    void cancel() { m_cancelled = true; }
    // The differences without the ledger's own schema and its objects.
    static QList<SchemaSnapshot::Difference>
    withoutLedger(const QList<SchemaSnapshot::Difference> &diffs);

signals:
    void progress(int index, int total, const QString &id);

private:
    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
};

} // namespace uaip
