#include "indexmigrationflow.h"

#include "confirmer.h"
#include "indexadvice/indexmigrationbuilder.h"
#include "indexadvice/indexmigrationjob.h"
#include "ledger/migrationsource.h"
#include "migrate/generatedfolder.h"

#include <QDir>
#include <QWidget>

namespace uaip {

IndexMigrationFlow::IndexMigrationFlow(const MigrationSource &source,
                                       std::function<Confirmer *()> confirmer, QWidget *parent)
    : QObject(parent)
    , m_source(source)
    , m_confirmer(std::move(confirmer))
    , m_parent(parent)
{ }

void IndexMigrationFlow::run(const IndexAction &action, const SessionSpec &target,
                             const QString &sandboxDir)
{
    auto *job = new IndexMigrationJob(sandboxDir, m_source.migrations(), action);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation == m_generation)
            onMade(*job, ok, summary);
    });
    emit started(job, target.withPurpose(QStringLiteral("index migration")));
}

void IndexMigrationFlow::disown()
{
    ++m_generation;
    if (m_asking)
        m_confirmer()->dismiss();
}

void IndexMigrationFlow::onMade(const IndexMigrationJob &job, bool ok, const QString &summary)
{
    emit jobEnded();
    if (!ok) {
        if (job.isCancelled())
            return emit message(tr("Creating the migration was cancelled."), false);
        emit message(summary, true);
        m_confirmer()->showText(m_parent, tr("Create as migration"), job.errorText(), false);
        return;
    }
    const IndexMigration made = *job.result(); // the job may go while the dialog is open
    const QDateTime at = job.generatedAt();
    const QString dir = m_source.dir();
    const int generation = m_generation;
    m_asking = true;
    const bool write
        = m_confirmer()->reviewIndexMigration(m_parent, made, QDir(dir).filePath(made.folderName));
    m_asking = false;
    if (generation != m_generation)
        return;
    if (!write)
        return emit message(tr("%1 was not written.").arg(made.folderName), false);
    const Result<QString> folder = GeneratedFolder::write(made.folderName, made.upSql, made.downSql,
                                                          dir, m_source.migrations(), at);
    if (!folder)
        return emit message(
            tr("%1 was not written: %2").arg(made.folderName, folder.error().toString()), true);
    emit written(dir, made.folderName.section(u'_', 0, 0));
    emit message(tr("Wrote %1. Review it, then apply it: it runs CONCURRENTLY, outside a "
                    "transaction, so the platform's reads and writes go on.")
                     .arg(*folder),
                 false);
}

} // namespace uaip
