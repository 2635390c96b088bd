#pragma once

#include "indexmigration.h"
#include "jobs/job.h"
#include "ledger/migration.h"

#include <QDateTime>
#include <memory>
#include <optional>

namespace uaip {

class Sandbox;

// IndexMigrationBuilder on the worker's session (the live database) and the sandbox: an index
// action of the Health view as a migration, proved on the sandbox. Writes nothing: the view
// shows the result and GeneratedFolder::write writes it.
class IndexMigrationBuilder;

// The scratch database of the proof is let go after finished() (afterFinished): kept for the
// next proof when it passed, else dropped (a sandbox that keeps running finishes the drop and
// its checkpoint on its own).
class IndexMigrationJob : public Job
{
    Q_OBJECT
public:
    IndexMigrationJob(const QString &sandboxDir, const QList<Migration> &migrations,
                      const IndexAction &action, QObject *parent = nullptr);
    ~IndexMigrationJob() override;

    // Valid after finished(true).
    const std::optional<IndexMigration> &result() const { return m_result; }
    // The time the version was made from (write() needs the same).
    QDateTime generatedAt() const { return m_now; }
    // Why it failed, whole, after finished(false).
    QString errorText() const { return m_error; }

protected:
    Result<QString> execute(JobContext &context) override;
    // Its first line.
    QString failureSummary(const Error &error) const override;
    void afterFinished(JobContext &context) override;

private:
    QString m_sandboxDir;
    QList<Migration> m_migrations;
    IndexAction m_action;
    QDateTime m_now;
    QString m_error;
    std::optional<IndexMigration> m_result;
    std::unique_ptr<Sandbox> m_sandbox; // the builder's, until afterFinished()
    std::unique_ptr<IndexMigrationBuilder> m_builder;
};

} // namespace uaip
