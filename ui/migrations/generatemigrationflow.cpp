#include "generatemigrationflow.h"

#include "confirmer.h"
#include "drift/driftmigrationbuilder.h"
#include "drift/driftmigrationjob.h"
#include "ledger/migrationsource.h"

#include <QDir>

namespace uaip {

GenerateMigrationFlow::GenerateMigrationFlow(const MigrationSource &source,
                                             std::function<Confirmer *()> confirmer,
                                             QWidget *parent)
    : QObject(parent)
    , m_source(source)
    , m_confirmer(std::move(confirmer))
    , m_parent(parent)
{ }

void GenerateMigrationFlow::run(const QString &name, const SessionSpec &target,
                                const QString &sandboxDir)
{
    m_database = target.profile.database;
    m_canRecord = !target.profile.readOnly;
    auto *job = new DriftMigrationJob(sandboxDir, m_source.migrations(), name);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation == m_generation)
            onGenerated(*job, ok, summary);
    });
    emit started(job, target.withPurpose(QStringLiteral("generate migration")));
}

void GenerateMigrationFlow::disown()
{
    ++m_generation;
    if (m_asking)
        m_confirmer()->dismiss();
}

void GenerateMigrationFlow::onGenerated(const DriftMigrationJob &job, bool ok,
                                        const QString &summary)
{
    emit jobEnded();
    if (!ok) {
        if (job.isCancelled()) {
            emit message(tr("Generating the migration was cancelled."), false);
            return;
        }
        emit message(summary, true);
        m_confirmer()->showText(m_parent, tr("Generate migration from drift"), job.errorText(),
                                false);
        return;
    }
    const DriftMigration generated = *job.result(); // the job may go while a dialog is open
    const QDateTime at = job.generatedAt();
    if (!generated.hasDrift()) {
        emit message(tr("No drift: %1 matches the migrations, so there is nothing to "
                        "generate.")
                         .arg(m_database),
                     false);
        return;
    }
    review(generated, at);
}

void GenerateMigrationFlow::review(const DriftMigration &generated, const QDateTime &at)
{
    const QString dir = m_source.dir();
    const int generation = m_generation;
    m_asking = true;
    const Confirmer::GeneratedChoice choice = m_confirmer()->reviewGenerated(
        m_parent, generated, QDir(dir).filePath(generated.folderName), m_database, m_canRecord);
    m_asking = false;
    if (generation != m_generation)
        return;
    if (choice == Confirmer::GeneratedChoice::Discard) {
        emit message(tr("%1 was not written.").arg(generated.folderName), false);
        return;
    }
    const Result<QString> folder
        = DriftMigrationBuilder::write(generated, dir, m_source.migrations(), at);
    if (!folder) {
        emit message(
            tr("%1 was not written: %2").arg(generated.folderName, folder.error().toString()),
            true);
        return;
    }
    emit written(dir);
    onWritten(generated.folderName, *folder, choice == Confirmer::GeneratedChoice::WriteAndRecord);
}

void GenerateMigrationFlow::onWritten(const QString &folderName, const QString &folder, bool record)
{
    if (!record) {
        emit message(tr("Wrote %1. %2 already has its schema: until it is recorded as applied "
                        "there, applying it would fail.")
                         .arg(folder, m_database),
                     false);
        emit finished();
        return;
    }
    const Migration *written = nullptr;
    for (const Migration &m : m_source.migrations())
        if (m.id() == folderName)
            written = &m;
    if (!written)
        return emit message(
            tr("Wrote %1, but it does not load again; it was not recorded.").arg(folder), true);
    emit recordRequested(written->version);
}

} // namespace uaip
