#include "onlinechangeflow.h"

#include "confirmer.h"
#include "ledger/migrationsource.h"
#include "online/onlinechangebuilder.h"
#include "online/onlinechangejob.h"
#include "onlinechangerequest.h"

namespace uaip {

OnlineChangeFlow::OnlineChangeFlow(const MigrationSource &source,
                                   std::function<Confirmer *()> confirmer, QWidget *parent)
    : QObject(parent)
    , m_source(source)
    , m_confirmer(std::move(confirmer))
    , m_parent(parent)
{ }

void OnlineChangeFlow::run(const OnlineChangeRequest &request, const SessionSpec &target,
                           const QString &sandboxDir)
{
    auto *job = new OnlineChangeJob(sandboxDir, m_source.migrations(), request.name, request.sql);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation == m_generation)
            onProved(*job, ok, summary);
    });
    emit started(job, target.withPurpose(QStringLiteral("online change")));
}

void OnlineChangeFlow::disown()
{
    ++m_generation;
    if (m_asking)
        m_confirmer()->dismiss();
}

void OnlineChangeFlow::onProved(const OnlineChangeJob &job, bool ok, const QString &summary)
{
    emit jobEnded();
    if (!ok) {
        if (job.isCancelled()) {
            emit message(tr("The online change was cancelled."), false);
            return;
        }
        emit message(summary, true);
        m_confirmer()->showText(m_parent, tr("New Online Change"), job.errorText(), false);
        return;
    }
    const OnlineChangePair pair = *job.result(); // the job may go while a dialog is open
    const QString dir = m_source.dir();
    const int generation = m_generation;
    m_asking = true;
    const bool write = m_confirmer()->reviewOnlineChange(m_parent, pair, dir);
    m_asking = false;
    if (generation != m_generation)
        return;
    if (!write) {
        emit message(tr("%1 was not written.").arg(pair.description), false);
        return;
    }
    const Result<QStringList> folders
        = OnlineChangeBuilder::write(pair, dir, m_source.migrations());
    if (!folders) {
        emit message(tr("%1 was not written: %2").arg(pair.description, folders.error().toString()),
                     true);
        return;
    }
    emit written(dir);
    emit message(pair.scripts.single
                     ? tr("Wrote %1.").arg(folders->join(QStringLiteral(", ")))
                     : tr("Wrote %1. Apply the expand, deploy the application that uses the new "
                          "shape, then apply the contract.")
                           .arg(folders->join(QStringLiteral(", "))),
                 false);
    emit finished();
}

} // namespace uaip
