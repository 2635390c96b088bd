// MigrationsView: "Generate migration from drift..." (the rest of the view is in
// migrationsview.cpp and migrationsviewlayout.cpp).
#include "migrationsview.h"

#include "confirmer.h"
#include "drift/driftmigrationbuilder.h"
#include "jobs/driftmigrationjob.h"
#include "jobs/migrationrunjob.h"

#include <QDir>

namespace uaip {

void MigrationsView::generateMigration()
{
    if (!isConnected() || !m_sourceOk || isBusy() || m_source.dir().startsWith(u':'))
        return;
    const QString name = confirmer()->askMigrationName(this);
    if (name.isEmpty())
        return;
    auto *job = new DriftMigrationJob(m_sandboxDir, m_source.migrations(), name);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation)
            return;
        m_busyJob.clear();
        updateActions();
        if (!ok) {
            if (job->isCancelled())
                return showBanner(tr("Generating the migration was cancelled."), false);
            showBanner(summary, true);
            confirmer()->showText(this, tr("Generate migration from drift"), job->errorText(),
                                  false);
            return;
        }
        const DriftMigration generated = *job->result(); // the job may go while a dialog is open
        const QDateTime at = job->generatedAt();
        if (!generated.hasDrift())
            return showBanner(tr("No drift: %1 matches the migrations, so there is nothing to "
                                 "generate.")
                                  .arg(m_database),
                              false);
        const QString dir = m_source.dir();
        m_asking = true;
        const Confirmer::GeneratedChoice choice = confirmer()->reviewGenerated(
            this, generated, QDir(dir).filePath(generated.folderName), m_database,
            !m_profile.readOnly);
        m_asking = false;
        if (generation != m_generation)
            return;
        if (choice == Confirmer::GeneratedChoice::Discard)
            return showBanner(tr("%1 was not written.").arg(generated.folderName), false);
        QString error;
        const QString folder
            = DriftMigrationBuilder::write(generated, dir, m_source.migrations(), at, &error);
        if (folder.isEmpty())
            return showBanner(tr("%1 was not written: %2").arg(generated.folderName, error), true);
        setMigrationsDir(dir);
        if (choice == Confirmer::GeneratedChoice::Write) {
            showBanner(tr("Wrote %1. %2 already has its schema: until it is recorded as applied "
                          "there, applying it would fail.")
                           .arg(folder, m_database),
                       false);
            refreshThenFinish(true);
            return;
        }
        const Migration *written = nullptr;
        for (const Migration &m : m_source.migrations())
            if (m.id() == generated.folderName)
                written = &m;
        if (!written)
            return showBanner(
                tr("Wrote %1, but it does not load again; it was not recorded.").arg(folder), true);
        const MigrationVersion version = written->version;
        const DatabaseIdentity identity = m_identity;
        m_makeRun = [this, version, identity](int lockWaitMs) {
            return MigrationRunJob::baseline(m_source.migrations(), version,
                                             runnerOptions(lockWaitMs), identity);
        };
        startRun(m_makeRun(m_lockWaitMs));
    });
    adopt(job, true, nullptr, m_target->withPurpose(QStringLiteral("generate migration")));
}

} // namespace uaip
